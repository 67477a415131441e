import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ManagedSession, Organiser } from '../../contract/admin.js';
import { DELIVERY_MODES } from '../../contract/enums.js';
import { baseStyles } from '../shared/base.styles.js';
import { formatDay, formatTimeRange } from '../shared/format.js';
import { AdminApiError, type AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';
import { describedBy, errorMessage, errorSummary, type Problem } from './form-errors.js';
import { accessFieldset, FIRST_ACCESS_BOX, toggled } from './session-form-access.js';
import { createSession, duplicateSession, getSession, patchSession } from './session-form-api.js';
import {
  changedWords,
  check,
  controlOf,
  DELIVERY_WORDS,
  emptyValues,
  KEYS,
  LABELS,
  timesChanged,
  valuesOf,
  type Errors,
  type Key,
  type Mode,
  type Values,
} from './session-form-values.js';

/** What the session page shows after a save: the shell routes to it, and it reads `history.state.notice`. */
export const DRAFT_NOTICE = 'Saved as a draft: members cannot see it until you publish it';
const COPY_NOTICE = 'Copy saved as a draft: members cannot see it until you publish it';

const TITLES: Record<Mode, string> = { create: 'New session', edit: 'Edit session', duplicate: 'Duplicate session' };
const SAVE: Record<Mode, string> = { create: 'Save as draft', edit: 'Save changes', duplicate: 'Save the copy as a draft' };

/** Inside the deadline's group (whose legend says what and that it is optional), its date and time are just that. */
const IN_GROUP: Partial<Record<Key, string>> = { 'deadline-date': 'Date', 'deadline-time': 'Time' };

type Phase = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready' };

/**
 * The session form: a new session (`#new`), an edit (`#edit=<id>`: only the changed fields are
 * sent, with If-Match, and someone else's save in between is a conflict, never overwritten), or a
 * copy at new times (`#duplicate=<id>`). Dates and times are UK time. Checked with the contract's
 * schemas before sending; problems follow the GOV.UK pattern, and nothing typed is lost.
 *
 * @summary Organiser console: create, edit or duplicate a session.
 */
export class AdminSessionForm extends LitElement {
  static override styles = [
    baseStyles,
    ...consoleStyles,
    css`
      fieldset.group {
        display: grid;
        gap: var(--_s4);
        margin: 0;
        padding: 0;
        border: 0;
        min-width: 0;
      }
      .times {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
        gap: var(--_s3);
      }
      .times .field:first-child {
        grid-column: 1 / -1;
      }
      .source {
        margin: 0;
        display: grid;
        gap: var(--_s1);
      }
      .source dd {
        margin: 0 0 var(--_s2);
      }
      .label {
        font-weight: 600;
      }
      .warning {
        border-left: 5px solid var(--_accent);
        padding-left: var(--_s3);
      }
      input[type='date'],
      input[type='time'] {
        max-width: 100%;
      }
    `,
  ];
  static override properties = {
    phase: { state: true },
    values: { state: true },
    errors: { state: true },
    problems: { state: true },
    conflict: { state: true },
    reapply: { state: true },
    busy: { state: true },
    modules: { state: true },
    knownAreas: { state: true },
    client: { attribute: false },
    organiser: { attribute: false },
    mode: {},
    sessionId: { attribute: 'session-id' },
  };

  private phase: Phase = { name: 'loading' };
  private values: Values = emptyValues();
  /** The values as loaded: what an edit is compared against. */
  #initial: Values = emptyValues();
  #source: ManagedSession | undefined;
  private errors: Errors = {};
  /** Problems that belong to no field (the network, a refusal). */
  private problems: string[] = [];
  /** Someone else saved first: what this organiser had changed, listed until they load the other version. */
  private conflict: string[] | undefined;
  /** After "Load their version": the changes to apply again. */
  private reapply: string[] = [];
  private busy = false;
  private modules: { id: string; title: string }[] = [];
  /** An admin's area suggestions: the areas sessions are already in. */
  private knownAreas: string[] = [];

  client!: AdminClient;
  organiser!: Organiser;
  mode: Mode = 'create';
  sessionId = '';

  /** What takes focus after the next render. */
  #focusNext = '';
  /** A newer load wins over an older one still on its way. */
  #request = 0;

  get #back() {
    return this.mode === 'create' ? '#sessions' : `#session=${this.sessionId}`;
  }

  async #load() {
    const n = ++this.#request;
    this.phase = { name: 'loading' };
    this.errors = {};
    this.problems = [];
    this.conflict = undefined;
    try {
      const [modules, source] = await Promise.all([
        this.client.modules().catch((err: unknown) => (this.mode === 'create' ? Promise.reject(err) : [])),
        this.mode === 'create' ? undefined : getSession(this.client, this.sessionId),
      ]);
      if (n !== this.#request) return;
      this.modules = modules.map((m) => ({ id: m.id, title: m.title })).sort((a, b) => a.title.localeCompare(b.title));
      this.#source = source;
      this.#initial = source ? valuesOf(source) : { ...emptyValues(), area: this.organiser.areas.length === 1 ? this.organiser.areas[0]! : '' };
      // A copy asks for a new date; its times start as the source's.
      if (this.mode === 'duplicate') this.#initial = { ...this.#initial, date: '' };
      this.values = { ...this.#initial };
      this.phase = { name: 'ready' };
    } catch (err) {
      if (n === this.#request) this.phase = { name: 'failed', message: err instanceof Error ? err.message : String(err) };
    }
    if (this.organiser.role === 'admin' && this.mode !== 'duplicate') void this.#loadAreas();
  }

  async #loadAreas() {
    try {
      const rows = await this.client.sessions({});
      this.knownAreas = [...new Set(rows.map((r) => r.session.area))].sort((a, b) => a.localeCompare(b));
    } catch {
      // Suggestions only: an admin can still type any area.
    }
  }

  /** Every input keeps its value in `values`, so a re-render (errors, a conflict) loses nothing typed. */
  #input(e: Event) {
    const el = e.target as HTMLInputElement;
    if (!(KEYS as readonly string[]).includes(el.name)) return;
    if (el.name === 'access-features') this.values = { ...this.values, 'access-features': toggled(this.values['access-features'], el.value, el.checked) };
    else this.values = { ...this.values, [el.name]: el.type === 'checkbox' ? el.checked : el.value };
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    this.problems = [];
    this.conflict = undefined;
    const checked = check(this.values, this.mode, { source: this.#source, areaChoice: this.organiser.role !== 'admin' });
    if (!checked.ok) return this.#fail(checked.errors);
    this.errors = {};
    if (this.mode === 'edit' && !Object.keys(checked.patch).length) return this.#fail({}, ['You have not changed anything, so there is nothing to save.']);
    this.busy = true;
    try {
      if (this.mode === 'create') this.#go((await createSession(this.client, checked.create)).session.id, DRAFT_NOTICE);
      else if (this.mode === 'duplicate') this.#go((await duplicateSession(this.client, this.sessionId, checked.times)).session.id, COPY_NOTICE);
      else {
        const saved = await patchSession(this.client, this.sessionId, this.#source!.version, checked.patch);
        const booked = saved.counts.confirmed + saved.counts.pending + saved.counts.waitlisted;
        const told = 'start' in checked.patch || 'end' in checked.patch ? booked : 0;
        this.#go(saved.session.id, `Changes saved.${told ? ` ${people(told)} booked will be emailed about the new time.` : ''}`);
      }
    } catch (err) {
      this.#refused(err);
    } finally {
      this.busy = false;
    }
  }

  /** A refusal on the fields it names; a 412 is someone else's save. */
  #refused(err: unknown) {
    if (err instanceof AdminApiError && err.status === 412) {
      this.conflict = changedWords(this.values, this.#initial);
      return this.#fail({});
    }
    const errors: Errors = {};
    const rest: string[] = [];
    for (const f of err instanceof AdminApiError ? err.fields : []) {
      const key = controlOf(f.field) ?? controlOf(f.field.split('.')[0]!);
      if (key) errors[key] ??= f.message;
      else rest.push(f.message);
    }
    this.#fail(errors, Object.keys(errors).length && !rest.length ? [] : [err instanceof Error ? err.message : String(err), ...rest]);
  }

  #fail(errors: Errors, problems: string[] = []) {
    this.errors = errors;
    this.problems = problems;
    this.#focusNext = '.error-summary';
  }

  /** To the session page, which shows `notice` from history.state (set once the fragment has moved). */
  #go(id: string, notice: string) {
    location.hash = `#session=${id}`;
    history.replaceState({ notice }, '');
  }

  async #loadTheirs() {
    const mine = this.conflict ?? [];
    await this.#load();
    if (this.phase.name !== 'ready') return;
    this.reapply = mine;
    this.#focusNext = '#reapply';
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('mode') || changed.has('sessionId')) {
      this.reapply = [];
      void this.#load();
    }
  }

  override updated() {
    if (!this.#focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focusNext)?.focus();
    this.#focusNext = '';
  }

  #summary() {
    const problems: Problem[] = [
      ...KEYS.filter((k) => this.errors[k]).map((k) => ({ id: k === 'delivery' ? `delivery-${DELIVERY_MODES[0]}` : k === 'access-features' ? FIRST_ACCESS_BOX : k, message: this.errors[k]! })),
      ...this.problems.map((message) => ({ message })),
    ];
    if (!this.conflict) return errorSummary(problems);
    return errorSummary(
      [{ message: 'Someone else changed this session while you were editing. Your changes are not saved.' }],
      html`${this.conflict.length ? html`<p>What you had changed:</p>
            <ul>
              ${this.conflict.map((c) => html`<li>${c}</li>`)}
            </ul>` : nothing}
        <p><button id="load-theirs" class="button secondary" type="button" @click=${this.#loadTheirs}>Load their version</button></p>`,
    );
  }

  /** A text input, textarea or select with its label, hint and message above it (GOV.UK). */
  #field(key: Key, control: (describedby: string | undefined, invalid: 'true' | 'false') => unknown, hint = '', optional = false) {
    const error = this.errors[key];
    return html`<div class="field ${error ? 'invalid' : ''}">
      <label for=${key}>${IN_GROUP[key] ?? LABELS[key]}${optional && !IN_GROUP[key] ? ' (optional)' : ''}</label>
      ${hint ? html`<p class="hint" id="${key}-hint">${hint}</p>` : nothing} ${errorMessage(key, error)}
      ${control(describedBy(key, error, Boolean(hint)), error ? 'true' : 'false')}
    </div>`;
  }

  #text(key: Key, hint = '', { optional = key === 'deadline-date' || key === 'deadline-time', type = 'text', multiline = false, inputmode = '', list = '' } = {}) {
    const value = this.values[key] as string;
    return this.#field(
      key,
      (d, invalid) =>
        multiline
          ? html`<textarea class="control" id=${key} name=${key} rows="3" aria-describedby=${d ?? nothing} aria-invalid=${invalid} .value=${live(value)}></textarea>`
          : html`<input
              class="control"
              id=${key}
              name=${key}
              type=${type}
              inputmode=${inputmode || nothing}
              list=${list || nothing}
              ?required=${!optional}
              autocomplete="off"
              aria-describedby=${d ?? nothing}
              aria-invalid=${invalid}
              .value=${live(value)}
            />`,
      hint,
      optional,
    );
  }

  #select(key: Key, options: [string, string][], placeholder: string) {
    return this.#field(
      key,
      (d, invalid) => html`<select class="control" id=${key} name=${key} required aria-describedby=${d ?? nothing} aria-invalid=${invalid}>
        <option value="" ?selected=${!this.values[key]}>${placeholder}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.values[key] === value}>${text}</option>`)}
      </select>`,
    );
  }

  #times() {
    return html`<fieldset class="group">
      <legend>When (UK time)</legend>
      <div class="times">
        ${this.#text('date', '', { type: 'date' })} ${this.#text('start', '', { type: 'time' })} ${this.#text('end', '', { type: 'time' })}
      </div>
    </fieldset>`;
  }

  #delivery() {
    const error = this.errors.delivery;
    return html`<fieldset class="field group ${error ? 'invalid' : ''}" id="delivery" role="radiogroup" aria-required="true" aria-describedby=${error ? 'delivery-error' : nothing}>
      <legend>${LABELS.delivery}</legend>
      ${errorMessage('delivery', error)}
      <div class="choices">
        ${DELIVERY_MODES.map(
          (m) => html`<div class="choice">
            <input type="radio" id="delivery-${m}" name="delivery" value=${m} aria-invalid=${error ? 'true' : 'false'} .checked=${live(this.values.delivery === m)} />
            <label for="delivery-${m}">${DELIVERY_WORDS[m]}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  #venue() {
    if (this.values.delivery !== 'in-person' && this.values.delivery !== 'hybrid') return nothing;
    return html`<fieldset class="group">
      <legend>Venue</legend>
      ${this.#text('venue-name')} ${this.#text('venue-address', '', { multiline: true })} ${this.#text('venue-postcode')}
    </fieldset>`;
  }

  /** How to join online: only for a session that runs online; a published one without a link is warned about, not refused. */
  #joining() {
    if (this.values.delivery !== 'online' && this.values.delivery !== 'hybrid') return nothing;
    const unlinked = this.#source?.published && this.mode === 'edit' && !this.values['joining-url'].trim();
    return html`<fieldset class="group" aria-describedby=${unlinked ? 'joining-hint joining-warning' : 'joining-hint'}>
      <legend>Joining online (optional)</legend>
      <p class="hint" id="joining-hint">Only members with a confirmed place see these, in their booking and their emails. They are never on the public calendar.</p>
      ${unlinked
        ? html`<p class="warning" id="joining-warning">This session is published, and members who book it get no joining link until you add one.</p>`
        : nothing}
      ${this.#text('joining-url', 'A web address starting https://, like a Zoom or Teams meeting link.', { optional: true, type: 'url' })}
      ${this.#text('joining-instructions', 'For example the meeting ID and passcode, or “join 5 minutes early”.', { optional: true, multiline: true })}
    </fieldset>`;
  }

  #area() {
    if (this.organiser.role !== 'admin') return this.#select('area', this.organiser.areas.map((a) => [a, a]), 'Choose an area');
    return html`${this.#text('area', 'The area or CLP the session is run for', { list: 'known-areas' })}
      <datalist id="known-areas">${this.knownAreas.map((a) => html`<option value=${a}></option>`)}</datalist>`;
  }

  #waitlist() {
    return html`<div class="field">
      <div class="choice">
        <input type="checkbox" id="waitlist" name="waitlist" .checked=${live(this.values.waitlist)} />
        <label for="waitlist">Keep a waiting list when the session is full</label>
      </div>
    </div>`;
  }

  #deadline() {
    return html`<fieldset class="group" aria-describedby="deadline-hint">
      <legend>Signup deadline (optional)</legend>
      <p class="hint" id="deadline-hint">UK time. Members cannot sign up after it. Leave both empty to take signups until the session starts.</p>
      <div class="times">${this.#text('deadline-date', '', { type: 'date' })} ${this.#text('deadline-time', '', { type: 'time' })}</div>
    </fieldset>`;
  }

  /** An edit that moves the session: who will be emailed (the counts the server sent), and a note for them. */
  #reschedule() {
    if (this.mode !== 'edit' || !timesChanged(this.values, this.#initial)) return nothing;
    const c = this.#source!.counts;
    const booked = c.confirmed + c.pending + c.waitlisted;
    if (!booked) return html`<p class="warning" role="status">Nobody is booked yet, so nobody will be emailed about the change.</p>`;
    return html`<div class="stack warning">
      <p role="status"><strong>Everyone booked (${people(booked)}) will be emailed about the change.</strong></p>
      ${this.#text('note', 'Added to the email, for example why it moved.', { multiline: true, optional: true })}
    </div>`;
  }

  /** The copy's source: what stays the same. */
  #sourceSummary() {
    const s = this.#source!.session;
    const rows: [string, string][] = [
      ['Module', this.#title(s.moduleId)],
      ['Area', s.area],
      ['Venue', s.venue ? `${s.venue.name}, ${s.venue.postcode}` : DELIVERY_WORDS[s.delivery]],
      ['Copied from', `${formatDay(s.start, 'en-GB')}, ${formatTimeRange(s.start, s.end, 'en-GB')}`],
    ];
    return html`<dl class="source">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
      <p>The copy keeps everything else too (capacity, trainer, notes, joining details), has no bookings, and is a draft until you publish it.</p>`;
  }

  #title(id: string) {
    return this.modules.find((m) => m.id === id)?.title ?? id;
  }

  #fields() {
    if (this.mode === 'duplicate') return html`${this.#sourceSummary()} ${this.#times()}`;
    const module =
      this.mode === 'create'
        ? this.#select('module', this.modules.map((m) => [m.id, m.title]), 'Choose a module')
        : html`<div class="field">
            <span class="label">Module</span>
            <p id="module">${this.#title(this.values.module)}</p>
            <p class="hint">The module cannot be changed here. For another module, create a new session.</p>
          </div>`;
    return html`${module} ${this.#times()} ${this.#reschedule()} ${this.#delivery()} ${this.#venue()} ${this.#joining()} ${this.#area()}
    ${this.#text('capacity', 'How many places people can book', { inputmode: 'numeric' })} ${this.#waitlist()}
    ${this.#text('trainer', '', { optional: true })} ${this.#deadline()}
    ${accessFieldset(LABELS['access-features'], this.values['access-features'], this.errors['access-features'])}
    ${this.#text('accessibility', 'Shown to members, for what the boxes above do not say: which entrance to use, what to ask for, and so on.', { multiline: true, optional: true })}`;
  }

  override render() {
    const { phase } = this;
    const title = html`<h2 id="form-title">${TITLES[this.mode]}</h2>`;
    if (phase.name === 'loading') return html`${title}<p class="state" role="status">Loading…</p>`;
    if (phase.name === 'failed')
      return html`${title}
        <p class="state error" role="alert">${phase.message}</p>
        <p class="actions">
          <button class="button secondary" type="button" @click=${this.#load}>Try again</button><a href=${this.#back}>Go back</a>
        </p>`;
    return html`<section class="stack" aria-labelledby="form-title">
      ${this.#summary()} ${title}
      ${this.reapply.length
        ? html`<div id="reapply" class="state" role="status" tabindex="-1">
            <p>Their version is loaded. Your changes were not saved: apply them again if they still make sense.</p>
            <ul>
              ${this.reapply.map((c) => html`<li>${c}</li>`)}
            </ul>
          </div>`
        : nothing}
      <form class="stack" novalidate @input=${this.#input} @change=${this.#input} @submit=${this.#submit}>
        ${this.#fields()}
        <div class="actions">
          <button id="save" class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Saving…' : SAVE[this.mode]}</button>
          <a href=${this.#back}>Cancel</a>
        </div>
      </form>
    </section>`;
  }
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);
