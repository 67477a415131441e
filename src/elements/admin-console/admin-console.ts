import { css, html, LitElement, nothing } from 'lit';
import type { AdminSession } from '../../contract/admin.js';
import { baseStyles } from '../shared/base.styles.js';
import { AdminApiError, AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';

/** The emailed link's fragment: `#sign-in=<token>`. */
const SIGN_IN = /^#sign-in=([A-Za-z0-9_-]+)$/;

/** The views the fragment can name; anything else shows the first. */
export const VIEWS = ['sessions'] as const;
export type View = (typeof VIEWS)[number];
export const viewOf = (hash: string): View => VIEWS.find((v) => hash === `#${v}`) ?? VIEWS[0];

type Phase = { name: 'checking' } | { name: 'signed-out'; notice: string } | { name: 'signed-in'; session: AdminSession };

/**
 * The organiser console's shell: finds out who is signed in (redeeming an emailed link
 * first, and taking its token out of the address bar), then shows the header with their
 * name and "Sign out", and the view the URL fragment names.
 *
 * @summary Organiser console (served by the reference backend at /admin).
 */
export class AdminConsole extends LitElement {
  static override styles = [
    baseStyles,
    ...consoleStyles,
    css`
      :host {
        max-width: 72em;
        margin: 0 auto;
        padding: var(--_s4);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: var(--_s3);
        padding-bottom: var(--_s3);
        margin-bottom: var(--_s4);
        border-bottom: 1px solid var(--_border);
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_s3);
      }
    `,
  ];
  static override properties = {
    phase: { state: true },
    view: { state: true },
    endpoint: {},
  };

  private phase: Phase = { name: 'checking' };
  private view: View = viewOf(location.hash);

  /** The API's origin; '' is the page's own (production). */
  endpoint = '';

  #client = new AdminClient();
  readonly #onHash = () => {
    if (SIGN_IN.test(location.hash)) void this.#start();
    else this.view = viewOf(location.hash);
  };

  override connectedCallback() {
    super.connectedCallback();
    this.#client = new AdminClient(this.endpoint);
    addEventListener('hashchange', this.#onHash);
    void this.#start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
  }

  /** Redeem a link in the address, else ask who is signed in. */
  async #start() {
    const token = SIGN_IN.exec(location.hash)?.[1];
    if (token) {
      // Out of the address bar (and history) before anything else: a spent link is no use to a reload or a bookmark.
      history.replaceState(history.state, '', location.pathname + location.search);
      this.phase = { name: 'checking' };
    }
    try {
      this.phase = { name: 'signed-in', session: await (token ? this.#client.redeem(token) : this.#client.me()) };
    } catch (err) {
      const quiet = !token && err instanceof AdminApiError && err.status === 401;
      this.phase = { name: 'signed-out', notice: quiet ? '' : err instanceof Error ? err.message : String(err) };
    }
  }

  async #signOut() {
    try {
      await this.#client.signOut();
      this.phase = { name: 'signed-out', notice: 'You have signed out.' };
    } catch (err) {
      // A session that had already ended is signed out all the same.
      this.phase = { name: 'signed-out', notice: err instanceof AdminApiError && err.status === 401 ? 'You have signed out.' : String((err as Error).message) };
    }
  }

  #main(session: AdminSession) {
    switch (this.view) {
      case 'sessions':
        return html`<mobilise-admin-sessions .client=${this.#client} .organiser=${session.organiser}></mobilise-admin-sessions>`;
    }
  }

  override render() {
    const { phase } = this;
    if (phase.name === 'checking') return html`<p class="state" role="status">Signing you in…</p>`;
    if (phase.name === 'signed-out') return html`<mobilise-admin-sign-in .client=${this.#client} notice=${phase.notice}></mobilise-admin-sign-in>`;
    const { organiser } = phase.session;
    return html`<header>
        <h1>Mobilise organiser console</h1>
        <div class="who">
          <span>Signed in as <strong>${organiser.name}</strong>${organiser.role === 'admin' ? ' (admin)' : organiser.areas.length ? html` <span>(${organiser.areas.join(', ')})</span>` : nothing}</span>
          <button class="button secondary" type="button" @click=${this.#signOut}>Sign out</button>
        </div>
      </header>
      <main>${this.#main(phase.session)}</main>`;
  }
}
