/**
 * The demo's mailbox for `npm start` without SMTP_URL: a real SMTP server in-process (the
 * one the mail tests use) catches what the API's delivery worker sends, and the dev server
 * lists it at /demo/mailbox.json for demo/mailbox.html, newest first, parsed as a mail
 * client would (mailparser). Nothing leaves the machine.
 */
import type { ParsedMail } from 'mailparser';
import type { Plugin } from 'vite';
import { startCatcher, type Catcher } from './mail-catcher.js';

/** One caught email as the mailbox page shows it. */
export interface MailboxMessage {
  id: string;
  date: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The HTML part as sent; the page shows it only inside a sandboxed frame. */
  html: string;
  attachments: string[];
}

/** The mailbox page's own policy: no inline script anywhere; the emails' inline styles are allowed (the frame inherits it). */
export const MAILBOX_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

const addresses = (a: ParsedMail['to']) => (Array.isArray(a) ? a.map((x) => x.text).join(', ') : (a?.text ?? ''));

export function toMailboxMessage(mail: ParsedMail, index: number): MailboxMessage {
  return {
    id: mail.messageId ?? `message-${index}`,
    date: (mail.date ?? new Date()).toISOString(),
    from: mail.from?.text ?? '',
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    attachments: mail.attachments.map((a) => a.filename ?? a.contentType),
  };
}

/** Starts the catcher; its `url` goes to the API as SMTP_URL. */
export const startMailbox = (): Promise<Catcher> => startCatcher();

/** Serves the caught mail as JSON and the mailbox page with a strict CSP; `catcher` undefined = real SMTP is in use. */
export function mailboxPlugin(catcher: Catcher | undefined): Plugin {
  return {
    name: 'mobilise-demo-mailbox',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path === '/demo/mailbox.json') {
          const messages = catcher ? catcher.received.map(toMailboxMessage).reverse() : [];
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.setHeader('cache-control', 'no-store');
          res.end(JSON.stringify({ catching: Boolean(catcher), messages }));
          return;
        }
        if (path === '/demo/mailbox.html') res.setHeader('Content-Security-Policy', MAILBOX_CSP);
        next();
      });
    },
  };
}
