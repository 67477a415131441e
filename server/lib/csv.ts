/**
 * RFC 4180 CSV with OWASP's guard against spreadsheet formula injection
 * (https://owasp.org/www-community/attacks/CSV_Injection): every cell is quoted,
 * with its double quotes doubled, so a separator inside a cell never splits it,
 * whichever of , or ; the spreadsheet uses; and a text cell that starts with
 * = + - @ tab, CR or NUL, or that has a separator (or line break) followed by
 * one of = + - @, gets a leading apostrophe, so Excel, Sheets and Calc show it
 * as text instead of running it.
 */
export type Cell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\0]/;
const FORMULA_AFTER_SEPARATOR = /[,;\t\r\n]\s*[=+\-@]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans come from our own columns, never from a member: no apostrophe, still quoted.
  let text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value instanceof Date ? value.toISOString() : value;
  if (typeof value === 'string' && (FORMULA_START.test(text) || FORMULA_AFTER_SEPARATOR.test(text))) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
