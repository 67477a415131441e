import { css, html, LitElement, nothing } from 'lit';
import type * as z from 'zod/mini';
import type { AuditEntrySchema, Organiser } from '../../contract/admin.js';
import { baseStyles } from '../shared/base.styles.js';
import type { AdminClient } from './api.js';
import { consoleStyles } from './admin-console.styles.js';
import { auditPage } from './audit-api.js';
import { actionWords, actorWords, detailWords } from './audit-words.js';
import { reflowTable } from './reflow-table.js';
import { reflowTableStyles } from './table.styles.js';
import { ukDateTime } from './london-time.js';

type Entry = z.infer<typeof AuditEntrySchema>;
const COLUMNS = ['When', 'Who', 'What', 'Target', 'Details'] as const;

/**
 * The audit log: who did what and when, newest first, a page at a time ("Show older entries").
 * An admin sees every entry; an organiser only their own (the server decides; the view says so).
 * A table with a caption and scoped headers that reflows into labelled blocks below 40em.
 *
 * @summary Organiser console: the audit log.
 */
export class AdminAudit extends LitElement {
  static override styles = [
    baseStyles,
    ...consoleStyles,
    reflowTableStyles,
    css`
      tr:focus {
        outline: 3px solid var(--_focus);
        outline-offset: -3px;
      }
      .when {
        white-space: nowrap;
      }
    `,
  ];
  static override properties = {
    entries: { state: true },
    next: { state: true },
    loading: { state: true },
    problem: { state: true },
    moreProblem: { state: true },
    client: { attribute: false },
    organiser: { attribute: false },
    locale: {},
  };

  private entries: Entry[] = [];
  /** The `before` of the next (older) page; undefined when this is the last. */
  private next?: string;
  private loading = true;
  /** The first page failed. */
  private problem = '';
  /** An older page failed: the rows already shown stay. */
  private moreProblem = '';

  client!: AdminClient;
  organiser!: Organiser;
  locale = 'en-GB';

  /** The row to focus after the next render: the first of a page just added. */
  #focusRow = -1;

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load(before?: string) {
    this.loading = true;
    this.moreProblem = '';
    try {
      const page = await auditPage(this.client, before);
      if (before) this.#focusRow = this.entries.length;
      this.entries = [...this.entries, ...page.entries];
      this.next = page.next;
      this.problem = '';
    } catch (err) {
      const words = err instanceof Error ? err.message : String(err);
      if (before) this.moreProblem = words;
      else this.problem = words;
    } finally {
      this.loading = false;
    }
  }

  #older() {
    if (!this.loading && this.next) void this.#load(this.next);
  }

  override updated() {
    if (this.#focusRow < 0) return;
    const row = this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')[this.#focusRow];
    this.#focusRow = -1;
    if (!row) return;
    // Focus moves to the first new row, so a keyboard or screen-reader user reads on from there.
    row.tabIndex = -1;
    row.focus();
  }

  #target({ action, target }: Entry) {
    if (target === null) return 'None';
    if (action.startsWith('session.')) return html`<a href="#session=${encodeURIComponent(target)}">Session ${target}</a>`;
    if (action.startsWith('module.')) return `Module ${target}`;
    if (action.startsWith('organiser.')) return `Organiser ${target}`;
    return target;
  }

  #row(e: Entry) {
    const cell = (i: number, value: unknown) => html`<td data-label=${COLUMNS[i]!}>${value}</td>`;
    return html`<tr>
      <th scope="row" class="when" data-label=${COLUMNS[0]}><time datetime=${e.at}>${ukDateTime(e.at, this.locale)}</time></th>
      ${cell(1, actorWords(e.actor, e.actorName))} ${cell(2, actionWords(e.action))} ${cell(3, this.#target(e))}
      ${cell(4, detailWords(e.action, e.detail))}
    </tr>`;
  }

  #body() {
    if (this.problem) return html`<p class="state error" role="alert">${this.problem}</p>`;
    if (!this.entries.length)
      return html`<p class="state">
        ${this.loading ? 'Loading the audit log…' : this.organiser.role === 'admin' ? 'Nothing has been logged yet.' : 'You have no actions in the log yet.'}
      </p>`;
    const n = this.entries.length;
    return html`${reflowTable({
        caption: `Audit log, newest first: ${n} ${n === 1 ? 'entry' : 'entries'} shown`,
        columns: COLUMNS,
        busy: this.loading,
        rows: this.entries.map((e) => this.#row(e)),
      })}
      ${this.moreProblem ? html`<p class="state error" role="alert">${this.moreProblem}</p>` : nothing}
      ${this.next
        ? html`<div class="actions">
            <button class="button secondary" id="audit-older" type="button" aria-disabled=${this.loading ? 'true' : 'false'} @click=${this.#older}>
              ${this.loading ? 'Loading…' : 'Show older entries'}
            </button>
          </div>`
        : html`<p class="state">No older entries.</p>`}`;
  }

  override render() {
    return html`<section class="stack" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      ${this.organiser.role === 'admin'
        ? html`<p>Every organiser’s actions and sign-ins, newest first.</p>`
        : html`<p>You see only your own actions. An admin sees everyone’s.</p>`}
      ${this.#body()}
    </section>`;
  }
}
