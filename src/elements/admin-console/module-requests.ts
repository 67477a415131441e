import { css, html, LitElement, nothing } from 'lit';
import type { Organiser } from '../../contract/admin.js';
import type { PooledRequest } from '../../contract/module-request.js';
import { baseStyles } from '../shared/base.styles.js';
import type { AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';
import { ukDateTime } from './london-time.js';
import { pooledRequests } from './module-requests-api.js';
import { reflowTable } from './reflow-table.js';
import { reflowTableStyles } from './table.styles.js';

const COLUMNS = ['Module', 'Area', 'People waiting', 'Newest request'] as const;
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * Demand for sessions (#requests): members who asked to hear when a module runs in their area
 * and confirmed by email, pooled per module and area, most asked first. Counts only: who asked
 * is never shown (data minimisation). An organiser sees their own areas, an admin every area
 * (the server decides; the view says so). Publishing a session there emails them and takes them
 * off the list.
 *
 * @summary Organiser console: module requests waiting for a session.
 */
export class AdminRequests extends LitElement {
  static override styles = [
    baseStyles,
    ...consoleStyles,
    reflowTableStyles,
    css`
      td.count {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];
  static override properties = {
    requests: { state: true },
    loading: { state: true },
    problem: { state: true },
    client: { attribute: false },
    organiser: { attribute: false },
  };

  private requests: PooledRequest[] = [];
  private loading = true;
  private problem = '';

  client!: AdminClient;
  organiser!: Organiser;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    this.loading = true;
    try {
      this.requests = (await pooledRequests(this.client)).requests;
      this.problem = '';
    } catch (err) {
      this.problem = err instanceof Error ? err.message : String(err);
    } finally {
      this.loading = false;
    }
  }

  #refresh() {
    if (!this.loading) void this.#load();
  }

  #row(r: PooledRequest) {
    return html`<tr>
      <th scope="row" data-label=${COLUMNS[0]}>${r.moduleTitle}</th>
      <td data-label=${COLUMNS[1]}>${r.area}</td>
      <td class="count" data-label=${COLUMNS[2]}>${people(r.waiting)}</td>
      <td data-label=${COLUMNS[3]}><time datetime=${r.newest}>${ukDateTime(r.newest)}</time></td>
    </tr>`;
  }

  #body() {
    if (this.problem) return html`<p class="state error" role="alert">${this.problem}</p>`;
    if (!this.requests.length)
      return html`<p class="state" id="requests-state">
        ${this.loading ? 'Loading the requests…' : this.organiser.role === 'admin' ? 'Nobody is waiting for a session.' : 'Nobody is waiting for a session in your areas.'}
      </p>`;
    const total = this.requests.reduce((sum, r) => sum + r.waiting, 0);
    const n = this.requests.length;
    return reflowTable({
      id: 'requests-table',
      caption: `${people(total)} waiting, for ${n} ${n === 1 ? 'module and area' : 'modules and areas'}, most asked first`,
      columns: COLUMNS,
      busy: this.loading,
      rows: this.requests.map((r) => this.#row(r)),
    });
  }

  override render() {
    const { organiser } = this;
    return html`<section class="stack" aria-labelledby="requests-title">
      <h2 id="requests-title">Requests for sessions</h2>
      <p>
        Members who asked to hear when a module runs in their area, and confirmed by email. When you publish a session of that module there, each of
        them is emailed once and leaves this list. Only the numbers are shown: who asked stays private.
      </p>
      ${organiser.role === 'admin' ? html`<p>Every area.</p>` : organiser.areas.length ? html`<p>Your areas: ${organiser.areas.join(', ')}.</p>` : nothing}
      ${this.#body()}
      <div class="actions">
        <button class="button secondary" id="requests-refresh" type="button" aria-disabled=${this.loading ? 'true' : 'false'} @click=${this.#refresh}>
          ${this.loading ? 'Loading…' : 'Refresh'}
        </button>
      </div>
    </section>`;
  }
}
