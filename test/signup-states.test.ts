/**
 * The signup form's design (issue 16): the session summary's icons, errors set apart from the brand's
 * buttons, the GOV.UK confirmation panel, a headed load error with "Try again", a skeleton the form's size.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Session } from '../src/contract/index.js';
import '../src/elements/signup-form/define.js';
import type { MobiliseSignupForm } from '../src/elements/signup-form/signup-form.js';
import { en } from '../src/strings/en.js';
import { fixtures, gate, mockApi, problem, type MockApi } from './helpers/mock-api.js';
import { submitValid } from './helpers/signup.js';

const t = en.signup;
const soon = Date.now() + 3_600_000;
const upcoming = fixtures.sessions.filter((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon);
const inPerson = upcoming.find((s) => s.venue)!;
const online = upcoming.find((s) => !s.venue)!;

let api: MockApi | undefined;
afterEach(() => api?.restore());

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function form(session: Session, setup?: (a: MockApi) => void) {
  api = mockApi();
  setup?.(api);
  const el = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form endpoint=${api.endpoint} session-id=${session.id}></mobilise-signup-form>`);
  await waitUntil(() => $(el, 'form, [part="error"]'), 'the form did not load', { timeout: 4000 });
  return el;
}

/** Which icon each line of the summary starts with (the drawing's path names it), and that it is hidden from assistive technology. */
function icons(el: Element) {
  const paths = new Map([
    ['date', 'M4 6h16'],
    ['time', 'M12 3a9'],
    ['place', 'M12 21s'],
    ['online', 'M3 5h18'],
  ]);
  return $$(el, '[part="session-summary"] svg').map((svg) => {
    const d = svg.querySelector('path')!.getAttribute('d')!;
    const name = [...paths].find(([, start]) => d.startsWith(start))?.[0] ?? d;
    return `${name}${svg.getAttribute('aria-hidden') === 'true' ? '' : ' (announced!)'}`;
  });
}

describe('<mobilise-signup-form> design', () => {
  it('shows date, time and place beside their icons in the session summary; online sessions get the online icon', async () => {
    const el = await form(inPerson);
    expect(icons(el)).to.deep.equal(['date', 'time', 'place']);
    // Each icon sits on the line of the words it illustrates.
    for (const svg of $$(el, '[part="session-summary"] svg')) {
      const words = svg.nextSibling!.nextSibling!.textContent!;
      expect(words.trim(), 'words follow the icon').to.not.equal('');
    }
    expect(text($(el, '[part="session-summary"]'))).to.include(inPerson.venue!.name);
    await expect(el).to.be.accessible();
    api!.restore();
    const remote = await form(online);
    expect(icons(remote)).to.deep.equal(['date', 'time', 'online']);
  });

  it('sets errors apart from the brand’s buttons: a thick bar in the danger colour, bold words', async () => {
    const el = await form(inPerson);
    $(el, '[part="submit"]')!.click();
    await waitUntil(() => $(el, '[part="error-summary"]'), 'error summary');
    const danger = getComputedStyle($(el, '[part="error-message"]')!).color;
    const button = getComputedStyle($(el, '[part="submit"]')!);
    expect(danger, 'not the accent').to.not.equal(button.backgroundColor);
    for (const [name, node] of [
      ['summary', $(el, '[part="error-summary"]')!],
      ['invalid field', $(el, '.field.invalid')!],
    ] as const) {
      const s = getComputedStyle(node);
      expect(s.borderLeftColor, name).to.equal(danger);
      expect(parseFloat(s.borderLeftWidth), `${name}: a thick bar`).to.be.at.least(4);
      expect([s.borderTopWidth, s.borderRightWidth, s.borderBottomWidth], `${name}: a bar, not an outline like a button's`).to.deep.equal(['0px', '0px', '0px']);
    }
    for (const node of [$(el, '[part="error-message"]')!, $(el, '[part="error-summary"] a')!]) {
      expect(Number(getComputedStyle(node).fontWeight), text(node)).to.be.at.least(600);
    }
  });

  it('confirms a signup in a GOV.UK-style panel: the heading large on the success colour', async () => {
    const el = await form(inPerson);
    await submitValid(el);
    await waitUntil(() => $(el, '.result-heading'), 'the confirmation', { timeout: 4000 });
    const panel = getComputedStyle($(el, '.result-heading')!);
    const probe = document.createElement('span');
    probe.style.color = 'var(--_success)';
    el.shadowRoot!.append(probe);
    expect(panel.backgroundColor, 'the success colour').to.equal(getComputedStyle(probe).color);
    probe.remove();
    const base = parseFloat(getComputedStyle(el).fontSize);
    expect(parseFloat(panel.fontSize), 'three steps up the type scale').to.be.closeTo(base * 1.2 ** 3, 0.2);
    expect(text($(el, '.result-heading'))).to.equal(t.checkEmail);
    expect(text($(el, '[part="result"]')), 'what happens next, below the panel').to.include(t.pendingSpam);
    await expect(el).to.be.accessible();
  });

  it('heads a load error with the form’s heading and offers "Try again", which recovers', async () => {
    let fail = true;
    const el = await form(inPerson, (a) => {
      const sessions = a.routes['GET /v1/sessions']!;
      a.routes['GET /v1/sessions'] = (req) => (fail ? problem(503, 'unavailable', { detail: 'Down for a moment.' }) : sessions(req));
    });
    expect(text($(el, '#heading')), 'the heading says what this was').to.equal(t.headingNoSession);
    expect($(el, '#heading + [part="error"]'), 'the error right below it').to.not.equal(null);
    expect(text($(el, '[part="retry"]'))).to.equal(en.state.retry);
    await expect(el).to.be.accessible();
    fail = false;
    $(el, '[part="retry"]')!.click();
    await waitUntil(() => $(el, 'form'), 'the form after "Try again"', { timeout: 4000 });
  });

  it('loads with a skeleton the height of the heading, summary and form it stands in for', async () => {
    const g = gate();
    api = mockApi();
    const modules = api.routes['GET /v1/modules']!;
    api.routes['GET /v1/modules'] = async (req) => {
      await g.promise;
      return modules(req);
    };
    const el = await fixture<MobiliseSignupForm>(html`<mobilise-signup-form endpoint=${api.endpoint} session-id=${inPerson.id}></mobilise-signup-form>`);
    await waitUntil(() => $(el, '[aria-busy="true"]'), 'skeleton');
    const loading = el.getBoundingClientRect().height;
    g.release();
    await waitUntil(() => $(el, 'form'), 'the form');
    const loaded = el.getBoundingClientRect().height;
    expect(Math.abs(loading - loaded) / loaded, `skeleton ${loading}px, form ${loaded}px`).to.be.below(0.1);
  });
});
