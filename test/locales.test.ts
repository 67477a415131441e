/**
 * Issue 13 in a real browser: every element in English, Gaelic and Welsh (its words from that
 * language's pack, `lang` said for screen readers, axe clean), the nearest `lang` choosing when
 * no provider says, a change of locale re-rendering everything at once (the error summary and
 * an open signup dialog included), and each counted string through every plural form the
 * language has as the element shows it.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import type { Strings } from '../src/strings/en.js';
import { en } from '../src/strings/en.js';
import { fixtures, mockApis } from './helpers/mock-api.js';

const api = mockApis();
const packs: Record<string, () => Promise<Strings>> = {
  'en-GB': async () => en,
  gd: async () => (await import('../src/strings/gd.js')).gd,
  cy: async () => (await import('../src/strings/cy.js')).cy,
};

const soon = Date.now() + 3_600_000;
const openSession = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;
const root = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function page(providerAttrs: string, wrapperLang = '', calendarAttrs = '') {
  const a = api();
  const markup = `<mobilise-provider endpoint="${a.endpoint}" ${providerAttrs}>
      <mobilise-module-catalogue></mobilise-module-catalogue>
      <mobilise-session-calendar ${calendarAttrs}></mobilise-session-calendar>
      <mobilise-signup-form session-id="${openSession.id}"></mobilise-signup-form>
    </mobilise-provider>`;
  const wrap = await fixture<HTMLElement>(wrapperLang ? `<div lang="${wrapperLang}">${markup}</div>` : markup);
  const provider = (wrap.localName === 'mobilise-provider' ? wrap : wrap.querySelector('mobilise-provider')!) as HTMLElement & { locale: string };
  const get = (tag: string) => provider.querySelector(tag)!;
  await waitUntil(() => root(get('mobilise-module-catalogue')).querySelector('[part="card-title"]'), 'catalogue did not load', { timeout: 5000 });
  await waitUntil(() => root(get('mobilise-session-calendar')).querySelector('.session .title'), 'calendar did not load', { timeout: 5000 });
  await waitUntil(() => root(get('mobilise-signup-form')).querySelector('form'), 'form did not load', { timeout: 5000 });
  return { provider, get, wrap };
}

/** Waits until the element's own words are `s`'s: its headings and buttons change together. */
const speaks = (el: Element, s: Strings, what: (s: Strings) => string, selector: string) =>
  waitUntil(() => text(root(el).querySelector(selector)).includes(what(s)), `${el.localName} does not say "${what(s)}" in ${selector}: "${text(root(el).querySelector(selector))}"`, { timeout: 5000 });

async function submitEmpty(form: Element) {
  root(form).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  await waitUntil(() => root(form).querySelector('.error-summary'), 'no error summary');
}

describe('languages', () => {
  for (const locale of ['en-GB', 'gd', 'cy'] as const) {
    it(`${locale}: every element in its words, lang said, error summary worded, axe clean`, async function () {
      // Three elements loaded and three axe runs: 1.6–3.3 s on a quiet machine (the first, en-GB, pays for
      // axe's first run), and CI's three engines share 2 cores; 10 s timed en-GB out there once.
      this.timeout(30_000);
      const s = await packs[locale]!();
      if (locale !== 'en-GB') expect(s.calendar.heading, 'a real translation, not English').to.not.equal(en.calendar.heading);
      const { provider, get } = await page(`locale="${locale}"`);
      expect(provider.getAttribute('lang')).to.equal(locale);
      const catalogue = get('mobilise-module-catalogue');
      const calendar = get('mobilise-session-calendar');
      const form = get('mobilise-signup-form');
      await speaks(calendar, s, (x) => x.calendar.heading, 'h2');
      await speaks(form, s, (x) => x.signup.submit, '[part="submit"]');
      await speaks(catalogue, s, (x) => x.catalogue.seeSessions, '[part="card"]');
      await submitEmpty(form);
      await speaks(form, s, (x) => x.signup.errorSummary, '.error-summary');
      await speaks(form, s, (x) => x.validation.firstName, '.error-summary');
      for (const el of [catalogue, calendar, form]) await expect(el).to.be.accessible();
    });
  }

  it('each engine’s ICU for gd and cy, reported; where it lacks one, dates and lists fall back to British English, never the browser’s own', async () => {
    const { formatDay } = await import('../src/elements/shared/format.js');
    const iso = '2027-03-04T18:30:00Z';
    const report: string[] = [];
    for (const locale of ['gd', 'cy']) {
      const has = (api: { supportedLocalesOf(l: string): string[] }) => api.supportedLocalesOf(locale).length > 0;
      const support = { dates: has(Intl.DateTimeFormat), plurals: has(Intl.PluralRules), numbers: has(Intl.NumberFormat), lists: has(Intl.ListFormat) };
      report.push(`${locale}: ${Object.entries(support).map(([k, v]) => `${k} ${v ? 'yes' : 'no'}`).join(', ')}`);
      const own = new Intl.DateTimeFormat(support.dates ? locale : 'en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
      expect(formatDay(iso, locale)).to.equal(own);
    }
    console.log(`[icu] ${navigator.userAgent.match(/(Firefox|Chrome|Version)\/[\d.]+/)?.[0] ?? navigator.userAgent}: ${report.join('; ')}`);
  });

  it('without a provider locale, the nearest lang decides (here a wrapper’s cy)', async () => {
    const cy = await packs.cy!();
    const { get, provider } = await page('', 'cy');
    expect(provider.hasAttribute('lang'), 'the provider inherits; it sets nothing').to.equal(false);
    await speaks(get('mobilise-session-calendar'), cy, (x) => x.calendar.heading, 'h2');
  });

  it('a change of locale re-renders everything at once: headings, the error summary, an open signup dialog', async () => {
    const [gd, cy] = [await packs.gd!(), await packs.cy!()];
    const { provider, get } = await page('locale="en-GB"', '', 'signup="dialog"');
    const form = get('mobilise-signup-form');
    const calendar = get('mobilise-session-calendar');
    await submitEmpty(form);
    await speaks(form, en, (x) => x.validation.firstName, '.error-summary');
    // Open the calendar's signup dialog on its first bookable session.
    root(calendar).querySelector<HTMLButtonElement>('[part="signup-button"]')!.click();
    await waitUntil(() => root(calendar).querySelector('dialog[open]'), 'the signup dialog did not open', { timeout: 5000 });

    provider.locale = 'gd';
    await speaks(form, gd, (x) => x.validation.firstName, '.error-summary');
    await speaks(calendar, gd, (x) => x.calendar.heading, 'h2');
    await speaks(calendar, gd, (x) => x.calendar.close, 'dialog[open]');
    expect(provider.getAttribute('lang')).to.equal('gd');

    provider.locale = 'cy';
    await speaks(form, cy, (x) => x.signup.errorSummary, '.error-summary');
    await speaks(calendar, cy, (x) => x.calendar.close, 'dialog[open]');
  });

  it('each counted string as the calendar shows it: spaces left (or only n left) through every plural form of gd and cy', async () => {
    for (const locale of ['gd', 'cy'] as const) {
      const s = await packs[locale]!();
      const rules = new Intl.PluralRules(locale);
      for (const category of rules.resolvedOptions().pluralCategories) {
        const n = Array.from({ length: 200 }, (_, i) => i + 1).find((i) => rules.select(i) === category);
        if (n === undefined) continue; // a category only 0 or fractions reach
        // Capacity n: more than 3 left is "n spaces left", 3 or fewer "only n left" (badges.ts).
        const sessions = [{ ...openSession, spacesLeft: n, capacity: n }];
        const shown = n <= 3 ? s.calendar.fewLeft(n) : s.calendar.spacesLeft(n);
        const a = api({ sessions });
        const calendar = await fixture<HTMLElement>(`<mobilise-session-calendar endpoint="${a.endpoint}" lang="${locale}"></mobilise-session-calendar>`);
        await waitUntil(() => text(root(calendar).querySelector('.session')).includes(shown), `${locale} ${category} (n=${n}): "${shown}" not in "${text(root(calendar).querySelector(".session") ?? root(calendar).firstElementChild?.parentNode as Element)}"`, {
          timeout: 5000,
        });
      }
    }
  });
});
