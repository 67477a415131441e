import { escapeHtml } from '../mail/templates/layout.js';

/** What differs between the server's own pages (the console, the pathway, the request page): the rest is one shell. */
export interface PageShell {
  title: string;
  /** The one element the page is, e.g. `mobilise-pathway`. */
  element: string;
  /** Shown instead when scripts are off: what to do about it, for this page. */
  noscript: string;
  /** Keep out of search engines: pages opened from private links or for one member. */
  noindex?: boolean;
}

/**
 * The page's HTML: its module script at `${prefix}/${script}` (same origin, allowed by the pages' strict CSP),
 * no referrer for the links it opens, in English until `inLanguage` says otherwise.
 */
export function pageShell(shell: PageShell, prefix: string, script: string): string {
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />${shell.noindex ? '\n    <meta name="robots" content="noindex" />' : ''}
    <title>${escapeHtml(shell.title)}</title>
    <script type="module" src="${prefix}/${script}"></script>
  </head>
  <body>
    <${shell.element}>
      <noscript>${escapeHtml(shell.noscript)}</noscript>
    </${shell.element}>
  </body>
</html>
`;
}
