/**
 * Backend scenarios for stories, mocked at the network level with msw so every
 * story exercises the real client (validation, retry, cache) and elements.
 */
import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw';
import { getClient, type ClientOptions } from '../../src/client/index.js';
import { filterSessions } from '../../src/client/filter.js';
import { sessionsJsonLd } from '../../src/contract/json-ld.js';
import { ACCESS_FEATURES, ModuleSchema, SessionSchema, type BookingStatus, type Module, type Session, type SignupRequest } from '../../src/contract/index.js';
import type { Joining } from '../../src/contract/admin.js';
import { makeSessions, modules as seedModules } from '../../server/seed/programme.js';
import { joiningFor } from '../../server/store/joining.js';
import { tokenProblems, type TokenProblem } from '../../test/helpers/token-problems.js';

export const modules: Module[] = seedModules;
export const sessions: Session[] = makeSessions(new Date());

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    { type: `https://mobilise.invalid/problems/${code}`, title: code.replace(/-/g, ' '), status, code, ...extra },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** Each story gets its own endpoint, so the shared per-endpoint client cache never leaks between stories. */
export const endpointFor = (storyId: string) => `https://${storyId.replace(/[^a-z0-9-]/gi, '-')}.stories.mobilise.test`;

/**
 * A story's `beforeEach` that gives its endpoint a client with other options, made before the
 * element asks for one (clients are shared per endpoint). E.g. a loading story that stays loading
 * instead of timing out after the client's 10 s.
 */
export const withClient =
  (options: ClientOptions) =>
  ({ id }: { id: string }) =>
    void getClient(endpointFor(id), options);

/** Longer than anyone waits, and within what setTimeout takes (2^31 - 1 ms). */
export const NEVER_TIMES_OUT: ClientOptions = { timeoutMs: 24 * 3_600_000 };

export interface Scenario {
  modules?: unknown[];
  sessions?: unknown[];
  /** 'loading' never answers; 'error' answers 500; 'malformed' answers non-JSON. */
  mode?: 'ok' | 'loading' | 'error' | 'malformed';
  signup?: 'confirmed' | 'waitlisted' | 'full' | 'closed' | 'validation' | 'rate-limited' | 'offline';
  /** 'malformed': GET /v1/sessions.jsonld answers an HTML error page; by default the server's JSON-LD. */
  jsonLd?: 'malformed';
  /** What the booking endpoints answer (a confirm or manage link): the booking in that status, or a refusal. */
  booking?: BookingStatus | TokenProblem | 'offline';
  /** The booked session's joining details, which the answer carries by the server's rule (a confirmed place, online). */
  joining?: Joining;
}

/** A booking link's token, as the server mints them (256 bits, base64url). */
export const bookingToken = 'stories-booking-token-0123456789abcdefghijk';

/** POST /v1/bookings/{confirm,view,cancel}: the booking of `s.booking` (cancelled once cancelled), or its refusal. */
function booking(s: Scenario, session: Session): HttpHandler {
  return http.post('*/v1/bookings/:action', async ({ params }) => {
    await delay(300);
    const answer = s.booking ?? 'confirmed';
    if (answer === 'offline') return HttpResponse.error();
    if (answer in tokenProblems) {
      const [status, title, detail] = tokenProblems[answer as TokenProblem];
      return problem(status, answer, { title, detail });
    }
    const status = params.action === 'cancel' ? 'cancelled' : (answer as BookingStatus);
    return HttpResponse.json({
      status,
      session: session as unknown as JsonBodyType,
      firstName: 'Morven',
      ...(status === 'waitlisted' ? { position: 3 } : {}),
      ...(params.action === 'confirm' ? { manageToken: bookingToken } : {}),
      ...joiningFor(status, session, s.joining),
    });
  });
}

export function handlers(s: Scenario = {}): HttpHandler[] {
  const data = async (body: JsonBodyType) => {
    if (s.mode === 'loading') await delay('infinite');
    if (s.mode === 'error') return problem(500, 'server-error');
    if (s.mode === 'malformed') return new HttpResponse('<html>Service unavailable</html>', { headers: { 'content-type': 'text/html' } });
    return HttpResponse.json(body);
  };
  return [
    http.get('*/v1/modules', () => data({ modules: (s.modules ?? modules) as JsonBodyType })),
    http.get('*/v1/sessions', ({ request }) => {
      const query = new URL(request.url).searchParams;
      const list = (s.sessions ?? sessions) as Session[];
      // The server's module and access filters, as static mode applies them.
      return data({ sessions: filterSessions(list, { module: query.get('module') ?? undefined, access: query.get('access') ?? undefined }) as JsonBodyType });
    }),
    // Static mode: a CLP without a server points the endpoint at one JSON file.
    http.get('*/mobilise-static.json', () =>
      data({ modules: (s.modules ?? modules) as JsonBodyType, sessions: (s.sessions ?? sessions) as JsonBodyType }),
    ),
    // The server's own builder over the same filters, as GET /v1/sessions.jsonld answers.
    http.get('*/v1/sessions.jsonld', ({ request }) => {
      if (s.jsonLd === 'malformed') return new HttpResponse('<html>Bad gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      const { page, locale, ...query } = Object.fromEntries(new URL(request.url).searchParams);
      const list = filterSessions((s.sessions ?? sessions) as Session[], query);
      const byId = new Map(((s.modules ?? modules) as Module[]).map((m) => [m.id, m]));
      return new HttpResponse(sessionsJsonLd(list, byId, { locale: locale ?? 'en-GB', now: Date.now(), page }), { headers: { 'content-type': 'application/ld+json' } });
    }),
    http.get('*/v1/sessions/:id.ics', () =>
      new HttpResponse('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', { headers: { 'content-type': 'text/calendar' } }),
    ),
    booking(s, ((s.sessions ?? sessions) as Session[]).find((x) => Date.parse(x.start) > Date.now()) ?? sessions[0]!),
    http.post('*/v1/signups', async ({ request }) => {
      const body = (await request.json()) as SignupRequest;
      await delay(400);
      switch (s.signup) {
        case 'waitlisted':
          return HttpResponse.json({ status: 'pending', sessionId: body.sessionId, hold: 'waitlist', holdExpiresAt: holdEnds() }, { status: 202 });
        case 'full':
          return problem(409, 'session-full', { detail: 'This session is full and has no waiting list.' });
        case 'closed':
          return problem(409, 'session-closed', { detail: 'Signups for this session have closed.' });
        case 'validation':
          return problem(422, 'validation', {
            errors: [
              { field: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
              { field: 'postcode', message: 'Enter a real postcode, like G1 1AA' },
            ],
          });
        case 'rate-limited':
          return problem(429, 'rate-limited', { retryAfter: 60 });
        case 'offline':
          return HttpResponse.error();
        default:
          return HttpResponse.json({ status: 'pending', sessionId: body.sessionId, hold: 'place', holdExpiresAt: holdEnds() }, { status: 202 });
      }
    }),
  ];
}

/** Sessions in every state a calendar or form must show. */
export function sessionsInStates(): Session[] {
  const base = sessions.filter((x) => Date.parse(x.start) > Date.now() && x.status === 'scheduled');
  const [a, b, c, d, e] = base;
  return [
    { ...a },
    { ...b, spacesLeft: 2 },
    { ...c, spacesLeft: 0, status: 'full', waitlist: true },
    { ...d, spacesLeft: 0, status: 'full', waitlist: false },
    { ...e, status: 'cancelled' },
  ];
}

/**
 * Sessions showing the access features: one offering all nine (the badges wrap), a few with the
 * seed's sets, and one that lists none (no badges).
 */
export function sessionsWithAccess(): Session[] {
  const [all, none, ...rest] = sessions.filter((x) => Date.parse(x.start) > Date.now() && x.status === 'scheduled');
  return [{ ...all!, accessFeatures: [...ACCESS_FEATURES] }, { ...none!, accessFeatures: [] }, ...rest.slice(0, 6)];
}

/** `text` repeated and cut to `max` characters. */
const fill = (text: string, max: number) => text.repeat(Math.ceil(max / text.length)).slice(0, max).trim();

/** `item` as the contract parses it, or an error naming what is over a limit (the element would drop it). */
function conforming<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, item: unknown): T {
  const r = schema.safeParse(item);
  if (!r.success) throw new Error(`Story fixture breaks the contract: ${JSON.stringify(r.error.issues)}`);
  return r.data;
}

/**
 * Modules and sessions with very long text, for wrapping and overflow: titles and summaries as long
 * as the contract allows (src/contract: title 200, summary 500 characters), long names and notes
 * within theirs. Checked against the contract here, so a fixture over a limit fails the story
 * instead of the element quietly dropping it with a notice.
 */
export function longText(): { modules: Module[]; sessions: Session[] } {
  const words = 'Organising in communities across Scotland with ';
  const ms = modules.map((m) => conforming<Module>(ModuleSchema, { ...m, title: fill(`${m.title}: ${words}`, 200), summary: fill(words, 500) }));
  const ss = sessions.map((x) =>
    conforming<Session>(SessionSchema, {
      ...x,
      trainer: 'Dr Alexandra Montgomery-Fitzwilliam-MacGillivray',
      accessibility: fill(words, 400),
      venue: x.venue && { ...x.venue, name: `The Very Long Named Community Hall and Trades Council Meeting Rooms (${x.venue.name})` },
    }),
  );
  return { modules: ms, sessions: ss };
}

/** A day from now, as the server holds a place pending the member's confirmation. */
const holdEnds = () => new Date(Date.now() + 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
