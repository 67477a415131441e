/**
 * Shared behaviour of every element: survives hostile host CSS, themes from
 * :root custom properties, follows the page's color-scheme, registers once.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/mobilise.js';
import { define } from '../src/elements/shared/define.js';
import { MobiliseModuleCatalogue } from '../src/elements/module-catalogue/module-catalogue.js';
import { mockApi } from './helpers/mock-api.js';

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

  it('are defined once even if the registration runs again', () => {
    const before = customElements.get('mobilise-module-catalogue');
    expect(() => define('mobilise-module-catalogue', class extends MobiliseModuleCatalogue {})).to.not.throw();
    expect(customElements.get('mobilise-module-catalogue')).to.equal(before);
  });
});
