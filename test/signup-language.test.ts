/**
 * Emails in the member's language start in the browser: the signup form sends the language its
 * page is in (the provider's locale, else the nearest lang), and the server writes every email
 * about the booking in it (server/test/languages.test.ts).
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/signup-form/define.js';
import type { SignupRequest } from '../src/contract/index.js';
import { fixtures, mockApis } from './helpers/mock-api.js';
import { submitValid } from './helpers/signup.js';

const api = mockApis();
const soon = Date.now() + 3_600_000;
const open = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;

async function localeSent(markup: (endpoint: string) => string): Promise<string | undefined> {
  const a = api();
  const wrap = await fixture<HTMLElement>(markup(a.endpoint));
  const form = wrap.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('mobilise-signup-form')!;
  await waitUntil(() => form.shadowRoot!.querySelector('[name="firstName"]'), 'the form did not load', { timeout: 5000 });
  await submitValid(form);
  await waitUntil(() => a.calls.some((c) => c.method === 'POST'), 'nothing was posted', { timeout: 5000 });
  return (a.calls.find((c) => c.method === 'POST')!.body as SignupRequest).locale;
}

describe('the signup says which language the member’s emails are to be in', () => {
  it('the provider’s locale', async () => {
    for (const locale of ['gd', 'cy', 'en-GB']) {
      const sent = await localeSent(
        (endpoint) => `<mobilise-provider endpoint="${endpoint}" locale="${locale}"><mobilise-signup-form session-id="${open.id}"></mobilise-signup-form></mobilise-provider>`,
      );
      expect(sent).to.equal(locale);
    }
  });

  it('else the page’s lang', async () => {
    const sent = await localeSent(
      (endpoint) => `<div lang="cy-GB"><mobilise-signup-form endpoint="${endpoint}" session-id="${open.id}"></mobilise-signup-form></div>`,
    );
    expect(sent).to.equal('cy-GB');
  });
});
