import { css, html, LitElement } from 'lit';
import type { AdminSessionQuery, ManagedSession, Organiser } from '../../contract/admin.js';
import { baseStyles } from '../shared/base.styles.js';
import { formatShortDay, formatTimeRange } from '../shared/format.js';
import type { AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';
import { reflowTable } from './reflow-table.js';
import { reflowTableStyles } from './table.styles.js';
import { accessNeedsChoice, signupsCsvUrl } from './signups-csv.js';
import { londonDayBound } from './london-time.js';

const COLUMNS = ['Module', 'Date and time', 'Area', 'Status', 'Capacity', 'Taken', 'Pending', 'Waiting'] as const;

/** Members see a session once it is published; a cancelled one stays cancelled either way. */
const status = ({ session, published }: ManagedSession) => (session.status === 'cancelled' ? 'Cancelled' : published ? 'Published' : 'Draft');

/**
 * The sessions table: filters by area, module and UK dates (the server filters), one row per
 * session (its title links to the session's page) with its status, capacity and how many places
 * are taken, pending and waiting; a link to a new session, and the signups' CSV export for the
 * same filters. A real table with a caption and scoped headers; below 40em each row reflows
 * into a labelled block.
 *
 * @summary Organiser console: sessions and their numbers.
 */
export class AdminSessionsTable extends LitElement {
  static override styles = [
    baseStyles,
    ...consoleStyles,
    reflowTableStyles,
    css`
      .filters {
        max-width: none;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
        gap: var(--_s3);
        align-items: end;
      }
      .n {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .cancelled {
        color: var(--_danger);
        font-weight: 600;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: var(--_s3);
      }
      .export {
        border-top: 1px solid var(--_border);
        padding-top: var(--_s4);
      }
      @container (max-width: 40em) {
        td.n {
          text-align: start;
        }
      }
    `,
  ];
  static override properties = {
    rows: { state: true },
    titles: { state: true },
    areas: { state: true },
    loading: { state: true },
    problem: { state: true },
    filters: { state: true },
    accessNeeds: { state: true },
    client: { attribute: false },
    organiser: { attribute: false },
    locale: {},
  };

  private rows: ManagedSession[] = [];
  private titles = new Map<string, string>();
  private areas: string[] = [];
  private loading = true;
  private problem = '';
  private filters: { area: string; module: string; from: string; to: string } = { area: '', module: '', from: '', to: '' };
  /** The export's access-needs column: off unless asked for (it may be health data). */
  private accessNeeds = false;

  client!: AdminClient;
  organiser!: Organiser;
  locale = 'en-GB';

  /** A newer load wins over an older one still on its way. */
  #request = 0;

  override connectedCallback() {
    super.connectedCallback();
    void this.#loadModules();
    void this.#load();
  }

  async #loadModules() {
    try {
      const modules = await this.client.modules();
      this.titles = new Map(modules.map((m) => [m.id, m.title]));
    } catch {
      // The table still works on module ids; the load error, if any, is the sessions'.
    }
  }

  async #load() {
    const n = ++this.#request;
    const f = this.filters;
    const query: AdminSessionQuery = { area: f.area || undefined, module: f.module || undefined, from: londonDayBound(f.from, false), to: londonDayBound(f.to, true) };
    this.loading = true;
    try {
      const rows = await this.client.sessions(query);
      if (n !== this.#request) return;
      this.rows = rows;
      this.problem = '';
      // An organiser's own areas; an admin's are whatever the unfiltered programme holds.
      const seen = this.organiser.areas.length ? this.organiser.areas : [...new Set([...this.areas, ...rows.map((r) => r.session.area)])];
      this.areas = seen.sort((a, b) => a.localeCompare(b));
    } catch (err) {
      if (n === this.#request) this.problem = err instanceof Error ? err.message : String(err);
    } finally {
      if (n === this.#request) this.loading = false;
    }
  }

  #change(e: Event) {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    this.filters = { ...this.filters, [el.name]: el.value };
    void this.#load();
  }

  #row(row: ManagedSession) {
    const { session: s, counts } = row;
    const title = this.titles.get(s.moduleId) ?? s.moduleId;
    const cell = (i: number, value: unknown, numeric = true) => html`<td class=${numeric ? 'n' : ''} data-label=${COLUMNS[i]!}>${value}</td>`;
    return html`<tr>
      <th scope="row" data-label=${COLUMNS[0]}>
        <a href="#session=${s.id}">${title}</a>
      </th>
      ${cell(1, `${formatShortDay(s.start, this.locale)}, ${formatTimeRange(s.start, s.end, this.locale)}`, false)} ${cell(2, s.area, false)}
      <td data-label=${COLUMNS[3]} class=${s.status === 'cancelled' ? 'cancelled' : ''}>${status(row)}</td>
      ${cell(4, counts.capacity)} ${cell(5, counts.confirmed)} ${cell(6, counts.pending)} ${cell(7, counts.waitlisted)}
    </tr>`;
  }

  #select(name: 'area' | 'module', label: string, options: [string, string][]) {
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      <select class="control" id="f-${name}" name=${name} @change=${this.#change}>
        <option value="">All</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.filters[name] === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  #date(name: 'from' | 'to', label: string) {
    return html`<div class="field">
      <label for="f-${name}">${label}</label>
      <input class="control" type="date" id="f-${name}" name=${name} .value=${this.filters[name]} @change=${this.#change} />
    </div>`;
  }

  #body() {
    if (this.problem) return html`<p class="state error" role="alert">${this.problem}</p>`;
    if (!this.rows.length) return this.loading ? html`<p class="state">Loading sessions…</p>` : html`<p class="state">No sessions match these filters.</p>`;
    return reflowTable({
      caption: `${this.rows.length} session${this.rows.length === 1 ? '' : 's'}`,
      columns: COLUMNS,
      columnClass: (i) => (i > 3 ? 'n' : ''),
      busy: this.loading,
      rows: this.rows.map((r) => this.#row(r)),
    });
  }

  /** The signups' CSV for the table's area and dates (the export has no module filter). */
  #exportHref() {
    const f = this.filters;
    return signupsCsvUrl(this.client, { area: f.area, from: londonDayBound(f.from, false), to: londonDayBound(f.to, true), accessNeeds: this.accessNeeds });
  }

  #export() {
    return html`<section class="stack export" aria-labelledby="export-title">
      <h3 id="export-title">Export signups</h3>
      <p>A spreadsheet (CSV) of the signups to the sessions in ${this.filters.area || (this.organiser.role === 'admin' ? 'every area' : 'all your areas')}${this.filters.from || this.filters.to ? ' between the dates chosen above' : ''}.</p>
      ${accessNeedsChoice('include-access-needs', this.accessNeeds, (on) => (this.accessNeeds = on))}
      <p><a id="export" class="button secondary" href=${this.#exportHref()} download>Download signups (CSV)</a></p>
    </section>`;
  }

  override render() {
    const modules = [...this.titles].sort((a, b) => a[1].localeCompare(b[1]));
    return html`<section class="stack" aria-labelledby="sessions-title">
      <div class="top">
        <h2 id="sessions-title">Sessions</h2>
        <a class="button" href="#new">New session</a>
      </div>
      <form class="filters" role="search" aria-label="Filter sessions" @submit=${(e: Event) => e.preventDefault()}>
        ${this.#select('area', 'Area', this.areas.map((a) => [a, a]))} ${this.#select('module', 'Module', modules)}
        ${this.#date('from', 'From')} ${this.#date('to', 'To')}
      </form>
      <div aria-live="polite">${this.#body()}</div>
      ${this.#export()}
    </section>`;
  }
}
