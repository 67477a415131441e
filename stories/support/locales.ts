/**
 * The languages of the toolbar's locale switcher, also read by scripts/a11y-stories.ts (which runs
 * every story in each of them). No imports, so a Node script can load it without the preview's.
 */
export const locales = [
  { value: 'en-GB', title: 'English (UK)', right: 'en-GB' },
  { value: 'gd', title: 'Gàidhlig', right: 'gd' },
  { value: 'cy', title: 'Cymraeg', right: 'cy' },
] as const;

export type Locale = (typeof locales)[number]['value'];
