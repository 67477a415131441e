import { css } from 'lit';

/** A page of its own on the training server (the pathway, the request page): one centred column under an h1. */
export const pageStyles = css`
  :host {
    max-width: 44em;
    margin: 0 auto;
    padding: var(--_s4);
  }
  h1 {
    margin: 0;
    font-size: var(--_t3);
    line-height: 1.2;
  }
`;
