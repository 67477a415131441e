import { html, nothing, type TemplateResult } from 'lit';

export interface ReflowTable {
  id?: string;
  caption: unknown;
  columns: readonly string[];
  /** A column header's class (numeric columns align right), by index. */
  columnClass?: (i: number) => string;
  /** A refresh or the next page is loading: the rows stay readable meanwhile. */
  busy: boolean;
  rows: TemplateResult[];
}

/**
 * The markup `reflowTableStyles` lays out, shared by the sessions table, the audit log and the
 * requests view: a caption, one scoped header per column, then the rows (each cell carrying its
 * column's name in `data-label`, which the narrow layout shows).
 */
export function reflowTable(t: ReflowTable) {
  return html`<table id=${t.id ?? nothing} aria-busy=${t.busy ? 'true' : 'false'}>
    <caption>
      ${t.caption}
    </caption>
    <thead>
      <tr>
        ${t.columns.map((c, i) => html`<th scope="col" class=${t.columnClass?.(i) ?? nothing}>${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${t.rows}
    </tbody>
  </table>`;
}
