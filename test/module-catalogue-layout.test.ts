/**
 * The catalogue's visual scale (issue 16): dense cards on the shared type and spacing scales, and a
 * loading skeleton the size of the cards it stands in for, so nothing jumps when they arrive.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/elements/module-catalogue/define.js';
import { fixtures, gate, json, mockApis } from './helpers/mock-api.js';

const api = mockApis();

const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const px = (el: Element, prop: 'fontSize' | 'paddingTop') => parseFloat(getComputedStyle(el)[prop]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** 900 px wide: three columns of cards. */
async function catalogue(style = '', slow = false) {
  const a = api();
  const g = gate();
  if (slow)
    a.routes['GET /v1/modules'] = async () => {
      await g.promise;
      return json({ modules: fixtures.modules });
    };
  const wrap = await fixture<HTMLElement>(html`<div style="width: 900px; ${style}"></div>`);
  wrap.innerHTML = `<mobilise-module-catalogue endpoint="${a.endpoint}"></mobilise-module-catalogue>`;
  const el = wrap.firstElementChild!;
  const ready = () => waitUntil(() => $$(el, '[part="card"]').length === fixtures.modules.length, 'cards', { timeout: 4000 });
  return { el, release: g.release, ready };
}

describe('<mobilise-module-catalogue> layout', () => {
  it('sets card titles one type step up and the facts one step down, each fact on one line with its label', async () => {
    const { el, ready } = await catalogue();
    await ready();
    const base = px(el, 'fontSize');
    const card = $$(el, '[part="card"]')[0]!;
    expect(px(card.querySelector('[part="card-title"]')!, 'fontSize')).to.be.closeTo(base * 1.2, 0.1);
    expect(px(card.querySelector('.meta')!, 'fontSize')).to.be.closeTo(base / 1.2, 0.1);
    const split = $$(el, '.meta dt').filter((dt) => Math.abs(dt.getClientRects()[0]!.top - dt.nextElementSibling!.getClientRects()[0]!.top) > 1);
    expect(split.map((dt) => dt.textContent), 'a value on a line of its own').to.deep.equal([]);
  });

  it('keeps cards short at 900 px: typical under 28em, the tallest under 31em (before issue 16: 30.7em and 33.9em)', async () => {
    const { el, ready } = await catalogue();
    await ready();
    const em = px(el, 'fontSize');
    const heights = $$(el, '[part="card"]').map((c) => c.getBoundingClientRect().height / em);
    expect(median(heights), 'typical').to.be.below(28);
    expect(Math.max(...heights), 'tallest').to.be.below(31);
  });

  it('spaces everything in steps of --mobilise-space', async () => {
    const { el, ready } = await catalogue('--mobilise-space: 0.5em');
    await ready();
    const em = px(el, 'fontSize');
    const card = $$(el, '[part="card"]')[0]!;
    expect(px(card, 'paddingTop'), 'a panel pads one unit').to.be.closeTo(em / 2, 0.1);
    expect(parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.items')!).rowGap), 'cards sit one unit apart').to.be.closeTo(em / 2, 0.1);
  });

  it('loads with placeholders the size of the cards, in the same grid', async () => {
    const { el, ready, release } = await catalogue('', true);
    await waitUntil(() => $$(el, '.placeholder').length, 'skeleton');
    const placeholder = $$(el, '.placeholder')[0]!.getBoundingClientRect();
    release();
    await ready();
    const cards = $$(el, '[part="card"]').map((c) => c.getBoundingClientRect());
    expect(placeholder.width, 'the same column width').to.be.closeTo(cards[0]!.width, 1);
    const typical = median(cards.map((c) => c.height));
    expect(Math.abs(placeholder.height - typical) / typical, `placeholder ${placeholder.height}px, cards ${typical}px`).to.be.below(0.12);
  });
});
