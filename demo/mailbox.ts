/**
 * Lists what the demo's SMTP catcher received (scripts/mailbox.ts serves it as JSON).
 * Everything is built with textContent; an email's HTML goes only into a sandboxed frame
 * (no scripts, no same-origin) under a CSP that loads nothing, and its links open in a new tab.
 */
import type { MailboxMessage } from '../scripts/mailbox.js';

const FRAME_HEAD =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` + '<base target="_blank">';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The text part with its http(s) links clickable, as a mail client shows it. */
function textPart(text: string): HTMLPreElement {
  const pre = el('pre');
  pre.setAttribute('part', 'text');
  for (const piece of text.split(/(https?:\/\/\S+)/)) {
    if (/^https?:\/\//.test(piece)) {
      const a = el('a', piece);
      a.href = piece;
      pre.append(a);
    } else pre.append(piece);
  }
  return pre;
}

function render(message: MailboxMessage): HTMLElement {
  const article = el('article');
  article.dataset.messageId = message.id;
  article.append(el('h2', message.subject));
  const dl = el('dl');
  const rows: [string, string][] = [
    ['From', message.from],
    ['To', message.to],
    ['Date', new Date(message.date).toLocaleString('en-GB')],
  ];
  if (message.attachments.length) rows.push(['Attached', message.attachments.join(', ')]);
  for (const [term, value] of rows) dl.append(el('dt', term), el('dd', value));
  article.append(dl);
  if (message.html) {
    const frame = el('iframe');
    frame.title = `The email “${message.subject}” as HTML`;
    // No allow-scripts, no allow-same-origin: the email runs nothing and reaches nothing; links may open a tab.
    frame.setAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.srcdoc = FRAME_HEAD + message.html;
    article.append(frame);
  }
  const details = el('details');
  details.open = !message.html;
  details.append(el('summary', 'Plain-text part'), textPart(message.text));
  article.append(details);
  return article;
}

const status = document.getElementById('status')!;
const list = document.getElementById('messages')!;
let shown = '';

async function refresh(): Promise<void> {
  const res = await fetch('./mailbox.json', { cache: 'no-store' });
  const { catching, messages } = (await res.json()) as { catching: boolean; messages: MailboxMessage[] };
  const ids = messages.map((m) => m.id).join(' ');
  if (ids === shown && status.textContent !== 'Loading…') return;
  shown = ids;
  status.textContent = !catching
    ? 'SMTP_URL is set, so the emails went to that server, not here.'
    : messages.length
      ? `${messages.length} email${messages.length === 1 ? '' : 's'}, newest first.`
      : 'No emails yet. Sign up for a session on the demo page and the confirmation email appears here.';
  list.replaceChildren(...messages.map(render));
}

void refresh();
// New mail arrives while the page is open (the worker sends within a second or so).
setInterval(() => void refresh().catch(() => (status.textContent = 'The demo server is not answering.')), 2000);
