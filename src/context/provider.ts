import { ContextProvider, ContextRoot } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { DEFAULT_LOCALE, configContext, selectionContext, type Selection } from './config.js';

const ROOT_FLAG = Symbol.for('mobilise-context-root');

/** Answer consumers that upgrade before their provider (embed scripts load in any order). */
function ensureContextRoot() {
  const g = globalThis as Record<symbol, unknown>;
  if (g[ROOT_FLAG] || typeof document === 'undefined') return;
  g[ROOT_FLAG] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * @tagname mobilise-provider
 * @summary Shares endpoint, area and locale with every Mobilise element inside it, and wires them together.
 * Renders nothing of its own: each element shows its own set-up message when
 * the endpoint is missing or invalid, so the message appears where the widget would.
 * @slot - The Mobilise elements (and any other page content).
 */
export class MobiliseProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties = {
    endpoint: {},
    area: {},
    locale: {},
    privacyUrl: { attribute: 'privacy-url' },
  };

  private readonly configProvider = new ContextProvider(this, { context: configContext });
  private readonly selectionProvider = new ContextProvider(this, { context: selectionContext, initialValue: {} });

  /** Base URL of the Mobilise API, or the URL of a static JSON file. */
  endpoint = '';
  /** Show only sessions for this area or CLP. */
  area = '';
  locale = DEFAULT_LOCALE;
  /** Privacy notice linked from the signup form's consent. */
  privacyUrl = '';

  constructor() {
    super();
    ensureContextRoot();
    this.addEventListener('mobilise-module-select', (e) => this.afterDefault(e, { moduleId: e.detail.moduleId }));
    this.addEventListener('mobilise-session-select', (e) =>
      this.afterDefault(e, { ...this.selectionProvider.value, sessionId: e.detail.sessionId }),
    );
  }

  /** Act once every listener has run, so a host page's preventDefault() vetoes the change. */
  private afterDefault(e: Event, next: Selection) {
    queueMicrotask(() => {
      if (!e.defaultPrevented) this.selectionProvider.setValue(next);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('endpoint') || changed.has('area') || changed.has('locale') || changed.has('privacyUrl')) {
      // A new object each time: consumers are only notified of a new value.
      this.configProvider.setValue({
        endpoint: this.endpoint || undefined,
        area: this.area || undefined,
        locale: this.locale || DEFAULT_LOCALE,
        privacyUrl: this.privacyUrl || undefined,
      });
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
