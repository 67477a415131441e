/**
 * Network fault injection for <mobilise-signup-form> with the real client: timeouts,
 * 500/502/503, a connection that drops after the server stored the signup, a body
 * cut off mid-stream, and a browser that is offline until it is not. Every attempt
 * carries the same Idempotency-Key, the signup is stored exactly once, a clear
 * message is shown after each failure and nothing the member typed is lost.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { getClient } from '../src/client/index.js';
import { formatTime } from '../src/elements/shared/format.js';
import '../src/elements/signup-form/define.js';
import type { MobiliseSignupForm } from '../src/elements/signup-form/signup-form.js';
import { en } from '../src/strings/en.js';
import { has } from './helpers/dom.js';
import { flakySignups, type FlakySignups, type Step } from './helpers/flaky-signups.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';
import { waitSettled, watchUncaught } from './helpers/settle.js';

const t = en.signup;
const soon = Date.now() + 3_600_000;
const session = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;

/** Everything a member can fill in, including the optional fields and both consents. */
const TYPED = {
  firstName: 'Siobhán',
  lastName: "O'Neill-Ó Briain",
  email: 'siobhan@example.org',
  phone: '+44 7700 900 982',
  postcode: 'g2 3ab',
  clp: 'Glasgow Southside',
  accessNeeds: 'Step-free access\nand a hearing loop, please',
} as const;

let api: MockApi | undefined;
let uncaught: ReturnType<typeof watchUncaught>;
beforeEach(() => {
  uncaught = watchUncaught();
});
afterEach(() => {
  uncaught.stop();
  api?.restore();
  expect(uncaught.errors, 'no uncaught errors').to.deep.equal([]);
});

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<T>(selector);
const control = (el: HTMLElement, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`)!;

/** A backend whose POST follows `script`; its client times out after 200 ms and backs off 5 ms. */
async function setup(script: Step[]): Promise<{ el: MobiliseSignupForm; server: FlakySignups }> {
  api = mockApi();
  const server = flakySignups(api, script);
  // The element asks getClient(endpoint) for its client; creating it first sets the fault-test timings.
  getClient(api.endpoint, { timeoutMs: 200, retryBaseMs: 5 });
  const el = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form endpoint=${api.endpoint} session-id=${session.id}></mobilise-signup-form>`);
  expect((await waitSettled(el)).kind).to.equal('data');
  await fill(el);
  return { el, server };
}

async function fill(el: MobiliseSignupForm) {
  for (const [name, value] of Object.entries(TYPED)) {
    const field = control(el, name);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  $<HTMLInputElement>(el, '#f-membership-supporter')!.click();
  $<HTMLInputElement>(el, '#f-consentContact')!.click();
  $<HTMLInputElement>(el, '#f-consentMarketing')!.click();
  await el.updateComplete;
}

/** Every answer is still in its control, exactly as typed. */
function expectAnswersKept(el: MobiliseSignupForm, when: string) {
  for (const [name, value] of Object.entries(TYPED)) expect(control(el, name).value, `${name} ${when}`).to.equal(value);
  expect($<HTMLInputElement>(el, '#f-membership-supporter')!.checked, `membership ${when}`).to.equal(true);
  expect(control(el, 'consentContact').checked, `consent ${when}`).to.equal(true);
  expect(control(el, 'consentMarketing').checked, `marketing consent ${when}`).to.equal(true);
}

type Settled = { kind: 'result'; text: string } | { kind: 'notice'; text: string };

/** Press the submit button and wait until the form shows an outcome or a message again. */
async function submitAndSettle(el: MobiliseSignupForm, timeoutMs = 5000): Promise<Settled> {
  $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await el.updateComplete;
    const result = $(el, '[part~="result"]');
    if (result) return { kind: 'result', text: result.textContent ?? '' };
    const busy = $(el, '[part~="submit"]')?.getAttribute('aria-disabled') === 'true';
    const notice = $(el, '[part~="notice"][role="alert"]');
    if (notice && !busy) return { kind: 'notice', text: notice.textContent!.trim() };
    if (performance.now() > deadline) throw new Error(`no outcome after ${timeoutMs} ms: ${root(el).textContent?.replace(/\s+/g, ' ')}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** One key on every attempt, a valid one, and exactly one stored row made from what was typed. */
function expectLandedOnce(server: FlakySignups, shown: string) {
  const keys = new Set(server.attempts.map((a) => a.key));
  expect(keys.size, `one Idempotency-Key across ${server.attempts.length} attempts`).to.equal(1);
  const [key] = keys;
  expect(key).to.match(/^[A-Za-z0-9_-]{16,100}$/);
  for (const a of server.attempts) expect(a.body.idempotencyKey, 'the body carries the same key').to.equal(key);
  expect(server.stored, 'stored exactly once').to.have.length(1);
  expect(server.stored[0].key).to.equal(key);
  const holdEnds = formatTime(server.stored[0].result.holdExpiresAt, 'en-GB');
  expect(shown.includes(holdEnds), `the member sees the hold of the one stored signup (${holdEnds}): ${shown}`).to.equal(true);
  const r = server.stored[0].request;
  expect([r.firstName, r.lastName, r.email, r.phone, r.postcode, r.clp, r.accessNeeds, r.membership, r.consentContact, r.consentMarketing]).to.deep.equal([
    TYPED.firstName,
    TYPED.lastName,
    TYPED.email,
    TYPED.phone,
    'G2 3AB',
    TYPED.clp,
    TYPED.accessNeeds,
    'supporter',
    true,
    true,
  ]);
}

function expectNotice(outcome: Settled, text: string = t.networkRetry) {
  expect(outcome.kind, 'a message, not an outcome').to.equal('notice');
  expect((outcome as { text: string }).text).to.equal(text);
}

describe('signup under network faults', function () {
  this.timeout(20_000);

  it('500, 502 then 503 are retried on their own with the same key and land once', async () => {
    const { el, server } = await setup([500, 502, 'ok']);
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expect(server.attempts.map((a) => a.step)).to.deep.equal([500, 502, 'ok']);
    expectLandedOnce(server, (outcome as { text: string }).text);
    expect(root(el).activeElement?.classList.contains('result-heading'), 'the outcome takes focus').to.equal(true);
  });

  it('when every retry fails the member is told, keeps every answer, and the next press lands with the same key', async () => {
    const { el, server } = await setup([503, 502, 500, 503, 503, 503, 'ok']);
    expectNotice(await submitAndSettle(el));
    expectAnswersKept(el, 'after three failed attempts');
    expect(server.attempts).to.have.length(3);
    expectNotice(await submitAndSettle(el));
    expectAnswersKept(el, 'after six failed attempts');
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expect(server.attempts).to.have.length(7);
    expectLandedOnce(server, (outcome as { text: string }).text);
  });

  it('timeouts: hung requests are aborted, the member is told, and a later press lands once', async () => {
    const { el, server } = await setup(['hang']);
    const started = performance.now();
    expectNotice(await submitAndSettle(el));
    expect(performance.now() - started, 'gives up after three 200 ms timeouts, not never').to.be.below(3000);
    expect(server.attempts).to.have.length(3);
    expect(server.attempts.every((a) => a.aborted), 'each hung request was aborted').to.equal(true);
    expectAnswersKept(el, 'after timeouts');
    server.script(['ok']);
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expectLandedOnce(server, (outcome as { text: string }).text);
  });

  it('a connection dropped after the server stored the signup: the retry gets the first result back, no second row', async () => {
    const { el, server } = await setup(['store-then-drop', 'ok']);
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expect(server.attempts.map((a) => a.step)).to.deep.equal(['store-then-drop', 'ok']);
    expectLandedOnce(server, (outcome as { text: string }).text);
  });

  it('a response cut off mid-body after the server stored the signup is retried, not shown as a crash', async () => {
    const { el, server } = await setup(['store-then-cut-body', 'ok']);
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expect(server.attempts).to.have.length(2);
    expectLandedOnce(server, (outcome as { text: string }).text);
  });

  it('stored but every answer lost: the member retries later and sees the one stored hold, with nothing stored twice', async () => {
    const { el, server } = await setup(['store-then-hang', 'store-then-drop', 'store-then-cut-body', 'ok']);
    expectNotice(await submitAndSettle(el));
    expectAnswersKept(el, 'after the answers were lost');
    expect(server.stored, 'the first attempt did reach the server').to.have.length(1);
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expectLandedOnce(server, (outcome as { text: string }).text);
  });

  it('offline, still offline, then online: each press says so and keeps the answers; it lands once when back', async () => {
    const { el, server } = await setup(['offline']);
    expectNotice(await submitAndSettle(el));
    expectAnswersKept(el, 'while offline');
    expect(server.stored).to.have.length(0);
    expectNotice(await submitAndSettle(el));
    expectAnswersKept(el, 'while still offline');
    expect(server.attempts).to.have.length(6);
    server.script(['ok']);
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expect(server.attempts).to.have.length(7);
    expectLandedOnce(server, (outcome as { text: string }).text);
  });

  it('pressing submit again while a slow attempt is in flight sends nothing extra', async () => {
    const { el, server } = await setup(['store-then-hang', 'ok']);
    const button = $<HTMLButtonElement>(el, '[part~="submit"]')!;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal(t.submitting);
    button.click();
    button.click();
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expect(server.attempts.map((a) => a.step), 'one timed-out attempt and its retry, nothing from the extra presses').to.deep.equal([
      'store-then-hang',
      'ok',
    ]);
    expectLandedOnce(server, (outcome as { text: string }).text);
  });

  it('a failure message is announced (role="alert") next to the button and clears when the next attempt starts', async () => {
    const { el, server } = await setup(['offline', 'offline', 'offline', 'hang']);
    expectNotice(await submitAndSettle(el));
    const notice = $(el, '[part~="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.nextElementSibling?.matches('[part~="submit"]'), 'the message sits by the button').to.equal(true);
    $<HTMLButtonElement>(el, '[part~="submit"]')!.click();
    await el.updateComplete;
    expect(has(el, '[part~="notice"]'), 'the old message goes while retrying').to.equal(false);
    expect($(el, '[role="status"]:not([part])')?.textContent?.trim()).to.equal(t.submitting);
    server.script(['ok']);
    const outcome = await submitAndSettle(el);
    expect(outcome.kind).to.equal('result');
    expectLandedOnce(server, (outcome as { text: string }).text);
  });
});
