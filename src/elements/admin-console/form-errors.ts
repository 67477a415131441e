import { html, nothing, type TemplateResult } from 'lit';

/**
 * The GOV.UK error pattern the members' signup form uses, for the console's forms: a summary
 * (role="alert", focused by the form after a failed submit) whose links move focus to each
 * control, and the message again above the control, tied to it by aria-describedby.
 */

/** One problem: `id` names the control it is about (the summary links to it); none for a problem with no field. */
export interface Problem {
  id?: string | undefined;
  message: string;
}

/** A link's own focus move: a fragment link inside a shadow root would change the page's URL and find nothing. */
function toControl(e: Event) {
  e.preventDefault();
  const a = e.currentTarget as HTMLAnchorElement;
  (a.getRootNode() as ShadowRoot | Document).getElementById(a.getAttribute('href')!.slice(1))?.focus();
}

/** The summary, or nothing when there is no problem; `extra` goes below the list (a button, say). */
export function errorSummary(problems: Problem[], extra: TemplateResult | typeof nothing = nothing) {
  if (!problems.length) return nothing;
  return html`<div class="error-summary state error" role="alert" tabindex="-1">
    <h2>There is a problem</h2>
    <ul>
      ${problems.map((p) => html`<li>${p.id ? html`<a href="#${p.id}" @click=${toControl}>${p.message}</a>` : p.message}</li>`)}
    </ul>
    ${extra}
  </div>`;
}

/** The message above a control (id `<id>-error`), with a hidden "Error:" for screen readers. */
export const errorMessage = (id: string, message: string | undefined) =>
  message ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${message}</p>` : nothing;

/** A control's aria-describedby: its hint (`<id>-hint`) when it has one, then its error. */
export const describedBy = (id: string, error: string | undefined, hint = false) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
