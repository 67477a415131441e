import { html, nothing, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { strings } from '../../strings/current.js';
import type { Entry } from './filters.js';

/**
 * The signup `<dialog>`: which session it is for, opening it modally (loading the form on
 * first use), and handing focus back to what opened it however it closes — so the element
 * only decides *whether* to open it.
 */
export class SignupDialogController {
  #entry?: Entry;
  /** Where focus goes when the dialog closes; cleared once used (close button and close event both report). */
  #focusReturn?: { trigger?: HTMLElement; id: string };

  readonly #host: ReactiveControllerHost & HTMLElement;
  /** The session's entry in the list: focus falls back to it when the trigger has been re-rendered away. */
  readonly #sessionElement: (id: string) => HTMLElement | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    sessionElement: (id: string) => HTMLElement | undefined,
  ) {
    this.#host = host;
    this.#sessionElement = sessionElement;
  }

  readonly #close = () => {
    this.#dialog?.close();
    this.#restoreFocus();
  };

  /** Escape and the close button both end here; focus goes back to what opened the dialog. */
  readonly #restoreFocus = () => {
    const back = this.#focusReturn;
    this.#focusReturn = undefined;
    if (!back) return;
    (back.trigger?.isConnected ? back.trigger : this.#sessionElement(back.id))?.focus();
  };

  /** A new signup for the entry's session. */
  async open(entry: Entry, trigger?: HTMLElement) {
    this.#entry = entry;
    this.#focusReturn = { trigger, id: entry.session.id };
    this.#host.requestUpdate();
    import('../signup-form/define.js').catch((e: unknown) => console.warn('[mobilise] could not load the signup form', e));
    await this.#host.updateComplete;
    const dialog = this.#dialog;
    // The page may have taken the calendar out meanwhile: showModal() would throw, unhandled.
    if (dialog?.isConnected && !dialog.open) dialog.showModal();
  }

  get #dialog() {
    return this.#host.shadowRoot?.querySelector('dialog') ?? undefined;
  }

  render(titleOf: (moduleId: string) => string, endpoint: string) {
    const s = this.#entry?.session;
    return html`<dialog class="dialog panel" part="dialog" aria-labelledby=${s ? 'dialog-title' : nothing} @close=${this.#restoreFocus}>
      ${s
        ? html`<div class="dialog-head">
              <h2 id="dialog-title">${strings.calendar.dialogHeading(titleOf(s.moduleId))}</h2>
              <button class="button secondary close" type="button" data-action="close" @click=${this.#close}>
                <span aria-hidden="true">×</span><span class="visually-hidden">${strings.calendar.close}</span>
              </button>
            </div>
            ${keyed(s.id, html`<mobilise-signup-form session-id=${s.id} endpoint=${endpoint} heading-level="2"></mobilise-signup-form>`)}`
        : nothing}
    </dialog>`;
  }
}
