import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { CancelledSession, ManagedSession, Organiser } from '../../contract/admin.js';
import { baseStyles } from '../shared/base.styles.js';
import { formatDay, formatTimeRange } from '../shared/format.js';
import { AdminApiError, type AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';
import { AttendeeList, attendeeStyles } from './attendee-list.js';
import { CancelSession, cancelStyles, people } from './cancel-session.js';
import { readSession, setPublished } from './session-page-api.js';
import { accessNeedsChoice, signupsCsvUrl } from './signups-csv.js';

const statusOf = (m: ManagedSession) => (m.session.status === 'cancelled' ? 'Cancelled' : m.published ? 'Published' : 'Draft');

/**
 * One session for its organiser (`#session=<id>`): what, when (UK time), where, its status and
 * numbers; Edit, Duplicate, Publish or Unpublish, the attendee CSV, and Cancel with a preview of
 * the email. Below, everyone booked, with attendance boxes for the door.
 *
 * @summary Organiser console: one session, its attendees and attendance.
 */
export class AdminSessionPage extends LitElement {
  static override styles = [
    baseStyles,
    ...consoleStyles,
    attendeeStyles,
    cancelStyles,
    css`
      :host {
        display: block;
      }
      .facts,
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_s2) var(--_s6);
        margin: 0;
      }
      .facts div,
      .counts div {
        display: flex;
        gap: var(--_s2);
        align-items: baseline;
      }
      .counts dd {
        font-size: var(--_t2);
        font-variant-numeric: tabular-nums;
      }
      .facts dd {
        margin: 0;
      }
      #session-title {
        font-size: var(--_t2);
      }
      /* Live regions stay in the page (so what is put in them is announced) but take no room while empty. */
      .stack > :is([role='status'], [role='alert']):empty {
        position: absolute;
      }
      #outcome:focus {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
    `,
  ];
  static override properties = {
    managed: { state: true },
    moduleTitle: { state: true },
    problem: { state: true },
    notice: { state: true },
    accessNeeds: { state: true },
    actionProblem: { state: true },
    outcome: { state: true },
    busy: { state: true },
    client: { attribute: false },
    organiser: { attribute: false },
    sessionId: { attribute: 'session-id' },
  };

  readonly attendees = new AttendeeList(this);
  readonly cancel = new CancelSession(this);

  private managed: ManagedSession | undefined;
  private moduleTitle = '';
  private problem: Error | undefined;
  /** What publishing or unpublishing did, in words. */
  private notice = '';
  /** The attendees' CSV with access needs: off unless ticked for that download (health data). */
  private accessNeeds = false;
  private actionProblem = '';
  /** What the cancel did, from the server's count. */
  private outcome = '';
  private busy = false;

  client!: AdminClient;
  organiser!: Organiser;
  sessionId = '';

  /** A newer session's load wins over an older one still on its way. */
  #request = 0;

  /** Everyone a cancel would email, by the session's own counts. */
  get booked() {
    const c = this.managed?.counts;
    return c ? c.confirmed + c.pending + c.waitlisted : 0;
  }

  cancelled({ emailed, ...managed }: CancelledSession) {
    this.managed = managed;
    this.notice = '';
    this.outcome = `Session cancelled. ${
      emailed === 0 ? 'Nobody was booked, so no emails were sent.' : emailed === 1 ? 'The email to 1 person is on its way.' : `Emails to ${people(emailed)} are on their way.`
    }`;
    void this.attendees.load();
    // The buttons pressed are gone: the outcome takes focus.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus());
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('sessionId') && this.sessionId) void this.#load();
  }

  async #load() {
    const n = ++this.#request;
    this.managed = this.problem = undefined;
    this.notice = this.actionProblem = this.outcome = '';
    this.#savedNotice();
    this.cancel.open = false;
    void this.attendees.load();
    try {
      const [managed, modules] = await Promise.all([readSession(this.client, this.sessionId), this.client.modules().catch(() => [])]);
      if (n !== this.#request) return;
      this.moduleTitle = modules.find((m) => m.id === managed.session.moduleId)?.title ?? managed.session.moduleId;
      this.managed = managed;
    } catch (err) {
      if (n === this.#request) this.problem = err as Error;
    }
  }

  /** The session form's words after a save ("Saved as a draft…"), passed in history.state; shown once, not again on reload. */
  #savedNotice() {
    const { notice, ...rest } = (history.state ?? {}) as { notice?: unknown };
    if (typeof notice !== 'string') return;
    this.notice = notice;
    history.replaceState(Object.keys(rest).length ? rest : null, '');
  }

  async #publish(published: boolean) {
    if (this.busy) return;
    this.busy = true;
    this.notice = this.actionProblem = '';
    try {
      this.managed = await setPublished(this.client, this.sessionId, published);
      this.notice = published ? 'Published: members can now see and book it.' : 'Unpublished: members can no longer see or book it. Bookings already made stay.';
    } catch (err) {
      this.actionProblem = (err as Error).message;
    } finally {
      this.busy = false;
    }
  }

  #failed(problem: Error) {
    if (problem instanceof AdminApiError && problem.status === 404)
      return html`<section class="stack" aria-labelledby="session-title">
        <h2 id="session-title">Session not found</h2>
        <p class="state error" role="alert">${problem.message}</p>
        <p><a href="#sessions">Back to sessions</a></p>
      </section>`;
    return html`<section class="stack" aria-labelledby="session-title">
      <h2 id="session-title">This session could not be loaded</h2>
      <div class="state error" role="alert">
        <p>${problem.message}</p>
        <button class="button secondary" type="button" @click=${() => this.#load()}>Try again</button>
      </div>
    </section>`;
  }

  #numbers({ counts }: ManagedSession) {
    const attended = this.attendees.attendees ? this.attendees.tally.attended : counts.attended;
    const cells: [string, number][] = [
      ['Capacity', counts.capacity],
      ['Confirmed', counts.confirmed],
      ['Pending', counts.pending],
      ['Waiting', counts.waitlisted],
      ['Attended', attended],
    ];
    return html`<dl class="counts" aria-label="Numbers">
      ${cells.map(([label, n]) => html`<div><dt>${label}</dt><dd>${n}</dd></div>`)}
    </dl>`;
  }

  #actions(m: ManagedSession) {
    const id = m.session.id;
    const live = m.session.status !== 'cancelled';
    return html`<div class="actions">
      <a class="button secondary" href="#edit=${id}">Edit</a>
      <a class="button secondary" href="#duplicate=${id}">Duplicate</a>
      ${live
        ? html`<button class="button" type="button" id=${m.published ? 'unpublish' : 'publish'} aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#publish(!m.published)}>
            ${m.published ? 'Unpublish' : 'Publish'}
          </button>`
        : nothing}
    </div>
    <div class="stack export">
      ${accessNeedsChoice('session-access-needs', this.accessNeeds, (on) => (this.accessNeeds = on))}
      <p><a class="button secondary" id="attendees-csv" href=${signupsCsvUrl(this.client, { session: id, accessNeeds: this.accessNeeds })} download>Download attendees (CSV)</a></p>
    </div>`;
  }

  override render() {
    if (this.problem) return this.#failed(this.problem);
    const m = this.managed;
    if (!m) return html`<p class="state">Loading the session…</p>`;
    const s = m.session;
    return html`<article class="stack" aria-labelledby="session-title">
      <p><a href="#sessions">Back to sessions</a></p>
      <h2 id="session-title">${this.moduleTitle}</h2>
      <dl class="facts">
        <div><dt>When</dt><dd>${formatDay(s.start, 'en-GB')}, ${formatTimeRange(s.start, s.end, 'en-GB')} (UK time)</dd></div>
        <div><dt>Area</dt><dd>${s.area}</dd></div>
        <div><dt>Status</dt><dd id="status">${statusOf(m)}</dd></div>
      </dl>
      ${this.#numbers(m)} ${this.#actions(m)}
      <p role="status">${this.notice}</p>
      <div role="alert">${this.actionProblem ? html`<p class="state error">${this.actionProblem}</p>` : nothing}</div>
      ${this.outcome ? html`<p class="state" id="outcome" tabindex="-1">${this.outcome}</p>` : nothing}
      ${s.status !== 'cancelled' ? this.cancel.render() : nothing} ${this.attendees.render()}
    </article>`;
  }
}
