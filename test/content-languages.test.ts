/**
 * Content in several languages in a real browser: on a Gaelic or Welsh page the elements ask
 * for that language's translations and show them, field by field with English where there is
 * none, each text saying its `lang` so screen readers switch voice; an English page asks and
 * shows exactly what it did before.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import type { Module, Session } from '../src/contract/index.js';
import { cy } from '../src/strings/cy.js';
import { fixtures, mockApis, type MockApi } from './helpers/mock-api.js';
import { sessionFixture } from './helpers/session.js';

const api = mockApis();
const root = (el: Element) => el.shadowRoot!;
const voter = fixtures.modules.find((m) => m.id === 'voter-persuasion')!;
/** A Gaelic title and no Gaelic summary: the summary falls back to English on its own. */
const halfTranslated: Module = { ...fixtures.modules.find((m) => m.id === 'community-organising')!, translations: { gd: { title: 'Eagrachadh Coimhearsnachd' } } };
const modules = fixtures.modules.map((m) => (m.id === halfTranslated.id ? halfTranslated : m));

async function catalogue(a: MockApi, locale: string) {
  const wrap = await fixture<HTMLElement>(
    `<mobilise-provider endpoint="${a.endpoint}" ${locale ? `locale="${locale}"` : ''}><mobilise-module-catalogue></mobilise-module-catalogue></mobilise-provider>`,
  );
  const el = wrap.querySelector('mobilise-module-catalogue')!;
  await waitUntil(() => root(el).querySelector('[part="card-title"]'), 'catalogue did not load', { timeout: 5000 });
  return el;
}
const card = (el: Element, id: string) => root(el).querySelector(`article[data-module="${id}"]`)!;
/** The title's text and the language it says it is in (the span carrying `lang`, if any). */
function said(node: Element | null) {
  const span = node?.querySelector('[lang]');
  return { text: (node?.textContent ?? '').replace(/\s+/g, ' ').trim(), lang: span?.getAttribute('lang') ?? null };
}

describe('content in several languages', () => {
  it('a Gaelic page asks for Gaelic and shows a module’s Gaelic title with lang="gd"', async () => {
    const a = api({ modules });
    const el = await catalogue(a, 'gd');
    expect(a.calls.map((c) => c.url).filter((u) => u.includes('/v1/modules'))).to.deep.equal([`${a.endpoint}/v1/modules?locale=gd`]);
    expect(a.calls.some((c) => /\/v1\/sessions\?(?:.*&)?locale=gd/.test(c.url)), 'sessions in Gaelic too').to.equal(true);
    const title = said(card(el, 'voter-persuasion').querySelector('[part="card-title"]'));
    expect(title).to.deep.equal({ text: voter.translations!.gd!.title, lang: 'gd' });
    expect(said(card(el, 'voter-persuasion').querySelector('.summary'))).to.deep.equal({ text: voter.translations!.gd!.summary, lang: 'gd' });
    await expect(el).to.be.accessible();
  });

  it('falls back to English field by field, and says so with lang="en-GB"', async () => {
    const el = await catalogue(api({ modules }), 'gd-GB');
    const c = card(el, halfTranslated.id);
    expect(said(c.querySelector('[part="card-title"]'))).to.deep.equal({ text: 'Eagrachadh Coimhearsnachd', lang: 'gd' });
    expect(said(c.querySelector('.summary'))).to.deep.equal({ text: halfTranslated.summary, lang: 'en-GB' });
  });

  it('a card’s checklist is translated as a whole, its next step on its own: each says its language', async () => {
    const checklist = ['Dewch â ffôn wedi’i wefru'];
    const welsh: Module = { ...voter, translations: { cy: { ...voter.translations!.cy!, beforeYouCome: checklist } } };
    const el = await catalogue(api({ modules: fixtures.modules.map((m) => (m.id === voter.id ? welsh : m)) }), 'cy');
    const body = card(el, voter.id).querySelector('.details-body')!;
    const list = body.querySelector('ul.checklist')!;
    expect({ items: [...list.querySelectorAll('li')].map((li) => li.textContent), lang: list.getAttribute('lang') }).to.deep.equal({ items: checklist, lang: 'cy' });
    expect(body.querySelector(`#${list.getAttribute('aria-labelledby')}`)!.textContent).to.equal(cy.catalogue.beforeYouCome);
    const next = body.querySelector('.next p[lang]')!;
    expect({ text: next.textContent, lang: next.getAttribute('lang') }).to.deep.equal({ text: voter.afterSession, lang: 'en-GB' });
    await expect(el).to.be.accessible();
  });

  it('a Welsh calendar shows Welsh titles and a session’s Welsh access note', async () => {
    const session = fixtures.sessions.find((s) => s.moduleId === 'voter-persuasion' && s.status === 'scheduled' && Date.parse(s.start) > Date.now())!;
    const translated: Session = { ...session, accessibility: 'Step-free entrance.', translations: { cy: { accessibility: 'Mynedfa heb risiau.' } } };
    const a = api({ sessions: fixtures.sessions.map((s) => (s.id === session.id ? translated : s)) });
    const wrap = await fixture<HTMLElement>(
      `<mobilise-provider endpoint="${a.endpoint}" locale="cy"><mobilise-session-calendar></mobilise-session-calendar></mobilise-provider>`,
    );
    const el = wrap.querySelector('mobilise-session-calendar')!;
    await waitUntil(() => root(el).querySelector(`[data-session="${session.id}"] .title`), 'calendar did not load', { timeout: 5000 });
    const entry = root(el).querySelector(`[data-session="${session.id}"]`)!;
    expect(said(entry.querySelector('.title'))).to.deep.equal({ text: voter.translations!.cy!.title, lang: 'cy' });
    expect(said(entry.querySelector('details p'))).to.deep.equal({ text: 'Mynedfa heb risiau.', lang: 'cy' });
    await expect(el).to.be.accessible();
  });

  it('a Welsh month grid names a day’s sessions in Welsh, an untranslated one in English, each saying its language', async () => {
    const day = `${new Date().getUTCFullYear() + 1}-03-12`;
    const sessions = [
      sessionFixture({ id: 'welsh', start: `${day}T09:00:00Z`, moduleId: voter.id }),
      sessionFixture({ id: 'english', start: `${day}T12:00:00Z`, moduleId: halfTranslated.id }),
    ];
    const a = api({ modules, sessions });
    const wrap = await fixture<HTMLElement>(
      `<div style="width:1000px"><mobilise-provider endpoint="${a.endpoint}" locale="cy"><mobilise-session-calendar view="month"></mobilise-session-calendar></mobilise-provider></div>`,
    );
    const el = wrap.querySelector('mobilise-session-calendar')!;
    await waitUntil(() => root(el).querySelector(`td[data-day="${day}"] .titles`), 'the month grid did not show the day’s titles', { timeout: 5000 });
    const titles = [...root(el).querySelectorAll(`td[data-day="${day}"] .titles > span`)].map((s) => ({ text: s.textContent, lang: s.getAttribute('lang') }));
    expect(titles).to.deep.equal([
      { text: voter.translations!.cy!.title, lang: 'cy' },
      { text: halfTranslated.title, lang: 'en-GB' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('an English page asks as before and shows English with no lang of its own', async () => {
    const a = api({ modules });
    const el = await catalogue(a, '');
    expect(a.calls.every((c) => !c.url.includes('locale=')), 'no locale in any request').to.equal(true);
    expect(said(card(el, 'voter-persuasion').querySelector('[part="card-title"]'))).to.deep.equal({ text: voter.title, lang: null });
  });
});
