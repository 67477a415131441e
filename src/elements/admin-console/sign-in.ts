import { html, LitElement, nothing } from 'lit';
import { SignInRequestSchema } from '../../contract/admin.js';
import { baseStyles } from '../shared/base.styles.js';
import { AdminApiError, type AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';
import { describedBy, errorMessage, errorSummary } from './form-errors.js';

/**
 * The sign-in form: an email address, checked with the contract's own rule, then
 * "Check your email". Errors follow the GOV.UK pattern the signup form uses: a summary
 * that takes focus and links to the field, and the message again above the field.
 *
 * @summary Organiser sign-in (asks for an emailed link).
 */
export class AdminSignIn extends LitElement {
  static override styles = [baseStyles, ...consoleStyles];
  static override properties = {
    error: { state: true },
    problem: { state: true },
    sentTo: { state: true },
    busy: { state: true },
    client: { attribute: false },
    notice: {},
  };

  private error = '';
  /** A failure that is not about the field (network, rate limit). */
  private problem = '';
  private sentTo = '';
  private busy = false;

  /** Set by the shell. */
  client!: AdminClient;
  /** Why the visitor is here (an expired link, a signed-out session), shown above the form. */
  notice = '';

  /** What takes focus after the next render: the error summary, or the "Check your email" heading. */
  #focusNext = '';

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const input = this.renderRoot.querySelector('input')!;
    const parsed = SignInRequestSchema.safeParse({ email: input.value });
    this.problem = '';
    this.error = parsed.success ? '' : input.value.trim() ? parsed.error.issues[0]!.message : 'Enter your email address';
    if (!parsed.success) return this.#showErrors();
    this.busy = true;
    try {
      await this.client.requestLink(parsed.data.email);
      this.sentTo = parsed.data.email;
      this.#focusNext = '#sent';
    } catch (err) {
      const fieldError = err instanceof AdminApiError ? err.fields.find((f) => f.field === 'email') : undefined;
      if (fieldError) this.error = fieldError.message;
      else this.problem = err instanceof Error ? err.message : String(err);
      this.#showErrors();
    } finally {
      this.busy = false;
    }
  }

  #showErrors() {
    this.#focusNext = '.error-summary';
  }

  #again() {
    this.sentTo = '';
  }

  override updated() {
    if (!this.#focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focusNext)?.focus();
    this.#focusNext = '';
  }

  override render() {
    if (this.sentTo)
      return html`<section class="stack" aria-labelledby="sent">
        <h1 id="sent" tabindex="-1">Check your email</h1>
        <p>If <strong>${this.sentTo}</strong> belongs to an organiser, we have sent it a sign-in link. It works once, for 15 minutes.</p>
        <p><button class="button secondary" type="button" @click=${this.#again}>Use another email address</button></p>
      </section>`;
    const invalid = Boolean(this.error);
    return html`<section class="stack" aria-labelledby="title">
      ${errorSummary([
        ...(this.error ? [{ id: 'email', message: this.error }] : []),
        ...(this.problem ? [{ message: this.problem }] : []),
      ])}
      <h1 id="title">Sign in to the organiser console</h1>
      ${this.notice ? html`<p class="state">${this.notice}</p>` : nothing}
      <form class="stack" novalidate @submit=${this.#submit}>
        <div class="field ${invalid ? 'invalid' : ''}">
          <label for="email">Email address</label>
          <p class="hint" id="email-hint">We will email you a link to sign in. No password needed.</p>
          ${errorMessage('email', this.error)}
          <input
            class="control"
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            spellcheck="false"
            autocapitalize="off"
            required
            aria-describedby=${describedBy('email', this.error, true)!}
            aria-invalid=${invalid ? 'true' : 'false'}
          />
        </div>
        <div class="actions">
          <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Sending…' : 'Email me a sign-in link'}</button>
        </div>
      </form>
    </section>`;
  }
}
