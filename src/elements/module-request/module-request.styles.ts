import { css } from 'lit';

/** The request page's own rules: its column is page.styles.ts, the form's look the signup form's (signup-form.styles.ts). */
export const requestStyles = css`
  .page {
    display: grid;
    gap: var(--_s4);
  }
  .placeholder .skeleton {
    height: 3.5em;
    margin-bottom: var(--_s4);
  }
`;
