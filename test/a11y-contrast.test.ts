import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import { backdrop, contrast, srgb as rgba } from './helpers/colour.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';
import { submitValid } from './helpers/signup.js';


/**
 * WCAG 1.4.11: a control's border must reach 3:1 against what it sits on and against its own fill,
 * on any host page background, light or dark; WCAG 1.4.3: the confirmation panel's heading and the
 * error texts reach 4.5:1. Colours come from computed styles in a real browser.
 */
let api: MockApi | undefined;
afterEach(() => api?.restore());

const soon = Date.now() + 3_600_000;
const openSession = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;

const CONTROLS = 'select, textarea, input:not([type="radio"]):not([type="checkbox"]):not([name="website"])';

/** Each bordered control as "element #id: border x:1 on its backdrop, y:1 on its fill", the lower figure first. */
function ratios(host: Element) {
  const out: { control: string; ratio: number }[] = [];
  for (const el of host.querySelectorAll('mobilise-module-catalogue, mobilise-session-calendar, mobilise-signup-form')) {
    for (const c of el.shadowRoot!.querySelectorAll(CONTROLS)) {
      const style = getComputedStyle(c);
      const border = rgba(style.borderTopColor);
      const fill = rgba(style.backgroundColor);
      const ratio = Math.min(contrast(border, backdrop(c)), fill[3] === 1 ? contrast(border, fill) : Infinity);
      out.push({ control: `${el.localName} #${c.id}`, ratio: Math.round(ratio * 100) / 100 });
    }
  }
  return out;
}

async function page(background: string, scheme: 'light' | 'dark') {
  api = mockApi();
  const host = await fixture(`<div style="background: ${background}; color-scheme: ${scheme}; padding: 8px">
    <mobilise-provider endpoint="${api.endpoint}">
      <mobilise-module-catalogue></mobilise-module-catalogue>
      <mobilise-session-calendar></mobilise-session-calendar>
      <mobilise-signup-form session-id="${openSession.id}"></mobilise-signup-form>
    </mobilise-provider>
  </div>`);
  const root = (tag: string) => host.querySelector(tag)!.shadowRoot!;
  await waitUntil(
    () => root('mobilise-signup-form').querySelector('form') && root('mobilise-session-calendar').querySelector('.session') && root('mobilise-module-catalogue').querySelector('[part="card"]'),
    'widgets did not load',
    { timeout: 5000 },
  );
  return host;
}

const HOSTS: [string, 'light' | 'dark'][] = [
  ['#ffffff', 'light'],
  ['#fafafa', 'light'],
  ['#f3f3f5', 'light'],
  ['#000000', 'dark'],
  ['#121212', 'dark'],
  ['#1c1c20', 'dark'],
];

describe('non-text contrast of control borders (WCAG 1.4.11)', () => {
  for (const [background, scheme] of HOSTS) {
    it(`every control border is at least 3:1 on a ${scheme} page (${background}), against its backdrop and its fill`, async () => {
      const found = ratios(await page(background, scheme));
      expect(found.length, 'controls measured').to.be.greaterThan(10);
      expect(found.filter((f) => f.ratio < 3)).to.deep.equal([]);
    });
  }
});

describe('access badges: words at 4.5:1, icons in the words’ colour (WCAG 1.4.3, 1.4.11, forced colours)', () => {
  for (const [background, scheme] of HOSTS) {
    it(`on a ${scheme} page (${background})`, async () => {
      const root = (await page(background, scheme)).querySelector('mobilise-session-calendar')!.shadowRoot!;
      const badges = [...root.querySelectorAll('.features > li')];
      expect(badges.length, 'the seed sessions list access features').to.be.greaterThan(3);
      const found = badges.map((li) => {
        const style = getComputedStyle(li);
        const icon = getComputedStyle(li.querySelector('svg')!);
        return {
          text: li.textContent!.trim().slice(0, 30),
          ratio: Math.round(contrast(rgba(style.color), backdrop(li)) * 100) / 100,
          // currentColor: forced colours recolour the drawing with the words.
          iconFollowsText: icon.stroke === style.color,
        };
      });
      expect(found.filter((f) => f.ratio < 4.5 || !f.iconFollowsText)).to.deep.equal([]);
    });
  }
});

/** A signed-up form (a held place or a waiting-list slot) on a page of the given scheme. */
async function confirmed(scheme: 'light' | 'dark', hold: 'place' | 'waitlist') {
  api = mockApi({
    signup: (body) => new Response(JSON.stringify({ status: 'pending', sessionId: body.sessionId, hold, holdExpiresAt: '2030-01-01T10:00:00+00:00' }), {
      status: 202,
      headers: { 'content-type': 'application/json' },
    }),
  });
  const host = await fixture(`<div style="background: ${scheme === 'dark' ? '#121212' : '#fff'}; color-scheme: ${scheme}">
    <mobilise-signup-form endpoint="${api.endpoint}" session-id="${openSession.id}"></mobilise-signup-form>
  </div>`);
  const form = host.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('mobilise-signup-form')!;
  const root = form.shadowRoot!;
  await waitUntil(() => root.querySelector('form'), 'the form', { timeout: 5000 });
  await submitValid(form);
  await waitUntil(() => root.querySelector('.result-heading'), 'the confirmation', { timeout: 5000 });
  return root;
}

describe('text contrast of the confirmation panel and the errors (WCAG 1.4.3)', () => {
  for (const scheme of ['light', 'dark'] as const)
    for (const hold of ['place', 'waitlist'] as const)
      it(`the ${hold} confirmation's heading is at least 4.5:1 on its panel (${scheme})`, async () => {
        const heading = (await confirmed(scheme, hold)).querySelector('.result-heading')!;
        const style = getComputedStyle(heading);
        const [text, panel] = [rgba(style.color), rgba(style.backgroundColor)];
        expect(panel[3], 'an opaque panel').to.equal(1);
        expect(Math.round(contrast(text, panel) * 100) / 100).to.be.at.least(4.5);
      });

  for (const scheme of ['light', 'dark'] as const)
    it(`error messages and the summary's links are at least 4.5:1 on what they sit on (${scheme})`, async () => {
      const host = await page(scheme === 'dark' ? '#121212' : '#ffffff', scheme);
      const root = host.querySelector('mobilise-signup-form')!.shadowRoot!;
      root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
      await waitUntil(() => root.querySelector('[part="error-summary"]'), 'error summary');
      const found = [...root.querySelectorAll('[part="error-message"], [part="error-summary"] a')].map((n) => ({
        text: n.textContent!.trim().slice(0, 30),
        ratio: Math.round(contrast(rgba(getComputedStyle(n).color), backdrop(n)) * 100) / 100,
      }));
      expect(found.length).to.be.greaterThan(4);
      expect(found.filter((f) => f.ratio < 4.5)).to.deep.equal([]);
    });
});
