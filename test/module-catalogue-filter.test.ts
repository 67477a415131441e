import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/elements/module-catalogue/define.js';
import { AUDIENCES, STRANDS, TOOLS, parseEnum, type Module, type Session } from '../src/contract/index.js';
import type { MobiliseModuleCatalogue } from '../src/elements/module-catalogue/module-catalogue.js';
import { moduleCount } from '../src/strings/compose.js';
import { en } from '../src/strings/en.js';
import {
  audienceLabels,
  countUpcoming,
  filterModules,
  fold,
  hasFilters,
  matchesSearch,
  prerequisitesOf,
  strandLabels,
} from '../src/elements/module-catalogue/filter.js';
import { paragraphs } from '../src/elements/shared/content.js';
import { modules } from '../server/seed/programme.js';
import { mockApis } from './helpers/mock-api.js';


const byId = new Map(modules.map((m) => [m.id, m]));
const mod = (id: string) => byId.get(id)!;
const ids = (list: Module[]) => list.map((m) => m.id);

function session(over: Partial<Session>): Session {
  return {
    id: 's',
    moduleId: 'voter-persuasion',
    start: '2030-01-01T18:30:00+00:00',
    end: '2030-01-01T20:30:00+00:00',
    delivery: 'online',
    area: 'Online',
    capacity: 10,
    spacesLeft: 5,
    status: 'scheduled',
    waitlist: true,
    ...over,
  };
}

describe('module catalogue: filter helpers', () => {
  it('folds case, accents and curly quotes', () => {
    expect(fold('Café CRÈME')).to.equal('cafe creme');
    expect(fold('Labour’s')).to.equal("labour's");
  });

  it('searches title, summary, description and tools, every word, case- and accent-insensitively', () => {
    const ta = mod('targeting-and-analysis');
    expect(matchesSearch(ta, 'INSIGHT')).to.equal(true); // tool + description
    expect(matchesSearch(ta, 'mosaic contact')).to.equal(true); // words in any order
    expect(matchesSearch(ta, 'mosaic doorstep')).to.equal(false); // every word must match
    expect(matchesSearch(ta, "labour's")).to.equal(true); // typed straight quote, stored curly
    expect(matchesSearch({ ...ta, description: 'Résumé builder' }, 'resume')).to.equal(true);
    expect(matchesSearch(mod('field-organising-2'), 'volunteers')).to.equal(true); // summary
    expect(matchesSearch(mod('field-organising-1'), 'Doorstep App')).to.equal(true);
    expect(matchesSearch(mod('voter-persuasion'), '   ')).to.equal(true);
  });

  it('filters by strand, audience and text together', () => {
    expect(ids(filterModules(modules, { strand: 'message' }))).to.deep.equal([
      'message-digital-social',
      'message-digital-advertising',
      'message-digital-video',
      'message-print',
    ]);
    expect(filterModules(modules, { audience: 'role-holders' }).every((m) => m.audience.includes('role-holders'))).to.equal(true);
    expect(ids(filterModules(modules, { strand: 'field', audience: 'role-holders' }))).to.deep.equal(['field-organising-2']);
    expect(ids(filterModules(modules, { strand: 'field', search: 'contact creator' }))).to.deep.equal(['field-organising-1']);
    expect(filterModules(modules, {})).to.have.length(12);
    expect(filterModules(modules, { search: 'zzzz' })).to.have.length(0);
  });

  it('filters by the tool a module teaches, combined with strand, audience and text', () => {
    expect(ids(filterModules(modules, { tool: 'Contact Creator' }))).to.deep.equal(['field-organising-1', 'targeting-and-analysis']);
    expect(ids(filterModules(modules, { tool: 'Insight' }))).to.deep.equal(['targeting-and-analysis']);
    expect(ids(filterModules(modules, { tool: 'Dialogue' }))).to.deep.equal(['digital-organising']);
    expect(ids(filterModules(modules, { tool: 'Contact Creator', strand: 'data' }))).to.deep.equal(['targeting-and-analysis']);
    expect(ids(filterModules(modules, { tool: 'Contact Creator', audience: 'new-activists' }))).to.deep.equal(['field-organising-1']);
    expect(ids(filterModules(modules, { tool: 'Contact Creator', search: 'canvassing' }))).to.deep.equal(['field-organising-1']);
    expect(filterModules(modules, { tool: 'Doorstep App', strand: 'message' })).to.deep.equal([]);
    // Every tool is taught somewhere in the programme, so no option of the select leads nowhere.
    for (const tool of TOOLS) expect(filterModules(modules, { tool }).length, tool).to.be.greaterThan(0);
  });

  it('reads a tool from an attribute whatever its case, answering its proper name', () => {
    expect(parseEnum(TOOLS, 'insight')).to.equal('Insight');
    expect(parseEnum(TOOLS, ' CONTACT creator ')).to.equal('Contact Creator');
    expect(parseEnum(STRANDS, 'Field')).to.equal('field');
    const unknown: string[] = [];
    expect(parseEnum(TOOLS, 'NationBuilder', (v) => unknown.push(v))).to.equal(undefined);
    expect(unknown).to.deep.equal(['NationBuilder']);
  });

  it('knows whether any filter is active', () => {
    expect(hasFilters({})).to.equal(false);
    expect(hasFilters({ search: '  ' })).to.equal(false);
    expect(hasFilters({ audience: 'activists' })).to.equal(true);
    expect(hasFilters({ tool: 'Mosaic' })).to.equal(true);
  });

  it('counts only upcoming scheduled or full sessions per module', () => {
    const now = Date.parse('2029-12-01T00:00:00Z');
    const counts = countUpcoming(
      [
        session({ id: 'a' }),
        session({ id: 'b', status: 'full', spacesLeft: 0 }),
        session({ id: 'c', status: 'cancelled' }),
        session({ id: 'd', start: '2029-11-01T18:30:00+00:00', end: '2029-11-01T20:30:00+00:00' }),
        session({ id: 'e', moduleId: 'message-print' }),
      ],
      now,
    );
    expect(counts.get('voter-persuasion')).to.equal(2);
    expect(counts.get('message-print')).to.equal(1);
    expect(counts.has('building-your-clp')).to.equal(false);
  });

  it('splits descriptions into paragraphs on blank lines', () => {
    expect(paragraphs('One\nstill one.\n\n  Two \r\n\r\nThree\n\n\n')).to.deep.equal(['One\nstill one.', 'Two', 'Three']);
    expect(paragraphs('')).to.deep.equal([]);
  });

  it('resolves prerequisites, skipping ids not in the catalogue', () => {
    expect(ids(prerequisitesOf(mod('field-organising-2'), byId))).to.deep.equal(['field-organising-1']);
    expect(prerequisitesOf({ ...mod('voter-persuasion'), prerequisites: ['gone'] }, byId)).to.deep.equal([]);
  });

  it('has a human label for every strand and audience', () => {
    for (const s of STRANDS) expect(strandLabels()[s]).to.be.a('string').and.not.equal(s);
    for (const a of AUDIENCES) expect(audienceLabels()[a]).to.be.a('string').and.not.equal(a);
    expect(strandLabels().data).to.equal('Data & targeting');
  });
});

describe('module catalogue: the tool filter', () => {
  const api = mockApis();
  const c = en.catalogue;
  const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
  const cardIds = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[part="card"]')].map((a) => a.dataset.module);
  const countText = (el: Element) => $(el, '[part="count"]')!.textContent!.trim();

  async function catalogue(attrs = '') {
    const host = await fixture<HTMLElement>(`<div><mobilise-module-catalogue endpoint="${api().endpoint}" ${attrs}></mobilise-module-catalogue></div>`);
    const el = host.firstElementChild as MobiliseModuleCatalogue;
    await waitUntil(() => $(el, 'article[part="card"], [part="empty"]'), 'not loaded', { timeout: 4000 });
    return el;
  }
  async function choose(el: MobiliseModuleCatalogue, id: 'strand' | 'audience' | 'tool', value: string) {
    const select = $<HTMLSelectElement>(el, `#${id}`)!;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }

  it('offers "Any tool" first, then the six tools by name, under "I want to learn"', async () => {
    const el = await catalogue();
    const select = $<HTMLSelectElement>(el, '#tool')!;
    expect($(el, 'label[for="tool"]')!.textContent).to.equal(c.tool);
    expect([...select.options].map((o) => [o.value, o.textContent])).to.deep.equal([['', c.allTools], ...TOOLS.map((t) => [t, t])]);
    expect(select.value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows the modules that teach the tool, with the count, and combines with the other filters', async () => {
    const el = await catalogue();
    await choose(el, 'tool', 'Contact Creator');
    expect(cardIds(el)).to.deep.equal(['field-organising-1', 'targeting-and-analysis']);
    expect(countText(el)).to.equal(moduleCount(en, 2, 12));
    expect(el.tool).to.equal('Contact Creator');
    await choose(el, 'audience', 'new-activists');
    expect(cardIds(el)).to.deep.equal(['field-organising-1']);
    await choose(el, 'audience', '');
    await choose(el, 'strand', 'data');
    expect(cardIds(el)).to.deep.equal(['targeting-and-analysis']);
    expect(countText(el)).to.equal(moduleCount(en, 1, 12));
    await expect(el).to.be.accessible();
    await choose(el, 'tool', '');
    expect(cardIds(el)).to.deep.equal(['targeting-and-analysis']);
  });

  it('a tool and a strand that meet nowhere show the no-match state, whose "Clear filters" clears the tool too', async () => {
    const el = await catalogue('tool="doorstep app" strand="message"');
    expect(cardIds(el)).to.deep.equal([]);
    expect($<HTMLSelectElement>(el, '#tool')!.value, 'the attribute, by its proper name').to.equal('Doorstep App');
    expect(countText(el)).to.equal(moduleCount(en, 0, 12));
    await expect(el).to.be.accessible();
    $(el, '[part="clear-button"]')!.click();
    await el.updateComplete;
    expect(cardIds(el)).to.have.length(12);
    expect([el.tool, el.strand]).to.deep.equal(['', '']);
    expect($<HTMLSelectElement>(el, '#tool')!.value).to.equal('');
  });

  it('warns about a tool it does not know and filters nothing', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await catalogue('tool="NationBuilder"');
      expect(cardIds(el)).to.have.length(12);
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.contain('tool="NationBuilder"').and.contain('Insight');
  });
});
