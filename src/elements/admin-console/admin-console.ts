import { css, html, LitElement, nothing } from 'lit';
import type { AdminSession } from '../../contract/admin.js';
import { baseStyles } from '../shared/base.styles.js';
import { AdminApiError, AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';

/** The emailed link's fragment: `#sign-in=<token>`. */
const SIGN_IN = /^#sign-in=([A-Za-z0-9_-]+)$/;

/**
 * The views, each named by the URL fragment so the browser's Back, a bookmark and a link in
 * another tab all work: `#sessions` (the default), `#new`, `#edit=<id>`, `#duplicate=<id>`,
 * `#session=<id>` (attendees, attendance, cancel), `#people` (data rights), `#audit`, `#requests`
 * (module requests waiting for a session).
 */
export type Route =
  | { view: 'sessions' | 'new' | 'people' | 'audit' | 'requests' }
  | { view: 'edit' | 'duplicate' | 'session'; id: string };
const PLAIN = ['sessions', 'new', 'people', 'audit', 'requests'] as const;
const WITH_ID = /^#(edit|duplicate|session)=([a-z0-9][a-z0-9-]*)$/;
export function routeOf(hash: string): Route {
  const withId = WITH_ID.exec(hash);
  if (withId) return { view: withId[1] as 'edit' | 'duplicate' | 'session', id: withId[2]! };
  return { view: PLAIN.find((v) => hash === `#${v}`) ?? 'sessions' };
}

/** The header's links: [fragment, words, admins only]. */
const NAV: [Route['view'], string, boolean][] = [
  ['sessions', 'Sessions', false],
  ['new', 'New session', false],
  ['requests', 'Requests', false],
  ['people', 'People (data rights)', true],
  ['audit', 'Audit log', false],
];

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
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_s2) var(--_s4);
        margin: 0 0 var(--_s4);
        padding: 0;
        list-style: none;
      }
      nav a[aria-current='page'] {
        font-weight: 600;
        text-decoration-thickness: 3px;
      }
      main:focus {
        outline: none;
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
    route: { state: true },
    endpoint: {},
  };

  private phase: Phase = { name: 'checking' };
  private route: Route = routeOf(location.hash);
  /** Set by a change of view (not the first), so focus follows it to the new view. */
  #moved = false;

  /** The API's origin; '' is the page's own (production). */
  endpoint = '';

  #client = new AdminClient();
  readonly #onHash = () => {
    if (SIGN_IN.test(location.hash)) void this.#start();
    else {
      this.route = routeOf(location.hash);
      this.#moved = true;
    }
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

  #main({ organiser }: AdminSession) {
    const route = this.route;
    const client = this.#client;
    switch (route.view) {
      case 'sessions':
        return html`<mobilise-admin-sessions .client=${client} .organiser=${organiser}></mobilise-admin-sessions>`;
      case 'new':
        return html`<mobilise-admin-session-form .client=${client} .organiser=${organiser}></mobilise-admin-session-form>`;
      case 'edit':
      case 'duplicate':
        return html`<mobilise-admin-session-form .client=${client} .organiser=${organiser} mode=${route.view} session-id=${route.id}></mobilise-admin-session-form>`;
      case 'session':
        return html`<mobilise-admin-session .client=${client} .organiser=${organiser} session-id=${route.id}></mobilise-admin-session>`;
      case 'people':
        return html`<mobilise-admin-people .client=${client} .organiser=${organiser}></mobilise-admin-people>`;
      case 'audit':
        return html`<mobilise-admin-audit .client=${client} .organiser=${organiser}></mobilise-admin-audit>`;
      case 'requests':
        return html`<mobilise-admin-requests .client=${client} .organiser=${organiser}></mobilise-admin-requests>`;
    }
  }

  #nav({ organiser }: AdminSession) {
    // Detail views belong to "Sessions" in the header.
    const current = ['edit', 'duplicate', 'session'].includes(this.route.view) ? 'sessions' : this.route.view;
    return html`<nav aria-label="Console">
      <ul>
        ${NAV.filter(([, , adminOnly]) => !adminOnly || organiser.role === 'admin').map(
          ([view, words]) => html`<li><a href="#${view}" aria-current=${current === view ? 'page' : 'false'}>${words}</a></li>`,
        )}
      </ul>
    </nav>`;
  }

  override updated() {
    if (!this.#moved) return;
    this.#moved = false;
    // A new view: focus its landmark, so keyboard and screen-reader users start there, not at the top.
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
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
      ${this.#nav(phase.session)}
      <main tabindex="-1">${this.#main(phase.session)}</main>`;
  }
}
