import { expect } from '@open-wc/testing';
import { AUDIENCES, STRANDS, type Module, type Session } from '../src/contract/index.js';
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

  it('knows whether any filter is active', () => {
    expect(hasFilters({})).to.equal(false);
    expect(hasFilters({ search: '  ' })).to.equal(false);
    expect(hasFilters({ audience: 'activists' })).to.equal(true);
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
