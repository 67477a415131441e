import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in-process: what arrives is parsed with mailparser, as a mail client would.
 * A development tool: `npm start` catches the demo's mail with it (scripts/mailbox.ts) and the
 * mail and journey tests read what the delivery worker sent.
 */
export interface Catcher {
  url: string;
  port: number;
  received: ParsedMail[];
  /** Recipients refused with 550 while listed. */
  refuse: Set<string>;
  /** Resolves once `n` messages have arrived; fails after 10 s naming how many did. */
  waitFor(n: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startCatcher(port = 0): Promise<Catcher> {
  const received: ParsedMail[] = [];
  const refuse = new Set<string>();
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const error = new Error('Recipient address rejected') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const check of waiters) check();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    received,
    refuse,
    waitFor: (n) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < n) return;
          finish();
          resolve(received);
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`expected ${n} emails within 10 s, ${received.length} arrived`));
        }, 10_000);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
