import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/signup-form/define.js';
import { en } from '../src/strings/en.js';
import { axTree, flatten } from './helpers/ax-tree.js';
import { canUse } from './helpers/engine.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';



const soon = Date.now() + 3_600_000;
const openSession = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;

let api: MockApi | undefined;
afterEach(() => api?.restore());

async function form() {
  api = mockApi();
  const el = await fixture(html`<mobilise-signup-form endpoint=${api.endpoint} session-id=${openSession.id}></mobilise-signup-form>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form did not load', { timeout: 5000 });
  return el;
}

describe('<mobilise-signup-form>: required fields', () => {
  it('marks the required controls required (DOM and accessibility tree) and the optional ones not; native bubbles stay off', async () => {
    const el = await form();
    const root = el.shadowRoot!;
    expect(root.querySelector('form')!.noValidate, 'novalidate: the error summary speaks, not the browser').to.equal(true);
    // A series' other sessions (series.ts), offered when the fixture's module has them open: optional, each of them.
    const offers = [...root.querySelectorAll<HTMLInputElement>('form input[id^="also-"]')];
    expect(offers.filter((c) => c.required), 'booking more of the series is optional').to.deep.equal([]);
    const controls = [...root.querySelectorAll<HTMLInputElement>('form input:not([name="website"]):not([id^="also-"]), form textarea')];
    // Radios are required through their group (below), which is what Chromium announces.
    const required = Object.fromEntries(controls.map((c) => [c.id, c.required]));
    expect(required).to.deep.equal({
      'f-firstName': true,
      'f-lastName': true,
      'f-email': true,
      'f-phone': false,
      'f-postcode': true,
      'f-clp': false,
      'f-accessNeeds': false,
      'f-membership-member': false,
      'f-membership-supporter': false,
      'f-membership-not-yet': false,
      'f-consentContact': true,
      'f-consentMarketing': false,
    });

    const group = root.querySelector('#f-membership')!;
    expect([group.getAttribute('role'), group.getAttribute('aria-required')], 'the membership question as a whole').to.deep.equal(['radiogroup', 'true']);

    // What a screen reader is told for each text field (Chromium's tree reports `required` on textboxes only).
    if (!canUse('a11ySnapshot', 'required flags in the accessibility tree')) return;
    const tree = flatten(await axTree());
    const told = Object.fromEntries(tree.filter((n) => n.role === 'textbox').map((n) => [n.name, n.required === true]));
    const t = en.signup;
    expect(told).to.deep.equal({
      [t.firstName]: true,
      [t.lastName]: true,
      [t.email]: true,
      [t.phone]: false,
      [t.postcode]: true,
      [t.clp]: false,
      [t.accessNeeds]: false,
    });
  });
});
