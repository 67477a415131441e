import { html, nothing, type TemplateResult } from 'lit';

/** A `heading-level` attribute: 2–6 (below the page's own h1), else undefined so the provider's or the default applies. */
export function parseHeadingLevel(value: unknown): number | undefined {
  const n = Math.round(value as number); // coerces "4"; NaN fails both comparisons
  return n > 1 && n < 7 ? n : undefined;
}

export interface HeadingOptions {
  class: string;
  id?: string;
  part?: string;
  /** -1 for headings that take focus (form heading, outcomes). */
  tabindex?: number;
  live?: 'polite';
}

const templates: TemplateStringsArray[] = [];
/**
 * The template for one level, made once: h1–h6, deeper levels (a top level of 5 or 6 nests past h6) a
 * div with role=heading and aria-level. What lit/static-html does, without its runtime: the tag is ours, never data.
 */
function template(level: number): TemplateStringsArray {
  const tag = level > 6 ? 'div' : `h${level}`;
  const s = [`<${level > 6 ? `div role="heading" aria-level="${level}"` : tag} class="`, '" id="', '" part="', '" tabindex="', '" aria-live="', '">', `</${tag}>`];
  return (templates[level] ??= Object.assign(s, { raw: s }));
}

export const heading = (level: number, o: HeadingOptions, content: unknown): TemplateResult =>
  html(template(level), o.class, o.id ?? nothing, o.part ?? nothing, o.tabindex ?? nothing, o.live ?? nothing, content);
