import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CancelledSession, CancelPreview } from '../../contract/admin.js';
import { AdminApiError, type AdminClient } from './api.js';
import { cancelSession, previewCancel } from './session-page-api.js';

/** Long enough not to ask on every key, short enough that the preview keeps up with a pause. */
const DEBOUNCE_MS = 350;

export const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

export const cancelStyles = css`
  .cancel {
    padding: var(--_s4);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .email-preview {
    padding: var(--_s3) var(--_s4);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .email-text {
    margin: 0;
    font: inherit;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
`;

interface Host extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
  client: AdminClient;
  sessionId: string;
  /** How many are booked (the session's own counts), until the preview says. */
  readonly booked: number;
  /** The server cancelled it: the page shows the outcome. */
  cancelled(result: CancelledSession): void;
}

/**
 * "Cancel session": an optional note, the email everyone booked would get (the server renders it
 * with the real template, and again as the note is typed), who it goes to, and two buttons. The
 * harmless one, "Keep the session", takes focus first, so a repeated key press cannot cancel.
 */
export class CancelSession implements ReactiveController {
  open = false;
  #note = '';
  #preview: CancelPreview | undefined;
  #previewing = false;
  #noteError = '';
  #problem = '';
  #busy = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request = 0;
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  async #focus(selector: string) {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  readonly #start = () => {
    this.open = true;
    this.#note = this.#noteError = this.#problem = '';
    this.#preview = undefined;
    void this.#ask();
    void this.#focus('#cancel-keep');
  };

  readonly #keep = () => {
    this.open = false;
    clearTimeout(this.#timer);
    this.#request++;
    this.#host.requestUpdate();
    void this.#focus('#cancel-session');
  };

  readonly #typed = (e: Event) => {
    this.#note = (e.target as HTMLTextAreaElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#ask(), DEBOUNCE_MS);
  };

  /** The note's error if the server named it, else a problem in words. */
  #refused(err: unknown) {
    const field = err instanceof AdminApiError ? err.fields.find((f) => f.field === 'note') : undefined;
    this.#noteError = field?.message ?? '';
    return field ? '' : (err as Error).message;
  }

  async #ask() {
    const n = ++this.#request;
    this.#previewing = true;
    this.#host.requestUpdate();
    try {
      const preview = await previewCancel(this.#host.client, this.#host.sessionId, this.#note);
      if (n !== this.#request) return;
      this.#preview = preview;
      this.#noteError = this.#problem = '';
    } catch (err) {
      if (n === this.#request) this.#problem = this.#refused(err);
    } finally {
      if (n === this.#request) this.#previewing = false;
      this.#host.requestUpdate();
    }
  }

  readonly #confirm = async () => {
    if (this.#busy) return;
    clearTimeout(this.#timer);
    this.#busy = true;
    this.#problem = '';
    this.#host.requestUpdate();
    try {
      const result = await cancelSession(this.#host.client, this.#host.sessionId, this.#note);
      this.open = false;
      this.#host.cancelled(result);
    } catch (err) {
      this.#problem = this.#refused(err);
      if (this.#noteError) void this.#focus('#cancel-note');
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  };

  get #count() {
    const r = this.#preview?.recipients;
    return r ? r.confirmed + r.pending + r.waitlisted : this.#host.booked;
  }

  #email() {
    const p = this.#preview;
    if (!p) return html`<p class="state">${this.#previewing ? 'Preparing the email…' : 'The email could not be shown.'}</p>`;
    const r = p.recipients;
    return html`<div class="email-preview stack" id="cancel-preview" aria-busy=${this.#previewing ? 'true' : 'false'}>
        <p><strong>Subject:</strong> ${p.subject}</p>
        <p class="email-text">${p.text}</p>
      </div>
      <p id="cancel-recipients">
        ${this.#count
          ? `This email will go to ${people(this.#count)} (${r.confirmed} confirmed, ${r.pending} pending, ${r.waitlisted} on the waiting list).`
          : 'Nobody is booked, so no email will be sent.'}
      </p>`;
  }

  /** The textarea is not bound to the note: the panel makes a fresh one each time it opens, and a re-render never writes over typing. */
  #noteField() {
    const invalid = Boolean(this.#noteError);
    return html`<div class="field ${invalid ? 'invalid' : ''}">
      <label for="cancel-note">Message to everyone booked</label>
      <p class="hint" id="cancel-note-hint">Optional. It goes in the email, after the apology.</p>
      ${invalid ? html`<p class="error-message" id="cancel-note-error"><span class="visually-hidden">Error:</span> ${this.#noteError}</p>` : nothing}
      <textarea
        class="control"
        id="cancel-note"
        rows="4"
        maxlength="2000"
        aria-describedby=${invalid ? 'cancel-note-hint cancel-note-error' : 'cancel-note-hint'}
        aria-invalid=${invalid ? 'true' : 'false'}
        @input=${this.#typed}
      ></textarea>
    </div>`;
  }

  render() {
    if (!this.open)
      return html`<button class="button secondary" type="button" id="cancel-session" @click=${this.#start}>Cancel session</button>`;
    const n = this.#count;
    return html`<section class="cancel stack" id="cancel-panel" aria-labelledby="cancel-title">
      <h3 id="cancel-title">Cancel this session</h3>
      <p>Every booking ends, the waiting list too, and everyone booked is emailed. This cannot be undone.</p>
      ${this.#noteField()}
      <h4>The email</h4>
      ${this.#email()}
      <div role="alert">${this.#problem ? html`<p class="state error">${this.#problem}</p>` : nothing}</div>
      <div class="actions">
        <button class="button danger" type="button" id="cancel-confirm" aria-disabled=${this.#busy ? 'true' : 'false'} @click=${this.#confirm}>
          ${this.#busy ? 'Cancelling…' : n ? `Cancel session and email ${people(n)}` : 'Cancel session'}
        </button>
        <button class="button secondary" type="button" id="cancel-keep" @click=${this.#keep}>Keep the session</button>
      </div>
    </section>`;
  }
}
