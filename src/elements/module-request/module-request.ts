import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { MobiliseClient } from '../../client/client.js';
import { isMobiliseError } from '../../client/errors.js';
import { localised, type Module } from '../../contract/index.js';
import { moduleRequestPaths, ModuleRequestResultSchema, REQUEST_LINK, type ModuleRequestInput } from '../../contract/module-request.js';
import { baseStyles } from '../shared/base.styles.js';
import { pageStyles } from '../shared/page.styles.js';
import { safeHref } from '../signup-form/fields.js';
import { styles as formStyles } from '../signup-form/signup-form.styles.js';
import { requestStyles } from './module-request.styles.js';
import { check, FIELDS, problemsOf, type Field, type Problems } from './problems.js';
import { requestLocale, requestWords, type RequestWords } from './words.js';

/** The confirmation email's link: `#mobilise-request=<43 base64url characters>`. */
const LINK = new RegExp(`^#${REQUEST_LINK}=([A-Za-z0-9_-]{43})$`);

type Phase =
  | { name: 'form' }
  | { name: 'sent'; email: string }
  | { name: 'confirming' }
  | { name: 'confirmed'; area: string }
  | { name: 'invalid' | 'expired' | 'confirm-failed' };

type Modules = Module[] | 'loading' | 'failed';

/** What the member has typed, kept through every failure (from `input` events, which selects and checkboxes fire too). */
interface Values {
  moduleId: string;
  area: string;
  email: string;
  consent: boolean;
  website: string;
}

const id = (field: Field | 'website') => `f-${field}`;

/**
 * "Ask for this module near me" (issue 14), the page at `/request` on the training server. The
 * embed's catalogue and calendar link here when a module has no session near the member:
 * `?module=<id>&area=<area>&from=<the CLP page>&lang=<its language>` (the server sets the page's lang). The member picks the module, says their area
 * and email, and consents; the request is sent with the CLP page as its return address, so the
 * email about a published session leads back to that page's calendar. The confirmation email
 * links back here (`#mobilise-request=<token>`): the token is taken out of the address bar at
 * once and sent in a POST body. Its own bundle (dist/request/request.js), never part of the embed.
 *
 * @tagname mobilise-module-request
 * @summary Ask to be emailed when a module is arranged in your area; confirm by the emailed link.
 * @cssproperty --mobilise-accent - As for every element (the shared tokens apply).
 */
export class MobiliseModuleRequest extends LitElement {
  static override styles = [baseStyles, pageStyles, formStyles, requestStyles];
  static override properties = {
    endpoint: {},
    locale: {},
    privacyUrl: { attribute: 'privacy-url' },
    module: {},
    area: {},
    from: {},
    token: { attribute: false },
    phase: { state: true },
    modules: { state: true },
    values: { state: true },
    problems: { state: true },
    sending: { state: true },
  };

  /** The API's origin; '' is the page's own (the reference backend serves the page). */
  endpoint = '';
  /** en-GB, gd or cy; else the nearest `lang` (the page's, which `?lang=` sets). */
  locale = '';
  /** The privacy notice the consent links to (the server writes PRIVACY_URL here). */
  privacyUrl = '';
  /** The module to preselect; else `?module=`. */
  module = '';
  /** The area to prefill; else `?area=`. */
  area = '';
  /** The CLP page the member came from, where the session email will lead; else `?from=`. */
  from = '';
  /** The confirmation link's token; read from the address (`#mobilise-request=…`) when not set. */
  token = '';

  private phase: Phase = { name: 'form' };
  private modules: Modules = 'loading';
  private values: Values = { moduleId: '', area: '', email: '', consent: false, website: '' };
  private problems: Problems = { fields: {} };
  private sending = false;
  #request?: AbortController;
  /** What to focus after the next render: the error summary or the outcome's heading. */
  #focus?: string;

  override connectedCallback() {
    super.connectedCallback();
    const query = new URLSearchParams(location.search);
    this.module ||= query.get('module') ?? '';
    this.area ||= query.get('area') ?? '';
    this.from ||= query.get('from') ?? '';
    this.token ||= this.#takeToken();
    if (this.token) void this.#confirm();
    else void this.#loadModules();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#request?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // The link's module and area start the answers; the member may change both.
    if (changed.has('module') || changed.has('area')) this.values = { ...this.values, moduleId: this.module, area: this.area };
  }

  /** The token from the address bar, then out of it and its history entry (so it is never bookmarked or shared). */
  #takeToken(): string {
    const token = LINK.exec(location.hash)?.[1];
    if (token) history.replaceState(history.state, '', location.pathname + location.search);
    return token ?? '';
  }

  get #lang() {
    return requestLocale(this.locale || this.closest('[lang]')?.getAttribute('lang'));
  }

  /** One client per element, no retries: a repeated POST would send a second confirmation email. */
  #client() {
    return new MobiliseClient(this.endpoint || location.origin, { retries: 0 });
  }

  #abortable() {
    this.#request?.abort();
    return (this.#request = new AbortController()).signal;
  }

  async #loadModules() {
    const signal = this.#abortable();
    this.modules = 'loading';
    try {
      const { items } = await this.#client().getModules(signal, this.#lang);
      if (!signal.aborted) this.modules = items;
    } catch {
      if (!signal.aborted) this.modules = 'failed';
    }
  }

  async #confirm() {
    const signal = this.#abortable();
    this.phase = { name: 'confirming' };
    try {
      const result = await this.#client().post(moduleRequestPaths.confirm, { token: this.token }, ModuleRequestResultSchema, signal);
      this.phase = { name: 'confirmed', area: result.area };
    } catch (error) {
      if (signal.aborted) return;
      const status = isMobiliseError(error) ? error.status : undefined;
      this.phase = { name: status === 410 ? 'expired' : status === 404 || status === 422 ? 'invalid' : 'confirm-failed' };
    }
    this.#focus = '.result-heading';
  }

  readonly #retryConfirm = () => void this.#confirm();
  readonly #retryModules = () => void this.#loadModules();

  readonly #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    const name = input.name as keyof Values;
    this.values = { ...this.values, [name]: input.type === 'checkbox' ? (input as HTMLInputElement).checked : input.value };
  };

  /** The summary's links move focus to the question (the page's own `#` would scroll the host document). */
  readonly #onSummaryLink = (e: Event) => {
    e.preventDefault();
    const field = (e.currentTarget as HTMLElement).dataset.field as Field;
    this.renderRoot.querySelector<HTMLElement>(`#${id(field)}`)?.focus();
  };

  readonly #onSubmit = async (e: Event) => {
    e.preventDefault();
    if (this.sending) return;
    const { website, ...v } = this.values;
    const t = requestWords(this.#lang);
    const body: ModuleRequestInput = {
      moduleId: v.moduleId,
      area: v.area,
      email: v.email.trim(),
      consent: v.consent as true,
      locale: this.#lang,
      website,
      // The CLP page the embed's link came from; without one, this page (the server then says whether it may).
      returnUrl: this.from || location.href.split('#')[0]!,
    };
    const problems = check(body, t);
    if (problems) return this.#show(problems);
    this.problems = { fields: {} };
    this.sending = true;
    try {
      await this.#client().post(moduleRequestPaths.create, body, ModuleRequestResultSchema, this.#abortable());
      this.phase = { name: 'sent', email: body.email };
      this.#focus = '.result-heading';
    } catch (error) {
      this.#show(problemsOf(error, t));
    } finally {
      this.sending = false;
    }
  };

  #show(problems: Problems) {
    this.problems = problems;
    this.#focus = Object.keys(problems.fields).length ? '.error-summary' : '[part="notice"]';
  }

  protected override updated() {
    if (!this.#focus) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focus)?.focus();
    this.#focus = undefined;
  }

  #errorMessage(t: RequestWords, field: Field) {
    const error = this.problems.fields[field];
    return error ? html`<p class="error-message" id="${id(field)}-error"><span class="visually-hidden">${t.errorPrefix}</span> ${error}</p>` : nothing;
  }

  /** aria-describedby and aria-invalid of a question. */
  #described(field: Field, hint?: string) {
    const error = this.problems.fields[field] ? `${id(field)}-error` : '';
    return { describedBy: [hint, error].filter(Boolean).join(' ') || undefined, invalid: error ? 'true' : undefined };
  }

  #renderSummary(t: RequestWords) {
    const fields = FIELDS.filter((f) => this.problems.fields[f]);
    if (!fields.length) return nothing;
    return html`<div class="error-summary state error" role="alert" tabindex="-1">
      <h2 class="error-summary-title">${t.errorSummary}</h2>
      <ul>
        ${fields.map((f) => html`<li><a href="#${id(f)}" data-field=${f} @click=${this.#onSummaryLink}>${this.problems.fields[f]}</a></li>`)}
      </ul>
    </div>`;
  }

  #renderForm(t: RequestWords, modules: Module[]) {
    const v = this.values;
    const f = this.problems.fields;
    const lang = this.#lang;
    const module = this.#described('moduleId');
    const area = this.#described('area', `${id('area')}-hint`);
    const email = this.#described('email');
    const consent = this.#described('consent', this.privacyUrl ? `${id('consent')}-hint` : undefined);
    const privacy = safeHref(this.privacyUrl);
    return html`<p>${t.intro}</p>
      ${this.#renderSummary(t)}
      <form novalidate @submit=${this.#onSubmit} @input=${this.#onInput}>
        <div class="field ${f.moduleId ? 'invalid' : ''}">
          <label for=${id('moduleId')}>${t.module}</label>
          ${this.#errorMessage(t, 'moduleId')}
          <select class="control" id=${id('moduleId')} name="moduleId" required aria-describedby=${ifDefined(module.describedBy)} aria-invalid=${ifDefined(module.invalid)}>
            <option value="" ?selected=${!v.moduleId}>${t.chooseModule}</option>
            ${modules.map((m) => html`<option value=${m.id} ?selected=${m.id === v.moduleId}>${localised(m, 'title', lang).text}</option>`)}
          </select>
        </div>
        <div class="field ${f.area ? 'invalid' : ''}">
          <label for=${id('area')}>${t.area}</label>
          <p class="hint" id="${id('area')}-hint">${t.areaHint}</p>
          ${this.#errorMessage(t, 'area')}
          <input class="control" id=${id('area')} name="area" required maxlength="120" autocomplete="address-level2"
            aria-describedby=${ifDefined(area.describedBy)} aria-invalid=${ifDefined(area.invalid)} .value=${live(v.area)} />
        </div>
        <div class="field ${f.email ? 'invalid' : ''}">
          <label for=${id('email')}>${t.email}</label>
          ${this.#errorMessage(t, 'email')}
          <input class="control" id=${id('email')} name="email" type="email" required autocomplete="email" inputmode="email" autocapitalize="off" spellcheck="false"
            aria-describedby=${ifDefined(email.describedBy)} aria-invalid=${ifDefined(email.invalid)} .value=${live(v.email)} />
        </div>
        <div class="field ${f.consent ? 'invalid' : ''}">
          ${this.#errorMessage(t, 'consent')}
          <div class="choice">
            <input type="checkbox" id=${id('consent')} name="consent" required
              aria-describedby=${ifDefined(consent.describedBy)} aria-invalid=${ifDefined(consent.invalid)} .checked=${live(v.consent)} />
            <label for=${id('consent')}>${t.consent}</label>
          </div>
          ${privacy
            ? html`<p class="hint choice-hint" id="${id('consent')}-hint">
                <a href=${privacy} target="_blank" rel="noopener noreferrer">${t.privacy}<span class="visually-hidden"> ${t.newTab}</span></a>
              </p>`
            : nothing}
        </div>
        <div class="hp" aria-hidden="true">
          <label for=${id('website')}>${t.honeypot}</label>
          <input type="text" id=${id('website')} name="website" tabindex="-1" autocomplete="off" .value=${live(v.website)} />
        </div>
        ${this.problems.notice ? html`<p class="state error" part="notice" role="alert" tabindex="-1">${this.problems.notice}</p>` : nothing}
        <button class="button submit" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t.sending : t.submit}</button>
      </form>`;
  }

  #renderState(heading: string, body: string, retry?: { label: string; run: () => void }) {
    return html`<div class="result ${retry ? 'error' : ''}" role=${retry ? 'alert' : 'status'}>
      <h2 class="result-heading" tabindex="-1">${heading}</h2>
      <p>${body}</p>
      ${retry ? html`<button class="button secondary" type="button" @click=${retry.run}>${retry.label}</button>` : nothing}
    </div>`;
  }

  #renderLoading(text: string) {
    return html`<p class="visually-hidden" role="status">${text}</p>
      <div class="placeholder" aria-hidden="true"><div class="skeleton"></div><div class="skeleton"></div><div class="skeleton"></div></div>`;
  }

  #renderPhase(t: RequestWords) {
    const p = this.phase;
    switch (p.name) {
      case 'form':
        if (this.modules === 'loading') return this.#renderLoading(t.loading);
        if (this.modules === 'failed')
          return this.#renderState(t.modulesFailed.heading, t.modulesFailed.body, { label: t.modulesFailed.retry, run: this.#retryModules });
        return this.#renderForm(t, this.modules);
      case 'sent': {
        const back = safeHref(this.from);
        return html`<div class="result">
          <h2 class="result-heading" tabindex="-1">${t.sent.heading}</h2>
          <p>${t.sent.body(p.email)}</p>
          ${back ? html`<p><a href=${back}>${t.sent.back}</a></p>` : nothing}
        </div>`;
      }
      case 'confirming':
        return this.#renderLoading(t.confirming);
      case 'confirmed':
        return this.#renderState(t.confirmed.heading, t.confirmed.body(p.area));
      case 'invalid':
        return this.#renderState(t.invalid.heading, t.invalid.body);
      case 'expired':
        return this.#renderState(t.expired.heading, t.expired.body);
      case 'confirm-failed':
        return this.#renderState(t.confirmFailed.heading, t.confirmFailed.body, { label: t.confirmFailed.retry, run: this.#retryConfirm });
    }
  }

  override render() {
    const lang = this.#lang;
    const t = requestWords(lang);
    const busy = this.phase.name === 'confirming' || (this.phase.name === 'form' && this.modules === 'loading');
    return html`<div class="page" lang=${lang} aria-busy=${busy ? 'true' : 'false'}>
      <h1>${t.heading}</h1>
      ${this.#renderPhase(t)}
    </div>`;
  }
}
