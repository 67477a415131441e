import { css } from 'lit';
import { styles as formStyles } from '../signup-form/signup-form.styles.js';

/**
 * The console's rules on top of the widgets' tokens (base.styles.ts): the signup form's
 * sheet, so fields, hints and the GOV.UK error summary look the same as members see them,
 * plus page layout.
 */
export const consoleStyles = [
  formStyles,
  css`
    .stack {
      display: grid;
      gap: var(--_s4);
    }
    h1 {
      margin: 0;
      font-size: var(--_t3);
      line-height: 1.2;
    }
    label {
      display: block;
    }
    .error-summary ul {
      display: grid;
      gap: var(--_s1);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s3);
      align-items: center;
    }
  `,
];
