/** For e2e tests: what arrived at the SMTP catcher (scripts/mail-catcher.ts). */
import type { ParsedMail } from 'mailparser';
import type { Catcher } from '../../scripts/mail-catcher.js';

/** The first email to `to` whose subject matches, waiting for it to arrive (10 s per message, as the catcher allows). */
export async function mailFor(smtp: Catcher, to: string, subject: RegExp): Promise<ParsedMail> {
  const match = (m: ParsedMail) => JSON.stringify(m.to).includes(to) && subject.test(m.subject ?? '');
  for (let n = 1; ; n++) {
    const found = (await smtp.waitFor(n)).find(match);
    if (found) return found;
  }
}
