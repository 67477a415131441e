import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { getClient, type ClientOptions } from '../src/client/index.js';
import { formatDay, formatTime } from '../src/elements/shared/format.js';
import type { Session, SignupRequest } from '../src/contract/index.js';
import '../src/context/define.js';
import { emit } from '../src/context/index.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import type { MobiliseSignupForm } from '../src/elements/signup-form/signup-form.js';
import { en } from '../src/strings/en.js';
import { focusedName, has, nameOf } from './helpers/dom.js';
import { collectLitWarnings } from './helpers/lit-warnings.js';
import { callsTo, fixtures, gate, json, mockApi, problem, type MockApi, type MockOptions } from './helpers/mock-api.js';
import { payloadsHadTheirTurn } from './helpers/settle.js';
import { rateLimitedFor } from '../src/strings/compose.js';


const t = en.signup;
const m = en.validation;

const soon = Date.now() + 3_600_000;
const upcoming = fixtures.sessions.filter((s) => Date.parse(s.signupDeadline ?? s.start) > soon);
const openSession = upcoming.find((s) => s.status === 'scheduled' && s.spacesLeft > 0)!;
const fullWaitlist = upcoming.find((s) => s.status === 'full' && s.waitlist)!;
const fullNoWaitlist = upcoming.find((s) => s.status === 'full' && !s.waitlist)!;
const cancelled = fixtures.sessions.find((s) => s.status === 'cancelled')!;
const titleOf = (s: Session) => fixtures.modules.find((mod) => mod.id === s.moduleId)!.title;

let api: MockApi | undefined;
/** Lit dev-mode warnings (e.g. change-in-update) fail the test that caused them. */
const litWarnings = collectLitWarnings();
afterEach(() => {
  api?.restore();
  expect(litWarnings.splice(0)).to.deep.equal([]);
});

/** A fresh fake backend; the shared client for it is created first so tests can shorten its retry backoff. */
function backend(options: MockOptions = {}, client: ClientOptions = { retryBaseMs: 1 }) {
  api = mockApi(options);
  getClient(api.endpoint, client);
  return api;
}

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const input = (el: HTMLElement, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`)!;
const text = (el: HTMLElement | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function ready(el: MobiliseSignupForm) {
  await waitUntil(() => $(el, '#heading, [part="error"]'), 'the form did not load', { timeout: 3000 });
  await el.updateComplete;
}

async function form(session: Session | string = openSession, options?: MockOptions, client?: ClientOptions) {
  const { endpoint } = backend(options, client);
  const id = typeof session === 'string' ? session : session.id;
  const el = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form endpoint=${endpoint} session-id=${id}></mobilise-signup-form>`);
  await ready(el);
  return el;
}

/** Type like a person: focus, set the value, fire `input`. */
async function type(el: MobiliseSignupForm, name: string, value: string) {
  const field = input(el, name);
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Leave a field. Dispatched, because real blur events need page focus, which parallel test pages do not all get. */
async function leave(el: MobiliseSignupForm, name: string) {
  input(el, name).dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fillValid(el: MobiliseSignupForm) {
  await type(el, 'firstName', 'Ada');
  await type(el, 'lastName', 'Lovelace');
  await type(el, 'email', 'ada@example.com');
  await type(el, 'postcode', 'G1 1AA');
  $<HTMLInputElement>(el, '#f-membership-member')!.click();
  $<HTMLInputElement>(el, '#f-consentContact')!.click();
  await el.updateComplete;
}

async function submit(el: MobiliseSignupForm) {
  $<HTMLButtonElement>(el, '[part="submit"]')!.click();
  await el.updateComplete;
}

const posts = (a: MockApi) => a.calls.filter((c) => c.method === 'POST');
const resultHeading = (el: MobiliseSignupForm) => $(el, '.result-heading');

describe('<mobilise-signup-form>', () => {
  it('renders every field with its label, autocomplete and keyboard hints; consents unticked', async () => {
    const el = await form();
    expect(text($(el, '#heading'))).to.equal(en.calendar.dialogHeading(titleOf(openSession)));
    expect(text($(el, '[part="session-summary"]'))).to.include(en.calendar.spacesLeft(openSession.spacesLeft));
    expect($<HTMLFormElement>(el, 'form')!.noValidate).to.equal(true);

    const expected: Record<string, [type: string, autocomplete: string, inputmode: string | null]> = {
      firstName: ['text', 'given-name', null],
      lastName: ['text', 'family-name', null],
      email: ['email', 'email', 'email'],
      phone: ['tel', 'tel', 'tel'],
      postcode: ['text', 'postal-code', null],
    };
    for (const [name, [type, autocomplete, inputmode]] of Object.entries(expected)) {
      const field = input(el, name);
      expect(field.type, name).to.equal(type);
      expect(field.getAttribute('autocomplete'), name).to.equal(autocomplete);
      expect(field.getAttribute('inputmode'), name).to.equal(inputmode);
      expect(field.labels?.[0]?.textContent?.trim(), name).to.equal(t[name as 'email']);
    }
    expect(input(el, 'postcode').getAttribute('autocapitalize')).to.equal('characters');
    expect($(el, 'fieldset legend')!.textContent).to.equal(t.membership);
    expect([...root(el).querySelectorAll<HTMLInputElement>('[name="membership"]')].map((r) => r.value)).to.deep.equal([
      'member',
      'supporter',
      'not-yet',
    ]);
    // Every control has a visible label.
    for (const control of root(el).querySelectorAll<HTMLInputElement>('input, textarea')) {
      expect(control.labels?.length, control.name).to.equal(1);
    }
    const access = $<HTMLTextAreaElement>(el, 'textarea[name="accessNeeds"]')!;
    expect(access.getAttribute('aria-describedby')).to.equal('f-accessNeeds-hint');
    expect(text($(el, '#f-accessNeeds-hint'))).to.equal(t.accessHint);

    expect(input(el, 'consentContact').checked).to.equal(false);
    expect(input(el, 'consentMarketing').checked).to.equal(false);

    const honeypot = input(el, 'website');
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.getAttribute('autocomplete')).to.equal('off');
    expect(honeypot.closest('[aria-hidden="true"]') !== null, 'the honeypot is hidden from assistive technology').to.equal(true);
    expect(honeypot.getBoundingClientRect().right).to.be.below(0);
    expect(has(el, '#f-consentContact-hint a'), 'no privacy link without a privacy URL').to.equal(false);

    await expect(el).to.be.accessible();
  });

  it('fills the width of a 320px phone with controls at least 44px tall', async () => {
    const { endpoint } = backend();
    // Sized on the host: a plain wrapper fixture waits for an animation frame, which background test pages never get.
    const el = await fixture<MobiliseSignupForm>(
      html`<mobilise-signup-form style="width: 320px" endpoint=${endpoint} session-id=${openSession.id}></mobilise-signup-form>`,
    );
    await ready(el);
    expect(el.scrollWidth).to.equal(320, 'no horizontal overflow');
    for (const name of ['firstName', 'email', 'postcode']) {
      expect(input(el, name).getBoundingClientRect().width, name).to.equal(320);
      expect(input(el, name).getBoundingClientRect().height, name).to.be.at.least(44);
    }
    expect($(el, '[part="submit"]')!.getBoundingClientRect().height).to.be.at.least(44);
    for (const choice of root(el).querySelectorAll('.choice')) expect(choice.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('links the privacy notice from the privacy-url attribute and refuses javascript: URLs', async () => {
    const el = await form();
    el.privacyUrl = 'https://labour.example/privacy';
    await el.updateComplete;
    const link = $<HTMLAnchorElement>(el, '#f-consentContact-hint a')!;
    expect(link.href).to.equal('https://labour.example/privacy');
    expect(input(el, 'consentContact').getAttribute('aria-describedby')).to.include('f-consentContact-hint');
    el.privacyUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect(has(el, '#f-consentContact-hint a'), 'no link for a javascript: URL').to.equal(false);
  });

  it('validates a field on blur, only once it has been typed in', async () => {
    const el = await form();
    input(el, 'firstName').focus();
    await leave(el, 'firstName');
    expect(has(el, '#f-firstName-error'), 'tabbing through is not an error').to.equal(false);

    await type(el, 'email', 'not-an-email');
    await leave(el, 'email');
    const email = input(el, 'email');
    expect(text($(el, '#f-email-error'))).to.equal(`${t.errorPrefix} ${m.email}`);
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.equal('f-email-error');
    expect(root(el).querySelectorAll('.error-message')).to.have.length(1, 'only the field left is judged');
    expect(has(el, '[part="error-summary"]'), 'no summary before a submit').to.equal(false);

    await type(el, 'email', 'ada@example.com');
    await leave(el, 'email');
    expect(has(el, '#f-email-error'), 'the error goes once fixed').to.equal(false);
    expect(email.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('on an empty submit shows a focused error summary whose links focus the fields', async () => {
    const el = await form();
    await submit(el);
    expect(has(el, '[part="error-summary"]'), 'an error summary').to.equal(true);
    const summary = $(el, '[part="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(text(summary.querySelector('h3'))).to.equal(t.errorSummary);
    const links = [...summary.querySelectorAll<HTMLAnchorElement>('a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      m.firstName,
      m.lastName,
      m.email,
      m.postcode,
      m.membership,
      m.consentContact,
    ]);
    expect(focusedName(el), 'the summary takes focus').to.equal(nameOf(summary));
    expect(root(el).querySelectorAll('.field.invalid')).to.have.length(6);
    expect($(el, '#f-membership')!.getAttribute('aria-describedby')).to.equal('f-membership-error');
    expect(posts(api!)).to.have.length(0);

    links[2].click();
    expect(focusedName(el)).to.equal(nameOf(input(el, 'email')));
    links[4].click();
    expect(focusedName(el)).to.equal(nameOf($(el, '#f-membership-member')));
    await expect(el).to.be.accessible();
  });

  it('posts the exact body once, says to check the email with the hold’s end, and emits only sessionId/status/hold', async () => {
    const el = await form();
    await fillValid(el);
    const event = oneEvent(el, 'mobilise-signup');
    await submit(el);
    const { detail } = await event;
    await el.updateComplete;

    const [call] = posts(api!);
    expect(posts(api!)).to.have.length(1);
    const body = call.body as SignupRequest;
    expect(call.headers['idempotency-key']).to.equal(body.idempotencyKey);
    expect(body).to.deep.equal({
      sessionId: openSession.id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      postcode: 'G1 1AA',
      membership: 'member',
      consentContact: true,
      consentMarketing: false,
      website: '',
      idempotencyKey: body.idempotencyKey,
      returnUrl: location.origin + location.pathname,
      // The page's language: the member's emails are written in it.
      locale: 'en-GB',
    });

    expect(detail).to.deep.equal({ sessionId: openSession.id, status: 'pending', hold: 'place' });
    expect(Object.keys(detail).sort()).to.deep.equal(['hold', 'sessionId', 'status']);

    expect(text(resultHeading(el))).to.equal(t.checkEmail);
    const held = Math.min(Date.now() + 24 * 3_600_000, Date.parse(openSession.start));
    const until = `${formatTime(new Date(held).toISOString(), 'en-GB')} on ${formatDay(new Date(held).toISOString(), 'en-GB')}`;
    expect(text($(el, '[part="result"]'))).to.include(t.pendingNext(until));
    expect(has(el, '[part="session-summary"]'), 'the session summary stays').to.equal(true);
    expect(has(el, '[part="add-to-calendar"]'), 'nothing is booked yet, so no calendar file').to.equal(false);
    expect(focusedName(el), 'the outcome takes focus').to.equal(nameOf(resultHeading(el)));
    expect(has(el, 'form'), 'the result replaces the form').to.equal(false);
    // Personal data stays out of storage and the URL.
    expect(JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href).not.to.include('ada@example.com');
    await expect(el).to.be.accessible();
  });

  it('says exactly what happened: a place held until a time, confirmed by the emailed link, nothing booked yet', async () => {
    const el = await form();
    await fillValid(el);
    await submit(el);
    await waitUntil(() => resultHeading(el));
    const shown = text($(el, '[part="result"]'));
    expect(shown).to.include('We are emailing you a link to confirm');
    expect(shown).not.to.match(/\b(you are booked|you are signed up|place is confirmed)\b/i);
    expect(shown).to.include(t.pendingSpam);
  });

  it('shows the spaces left after the signup, not the count from before it', async () => {
    const sessions = [{ ...openSession, spacesLeft: 5 }];
    const el = await form(sessions[0], {
      sessions,
      signup: (body) => {
        sessions[0] = { ...sessions[0], spacesLeft: 4 };
        return json({ status: 'pending', sessionId: body.sessionId, hold: 'place', holdExpiresAt: '2030-01-01T10:00:00+00:00' }, 202);
      },
    });
    expect(text($(el, '[part="session-summary"]'))).to.include(en.calendar.spacesLeft(5));
    await fillValid(el);
    await submit(el);
    await waitUntil(() => resultHeading(el));
    await waitUntil(() => text($(el, '[part="session-summary"]')).includes(en.calendar.spacesLeft(4)), 'the summary follows the server', {
      timeout: 3000,
    });
    expect(text(resultHeading(el))).to.equal(t.checkEmail, 'the result stays on screen while refreshing');
  });

  it('after a signup the calendar on the page shows the new count too, from one refetch', async () => {
    const sessions = [{ ...openSession, spacesLeft: 5 }];
    const { endpoint } = backend({
      sessions,
      signup: (body) => {
        sessions[0] = { ...sessions[0], spacesLeft: 4 };
        return json({ status: 'pending', sessionId: body.sessionId, hold: 'place', holdExpiresAt: '2030-01-01T10:00:00+00:00' }, 202);
      },
    });
    const page = await fixture<HTMLElement>(html`<mobilise-provider endpoint=${endpoint}>
      <mobilise-session-calendar></mobilise-session-calendar>
      <mobilise-signup-form session-id=${openSession.id}></mobilise-signup-form>
    </mobilise-provider>`);
    const calendar = page.querySelector('mobilise-session-calendar')!;
    const el = page.querySelector<MobiliseSignupForm>('mobilise-signup-form')!;
    const badge = () => text(calendar.shadowRoot!.querySelector(`article[data-session="${openSession.id}"] [part="badge"]`));
    await ready(el);
    await waitUntil(() => badge() === en.calendar.spacesLeft(5), 'calendar loaded');
    await fillValid(el);
    await submit(el);
    await waitUntil(() => resultHeading(el));
    await waitUntil(() => badge() === en.calendar.spacesLeft(4) && text($(el, '[part="session-summary"]')).includes(en.calendar.spacesLeft(4)), 'both follow the server', {
      timeout: 3000,
    });
    const gets = callsTo(api!, '/v1/sessions').filter((c) => c.method === 'GET');
    expect(gets).to.have.length(2, 'one sessions request before the signup and one after, shared by both elements');
  });

  it('"Sign up someone else" clears the form and uses a new idempotency key', async () => {
    const el = await form();
    await fillValid(el);
    await submit(el);
    await waitUntil(() => resultHeading(el));
    const [button] = [...root(el).querySelectorAll<HTMLButtonElement>('[part="result"] button')];
    expect(text(button)).to.equal(t.again);
    button.click();
    await waitUntil(() => $(el, 'form'));
    await waitUntil(() => root(el).activeElement === $(el, '#heading'), 'focus moves to the heading');
    expect(input(el, 'firstName').value).to.equal('');
    expect(input(el, 'consentContact').checked).to.equal(false);
    await fillValid(el);
    await submit(el);
    await waitUntil(() => resultHeading(el));
    const [first, second] = posts(api!).map((c) => (c.body as SignupRequest).idempotencyKey);
    expect(second).to.be.a('string').and.not.equal(first);
    const sessionGets = () => callsTo(api!, '/v1/sessions').filter((c) => c.method === 'GET');
    await waitUntil(() => sessionGets().length === 3, 'each signup invalidated the cache, so spaces left were fetched again');
  });

  it('shows the waiting-list result to confirm by email, and "Join the waiting list" on a full session', async () => {
    const el = await form(fullWaitlist, {
      signup: (body) => json({ status: 'pending', sessionId: body.sessionId, hold: 'waitlist', holdExpiresAt: '2030-01-01T10:00:00+00:00' }, 202),
    });
    expect(text($(el, '[part="submit"]'))).to.equal(t.submitWaitlist);
    expect(text($(el, '[part="session-summary"]'))).to.include(t.waitlistOpen);
    await fillValid(el);
    const event = oneEvent(el, 'mobilise-signup');
    await submit(el);
    expect((await event).detail).to.deep.equal({ sessionId: fullWaitlist.id, status: 'pending', hold: 'waitlist' });
    await el.updateComplete;
    expect(text(resultHeading(el))).to.equal(t.checkEmailWaitlist);
    const until = `${formatTime('2030-01-01T10:00:00+00:00', 'en-GB')} on ${formatDay('2030-01-01T10:00:00+00:00', 'en-GB')}`;
    expect(text($(el, '[part="result"]'))).to.include(t.pendingWaitlistNext(until));
    expect(has(el, '[part="add-to-calendar"]'), 'no calendar link for a waiting-list place').to.equal(false);
    expect(focusedName(el), 'the outcome takes focus').to.equal(nameOf(resultHeading(el)));
    await expect(el).to.be.accessible();
  });

  it('keeps answers and the idempotency key across network failures, and lands once on retry', async () => {
    const el = await form();
    let landed = 0;
    api!.routes['POST /v1/signups'] = () => {
      throw new TypeError('Failed to fetch');
    };
    await fillValid(el);
    await type(el, 'accessNeeds', 'Step-free access please');
    await submit(el);
    await waitUntil(() => $(el, '[part="notice"]'), 'network notice', { timeout: 3000 });
    expect(text($(el, '[part="notice"]'))).to.equal(t.networkRetry);
    expect($(el, '[part="notice"]')!.getAttribute('role')).to.equal('alert');
    expect(posts(api!).length).to.equal(3, 'the client retried twice');
    expect(input(el, 'firstName').value).to.equal('Ada');
    expect(input(el, 'email').value).to.equal('ada@example.com');
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Step-free access please');
    expect(input(el, 'consentContact').checked).to.equal(true);

    api!.routes['POST /v1/signups'] = ({ body }) => {
      landed++;
      return json({ status: 'pending', sessionId: (body as SignupRequest).sessionId, hold: 'place', holdExpiresAt: '2030-01-01T10:00:00+00:00' }, 202);
    };
    await submit(el);
    await waitUntil(() => resultHeading(el));
    expect(landed).to.equal(1);
    const keys = posts(api!).flatMap((c) => [c.headers['idempotency-key'], (c.body as SignupRequest).idempotencyKey]);
    expect(keys).to.have.length(8);
    expect(new Set(keys).size).to.equal(1, 'one key on every attempt');
  });

  it('maps 422 server errors onto the fields and the summary', async () => {
    const el = await form(openSession, {
      signup: () =>
        problem(422, 'validation', {
          errors: [
            { field: 'email', message: 'This email address cannot receive mail' },
            { field: '/postcode', message: 'Enter a Scottish postcode' },
          ],
        }),
    });
    await fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part="error-summary"]'));
    await el.updateComplete;
    expect(text($(el, '#f-email-error'))).to.include('This email address cannot receive mail');
    expect(text($(el, '#f-postcode-error'))).to.include('Enter a Scottish postcode');
    expect(input(el, 'postcode').getAttribute('aria-invalid')).to.equal('true');
    const links = [...root(el).querySelectorAll('[part="error-summary"] a')].map((a) => a.textContent!.trim());
    expect(links).to.deep.equal(['This email address cannot receive mail', 'Enter a Scottish postcode']);
    expect(focusedName(el), 'the summary takes focus').to.equal(nameOf($(el, '[part="error-summary"]')));
    expect(input(el, 'firstName').value).to.equal('Ada');
    await expect(el).to.be.accessible();
  });

  it('shows a clear result when the server says the session is full, with a way back', async () => {
    const el = await form(openSession, { signup: () => problem(409, 'session-full') });
    await fillValid(el);
    await submit(el);
    await waitUntil(() => resultHeading(el));
    expect(text(resultHeading(el))).to.equal(t.fullTitle);
    expect(text($(el, '[part="result"]'))).to.include(t.full);
    expect(focusedName(el), 'the outcome takes focus').to.equal(nameOf(resultHeading(el)));
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="result"] button')!.click();
    await waitUntil(() => $(el, 'form'), 'back to the (reloaded) session');
    expect(input(el, 'firstName').value).to.equal('Ada');
  });

  it('shows "Signups closed" when the server says the session closed', async () => {
    const el = await form(openSession, { signup: () => problem(409, 'session-closed') });
    await fillValid(el);
    await submit(el);
    await waitUntil(() => resultHeading(el));
    expect(text(resultHeading(el))).to.equal(t.closedTitle);
    expect(text($(el, '[part="result"]'))).to.include(t.closed);
    await expect(el).to.be.accessible();
  });

  it('tells the member how long to wait when rate limited, keeping answers', async () => {
    const el = await form(openSession, { signup: () => problem(429, 'rate-limited', { retryAfter: 120 }) }, { retries: 0 });
    await fillValid(el);
    await submit(el);
    await waitUntil(() => $(el, '[part="notice"]'));
    expect(text($(el, '[part="notice"]'))).to.equal(rateLimitedFor(en, 120));
    expect(rateLimitedFor(en, 120)).to.include('Wait 2 minutes');
    expect(input(el, 'lastName').value).to.equal('Lovelace');
  });

  it('disables the button while submitting and ignores a second press', async () => {
    const hold = gate();
    const el = await form(openSession, {
      signup: async (body) => {
        await hold.promise;
        return json({ status: 'pending', sessionId: body.sessionId, hold: 'place', holdExpiresAt: '2030-01-01T10:00:00+00:00' }, 202);
      },
    });
    await fillValid(el);
    await submit(el);
    const button = $<HTMLButtonElement>(el, '[part="submit"]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal(t.submitting);
    await submit(el);
    input(el, 'email').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    expect(posts(api!)).to.have.length(1);
    await expect(el).to.be.accessible();
    hold.release();
    await waitUntil(() => resultHeading(el));
    expect(posts(api!)).to.have.length(1);
  });

  it('shows "signups closed" instead of the form for cancelled sessions and "full" for full ones without a waiting list', async () => {
    const closed = await form(cancelled);
    expect(has(closed, 'form'), 'no form for a cancelled session').to.equal(false);
    expect(text($(closed, '[part="result"]'))).to.include(t.closedTitle);
    expect(text($(closed, '[part="result"]'))).to.include(t.cancelled);
    await expect(closed).to.be.accessible();

    const full = await form(fullNoWaitlist);
    expect(has(full, 'form'), 'no form for a full session without a waiting list').to.equal(false);
    expect(text($(full, '[part="result"]'))).to.include(t.full);
    expect(text($(full, '[part="session-summary"]'))).to.include(t.noPlaces);
    await expect(full).to.be.accessible();
  });

  it('in static mode shows that signups are unavailable, or links to the booking page', async () => {
    const a = backend();
    let data: Record<string, unknown> = { modules: fixtures.modules, sessions: fixtures.sessions };
    a.routes['GET /data.json'] = () => json(data);
    const el = await fixture<MobiliseSignupForm>(
      html`<mobilise-signup-form endpoint="${a.endpoint}/data.json" session-id=${openSession.id}></mobilise-signup-form>`,
    );
    await ready(el);
    expect(has(el, 'form'), 'no form in static mode').to.equal(false);
    expect(text($(el, '[part="result"]'))).to.include(t.unavailable);
    await expect(el).to.be.accessible();

    data = { ...data, signupUrl: 'https://clp.example/book' };
    const b = backend();
    b.routes['GET /data.json'] = () => json(data);
    const linked = await fixture<MobiliseSignupForm>(
      html`<mobilise-signup-form endpoint="${b.endpoint}/data.json" session-id=${openSession.id}></mobilise-signup-form>`,
    );
    await ready(linked);
    const link = $<HTMLAnchorElement>(linked, '[part="external-signup"]')!;
    expect(link.href).to.equal('https://clp.example/book');
    expect(text(link)).to.include(t.externalSignup);
    a.restore();
  });

  it('follows the session chosen through the provider, moving focus to the heading', async () => {
    const { endpoint } = backend();
    const page = await fixture<HTMLElement>(html`<mobilise-provider endpoint=${endpoint}>
      <button type="button">A calendar stands in here</button>
      <mobilise-signup-form></mobilise-signup-form>
    </mobilise-provider>`);
    const el = page.querySelector('mobilise-signup-form')!;
    await ready(el);
    expect(text($(el, '.state'))).to.equal(t.chooseSession);
    await expect(el).to.be.accessible();

    emit(page.querySelector('button')!, 'mobilise-session-select', { sessionId: fullWaitlist.id, moduleId: fullWaitlist.moduleId });
    await waitUntil(() => text($(el, '#heading')) === en.calendar.dialogHeading(titleOf(fullWaitlist)), 'the selected session shows');
    await waitUntil(() => root(el).activeElement === $(el, '#heading'), 'focus moves to the heading');
    expect($(el, '#heading')!.tabIndex).to.equal(-1);
    expect(text($(el, '[part="submit"]'))).to.equal(t.submitWaitlist);
  });

  it('without a provider follows a session picked anywhere on the page, unless the page vetoes it', async () => {
    const { endpoint } = backend();
    const el = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form endpoint=${endpoint}></mobilise-signup-form>`);
    await ready(el);
    const source = document.createElement('button');
    document.body.append(source);
    const veto = (e: Event) => e.preventDefault();
    try {
      document.addEventListener('mobilise-session-select', veto, { once: true });
      // The form decides in a microtask queued by its window listener; one queued by a listener added after it runs after that decision.
      const decided = new Promise((r) => window.addEventListener('mobilise-session-select', () => queueMicrotask(() => r(null)), { once: true }));
      emit(source, 'mobilise-session-select', { sessionId: fullWaitlist.id, moduleId: fullWaitlist.moduleId });
      await decided;
      // Following the pick would have started a render (and a load) by now; let it finish.
      await el.updateComplete;
      expect(text($(el, '.state'))).to.equal(t.chooseSession, 'vetoed');
      expect(api!.calls.length, 'no session was loaded').to.equal(0);

      emit(source, 'mobilise-session-select', { sessionId: openSession.id, moduleId: openSession.moduleId });
      await waitUntil(() => text($(el, '#heading')) === en.calendar.dialogHeading(titleOf(openSession)), 'the picked session shows');
      await waitUntil(() => root(el).activeElement === $(el, '#heading'), 'focus moves to the heading');
    } finally {
      source.remove();
    }
  });

  it('asks for a session when none is chosen and says so when the id is unknown', async () => {
    const { endpoint } = backend();
    const none = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form endpoint=${endpoint}></mobilise-signup-form>`);
    await ready(none);
    expect(text($(none, '.state'))).to.equal(t.chooseSession);
    expect(api!.calls).to.have.length(0);

    const unknown = await form('no-such-session');
    expect(text($(unknown, '.state'))).to.equal(t.notFound);
    await expect(unknown).to.be.accessible();
  });

  it('shows the set-up message when the endpoint is missing', async () => {
    const el = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form session-id="x"></mobilise-signup-form>`);
    await ready(el);
    expect(text($(el, '[part="error"]'))).to.include(en.state.missingEndpoint);
  });

  it('refuses a plain http:// endpoint before anyone types personal data', async () => {
    const el = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form endpoint="http://api.example" session-id="x"></mobilise-signup-form>`);
    await ready(el);
    expect(text($(el, '[part="error"]'))).to.include(en.state.insecureEndpoint('http://api.example'));
    expect(has(el, 'form'), 'no form on an http:// endpoint').to.equal(false);
  });

  it('renders backend text as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">Evil';
    const modules = fixtures.modules.map((mod) => (mod.id === openSession.moduleId ? { ...mod, title: evil } : mod));
    const el = await form(openSession, { modules });
    expect(text($(el, '#heading'))).to.equal(en.calendar.dialogHeading(evil));
    expect(has(el, 'img'), 'no element from backend text').to.equal(false);
    await payloadsHadTheirTurn();
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
