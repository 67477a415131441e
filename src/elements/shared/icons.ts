import { html } from 'lit';

/**
 * Line icons on a 24-unit grid, drawn in currentColor (so forced colours recolour them), inline:
 * no icon font, no request. Each stands beside words: the words carry the meaning and the drawing
 * is hidden from assistive technology.
 */
const PATHS = {
  date: 'M4 6h16v14H4zm0 4h16M8 3v4m8-4v4',
  time: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18m0 4v5l3 2',
  place: 'M12 21s-7-6-7-11.5a7 7 0 0 1 14 0C19 15 12 21 12 21zm0-14a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5',
  online: 'M3 5h18v11H3zm5 15h8m-4-4v4',
  access: 'M12 2.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3M5 8.5l7 1.5 7-1.5M12 10v5m0 0-3.5 6.5M12 15l3.5 6.5',
} as const;

export type IconName = keyof typeof PATHS;

/** A shared icon by name, or a drawing kept beside the one element that shows it (a path: the access features'). */
export const icon = (name: IconName | `M${string}`) =>
  html`<svg class="icon" part="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${(PATHS as Record<string, string>)[name] ?? name}></path></svg>`;
