import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Attendee } from '../../contract/admin.js';
import type { AdminClient } from './api.js';
import { markAttendance, readAttendees } from './session-page-api.js';

/** The groups, in the order a door list wants them. */
const GROUPS = [
  ['confirmed', 'Confirmed'],
  ['pending', 'Pending confirmation'],
  ['waitlisted', 'Waiting list'],
  ['cancelled', 'Cancelled'],
] as const;

const fullName = (a: Attendee) => `${a.firstName} ${a.lastName}`;
/** Case and accents ignored, so "eilidh" finds "Eilidh" and "sean" finds "Seán". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const attendeeStyles = css`
  .people {
    display: grid;
  }
  .people li {
    border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
  /* A row at the door: the whole row is the tap target, at least 44 px tall. */
  .people .choice {
    align-items: center;
    padding-block: var(--_s1);
  }
  .people .choice input {
    margin: 0;
  }
  .person {
    display: grid;
    min-height: 44px;
    align-content: center;
    padding-block: var(--_s1);
  }
  .people .email {
    font-size: var(--_t0);
    font-weight: 400;
    color: var(--_muted);
  }
  .tally {
    font-weight: 600;
  }
`;

interface Host extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
  client: AdminClient;
  sessionId: string;
}

/**
 * The attendee list on the session page: everyone booked, grouped by status, with an attendance
 * box for each confirmed person. A tick shows at once and is saved; if the server refuses it or
 * cannot be reached the box goes back and an alert names the person.
 */
export class AttendeeList {
  attendees: Attendee[] | undefined;
  problem = '';
  #filter = '';
  /** Said politely after each saved tick. */
  #said = '';
  /** Said at once when a tick could not be saved. */
  #alert = '';
  #request = 0;
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
  }

  /** How many confirmed people there are, and how many are marked as attended. */
  get tally() {
    const confirmed = (this.attendees ?? []).filter((a) => a.status === 'confirmed');
    return { confirmed: confirmed.length, attended: confirmed.filter((a) => a.attended).length };
  }

  async load() {
    const n = ++this.#request;
    this.problem = '';
    this.#host.requestUpdate();
    try {
      const attendees = await readAttendees(this.#host.client, this.#host.sessionId);
      if (n === this.#request) this.attendees = attendees;
    } catch (err) {
      if (n === this.#request) this.problem = (err as Error).message;
    }
    this.#host.requestUpdate();
  }

  #set(signupId: number, attended: boolean) {
    this.attendees = this.attendees?.map((a) => (a.signupId === signupId ? { ...a, attended } : a));
    this.#host.requestUpdate();
  }

  async #tick(person: Attendee, e: Event) {
    const attended = (e.target as HTMLInputElement).checked;
    const name = fullName(person);
    const words = attended ? 'attended' : 'not attended';
    this.#set(person.signupId, attended);
    try {
      await markAttendance(this.#host.client, this.#host.sessionId, person.signupId, attended);
      this.#said = `Marked ${name} as ${words}`;
      this.#alert = '';
    } catch (err) {
      // Put the box back only if no later tick has changed it since.
      if (this.attendees?.find((a) => a.signupId === person.signupId)?.attended === attended) this.#set(person.signupId, !attended);
      this.#alert = `Not saved: ${name} is still marked as ${attended ? 'not attended' : 'attended'}. ${(err as Error).message}`;
    }
    this.#host.requestUpdate();
  }

  // Arrow functions: Lit calls listeners with the host element as `this`.
  readonly #find = (e: Event) => {
    this.#filter = (e.target as HTMLInputElement).value;
    this.#host.requestUpdate();
  };

  #person(a: Attendee) {
    const id = a.signupId;
    const email = html`<span class="email" id="email-${id}">${a.email}</span>`;
    if (a.status === 'confirmed')
      return html`<li class="choice">
        <input type="checkbox" id="attended-${id}" .checked=${live(a.attended)} aria-labelledby="name-${id}" aria-describedby="email-${id}" @change=${(e: Event) => this.#tick(a, e)} />
        <label class="person" for="attended-${id}"><span id="name-${id}">${fullName(a)}<span class="visually-hidden"> attended</span></span>${email}</label>
      </li>`;
    const position = a.status === 'waitlisted' && a.position !== null ? `Position ${a.position}: ` : '';
    return html`<li class="person"><span>${position}${fullName(a)}</span>${email}</li>`;
  }

  #groups(people: Attendee[]) {
    const wanted = fold(this.#filter.trim());
    const shown = people.filter((a) => fold(fullName(a)).includes(wanted));
    if (!shown.length) return html`<p class="state">No one booked is called “${this.#filter.trim()}”.</p>`;
    return GROUPS.map(([status, title]) => {
      const all = people.filter((a) => a.status === status);
      const group = shown.filter((a) => a.status === status).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
      if (!group.length) return nothing;
      const count = group.length === all.length ? `${all.length}` : `${group.length} of ${all.length}`;
      return html`<section class="stack" aria-labelledby="group-${status}">
        <h4 id="group-${status}">${title} (${count})</h4>
        <ul class="people">
          ${group.map((a) => this.#person(a))}
        </ul>
      </section>`;
    });
  }

  #body() {
    if (this.problem)
      return html`<div class="state error" role="alert">
        <p>${this.problem}</p>
        <button class="button secondary" type="button" @click=${() => this.load()}>Try again</button>
      </div>`;
    const people = this.attendees;
    if (!people) return html`<p class="state">Loading who is booked…</p>`;
    if (!people.length) return html`<p class="state">Nobody has booked yet.</p>`;
    const { confirmed, attended } = this.tally;
    return html`<div class="field">
        <label for="find-name">Find a name</label>
        <input class="control" type="search" id="find-name" autocomplete="off" spellcheck="false" .value=${this.#filter} @input=${this.#find} />
      </div>
      ${confirmed ? html`<p class="tally" id="attended-tally">${attended} of ${confirmed} attended</p>` : nothing} ${this.#groups(people)}`;
  }

  render() {
    return html`<section class="stack" aria-labelledby="people-title">
      <h3 id="people-title">Who is booked</h3>
      <p class="visually-hidden" role="status">${this.#said}</p>
      <div role="alert">${this.#alert ? html`<p class="state error">${this.#alert}</p>` : nothing}</div>
      ${this.#body()}
    </section>`;
  }
}
