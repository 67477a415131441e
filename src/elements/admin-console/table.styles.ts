import { css } from 'lit';

/**
 * A console table that reflows below 40em of its own width: each row a block, each cell labelled
 * by its column from `data-label` (the header row stays for screen readers). The host is the
 * size container. The sessions table and the audit log use it.
 */
export const reflowTableStyles = css`
  :host {
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: var(--_s2);
  }
  th,
  td {
    padding: var(--_s2);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  @container (max-width: 40em) {
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    tr {
      display: block;
      padding: var(--_s2) 0;
      border-bottom: 1px solid var(--_border);
    }
    th,
    td {
      display: flex;
      gap: var(--_s2);
      border: 0;
      padding: var(--_s1) 0;
      overflow-wrap: anywhere;
    }
    :is(th, td)[data-label]::before {
      content: attr(data-label);
      flex: 0 0 7em;
      font-weight: 600;
    }
  }
`;
