import { css } from 'lit';

/**
 * Shared by every element. Public tokens (`--mobilise-*`) are only ever read,
 * with fallbacks, never set on :host, so a page can theme from :root. The
 * private `--_*` copies carry the light/dark defaults.
 *
 * Designers set the accent; the colours that depend on it follow it (links, secondary buttons,
 * badges' accent, hover, text on the accent), kept at 4.5:1 or more where the browser has relative
 * colours, and can still be set one by one. The scale (space, type, radius, elevation) is defined
 * here once and every element uses it.
 *
 * @cssproperty --mobilise-accent - Brand colour for buttons and highlights (default Labour red #e4003b). Set this one: the next three follow it.
 * @cssproperty --mobilise-accent-contrast - Text on the accent colour (follows the accent: white on dark accents, near-black on light ones; default #fff).
 * @cssproperty --mobilise-accent-text - Links, secondary buttons and highlighted text: the accent darkened (lightened in dark mode) to at least 4.5:1 on the surface (default #b5002f, #ff7a96 in dark mode).
 * @cssproperty --mobilise-accent-hover - Buttons under the pointer (follows the accent: 20% darker).
 * @cssproperty --mobilise-text - Body text colour.
 * @cssproperty --mobilise-muted - Secondary text colour.
 * @cssproperty --mobilise-surface - Card and panel background.
 * @cssproperty --mobilise-surface-alt - Subtle background for skeletons and headers.
 * @cssproperty --mobilise-border - Borders of controls and panels (default #75757c, #909099 in dark mode: at least 3:1 on white, light grey and dark pages).
 * @cssproperty --mobilise-focus - Focus ring colour.
 * @cssproperty --mobilise-success - Spaces left, confirmations (default #00703c).
 * @cssproperty --mobilise-warning - Few spaces left, waiting list (default #8a4b00).
 * @cssproperty --mobilise-danger - Errors, full and cancelled: an orange-red set apart from the brand red (default #c0360c).
 * @cssproperty --mobilise-radius - Corner radius of buttons, controls, cards and panels (default 8px; badges are pills).
 * @cssproperty --mobilise-space - The spacing unit: every gap and padding is a step of it (¼, ½, ¾, 1, 1½, 2×; default 1em). Smaller is denser.
 * @cssproperty --mobilise-type-ratio - The type scale's ratio: headings are the base size times it once, twice or three times (default 1.2).
 * @cssproperty --mobilise-shadow - Elevation of the signup dialog and raised cards.
 * @cssproperty --mobilise-font - Font family.
 * @cssproperty --mobilise-font-size - Base text size; everything scales from it (default medium: the reader's browser setting, whatever the host's root size).
 */
export const baseStyles = css`
  :host {
    /* Inherited properties are the only host CSS that leaks into shadow DOM: reset them. */
    all: initial;
    display: block;
    /* !important: a host page's rules for the host element (e.g. a theme's * { box-sizing: inherit }, or
       * { font-size: 20px; line-height: 1 }) otherwise win over :host; a shadow root's !important wins over them. */
    box-sizing: border-box !important;
    /* Dark defaults apply only where the host page opts in with color-scheme (e.g. "light dark",
       which then follows prefers-color-scheme): a light-only page never gets light text on white. */
    color-scheme: inherit;
    --_accent: var(--mobilise-accent, #e4003b);
    --_accent-contrast: var(--mobilise-accent-contrast, #ffffff);
    --_accent-text: var(--mobilise-accent-text, light-dark(#b5002f, #ff7a96));
    --_accent-hover: var(--mobilise-accent-hover, color-mix(in oklab, var(--_accent), #000 20%));
    --_text: var(--mobilise-text, light-dark(#1d1d1f, #f2f2f4));
    --_muted: var(--mobilise-muted, light-dark(#55555c, #c0c0c8));
    --_surface: var(--mobilise-surface, light-dark(#ffffff, #1c1c20));
    --_surface-alt: var(--mobilise-surface-alt, light-dark(#f3f3f5, #2a2a30));
    --_border: var(--mobilise-border, light-dark(#75757c, #909099));
    --_focus: var(--mobilise-focus, light-dark(#1d70b8, #7fb7ff));
    --_success: var(--mobilise-success, light-dark(#00703c, #6fdc9b));
    --_warning: var(--mobilise-warning, light-dark(#8a4b00, #ffc66b));
    --_danger: var(--mobilise-danger, light-dark(#c0360c, #ff9a7a));
    --_radius: var(--mobilise-radius, 8px);
    --_shadow: var(--mobilise-shadow, 0 1px 3px rgb(0 0 0/.2), 0 4px 12px rgb(0 0 0/.12));
    /* Space: steps of one unit on a quarter grid (4, 8, 12, 16, 24, 32 px at 16 px). */
    --_s: var(--mobilise-space, 1em);
    --_s1: calc(var(--_s)/4);
    --_s2: calc(var(--_s)/2);
    --_s3: calc(var(--_s)*.75);
    --_s4: var(--_s);
    --_s6: calc(var(--_s)*1.5);
    --_s8: calc(var(--_s)*2);
    /* Type: the base size over the ratio (small print), times it once, twice, three times (headings). */
    --_r: var(--mobilise-type-ratio, 1.2);
    --_t0: calc(1em/var(--_r));
    --_t1: calc(1em*var(--_r));
    --_t2: calc(1em*var(--_r)*var(--_r));
    --_t3: calc(1em*var(--_r)*var(--_r)*var(--_r));
    /* medium: the reader's own browser setting, not the host's root size (html { font-size: 62.5% } would
       shrink rem); everything inside is sized in em from here. No spaces: the minifier keeps them inside var().
       No -apple-system: every Safari with light-dark() knows system-ui. */
    font: var(--mobilise-font-size,medium)/1.5 var(--mobilise-font,system-ui,'Segoe UI',Roboto,Arial,sans-serif) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    color: var(--_text);
  }
  /* Where the browser has relative colours, what depends on the accent is derived from it: text
     clamped to an OKLCH lightness that keeps 4.5:1 on the light and dark surfaces, and black or
     white on the accent by its lightness. Elsewhere the defaults above stand. */
  @supports (color: oklch(from red l c h)) {
    :host {
      --_accent-contrast: var(--mobilise-accent-contrast, oklch(from var(--_accent) clamp(0, (.66 - l)*999, 1) 0 0));
      --_accent-text: var(--mobilise-accent-text, light-dark(oklch(from var(--_accent) min(l, .5) c h), oklch(from var(--_accent) max(l, .8) c h)));
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4,
  h5,
  h6,
  p,
  ul,
  ol,
  dl,
  dd,
  fieldset {
    margin: 0;
    padding: 0;
  }
  ul,
  ol {
    list-style: none;
  }
  /* A list read as one: a module's tools, its checklist. */
  .bullets {
    list-style: disc;
    padding-inline-start: var(--_s6);
  }
  .label {
    font-weight: 600;
  }
  /* Headings step up the type scale: t1 unless a class sets a bigger step. */
  h2,
  h3,
  h4,
  h5,
  h6,
  [role='heading'] {
    font-size: var(--_t1);
    line-height: 1.25;
  }
  a {
    color: var(--_accent-text);
  }
  /* Panels (a card a link jumps to) and the form's error summary show focus from script too. */
  :focus-visible,
  .panel:focus,
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_s2);
    min-height: 44px;
    padding: var(--_s2) var(--_s4);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_accent-hover);
    border-color: var(--_accent-hover);
  }
  .button.secondary {
    background: transparent;
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .button.secondary:hover {
    background: color-mix(in oklab, var(--_accent) 12%, transparent);
  }
  /* Busy: full colour kept (text stays at 4.5:1), the label ends in "…" and the pointer says wait. */
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  /* Filter controls (selects, search, dates) and the form's inputs: full width, 44 px touch target. */
  .control {
    width: 100%;
    min-height: 44px;
    padding: var(--_s1) var(--_s3);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .control:hover {
    border-color: var(--_text);
  }
  /* A bordered surface for one item (a module card, a session); focusable when a link targets it. */
  .panel {
    padding: var(--_s4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    vertical-align: -0.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_s2);
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: var(--_t0);
    font-weight: 600;
  }
  /* Empty, error and notice states: a heading, what happened, what to do next. */
  .state {
    display: grid;
    justify-items: start;
    gap: var(--_s2);
    padding: var(--_s4);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  /* A heading set above a state box (an error's). */
  .state-title + .state {
    margin-top: var(--_s3);
  }
  /* Errors are set apart from the brand's buttons: a thick bar in the danger colour, bold. */
  .state.error {
    border-left: 5px solid var(--_danger);
    font-weight: 600;
  }
  /* Still: a pulse's frames held up the first cards' paint by 27–37 ms at 1× in the load bench (issue 15). */
  .skeleton {
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    .button,
    .control {
      border-color: ButtonText;
    }
    .badge {
      border-color: CanvasText;
    }
    .skeleton {
      background: GrayText;
    }
  }
`;
