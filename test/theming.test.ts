/**
 * Shared behaviour of every element: survives hostile host CSS, themes from
 * :root custom properties, follows the page's color-scheme, registers once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../src/mobilise.js';
import { define } from '../src/elements/shared/define.js';
import { MobiliseModuleCatalogue } from '../src/elements/module-catalogue/module-catalogue.js';
import { contrast, hex, hue, srgb, type Rgba } from './helpers/colour.js';
import { fixtures, mockApi } from './helpers/mock-api.js';
import { submitValid } from './helpers/signup.js';

const TAGS = ['mobilise-module-catalogue', 'mobilise-session-calendar', 'mobilise-signup-form'] as const;

function addPageStyle(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}

async function renderAll() {
  const api = mockApi();
  const el = await fixture<HTMLElement>(html`<div>
    <mobilise-module-catalogue endpoint=${api.endpoint}></mobilise-module-catalogue>
    <mobilise-session-calendar endpoint=${api.endpoint}></mobilise-session-calendar>
    <mobilise-signup-form endpoint=${api.endpoint}></mobilise-signup-form>
  </div>`);
  await waitUntil(() => !!el.querySelector('mobilise-module-catalogue')!.shadowRoot!.querySelector('[part~="card"]'), 'catalogue rendered');
  await waitUntil(() => !!el.querySelector('mobilise-session-calendar')!.shadowRoot!.querySelector('[part~="session"]'), 'calendar rendered');
  return { el, api };
}

describe('all elements', () => {
  it('keep their own typography under hostile host CSS', async () => {
    const remove = addPageStyle(`
      body, div { line-height: 3 !important; letter-spacing: 0.3em; text-transform: uppercase; font-family: cursive;
        color: rgb(0, 255, 0); text-align: center; font-size: 30px; }
      button, input, h3 { display: inline !important; text-transform: uppercase !important; }`);
    try {
      const { el, api } = await renderAll();
      for (const tag of TAGS) {
        const inner = el.querySelector(tag)!.shadowRoot!.firstElementChild as HTMLElement;
        const cs = getComputedStyle(inner);
        expect(cs.textTransform, tag).to.equal('none');
        expect(cs.letterSpacing, tag).to.equal('normal');
        expect(cs.textAlign, tag).to.not.equal('center');
        expect(cs.color, tag).to.not.equal('rgb(0, 255, 0)');
        expect(cs.fontFamily, tag).to.not.include('cursive');
      }
      const button = el.querySelector('mobilise-module-catalogue')!.shadowRoot!.querySelector('[part~="select-button"]')!;
      expect(getComputedStyle(button).display).to.not.equal('inline');
      api.restore();
    } finally {
      remove();
    }
  });

  it('take theme colours from --mobilise-* on :root', async () => {
    const remove = addPageStyle(':root { --mobilise-accent: rgb(0, 0, 200); }');
    try {
      const { el, api } = await renderAll();
      const button = el.querySelector('mobilise-module-catalogue')!.shadowRoot!.querySelector('[part~="select-button"]')!;
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(0, 0, 200)');
      api.restore();
    } finally {
      remove();
    }
  });

  it('stay light on a light-only page and turn dark when the page opts into a dark colour scheme', async () => {
    const { el, api } = await renderAll();
    const title = () => el.querySelector('mobilise-module-catalogue')!.shadowRoot!.querySelector('[part~="card-title"]')!;
    expect(getComputedStyle(title()).color).to.equal('rgb(29, 29, 31)');
    const remove = addPageStyle(':root { color-scheme: dark; }');
    try {
      expect(getComputedStyle(title()).color).to.equal('rgb(242, 242, 244)');
    } finally {
      remove();
      api.restore();
    }
  });

  it('size headings by --mobilise-type-ratio and gaps by --mobilise-space (the scale tokens)', async () => {
    const remove = addPageStyle(':root { --mobilise-type-ratio: 1.5; --mobilise-space: 2em; }');
    try {
      const { el, api } = await renderAll();
      const root = (tag: string) => el.querySelector(tag)!.shadowRoot!;
      const px = (node: Element | null, prop: 'fontSize' | 'paddingTop') => parseFloat(getComputedStyle(node!)[prop]);
      const base = px(el.querySelector('mobilise-signup-form'), 'fontSize');
      expect(px(root('mobilise-module-catalogue').querySelector('[part~="card-title"]'), 'fontSize'), 'a card title: one step').to.be.closeTo(base * 1.5, 0.1);
      expect(px(root('mobilise-signup-form').querySelector('#heading'), 'fontSize'), "the form's heading: two steps").to.be.closeTo(base * 2.25, 0.1);
      expect(px(root('mobilise-module-catalogue').querySelector('[part~="card"]'), 'paddingTop'), 'a panel pads one unit').to.be.closeTo(base * 2, 0.1);
      api.restore();
    } finally {
      remove();
    }
  });

  it('are defined once even if the registration runs again', () => {
    const before = customElements.get('mobilise-module-catalogue');
    expect(() => define('mobilise-module-catalogue', class extends MobiliseModuleCatalogue {})).to.not.throw();
    expect(customElements.get('mobilise-module-catalogue')).to.equal(before);
  });
});

const reddish = (c: Rgba) => {
  const h = hue(c);
  return h !== undefined && (h < 30 || h > 330);
};

/** What a private token computes to inside an element's shadow root, through a probe span. */
function token(root: ShadowRoot, name: string): Rgba {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  root.append(probe);
  try {
    return srgb(getComputedStyle(probe).color);
  } finally {
    probe.remove();
  }
}

/** Colour properties that paint something, per element and for its ::before and ::after. */
function paintedColours(style: CSSStyleDeclaration, svg: boolean): string[] {
  const out = [style.color, style.backgroundColor];
  for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const)
    if (parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== 'none') out.push(style[`border${side}Color`]);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) out.push(style.outlineColor);
  if (style.boxShadow !== 'none') out.push(...(style.boxShadow.match(/(?:rgba?|oklch|oklab|lab|lch|color)\([^)]*\)|#[\da-f]{3,8}/gi) ?? []));
  if (style.accentColor !== 'auto') out.push(style.accentColor);
  if (svg) out.push(style.fill, style.stroke);
  return out.filter((c) => c && c !== 'none' && !c.startsWith('url('));
}

/**
 * Every reddish colour painted in the element's shadow root, as "element: property colour". Colours equal
 * to the status tokens (danger is an orange-red on purpose, apart from the brand red) are set aside.
 */
function reddishColours(host: Element): string[] {
  const root = host.shadowRoot!;
  const status = ['--_danger', '--_warning', '--_success'].map((t) => hex(token(root, t)));
  const found = new Set<string>();
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('style, [hidden]')) continue;
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      if (pseudo && (style.content === 'none' || style.content === 'normal')) continue;
      if (!pseudo && style.display === 'none') continue;
      for (const colour of paintedColours(style, el instanceof SVGElement)) {
        const c = srgb(colour);
        if (reddish(c) && !status.includes(hex(c))) found.add(`${host.localName} ${el.localName}.${[...el.classList].join('.')}${pseudo ?? ''}: ${hex(c)}`);
      }
    }
  }
  return [...found];
}

describe('a custom accent (issue 16: everything that shows the brand colour follows it)', () => {
  const BLUE = '#1d4ed8';
  const soon = Date.now() + 3_600_000;
  const open = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;

  async function themed(scheme: 'light' | 'dark') {
    const api = mockApi();
    const wrapper = await fixture<HTMLElement>(html`<div style="--mobilise-accent: ${BLUE}; color-scheme: ${scheme}; background: ${scheme === 'dark' ? '#121212' : '#fff'}">
      <mobilise-provider endpoint=${api.endpoint}>
        <mobilise-module-catalogue></mobilise-module-catalogue>
        <mobilise-session-calendar></mobilise-session-calendar>
        <mobilise-signup-form session-id=${open.id}></mobilise-signup-form>
      </mobilise-provider>
    </div>`);
    const [catalogue, calendar, form] = TAGS.map((t) => wrapper.querySelector(t)!);
    const $ = (host: Element, sel: string) => host.shadowRoot!.querySelector<HTMLElement>(sel);
    await waitUntil(() => $(catalogue!, '[part~="card"]') && $(calendar!, '[part~="session"]') && $(form!, 'form'), 'all three rendered', { timeout: 5000 });
    return { api, wrapper, catalogue: catalogue!, calendar: calendar!, form: form!, $ };
  }

  it('finds the default red without a custom accent (the walk can see red)', async () => {
    const { el, api } = await renderAll();
    try {
      const found = TAGS.flatMap((t) => reddishColours(el.querySelector(t)!));
      expect(found.some((f) => f.startsWith('mobilise-module-catalogue button.button.select')), 'the catalogue button').to.equal(true);
      expect(found.some((f) => f.includes('.badge')), 'a badge').to.equal(true);
    } finally {
      api.restore();
    }
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`leaves nothing red in the catalogue, calendar and form (${scheme}): links, Details, badges, Selected, buttons, summary, results`, async () => {
      const { api, catalogue, calendar, form, $ } = await themed(scheme);
      const all = () => [catalogue, calendar, form].flatMap(reddishColours);
      try {
        // The catalogue's selected card and "Selected" badge, an open "Details", a prerequisite link.
        $(catalogue, '[part~="select-button"]')!.click();
        $(catalogue, 'details')!.setAttribute('open', '');
        await waitUntil(() => $(catalogue, '[part~="current"]'), 'a card selected');
        expect($(catalogue, '[part~="prerequisite"]'), 'a "Follows" link on the page').to.not.equal(null);
        expect(all(), 'catalogue, agenda and form').to.deep.equal([]);

        // The form with its errors, then its confirmation; the calendar's month grid.
        $(form, '[part~="submit"]')!.click();
        await waitUntil(() => $(form, '[part~="error-summary"]'), 'error summary');
        expect(all(), 'form errors').to.deep.equal([]);
        await submitValid(form as LitElement);
        await waitUntil(() => $(form, '[part~="result"]'), 'the confirmation', { timeout: 5000 });
        $(calendar, '[data-view="month"]')!.click();
        await waitUntil(() => $(calendar, '[part~="grid"]'), 'month grid', { timeout: 5000 });
        expect(all(), 'confirmation and month grid').to.deep.equal([]);
      } finally {
        api.restore();
      }
    });

  for (const scheme of ['light', 'dark'] as const)
    it(`derives accent text (4.5:1 or more on the surface), hover and text on the accent from a blue accent (${scheme})`, async () => {
      const { api, catalogue, calendar, form } = await themed(scheme);
      try {
        for (const host of [catalogue, calendar, form]) {
          const root = host.shadowRoot!;
          const [accent, text, hover, onAccent, surface] = ['--_accent', '--_accent-text', '--_accent-hover', '--_accent-contrast', '--_surface'].map(
            (t) => token(root, t),
          );
          expect(hex(accent!), host.localName).to.equal(BLUE);
          for (const [name, c] of [['accent text', text], ['hover', hover]] as const) {
            const h = hue(c!);
            expect(h !== undefined && h > 200 && h < 250, `${host.localName} ${name} ${hex(c!)} is blue`).to.equal(true);
          }
          expect(contrast(text!, surface!), `${host.localName} accent text on the surface`).to.be.at.least(4.5);
          expect(contrast(onAccent!, accent!), `${host.localName} text on the accent`).to.be.at.least(4.5);
        }
      } finally {
        api.restore();
      }
    });
});
