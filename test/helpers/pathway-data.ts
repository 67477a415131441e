/**
 * Pathways as the server answers them (server/store/pathway.ts), for the pathway element's browser
 * test (test/pathway.test.ts) and its stories: a member part-way along, one with nothing booked yet,
 * and one in Gaelic. Parsed with the contract, so a fixture that drifts from it fails at once.
 */
import { PathwaySchema, type Pathway } from '../../src/contract/pathway-api.js';
import { PATHWAYS } from '../../src/contract/pathways.js';

export const PATHWAY_TOKEN = 'pathway-token-0123456789abcdefghijklmnopqrs';

const TITLES: Record<string, string> = {
  'voter-persuasion': 'Voter Persuasion',
  'field-organising-1': 'Field Organising (part one)',
  'field-organising-2': 'Field Organising (part two)',
  'community-organising': 'Community Organising',
  'digital-organising': 'Digital Organising',
  'message-digital-social': 'Delivering your message: digital (creating good social media content)',
  'message-digital-advertising': 'Delivering your message: digital (Targeting voters online, digital advertising)',
  'message-digital-video': 'Delivering your message: digital (video for social media)',
  'message-print': 'Delivering your message: print',
  'targeting-and-analysis': 'Targeting and Analysis',
  'working-with-trade-unions': 'Working with Trade Unions',
  'building-your-clp': 'Building your CLP',
};
const titled = (moduleId: string) => ({ moduleId, title: TITLES[moduleId]!, lang: 'en-GB' as const });

/** The audience's steps: `attended` and `booked` by module id, the rest to take. */
export function pathwayOf(audience: keyof typeof PATHWAYS, attended: string[], booked: string[], chosen = false): Pathway {
  const steps = PATHWAYS[audience].map((id) => ({ ...titled(id), state: attended.includes(id) ? ('attended' as const) : booked.includes(id) ? ('booked' as const) : ('to-take' as const) }));
  const next = steps.find((s) => s.state !== 'attended');
  const parsed = PathwaySchema.safeParse({
    audience,
    chosen,
    steps,
    ...(next ? { next: titled(next.moduleId) } : {}),
    attended: attended.map((id, i) => ({ ...titled(id), sessionStart: `2026-1${i}-0${i + 2}T18:30:00.000Z` })).reverse(),
    booked: booked.map((id, i) => ({
      ...titled(id),
      sessionId: `${id}-glasgow-${i + 1}`,
      start: `2027-01-1${i}T18:30:00.000Z`,
      end: `2027-01-1${i}T21:30:00.000Z`,
      delivery: i % 2 ? 'online' : 'in-person',
      area: 'Glasgow',
      status: i === 0 ? 'confirmed' : 'waitlisted',
    })),
    programme: { attended: attended.length, modules: 12 },
  });
  if (!parsed.success) throw new Error(`a pathway fixture the contract refuses: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data as Pathway;
}

/** Voter Persuasion attended, Field Organising part one booked (and next). */
export const partWay = pathwayOf('new-activists', ['voter-persuasion'], ['field-organising-1']);
/** A member whose bookings all lapsed: nothing attended, nothing booked. */
export const nothingYet = pathwayOf('new-activists', [], []);
/** Every step of the candidates' pathway attended. */
export const finished = pathwayOf('candidates', [...PATHWAYS.candidates], [], true);
/** The part-way member on a Gaelic page: the server sends the titles it has in Gaelic. */
export const partWayGaelic: Pathway = {
  ...partWay,
  steps: partWay.steps.map((s) => (s.moduleId === 'voter-persuasion' ? { ...s, title: 'Cur Ìmpidh air Luchd-bhòtaidh', lang: 'gd' } : s)),
  attended: partWay.attended.map((a) => ({ ...a, title: 'Cur Ìmpidh air Luchd-bhòtaidh', lang: 'gd' })),
};
