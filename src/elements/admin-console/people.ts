import { html, LitElement, nothing } from 'lit';
import type { Organiser } from '../../contract/admin.js';
import { PersonSearchRequestSchema, type EraseResult, type PersonData } from '../../contract/data-rights.js';
import { baseStyles } from '../shared/base.styles.js';
import { dayKey } from '../shared/format.js';
import { AdminApiError, type AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';
import { describedBy, errorMessage, errorSummary } from './form-errors.js';
import { erasePerson, eraseWords, personText, searchPerson } from './people-api.js';
import { peopleStyles } from './people.styles.js';
import { holdsAnything, personData } from './person-data.js';
import { saveFile } from './save-file.js';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Members' data rights, for admins: find everything held about an email address, hand it over
 * (JSON or a readable copy), or erase it. What was found lives only in this element's memory:
 * it goes when another address is searched or the view is left, and never reaches the URL or storage.
 *
 * @summary Organiser console: subject access and erasure (admin only).
 */
export class AdminPeople extends LitElement {
  static override styles = [baseStyles, ...consoleStyles, peopleStyles];
  static override properties = {
    error: { state: true },
    problem: { state: true },
    busy: { state: true },
    person: { state: true },
    confirmError: { state: true },
    eraseProblem: { state: true },
    erasing: { state: true },
    saving: { state: true },
    fileProblem: { state: true },
    client: { attribute: false },
    organiser: { attribute: false },
    locale: {},
  };

  /** The email field's message. */
  private error = '';
  /** A search failure that is not about the field (network, refused). */
  private problem = '';
  private busy = false;
  /** The address searched and what it found, or what erasing it did. In memory only. */
  private person?: { email: string; data?: PersonData; erased?: EraseResult };
  private confirmError = '';
  private eraseProblem = '';
  private erasing = false;
  private saving = false;
  private fileProblem = '';

  client!: AdminClient;
  organiser!: Organiser;
  locale = 'en-GB';

  /** What takes focus after the next render. */
  #focusNext = '';

  #field<T extends HTMLElement>(id: string) {
    return this.renderRoot.querySelector<T>(`#${id}`)!;
  }

  async #search(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const value = this.#field<HTMLInputElement>('person-email').value;
    const parsed = PersonSearchRequestSchema.safeParse({ email: value });
    // Whatever was shown goes as soon as another search starts.
    this.person = undefined;
    this.problem = this.confirmError = this.eraseProblem = this.fileProblem = '';
    this.error = parsed.success ? '' : value.trim() ? parsed.error.issues[0]!.message : 'Enter the person’s email address';
    if (!parsed.success) return void (this.#focusNext = '#search-errors .error-summary');
    this.busy = true;
    try {
      this.person = { email: parsed.data.email, data: await searchPerson(this.client, parsed.data.email) };
      this.#focusNext = '#person-result';
    } catch (err) {
      const field = err instanceof AdminApiError ? err.fields.find((f) => f.field === 'email') : undefined;
      if (field) this.error = field.message;
      else this.problem = message(err);
      this.#focusNext = '#search-errors .error-summary';
    } finally {
      this.busy = false;
    }
  }

  async #erase(e: SubmitEvent) {
    e.preventDefault();
    const person = this.person;
    if (this.erasing || !person) return;
    const box = this.#field<HTMLInputElement>('erase-confirm');
    this.eraseProblem = '';
    this.confirmError = box.checked ? '' : 'Tick the box to say you have checked this is the right person and they asked to be erased';
    if (!box.checked) return void (this.#focusNext = '#erase-errors .error-summary');
    this.erasing = true;
    try {
      const erased = await erasePerson(this.client, person.email);
      // What was shown is no longer held: only the result stays. The box is ticked afresh for another go.
      this.person = { email: person.email, erased };
      box.checked = false;
      this.#focusNext = '#erase-result';
    } catch (err) {
      this.eraseProblem = message(err);
      this.#focusNext = '#erase-errors .error-summary';
    } finally {
      this.erasing = false;
    }
  }

  #fileName(ext: string) {
    return `mobilise-data-${dayKey(this.person?.data?.generatedAt ?? new Date())}.${ext}`;
  }

  #saveJson() {
    const data = this.person?.data;
    if (data) saveFile(this.renderRoot, this.#fileName('json'), 'application/json', JSON.stringify(data, null, 2));
  }

  async #saveText() {
    const person = this.person;
    if (this.saving || !person) return;
    this.saving = true;
    this.fileProblem = '';
    try {
      saveFile(this.renderRoot, this.#fileName('txt'), 'text/plain;charset=utf-8', await personText(this.client, person.email));
    } catch (err) {
      this.fileProblem = message(err);
    } finally {
      this.saving = false;
    }
  }

  override updated() {
    if (!this.#focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focusNext)?.focus();
    this.#focusNext = '';
  }

  /** The GOV.UK summary in a container named `id`: a field's message links to the field, other problems are plain text. */
  #summary(id: string, field: string, fieldError: string, problem: string) {
    return html`<div id=${id}>${errorSummary([...(fieldError ? [{ id: field, message: fieldError }] : []), ...(problem ? [{ message: problem }] : [])])}</div>`;
  }

  #searchForm() {
    const invalid = Boolean(this.error);
    return html`${this.#summary('search-errors', 'person-email', this.error, this.problem)}
      <form class="stack" novalidate role="search" aria-label="Find a person's data" @submit=${this.#search}>
        <div class="field ${invalid ? 'invalid' : ''}">
          <label for="person-email">Their email address</label>
          <p class="hint" id="person-email-hint">As they gave it when signing up. Case does not matter.</p>
          ${errorMessage('person-email', this.error)}
          <input
            class="control"
            id="person-email"
            type="email"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="off"
            required
            aria-describedby=${describedBy('person-email', this.error, true) ?? nothing}
            aria-invalid=${invalid ? 'true' : 'false'}
          />
        </div>
        <div class="actions">
          <button class="button" id="person-search" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Searching…' : 'Find their data'}</button>
        </div>
      </form>`;
  }

  #held(email: string, data: PersonData) {
    return html`<section class="stack" aria-labelledby="person-result">
      <h3 id="person-result" tabindex="-1">What we hold about ${email}</h3>
      ${personData(data, this.locale)}
      <div class="actions">
        <button class="button secondary" id="download-json" type="button" @click=${this.#saveJson}>Download as JSON</button>
        <button class="button secondary" id="download-text" type="button" aria-disabled=${this.saving ? 'true' : 'false'} @click=${this.#saveText}>
          ${this.saving ? 'Preparing…' : 'Download a readable copy'}
        </button>
      </div>
      ${this.fileProblem ? html`<p class="state error" role="alert">${this.fileProblem}</p>` : nothing}
    </section>`;
  }

  #erased(email: string, r: EraseResult) {
    const words = eraseWords(r);
    return html`<div class="erase-result result" id="erase-result" tabindex="-1">
      ${words.length
        ? html`<h3>Erased: ${email}</h3>
            <ul>
              ${words.map((w) => html`<li>${w}</li>`)}
            </ul>
            <p>The sessions’ numbers and history stay; the person’s details are gone.</p>`
        : html`<h3>Nothing left to erase</h3>
            <p>We hold no more personal data about ${email}.</p>`}
    </div>`;
  }

  #eraseSection(email: string) {
    const invalid = Boolean(this.confirmError);
    return html`<section class="stack" aria-labelledby="erase-title">
      <h3 id="erase-title">Erase this person</h3>
      ${this.person?.erased ? this.#erased(email, this.person.erased) : nothing}
      <div class="warning">
        <p><strong>This cannot be undone.</strong> Their name, contact details, access needs and consents are removed from every signup.</p>
        <p>Their bookings of sessions yet to happen are withdrawn, and each place goes to the next person on the waiting list. The sessions’ counts stay.</p>
      </div>
      ${this.#summary('erase-errors', 'erase-confirm', this.confirmError, this.eraseProblem)}
      <form class="stack" novalidate @submit=${this.#erase}>
        <div class="field ${invalid ? 'invalid' : ''}">
          ${errorMessage('erase-confirm', this.confirmError)}
          <div class="choice">
            <input type="checkbox" id="erase-confirm" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy('erase-confirm', this.confirmError) ?? nothing} />
            <label for="erase-confirm">I have checked this is the right person and they asked to be erased</label>
          </div>
        </div>
        <div class="actions">
          <button class="button danger" id="erase" type="submit" aria-disabled=${this.erasing ? 'true' : 'false'}>
            ${this.erasing ? 'Erasing…' : `Erase everything about ${email}`}
          </button>
        </div>
      </form>
    </section>`;
  }

  override render() {
    const heading = html`<h2 id="people-title">People: data rights</h2>`;
    if (this.organiser.role !== 'admin')
      return html`<section class="stack" aria-labelledby="people-title">
        ${heading}
        <p class="state">Only an admin can search people’s data. Ask an admin to find, export or erase a person’s data for you.</p>
      </section>`;
    const p = this.person;
    return html`<section class="stack" aria-labelledby="people-title">
      ${heading}
      <p>Find everything we hold about a member to give them a copy (subject access), or to erase it when they ask.</p>
      ${this.#searchForm()} ${p?.data ? this.#held(p.email, p.data) : nothing}
      ${p && (p.erased || (p.data && holdsAnything(p.data))) ? this.#eraseSection(p.email) : nothing}
    </section>`;
  }
}
