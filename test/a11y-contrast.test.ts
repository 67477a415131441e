import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';


/**
 * WCAG 1.4.11: a control's border must reach 3:1 against what it sits on and against its own fill,
 * on any host page background, light or dark. Colours come from computed styles in a real browser.
 */
let api: MockApi | undefined;
afterEach(() => api?.restore());

const soon = Date.now() + 3_600_000;
const openSession = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;

type Rgba = [number, number, number, number];
function rgba(color: string): Rgba {
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
}
function luminance([r, g, b]: Rgba) {
  const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** The nearest opaque background behind `el`, crossing shadow roots to their hosts. */
function backdrop(el: Element): Rgba {
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (!(n instanceof Element)) continue;
    const bg = rgba(getComputedStyle(n).backgroundColor);
    if (bg[3] === 1) return bg;
  }
  return [255, 255, 255, 1];
}

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
