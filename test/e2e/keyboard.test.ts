/**
 * Keyboard only, end to end: the built bundle under a strict CSP against the real
 * reference backend. A member Tabs to a module, presses Enter to see its sessions,
 * Tabs to a session's "Sign up", fills the form with Tab/typing/Space/arrow keys,
 * recovers from validation errors through the error summary, and submits with
 * Enter. No element.click() or element.focus() from the test: every move is a key
 * press, and the page is only read. The row must be in the database and the
 * confirmation must take focus so it is announced.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeSessions, modules } from '../../server/seed/programme.js';
import { en } from '../../src/strings/en.js';
import { e2eEngines, engineSite, type E2ePage, type Key } from '../helpers/e2e-engines.js';

/** What has focus, looking through shadow roots. */
interface Focus {
  host: string;
  tag: string;
  part: string;
  name: string;
  id: string;
  type: string;
  value: string;
  checked: boolean;
  text: string;
  signup: string;
  cls: string;
}

const focused = (page: E2ePage): Promise<Focus | null> =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return null;
    const root = a.getRootNode();
    const input = a as HTMLInputElement;
    return {
      host: root instanceof ShadowRoot ? root.host.localName : 'document',
      tag: a.localName,
      part: a.getAttribute('part') ?? '',
      name: a.getAttribute('name') ?? '',
      id: a.id,
      type: typeof input.type === 'string' ? input.type : '',
      value: typeof input.value === 'string' ? input.value : '',
      checked: input.checked === true,
      text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 160),
      signup: a.getAttribute('data-signup') ?? '',
      cls: a.getAttribute('class') ?? '',
    };
  });

let presses = 0;
async function press(page: E2ePage, key: Key) {
  presses++;
  await page.press(key);
}

/** Press Tab until focus lands on what `match` wants; every stop is recorded in `visited`. */
async function tabUntil(page: E2ePage, match: (f: Focus) => boolean, what: string, visited: Focus[] = [], max = 400): Promise<Focus> {
  for (let i = 0; i < max; i++) {
    await press(page, 'Tab');
    const f = await focused(page);
    if (!f) continue;
    visited.push(f);
    if (match(f)) return f;
  }
  throw new Error(`Tab never reached ${what} in ${max} presses; last stops: ${JSON.stringify(visited.slice(-5))}`);
}

/** Wait until focus is where the widget should have moved it by itself. */
async function focusReaches(page: E2ePage, match: (f: Focus) => boolean, what: string, timeoutMs = 10_000): Promise<Focus> {
  const deadline = Date.now() + timeoutMs;
  let last: Focus | null = null;
  while (Date.now() < deadline) {
    last = await focused(page);
    if (last && match(last)) return last;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`focus never reached ${what}; it is on ${JSON.stringify(last)}`);
}

const inForm = (f: Focus) => f.host === 'mobilise-signup-form';

for (const engine of e2eEngines()) {
  describe(`keyboard (${engine})`, () => {
    const env = engineSite(engine);

    test('keyboard only: browse, choose, fix mistakes and sign up; the row is stored and the confirmation takes focus', { timeout: 90_000 }, async () => {
      presses = 0;
      const page = await env.browser.newPage({ width: 1100, height: 900 });
      await page.goto(`${env.site.url}/strict-csp.html`);
      await page.waitFor(
        'catalogue cards and Sign up buttons',
        15_000,
        () =>
          (document.querySelector('mobilise-module-catalogue')?.shadowRoot?.querySelectorAll('[part~="card"]').length ?? 0) > 0 &&
          (document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelectorAll('[part~="signup-button"]').length ?? 0) > 0,
      );

      // Modules that have a session open for signup (not full, deadline ahead): the member picks one of those.
      const soon = Date.now() + 3_600_000;
      const open = makeSessions(new Date()).filter((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon);
      const openTitles = modules.filter((m) => open.some((s) => s.moduleId === m.id)).map((m) => m.title);
      assert.ok(openTitles.length > 0, 'the seed has open sessions');

      // 1. Catalogue: Tab to a module's "See upcoming sessions" and press Enter.
      const choose = await tabUntil(
        page,
        (f) => f.host === 'mobilise-module-catalogue' && f.part.includes('select-button') && openTitles.some((t) => f.text.endsWith(`: ${t}`)),
        'a module with open sessions',
      );
      const title = openTitles.find((t) => choose.text.endsWith(`: ${t}`))!;
      await press(page, 'Enter');
      await page.waitFor(
        `the calendar showing ${title}`,
        10_000,
        (expected: string) => document.querySelector('mobilise-session-calendar')?.shadowRoot?.querySelector('.provider-notice')?.textContent?.includes(expected),
        title,
      );

      // 2. Calendar, now showing that module's sessions: Tab to the first "Sign up" (not a waiting list) and press Enter.
      const signUp = await tabUntil(
        page,
        (f) => f.host === 'mobilise-session-calendar' && f.part.includes('signup-button') && f.text.startsWith(en.calendar.signUp) && f.text.includes(title),
        `"Sign up" for ${title}`,
      );
      const sessionId = signUp.signup;
      assert.ok(open.some((s) => s.id === sessionId), `${sessionId} is open for signup`);
      await press(page, 'Enter');

      // 3. The form takes focus on its heading by itself.
      const heading = await focusReaches(page, (f) => inForm(f) && f.id === 'heading', 'the signup form heading');
      assert.equal(heading.text, en.calendar.dialogHeading(title));
      assert.ok((await page.evaluate(() => location.hash)).includes(sessionId), 'the page URL names the session');

      // 4. Tab order through the form: every question once, in order; no honeypot, nothing hidden.
      const visited: Focus[] = [];
      await tabUntil(page, (f) => inForm(f) && f.part.includes('submit'), 'the submit button', visited, 40);
      assert.deepEqual(
        visited.map((f) => (f.part.includes('submit') ? 'submit' : f.name || f.tag)),
        ['firstName', 'lastName', 'email', 'phone', 'postcode', 'membership', 'clp', 'accessNeeds', 'consentContact', 'consentMarketing', 'submit'],
      );
      assert.ok(visited.every(inForm), 'focus stays in the form');

      // 5. Enter on an empty form: the error summary takes focus; its first link leads to the first question.
      await press(page, 'Enter');
      const summary = await focusReaches(page, (f) => inForm(f) && f.cls.includes('error-summary'), 'the error summary');
      assert.ok(summary.text.includes(en.signup.errorSummary));
      const link = await tabUntil(page, (f) => inForm(f) && f.tag === 'a', 'the first error link', [], 3);
      assert.equal(link.text, en.validation.firstName);
      await press(page, 'Enter');
      await focusReaches(page, (f) => inForm(f) && f.name === 'firstName', 'the first name field');

      // 6. Fill it in: typing, Tab, arrow keys in the radio group, Space for the checkbox.
      const typeHere = async (name: string, text: string) => {
        const f = await focused(page);
        assert.equal(f?.name, name, `focus is on ${name}`);
        await page.type(text);
        presses += text.length;
      };
      await typeHere('firstName', 'Morag');
      await press(page, 'Tab');
      await typeHere('lastName', 'MacLeod');
      await press(page, 'Tab');
      await typeHere('email', 'morag.keys@example.org');
      await press(page, 'Tab');
      await typeHere('phone', '07700 900982');
      await press(page, 'Tab');
      await typeHere('postcode', 'g12 8qq');
      await press(page, 'Tab');
      let radio = await focused(page);
      assert.equal(radio?.name, 'membership');
      assert.equal(radio?.value, 'member', 'Tab enters the group at its first choice');
      await press(page, 'ArrowDown');
      radio = await focused(page);
      assert.deepEqual([radio?.value, radio?.checked], ['supporter', true], 'ArrowDown moves to and selects the next choice');
      await press(page, 'ArrowUp');
      radio = await focused(page);
      assert.deepEqual([radio?.value, radio?.checked], ['member', true], 'ArrowUp comes back');
      await press(page, 'Tab');
      await typeHere('clp', 'Glasgow North');
      await press(page, 'Tab');
      await typeHere('accessNeeds', 'Step-free access');
      await press(page, 'Enter'); // a new line in the textarea, not a submit
      await page.type('please');
      presses += 6;
      await press(page, 'Tab');
      assert.equal((await focused(page))?.name, 'consentContact');
      await press(page, 'Space');
      assert.equal((await focused(page))?.checked, true, 'Space ticks the consent');
      await press(page, 'Tab');
      assert.equal((await focused(page))?.name, 'consentMarketing');
      await press(page, 'Tab');
      assert.ok((await focused(page))?.part.includes('submit'));
      const errorsLeft = await page.evaluate(
        () => document.querySelector('mobilise-signup-form')!.shadowRoot!.querySelectorAll('[aria-invalid="true"]').length,
      );
      assert.equal(errorsLeft, 0, 'every corrected field cleared its error on the way');

      // 7. Enter submits; the outcome heading takes focus (so it is announced): check your email to confirm.
      await press(page, 'Enter');
      const done = await focusReaches(page, (f) => inForm(f) && f.cls.includes('result-heading'), 'the confirmation');
      assert.equal(done.text, en.signup.checkEmail);

      // 8. Stored once, exactly as typed.
      const rows = await env.site.db.query<Record<string, unknown>>(
        `SELECT session_id, first_name, last_name, email, phone, postcode, membership, clp, access_needs, consent_contact, consent_marketing, status
           FROM signups WHERE email = $1`,
        ['morag.keys@example.org'],
      );
      assert.equal(rows.rows.length, 1, 'one row');
      assert.deepEqual(rows.rows[0], {
        session_id: sessionId,
        first_name: 'Morag',
        last_name: 'MacLeod',
        email: 'morag.keys@example.org',
        phone: '07700 900982',
        postcode: 'G12 8QQ',
        membership: 'member',
        clp: 'Glasgow North',
        access_needs: 'Step-free access\nplease',
        consent_contact: true,
        consent_marketing: false,
        status: 'pending',
      });
      assert.deepEqual(await page.problems(), [], 'no page or console errors');
      assert.deepEqual(await page.cspViolations(), [], 'no CSP violations');
      console.log(`[keyboard] ${engine}: signed up with ${presses} key presses (Tab/Enter/Space/arrows and typing), no clicks`);
      await page.close();
    });
  });
}
