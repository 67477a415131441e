import type { ContentLocale } from '../../../src/contract/index.js';
import { MAIL_STRINGS } from './strings.js';

/**
 * One email as plain text and HTML from the same blocks, so the two parts always say the same.
 * HTML is simple and accessible: real headings and links, lang, no tracking pixels, no remote
 * images or styles. Every piece of member or organiser text is escaped.
 */
export interface Email {
  subject: string;
  text: string;
  html: string;
}

export type Block =
  | string
  | { link: string; label: string }
  | { details: [label: string, value: string][] }
  /** A titled part: a link shown as itself (members copy it into an app), then text. */
  | { section: string; url?: string; text?: string };

export interface Footer {
  controller: string;
  privacyUrl?: string;
  /** Why this address got the email, when not a member's signup (an organiser's sign-in). */
  reason?: string;
  /** The member's "My Mobilise pathway" link (members' emails only). */
  pathway?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** A paragraph's text as HTML (without its <p>). */
export const paragraphs = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

function textBlock(block: Block): string {
  if (typeof block === 'string') return block;
  if ('link' in block) return `${block.label}:\n${block.link}`;
  if ('section' in block) return [block.section, block.url, block.text].filter(Boolean).join('\n');
  return block.details.map(([label, value]) => `${label}: ${value.replace(/\r?\n/g, '\n  ')}`).join('\n');
}

function htmlBlock(block: Block): string {
  if (typeof block === 'string') return `<p>${paragraphs(block)}</p>`;
  if ('link' in block) {
    // A plain link styled as a button: every client shows it, and the URL is also in the text part.
    return `<p><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:12px 20px;background:#b0002b;color:#ffffff;text-decoration:underline;font-weight:bold">${escapeHtml(block.label)}</a></p>`;
  }
  if ('section' in block) {
    const url = block.url ? `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>` : '';
    return `<h2 style="font-size:20px">${escapeHtml(block.section)}</h2>${url}${block.text ? `<p>${paragraphs(block.text)}</p>` : ''}`;
  }
  const rows = block.details.map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${paragraphs(value)}</td></tr>`);
  return `<table role="presentation" style="border-collapse:collapse">${rows.join('')}</table>`;
}

function footerLines(footer: Footer, lang: ContentLocale): string[] {
  const t = MAIL_STRINGS[lang];
  return [
    ...(footer.pathway ? [`${t.pathway}: ${footer.pathway}`] : []),
    footer.reason ?? t.footer(footer.controller),
    ...(footer.privacyUrl ? [`${t.privacyNotice}: ${footer.privacyUrl}`] : []),
  ];
}

/**
 * Blocks whose link is empty are left out (a booking made before links existed has nowhere to point).
 * `lang`: the language the words are in (the member's; organisers' emails are English).
 */
export function compose(subject: string, heading: string, blocks: Block[], footer: Footer, lang: ContentLocale = 'en-GB'): Email {
  blocks = blocks.filter((b) => typeof b === 'string' || !('link' in b) || b.link !== '');
  const text = [heading, ...blocks.map(textBlock), '--', ...footerLines(footer, lang)].join('\n\n') + '\n';
  const footerHtml = footerLines(footer, lang)
    .map((line) => {
      const privacy = footer.privacyUrl && line.endsWith(footer.privacyUrl);
      if (footer.pathway && line.endsWith(footer.pathway))
        return `<p>${escapeHtml(MAIL_STRINGS[lang].pathway)}: <a href="${escapeHtml(footer.pathway)}">${escapeHtml(footer.pathway)}</a></p>`;
      return privacy
        ? `<p><a href="${escapeHtml(footer.privacyUrl!)}">${escapeHtml(MAIL_STRINGS[lang].privacyNotice)}</a></p>`
        : `<p>${paragraphs(line)}</p>`;
    })
    .join('');
  const html =
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">` +
    `<main style="max-width:600px;margin:0 auto;padding:16px"><h1 style="font-size:24px">${escapeHtml(heading)}</h1>` +
    blocks.map(htmlBlock).join('') +
    `<hr><footer style="font-size:14px;color:#444444">${footerHtml}</footer></main></body></html>`;
  return { subject, text, html };
}
