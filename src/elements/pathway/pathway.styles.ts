import { css } from 'lit';

/** The pathway page's own layout (its column: page.styles.ts); colours, type and spacing come from the shared base styles. */
export const pathwayStyles = css`
  .page {
    display: grid;
    gap: var(--_s6);
  }
  section {
    display: grid;
    gap: var(--_s3);
  }
  progress {
    width: 100%;
    height: 1em;
    accent-color: var(--_accent);
  }
  .muted {
    color: var(--_muted);
  }
  label {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: var(--_s1);
    max-width: 24em;
  }
  .save-error {
    color: var(--_danger);
    font-weight: 600;
  }
  ol.steps {
    display: grid;
    gap: var(--_s2);
    counter-reset: step;
  }
  ol.steps li,
  ul.items li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_s1) var(--_s3);
  }
  ol.steps li::before {
    counter-increment: step;
    content: counter(step) '.';
    min-width: 1.5em;
    font-weight: 600;
  }
  ol.steps .title {
    flex: 1 1 12em;
  }
  ul.items {
    display: grid;
    gap: var(--_s2);
  }
  ul.items .what {
    display: grid;
  }
  .badge.attended {
    color: var(--_success);
  }
  .badge.booked {
    color: var(--_accent-text);
  }
  .badge.to-take {
    color: var(--_muted);
  }
  .next {
    border-left: 5px solid var(--_accent);
  }
  .next strong {
    font-size: var(--_t1);
  }
  /* The loading skeleton keeps a pathway's rough shape, so nothing jumps when it arrives. */
  .placeholder {
    display: grid;
    gap: var(--_s3);
  }
  .placeholder .skeleton {
    height: 1.5em;
  }
  .placeholder .skeleton.tall {
    height: 6em;
  }
`;
