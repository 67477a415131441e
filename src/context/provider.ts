import { ContextProvider } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { configContext, selectionContext, type Selection } from './config.js';

/**
 * @tagname mobilise-provider
 * @summary Shares endpoint, area, locale and heading level with every Mobilise element inside it, and wires them together.
 * `heading-level` (2–6) sets the level of each element's top heading (the catalogue's card titles, the
 * calendar's and the form's headings) so they fit under the page's own; inner headings nest below it, and an
 * element's own `heading-level` wins.
 * Renders nothing of its own: each element shows its own set-up message when
 * the endpoint is missing or invalid, so the message appears where the widget would.
 * @slot - The Mobilise elements (and any other page content).
 */
export class MobiliseProvider extends LitElement {
  static override styles = css`
    /* A block, not display: contents, so a theme's content-column rules (.entry-content > * { max-width; margin: auto }) reach it. */
    :host {
      display: block;
    }
  `;
  static override properties = {
    endpoint: {},
    area: {},
    locale: {},
    privacyUrl: { attribute: 'privacy-url' },
    strings: {},
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  readonly #configProvider = new ContextProvider(this, { context: configContext });
  readonly #selectionProvider = new ContextProvider(this, { context: selectionContext, initialValue: {} });

  /** Base URL of the Mobilise API, or the URL of a static JSON file. */
  endpoint = '';
  /** Show only sessions for this area or CLP. */
  area = '';
  /** BCP 47 locale of the text, dates and numbers: en-GB, gd or cy; unset, the nearest `lang` decides (the page's, usually). */
  locale = '';
  /** Privacy notice linked from the signup form's consent. */
  privacyUrl = '';
  /** URL of a JSON file with the site's own wording for some messages (docs/embedding.md); loaded only when set. */
  strings = '';
  /** Level of each element's top heading, 2–6, to fit under the page's own headings; an element's own `heading-level` wins. */
  headingLevel?: number;

  constructor() {
    super();
    this.addEventListener('mobilise-module-select', (e) => this.#afterDefault(e, { moduleId: e.detail.moduleId }));
    this.addEventListener('mobilise-session-select', (e) =>
      this.#afterDefault(e, { ...this.#selectionProvider.value, sessionId: e.detail.sessionId }),
    );
  }

  /** Act once every listener has run, so a host page's preventDefault() vetoes the change. */
  #afterDefault(e: Event, next: Selection) {
    queueMicrotask(() => {
      if (!e.defaultPrevented) this.#selectionProvider.setValue(next);
    });
  }

  /** Every reactive property is config, so any update means a new config. */
  protected override willUpdate() {
    // Its `locale` is the language of everything inside: said as `lang`, so screen readers switch voice.
    if (this.locale) this.lang = this.locale;
    // A new object each time: consumers are only notified of a new value.
    this.#configProvider.setValue({
      endpoint: this.endpoint || undefined,
      area: this.area || undefined,
      locale: this.locale,
      privacyUrl: this.privacyUrl || undefined,
      headingLevel: this.headingLevel,
    });
  }

  protected override updated(changed: Map<string, unknown>) {
    // Once the wording is in place, a new config re-renders every element inside.
    if (changed.has('strings') && this.strings) void import('../strings/overrides.js').then((m) => m.override(this.strings)).then(() => this.requestUpdate());
  }

  override render() {
    return html`<slot></slot>`;
  }
}
