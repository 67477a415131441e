/**
 * What the browser tests count on the fake backend for, written once as
 * requests over the seed data. server/test/fake-backend.test.ts sends every
 * scenario to the fake (fake-backend.ts) and to the real server, both holding
 * the same seed, and requires the same meaning() from each answer.
 */
import {
  ModulesResponseSchema,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  SessionsResponseSchema,
  SignupResultSchema,
  type Module,
  type Session,
  type SignupInput,
} from '../../src/contract/index.js';
import { tokenProblems } from './token-problems.js';

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Relative to the endpoint, with its query. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Seed {
  modules: Module[];
  sessions: Session[];
  now: Date;
}

export interface Scenario {
  name: string;
  /** The server's statuses, so a scenario cannot quietly stop testing what its name says. */
  statuses: number[] | ((seed: Seed) => number[]);
  /** Sent in order; each answer is compared. Scenarios run one after another on one backend, so each uses sessions of its own. */
  requests(seed: Seed): ApiRequest[];
}

const get = (path: string): ApiRequest => ({ method: 'GET', path, headers: { accept: 'application/json' } });
const sessionsWhere = (query: Record<string, string>) => get(`/v1/sessions?${new URLSearchParams(query)}`);

/** A signup as the client sends it: JSON, the key in the body and repeated in the header. */
function post(body: SignupInput | string, headers: Record<string, string> = {}): ApiRequest {
  const key = typeof body === 'string' ? undefined : body.idempotencyKey;
  return {
    method: 'POST',
    path: '/v1/signups',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** A booking link's token sent as the booking page sends it. */
const token = (action: 'confirm' | 'view' | 'cancel', value: string): ApiRequest => ({
  method: 'POST',
  path: `/v1/bookings/${action}`,
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify({ token: value }),
});

/** A valid signup; `who` makes the email and the idempotency key its own. */
const person = (sessionId: string, who: string, overrides: Partial<SignupInput> = {}): SignupInput => ({
  sessionId,
  firstName: 'Morven',
  lastName: 'Test',
  email: `${who}@example.org`,
  postcode: 'G1 1AA',
  membership: 'member',
  consentContact: true,
  idempotencyKey: `scenario-key-${who}`,
  returnUrl: 'http://localhost:5173/training',
  ...overrides,
});

const closesAt = (s: Session) => Math.min(Date.parse(s.start), s.signupDeadline ? Date.parse(s.signupDeadline) : Infinity);
/** Sessions taking signups, fewest places first, so a scenario can fill one. */
const open = ({ sessions, now }: Seed) =>
  sessions.filter((s) => s.status === 'scheduled' && s.spacesLeft > 0 && closesAt(s) > now.getTime()).sort((a, b) => a.spacesLeft - b.spacesLeft);
const pick = (seed: Seed, test: (s: Session) => boolean, what: string): Session => {
  const found = seed.sessions.find(test);
  if (!found) throw new Error(`the seed has no ${what} session`);
  return found;
};
const upcoming = (seed: Seed) => (s: Session) => closesAt(s) > seed.now.getTime();
/** The n-th open session (by places left), each scenario its own. */
const nth = (seed: Seed, n: number) => open(seed)[n] ?? pick(seed, () => false, `${n + 1}th open`);
const listOf = (s: Session) => sessionsWhere({ module: s.moduleId });
/** Open sessions of a module, earliest first; `spare`: only those no nth() scenario takes. */
const openOf = (seed: Seed, moduleId: string, spare = false) =>
  open(seed)
    .slice(spare ? 6 : 0)
    .filter((s) => s.moduleId === moduleId)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
/** A series request: `first` with the others (issue 14). */
const seriesOf = (first: Session, others: Session[], who: string) => person(first.id, who, { alsoSessionIds: others.map((s) => s.id) });

export const scenarios: Scenario[] = [
  {
    name: 'lists the modules',
    statuses: [200],
    requests: () => [get('/v1/modules')],
  },
  {
    name: 'lists the modules with their Gaelic or Welsh text, and refuses a language it does not have',
    statuses: [200, 200, 200, 400],
    requests: () => [get('/v1/modules?locale=gd'), get('/v1/modules?locale=cy&locale=gd'), get('/v1/modules?locale=en-GB'), get('/v1/modules?locale=fr')],
  },
  {
    name: 'lists sessions with a language',
    statuses: [200, 400],
    requests: () => [get('/v1/sessions?locale=cy'), get('/v1/sessions?locale=')],
  },
  {
    name: 'lists every session',
    statuses: [200],
    requests: () => [get('/v1/sessions')],
  },
  {
    name: 'filters sessions by module',
    statuses: [200],
    requests: (seed) => [sessionsWhere({ module: seed.sessions[0]!.moduleId })],
  },
  {
    name: 'an unknown module has no sessions',
    statuses: [200],
    requests: () => [sessionsWhere({ module: 'no-such-module' })],
  },
  {
    name: 'filters by area in any letter case, trimmed',
    statuses: [200, 200, 200, 200, 200],
    requests: () => ['Glasgow', 'glasgow', 'EDINBURGH', ' Glasgow ', 'Nowhere'].map((area) => sessionsWhere({ area })),
  },
  {
    name: 'filters by delivery',
    statuses: [200, 200, 200],
    requests: () => ['online', 'in-person', 'hybrid'].map((delivery) => sessionsWhere({ delivery })) },
  {
    name: 'from and to are inclusive bounds on the start',
    statuses: [200, 200, 200],
    requests: ({ sessions }) => {
      const starts = sessions.map((s) => s.start).sort((a, b) => Date.parse(a) - Date.parse(b));
      return [sessionsWhere({ from: starts[3]! }), sessionsWhere({ to: starts[5]! }), sessionsWhere({ from: starts[3]!, to: starts[5]! })];
    },
  },
  {
    name: 'combines filters',
    statuses: [200],
    requests: (seed) => {
      const s = pick(seed, (x) => x.delivery === 'in-person' && upcoming(seed)(x), 'upcoming in-person');
      return [sessionsWhere({ module: s.moduleId, area: s.area.toUpperCase(), delivery: 'in-person', from: seed.now.toISOString() })];
    },
  },
  {
    name: 'filters by access features: the sessions offering every one named, in any order',
    statuses: [200, 200, 200, 200],
    requests: () => ['step-free', 'hearing-loop,step-free', 'captions,bsl', 'bsl,step-free'].map((access) => sessionsWhere({ access })),
  },
  {
    name: 'refuses filters the contract refuses, naming the parameter',
    statuses: [400, 400, 400, 400, 400],
    requests: () => [
      sessionsWhere({ delivery: 'carrier-pigeon' }),
      sessionsWhere({ from: 'next tuesday' }),
      sessionsWhere({ area: '' }),
      sessionsWhere({ module: 'Not A Slug!' }),
      sessionsWhere({ access: 'step-free,teleport' }),
    ],
  },
  {
    name: 'an unknown path is a not-found problem, a known one with the wrong method a 405',
    statuses: [404, 405, 405],
    requests: () => [get('/v1/nothing-here'), { ...get('/v1/signups') }, { method: 'POST', path: '/v1/modules', headers: { 'content-type': 'application/json' }, body: '{}' }],
  },
  {
    name: 'serves a session as iCalendar, and 404 for an unknown one',
    statuses: [200, 404],
    requests: (seed) => [get(`/v1/sessions/${nth(seed, 0).id}.ics`), get('/v1/sessions/no-such-session.ics')],
  },
  {
    name: 'confirms a signup and the list shows one place fewer',
    statuses: [200, 202, 200],
    requests: (seed) => [listOf(nth(seed, 1)), post(person(nth(seed, 1).id, 'confirmed')), listOf(nth(seed, 1))],
  },
  {
    name: 'replays a retried signup (200, same answer); a changed body under the same key is refused',
    statuses: [202, 200, 422],
    requests: (seed) => {
      const first = person(nth(seed, 2).id, 'replay');
      return [post(first), post(first), post({ ...first, lastName: 'Changed' })];
    },
  },
  {
    name: 'the same person again with a new key gets the answer anyone would, and the list is unchanged',
    statuses: [202, 202, 200],
    requests: (seed) => {
      const first = person(nth(seed, 3).id, 'again');
      return [post(first), post({ ...first, email: 'AGAIN@example.org', idempotencyKey: 'scenario-key-again-second' }), listOf(nth(seed, 3))];
    },
  },
  {
    name: 'fills the last places, then the waiting list',
    statuses: (seed) => [...Array<number>(nth(seed, 0).spacesLeft + 2).fill(202), 200],
    requests: (seed) => {
      const s = nth(seed, 0);
      const people = Array.from({ length: s.spacesLeft + 2 }, (_, i) => post(person(s.id, `last-places-${i}`)));
      return [...people, listOf(s)];
    },
  },
  {
    name: 'a full session with a waiting list holds waiting-list slots',
    statuses: [202, 202, 200],
    requests: (seed) => {
      const s = pick(seed, (x) => x.spacesLeft === 0 && x.waitlist && x.status !== 'cancelled' && upcoming(seed)(x), 'full, waiting-list');
      return [post(person(s.id, 'wait-1')), post(person(s.id, 'wait-2')), listOf(s)];
    },
  },
  {
    name: 'a full session without a waiting list refuses',
    statuses: [409],
    requests: (seed) => [
      post(person(pick(seed, (x) => x.spacesLeft === 0 && !x.waitlist && x.status !== 'cancelled' && upcoming(seed)(x), 'full, no waiting list').id, 'full')),
    ],
  },
  {
    name: 'a cancelled or past session is closed',
    statuses: [409, 409],
    requests: (seed) => [
      post(person(pick(seed, (x) => x.status === 'cancelled', 'cancelled').id, 'cancelled')),
      post(person(pick(seed, (x) => closesAt(x) <= seed.now.getTime(), 'past').id, 'past')),
    ],
  },
  {
    name: 'a page on a site that is not allowed takes no signup (422 naming returnUrl)',
    statuses: [422, 422],
    requests: (seed) => [
      post(person(nth(seed, 4).id, 'elsewhere', { returnUrl: 'https://elsewhere.example/training' })),
      post(person(nth(seed, 4).id, 'no-page', { returnUrl: 'javascript:alert(1)' })),
    ],
  },
  {
    name: 'an unknown session is not found',
    statuses: [404],
    requests: () => [post(person('no-such-session', 'unknown-session'))],
  },
  {
    name: 'a signup the contract refuses is a 422 naming each field',
    statuses: [422, 422, 422],
    requests: (seed) => {
      const s = nth(seed, 4).id;
      const { email: _email, ...noEmail } = person(s, 'invalid-1');
      return [
        post(noEmail as SignupInput),
        post(person(s, 'invalid-2', { postcode: 'not a postcode', phone: 'call me', consentContact: false as true })),
        post(person(s, 'invalid-3', { firstName: '   ', membership: 'lapsed' as 'member' })),
      ];
    },
  },
  {
    name: 'refuses broken requests',
    statuses: [400, 400, 400, 415, 413],
    requests: (seed) => {
      const body = person(nth(seed, 4).id, 'broken');
      return [
        post('{"sessionId": '),
        post('[1, 2]'),
        post(body, { 'idempotency-key': 'another-key-0123456789' }),
        post(body, { 'content-type': 'text/plain' }),
        post({ ...body, accessNeeds: 'x'.repeat(17_000) }),
      ];
    },
  },
  {
    name: 'a booking link with a forged token does not work; a cut-short one is a 422 naming the token',
    statuses: [404, 404, 404, 422, 422, 415],
    requests: () => {
      const forged = 'A'.repeat(43);
      return [
        token('confirm', forged),
        token('view', forged),
        token('cancel', forged),
        token('confirm', forged.slice(1)),
        token('view', `${forged}#`),
        { ...token('cancel', forged), headers: { 'content-type': 'text/plain' } },
      ];
    },
  },
  {
    name: 'books a series (part two named first) in one request; a retry replays it; each list shows a place fewer',
    statuses: [202, 200, 200, 200],
    requests: (seed) => {
      const one = openOf(seed, 'field-organising-1', true)[0]!;
      const two = openOf(seed, 'field-organising-2', true).find((s) => Date.parse(s.start) > Date.parse(one.start))!;
      const body = seriesOf(two, [one], 'series');
      return [post(body), post(body), listOf(one), listOf(two)];
    },
  },
  {
    name: 'refuses a series in the server’s words: part two before part one, a session twice, another module, too many, an unknown session',
    statuses: [422, 422, 422, 422, 404],
    // Refusals take nothing, so any open sessions do.
    requests: (seed) => {
      const ones = openOf(seed, 'field-organising-1');
      const two = openOf(seed, 'field-organising-2')[0]!;
      const later = ones.findLast((s) => Date.parse(s.start) > Date.parse(two.start))!;
      const other = openOf(seed, 'voter-persuasion')[0]!;
      return [
        post(seriesOf(later, [two], 'series-order')),
        post(seriesOf(ones[0]!, [two, ones[0]!], 'series-twice')),
        post(seriesOf(ones[0]!, [two, other], 'series-other')),
        post(seriesOf(ones[0]!, Array(6).fill(two), 'series-many')),
        post(seriesOf(ones[0]!, [{ id: 'no-such-session' } as Session], 'series-unknown')),
      ];
    },
  },
  {
    name: 'a series with a full session is refused whole, naming it, and the other session keeps its places',
    statuses: [409, 200],
    requests: (seed) => {
      const full = pick(seed, (x) => x.moduleId === 'message-digital-video' && x.spacesLeft === 0 && x.status !== 'cancelled' && upcoming(seed)(x), 'full workshop');
      const social = openOf(seed, 'message-digital-social', true)[0]!;
      return [post(seriesOf(social, [full], 'series-full')), listOf(social)];
    },
  },
  {
    name: 'a filled honeypot gets a person’s answer and nothing is stored',
    statuses: [202, 200],
    requests: (seed) => [post(person(nth(seed, 5).id, 'bot', { website: 'https://spam.example' })), listOf(nth(seed, 5))],
  },
];

/**
 * What must agree between the fake and the server: status, content type, and
 * the body checked against the contract (a signup's answer has no random part).
 */
export async function meaning(res: Response): Promise<Record<string, unknown>> {
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const out: Record<string, unknown> = { status: res.status, type };
  if (type.startsWith(PROBLEM_CONTENT_TYPE)) {
    const { code, status, type: uri, errors, retryAfter, title, detail } = ProblemSchema.parse(JSON.parse(text));
    // The booking view shows a booking link's problem as worded, so the words must agree too.
    const words = code in tokenProblems ? { title, detail } : {};
    return { ...out, problem: { code, status, type: uri, errors, retryAfter, ...words } };
  }
  if (!type.startsWith('application/json')) return { ...out, text };
  const body = JSON.parse(text) as Record<string, unknown>;
  if ('modules' in body) return { ...out, modules: ModulesResponseSchema.parse(body).modules };
  if ('sessions' in body) return { ...out, sessions: SessionsResponseSchema.parse(body).sessions };
  return { ...out, signup: SignupResultSchema.parse(body) };
}
