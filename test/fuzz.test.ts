/**
 * Property tests with fast-check: the client and every element fed malformed and
 * hostile backend responses. Each case must end in a clear rendered state (data,
 * empty, or a human error message) with no uncaught error, no executed payload
 * and no injected element in any shadow root.
 *
 * The seed is random on every run, so each run explores new cases; a failure
 * prints the seed, path and shrunk counterexample (add `seed` and `path` to that
 * property's parameters to replay it). Cases that once failed are kept as
 * `examples` and replayed first on every run.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { html, nothing, render } from 'lit';
import { ERROR_KINDS } from '../src/client/errors.js';
import { MobiliseClient, MobiliseError, getClient, resolveEndpoint } from '../src/client/index.js';
import { ModuleSchema, SessionSchema, StaticDataSchema, type SignupRequest } from '../src/contract/index.js';
import '../src/mobilise.js';
import { en } from '../src/strings/en.js';
import {
  XSS,
  jsonResponse,
  modulesArb,
  respond,
  sessionsArb,
  signupReplyArb,
  tenMegabytes,
  wireFaultArb,
  type SignupReply,
  type WireFault,
} from './helpers/hostile.js';
import { collectLitWarnings } from './helpers/lit-warnings.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';
import { flushTasks, injectedNodes, payloadsHadTheirTurn, shadowRoots, waitSettled, watchUncaught, type SettledState } from './helpers/settle.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Case counts, printed at the end (web-test-runner shows browser console output). */
const counts = { client: 0, elements: 0, huge: 0, signup: 0, renderedMarkupAsText: 0, droppedItems: 0 };

const HUMAN_ERRORS: string[] = [en.state.network, en.state.timeout, en.state.badResponse, en.state.server];
/** What a stack trace, a raw exception or a formatting slip looks like on screen. */
const NOT_HUMAN = /\bat (?:https?:\/\/|\w+ \()|\b(?:TypeError|SyntaxError|RangeError|ReferenceError)\b|\[object Object\]|Invalid Date|\bundefined\b/;

const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');
const validIn = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, list: unknown[]) =>
  list.map(roundTrip).filter((v) => schema.safeParse(v).success) as T[];

/** Whether a fault still delivers a usable envelope for `key` (a fault can carry its own envelope). */
function delivers(fault: WireFault, key: 'modules' | 'sessions', isStatic: boolean): boolean | 'own-envelope' {
  if (fault.kind === 'ok') return true;
  // A static file is read whatever content type the host serves it with.
  if (fault.kind === 'wrong-type' && isStatic) return true;
  let body: Record<string, unknown> | null;
  if (fault.kind === 'envelope') body = fault.body as Record<string, unknown> | null;
  else if (fault.kind === 'raw' && fault.status >= 200 && fault.status < 300 && (isStatic || fault.type === 'application/json')) {
    try {
      // Response.text() drops a UTF-8 byte order mark, as it should.
      body = JSON.parse(fault.text.replace(/^\uFEFF/, '')) as Record<string, unknown> | null;
    } catch {
      return false;
    }
  } else return false;
  if (isStatic) return StaticDataSchema.safeParse(body).success ? 'own-envelope' : false;
  return !!body && Array.isArray(body[key]) ? 'own-envelope' : false;
}

function clientsRegistry() {
  return (globalThis as unknown as Record<symbol, Map<string, MobiliseClient>>)[Symbol.for('mobilise-clients')];
}

function forget(endpoint: string) {
  clientsRegistry()?.delete(resolveEndpoint(endpoint, location.href).url);
}

/** fc.assert, with the failing assertion's own message and stack in the report. */
async function check<T>(property: fc.IAsyncProperty<T>, params: fc.Parameters<T>) {
  const out = await fc.check(property, params);
  if (!out.failed) return;
  const cause = out.errorInstance as Error | undefined;
  throw new Error(`${fc.defaultReportMessage(out)}\n\nCaused by: ${cause?.message}\n${cause?.stack ?? ''}`);
}

/** Lit dev-mode warnings (e.g. change-in-update) count as failures, as in the other element tests. */
const litWarnings = collectLitWarnings();

/** Wall-clock seconds per test, printed with the case counts. */
const seconds: Record<string, number> = {};
afterEach(function () {
  const test = this.currentTest;
  if (test) seconds[test.title.split(' ').slice(0, 3).join(' ')] = (test.duration ?? 0) / 1000;
});

let pageErrors: ReturnType<typeof watchUncaught>;
before(() => {
  pageErrors = watchUncaught();
  window.__pwned = undefined;
});
after(async () => {
  await payloadsHadTheirTurn();
  pageErrors.stop();
  console.log(
    `[fuzz] cases run: client ${counts.client}, elements ${counts.elements}, 10 MB ${counts.huge}, signup replies ${counts.signup}` +
      ` = ${counts.client + counts.elements + counts.huge + counts.signup} in total;` +
      ` ${counts.renderedMarkupAsText} element cases rendered injected markup as inert text; ${counts.droppedItems} invalid items dropped;` +
      ` seconds: ${Object.entries(seconds)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
  );
  expect(litWarnings, 'no Lit dev-mode warnings').to.deep.equal([]);
  expect(window.__pwned, 'no payload ever ran').to.equal(undefined);
  expect(pageErrors.errors.join('\n'), 'no uncaught errors over the whole run').to.equal('');
});

describe('fuzz: the client', () => {
  it('resolves to items that satisfy the contract, or rejects with a MobiliseError, whatever the backend sends', async function () {
    this.timeout(60_000);
    await check(
      fc.asyncProperty(modulesArb, sessionsArb, wireFaultArb, wireFaultArb, fc.boolean(), async (modules, sessions, fModules, fSessions, isStatic) => {
        counts.client++;
        const fetch = async (input: RequestInfo | URL) => {
          const url = String(input);
          if (isStatic) return respond({ modules, sessions }, fModules);
          return url.includes('/v1/modules') ? respond({ modules }, fModules) : respond({ sessions }, fSessions);
        };
        const client = new MobiliseClient(isStatic ? 'https://fuzz.test/data.json' : 'https://fuzz.test', {
          fetch: fetch as typeof globalThis.fetch,
          retryBaseMs: 0,
          timeoutMs: 2000,
          onInvalid: () => {},
        });
        const calls: [string, () => Promise<{ items: unknown[]; dropped: unknown[] }>, { safeParse(v: unknown): { success: boolean } }, unknown[]][] = [
          ['modules', () => client.getModules(), ModuleSchema, modules],
          ['sessions', () => client.getSessions({}), SessionSchema, sessions],
        ];
        for (const [name, call, schema, sent] of calls) {
          let listing: { items: unknown[]; dropped: unknown[] } | undefined;
          try {
            listing = await call();
          } catch (error) {
            expect(error, `${name}: ${String(error)}`).to.be.instanceOf(MobiliseError);
            expect(ERROR_KINDS).to.include((error as MobiliseError).kind);
            expect((error as MobiliseError).message).to.be.a('string');
            continue;
          }
          for (const item of listing.items) expect(schema.safeParse(item).success, `${name} item satisfies the contract`).to.equal(true);
          const fault = name === 'modules' || isStatic ? fModules : fSessions;
          if (fault.kind === 'ok') {
            expect(listing.items.length + listing.dropped.length, `${name}: every item kept or reported`).to.equal(sent.length);
            expect(listing.items.length).to.equal(validIn(schema, sent).length);
          }
        }
        // "__proto__" and friends in a payload never reach shared prototypes.
        expect(Object.keys(Object.prototype)).to.deep.equal([]);
        expect(({} as Record<string, unknown>).onerror).to.equal(undefined);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses 10 MB responses (with and without Content-Length) as bad responses, not by hanging or crashing', async function () {
    this.timeout(30_000);
    for (const resource of ['modules', 'sessions'] as const) {
      for (const declared of [true, false]) {
        counts.client++;
        const client = new MobiliseClient('https://fuzz.test', {
          fetch: (async () => tenMegabytes(resource, declared)) as typeof globalThis.fetch,
          retries: 0,
        });
        const error = await (resource === 'modules' ? client.getModules() : client.getSessions()).catch((e: unknown) => e);
        expect(error).to.be.instanceOf(MobiliseError);
        expect((error as MobiliseError).kind).to.equal('bad-response');
        expect((error as MobiliseError).message).to.match(/too large/);
      }
    }
  });
});

interface Scenario {
  modules: unknown[];
  sessions: unknown[];
  fModules: WireFault;
  fSessions: WireFault;
  isStatic: boolean;
  signupUrl: string | undefined;
  provider: boolean;
  view: 'agenda' | 'month';
  showPast: boolean;
  layout: 'cards' | 'list';
  /** Index into `sessions` of the session the form is for; -1 for an id the server never sent. */
  formSession: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  modules: modulesArb,
  sessions: sessionsArb,
  fModules: wireFaultArb,
  fSessions: wireFaultArb,
  isStatic: fc.constantFrom(false, false, false, true),
  signupUrl: fc.constantFrom(undefined, undefined, 'https://clp.example/book', 'javascript:window.__pwned=1', 'data:text/html,<script>parent.__pwned=1</script>', '//evil.example/x', 'ftp://x.example/'),
  provider: fc.boolean(),
  view: fc.constantFrom('agenda' as const, 'agenda' as const, 'month' as const),
  showPast: fc.boolean(),
  layout: fc.constantFrom('cards' as const, 'list' as const),
  formSession: fc.integer({ min: -1, max: 15 }),
});

const ancient = { ...fixtures.sessions.find((x) => x.status === 'scheduled')!, signupDeadline: undefined };
/** Cases this test once failed on, replayed first on every run. */
const ELEMENT_REGRESSIONS: [Scenario][] = [
  // A session in year 0001 made the calendar's month heading throw "RangeError: Invalid time value" during render.
  ...(['agenda', 'month'] as const).map((view): [Scenario] => [
    {
      modules: [...fixtures.modules],
      sessions: [
        { ...ancient, id: 'ancient', start: '0001-01-01T00:00:00Z', end: '9999-12-31T10:00:00Z' },
        { ...ancient, id: 'far', start: '9999-12-31T23:59:59-12:00', end: '9999-12-31T23:59:59-13:00' },
      ],
      fModules: { kind: 'ok' },
      fSessions: { kind: 'ok' },
      isStatic: view === 'month',
      signupUrl: undefined,
      provider: true,
      view,
      showPast: true,
      layout: 'cards',
      formSession: 0,
    },
  ]),
  // A static file served as text/html with a signupUrl the contract refuses: an error state, not data.
  [
    {
      modules: [],
      sessions: [],
      fModules: { kind: 'wrong-type', type: 'text/html' },
      fSessions: { kind: 'ok' },
      isStatic: true,
      signupUrl: 'javascript:window.__pwned=1',
      provider: false,
      view: 'agenda',
      showPast: false,
      layout: 'cards',
      formSession: 0,
    },
  ],
  // A problem document with a blank detail must still show words.
  [
    {
      modules: [],
      sessions: [],
      fModules: { kind: 'problem', status: 500, detail: ' ', code: 'server-error' },
      fSessions: { kind: 'ok' },
      isStatic: false,
      signupUrl: undefined,
      provider: true,
      view: 'agenda',
      showPast: false,
      layout: 'cards',
      formSession: 0,
    },
  ],
  // A connection dropped mid-body escaped the client as a bare TypeError.
  [
    {
      modules: [],
      sessions: [],
      fModules: { kind: 'ok' },
      fSessions: { kind: 'stream-error' },
      isStatic: false,
      signupUrl: undefined,
      provider: false,
      view: 'agenda',
      showPast: false,
      layout: 'cards',
      formSession: 0,
    },
  ],
];

/** The id the form asks for: a sent session's id when it has one, else an id nobody sent. */
function formSessionId(s: Scenario): string {
  const item = s.sessions[s.formSession] as { id?: unknown } | undefined;
  return item && typeof item === 'object' && typeof item.id === 'string' && item.id ? item.id : 'no-such-session';
}

function renderScenario(host: HTMLElement, endpoint: string, s: Scenario, sessionId: string) {
  const own = s.provider ? '' : endpoint;
  const children = html`<mobilise-module-catalogue endpoint=${own || nothing} layout=${s.layout}></mobilise-module-catalogue>
    <mobilise-session-calendar endpoint=${own || nothing} view=${s.view} ?show-past=${s.showPast} signup="page"></mobilise-session-calendar>
    <mobilise-signup-form endpoint=${own || nothing} session-id=${sessionId} privacy-url="javascript:window.__pwned=1"></mobilise-signup-form>`;
  render(s.provider ? html`<mobilise-provider endpoint=${endpoint}>${children}</mobilise-provider>` : children, host);
}

/** Every settled state must read as plain words, never as a stack trace or a formatting slip. */
function expectHuman(state: SettledState, what: string) {
  expect(state.text, `${what} shows words`).to.not.equal('');
  expect(state.text, `${what} reads as a human message`).to.not.match(NOT_HUMAN);
}

describe('fuzz: the elements', () => {
  it('catalogue, calendar and signup form always settle into data, empty or a human error; no payload runs', async function () {
    this.timeout(120_000);
    const host = document.createElement('div');
    document.body.append(host);
    await check(
      fc.asyncProperty(scenarioArb, async (s) => {
        counts.elements++;
        const api = mockApi();
        const staticBody = { modules: s.modules, sessions: s.sessions, ...(s.signupUrl ? { signupUrl: s.signupUrl } : {}) };
        api.routes['GET /v1/modules'] = () => respond({ modules: s.modules }, s.fModules);
        api.routes['GET /v1/sessions'] = () => respond({ sessions: s.sessions }, s.fSessions);
        api.routes['GET /data.json'] = () => respond(staticBody, s.fModules);
        const endpoint = s.isStatic ? `${api.endpoint}/data.json` : api.endpoint;
        getClient(endpoint, { retryBaseMs: 0, timeoutMs: 3000, onInvalid: (_r, dropped) => (counts.droppedItems += dropped.length) });
        const sessionId = formSessionId(s);
        const errorsBefore = pageErrors.errors.length;
        try {
          renderScenario(host, endpoint, s, sessionId);
          const [catalogue, calendar, form] = ['mobilise-module-catalogue', 'mobilise-session-calendar', 'mobilise-signup-form'].map(
            (tag) => host.querySelector<HTMLElement>(tag)!,
          );
          const states = {
            catalogue: await waitSettled(catalogue),
            calendar: await waitSettled(calendar),
            form: await waitSettled(form),
          };
          // Open every disclosure (details, add-to-calendar): static mode builds .ics files on demand.
          for (const root of shadowRoots(host)) {
            root.querySelectorAll('details').forEach((d) => (d.open = true));
            root.querySelectorAll<HTMLButtonElement>('button[part="add-to-calendar"]').forEach((b) => b.click());
          }
          await flushTasks();
          await Promise.all([catalogue, calendar, form].map((el) => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
          for (const [what, state] of Object.entries(states)) expectHuman(state, what);

          // The oracle: what each element must show, from the contract alone.
          const modulesOk = delivers(s.fModules, 'modules', s.isStatic);
          const sessionsOk = s.isStatic ? modulesOk : delivers(s.fSessions, 'sessions', false);
          const staticInvalid = s.isStatic && modulesOk === true && !StaticDataSchema.safeParse(roundTrip(staticBody)).success;
          const validModules = modulesOk === true && !staticInvalid ? validIn(ModuleSchema, s.modules) : [];
          const validSessions = sessionsOk === true && !staticInvalid ? validIn<{ id: string }>(SessionSchema, s.sessions) : [];

          if (!modulesOk || staticInvalid) expect(states.catalogue.kind, 'catalogue without modules').to.equal('error');
          else if (modulesOk === true) {
            expect(states.catalogue.kind).to.equal(validModules.length ? 'data' : 'empty');
            const cards = catalogue.shadowRoot!.querySelectorAll('[part~="card"]').length;
            expect(cards, 'one card per valid module').to.equal(validModules.length);
          }
          if (!modulesOk || !sessionsOk || staticInvalid) {
            expect(states.calendar.kind, 'calendar without data').to.equal('error');
            expect(states.form.kind, 'form without data').to.equal('error');
          } else {
            expect(states.calendar.kind).to.be.oneOf(['data', 'empty']);
            if (sessionsOk === true) {
              const shown = calendar.shadowRoot!.querySelectorAll('[part~="session"]').length;
              expect(shown, 'never more sessions than valid ones').to.be.at.most(validSessions.length);
              const found = validSessions.some((v) => v.id === sessionId);
              expect(states.form.kind, `form for ${sessionId}`).to.be.oneOf(found ? ['data', 'result'] : ['not-found']);
            }
          }
          for (const state of Object.values(states)) {
            if (state.kind === 'error' && !HUMAN_ERRORS.includes(state.text.replace(new RegExp(` ${en.state.retry}$`), ''))) {
              // The only other error text allowed is a problem document's own detail.
              expect(s.fModules.kind === 'problem' || s.fSessions.kind === 'problem', `unexpected error text: ${state.text}`).to.equal(true);
            }
          }

          const roots = shadowRoots(host);
          expect(injectedNodes([host, ...roots]), 'nothing injected').to.deep.equal([]);
          expect(window.__pwned, 'no payload ran').to.equal(undefined);
          expect(pageErrors.errors.slice(errorsBefore).join('\n'), 'no uncaught errors').to.equal('');
          const text = roots.map((r) => r.textContent ?? '').join(' ');
          if (XSS.some((x) => text.includes(x))) counts.renderedMarkupAsText++;
          expect(text).to.not.match(/Invalid Date|\[object Object\]/);
        } finally {
          render(nothing, host);
          api.restore();
          forget(endpoint);
        }
      }),
      { numRuns: 250, examples: ELEMENT_REGRESSIONS },
    );
    host.remove();
  });

  it('10 MB responses end in the "could not understand" message in every element', async function () {
    this.timeout(30_000);
    for (const resource of ['modules', 'sessions'] as const) {
      for (const declared of [true, false]) {
        counts.huge++;
        const api = mockApi();
        api.routes[`GET /v1/${resource}`] = () => tenMegabytes(resource, declared);
        getClient(api.endpoint, { retryBaseMs: 0, retries: 0 });
        const host = document.createElement('div');
        document.body.append(host);
        try {
          render(
            html`<mobilise-provider endpoint=${api.endpoint}>
              <mobilise-module-catalogue></mobilise-module-catalogue>
              <mobilise-session-calendar></mobilise-session-calendar>
              <mobilise-signup-form session-id=${fixtures.sessions[0].id}></mobilise-signup-form>
            </mobilise-provider>`,
            host,
          );
          for (const tag of ['mobilise-module-catalogue', 'mobilise-session-calendar', 'mobilise-signup-form']) {
            const state = await waitSettled(host.querySelector<HTMLElement>(tag)!, 8000);
            // The catalogue still lists modules when only the sessions are too big.
            const expected = resource === 'sessions' && tag === 'mobilise-module-catalogue' ? 'data' : 'error';
            expect(state.kind, `${tag} with 10 MB of ${resource}`).to.equal(expected);
            if (expected === 'error') expect(state.text).to.include(en.state.badResponse);
          }
        } finally {
          render(nothing, host);
          host.remove();
          api.restore();
          forget(api.endpoint);
        }
      }
    }
  });
});

const soon = Date.now() + 3_600_000;
const openSession = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > soon)!;

/** What the member typed; every value must still be in the form after any failure. */
const TYPED: Record<string, string> = {
  firstName: 'Ada <b>',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '07700 900982',
  postcode: 'G1 1AA',
  clp: 'Glasgow Kelvin',
  accessNeeds: 'Step-free access, please',
};

function replyFor(reply: SignupReply, request: SignupRequest): Response {
  switch (reply.kind) {
    case 'result': {
      const body = reply.body && typeof reply.body === 'object' && !Array.isArray(reply.body) ? { ...(reply.body as object) } : reply.body;
      if (body && typeof body === 'object' && (body as { sessionId?: unknown }).sessionId === '$session') (body as { sessionId: string }).sessionId = request.sessionId;
      return jsonResponse(body, reply.status);
    }
    case 'problem422':
      return new Response(
        JSON.stringify({ type: 'about:blank', title: 'Invalid', status: 422, code: 'validation', detail: 'Check your answers', errors: reply.errors }),
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      );
    case 'fault':
      return respond({ status: 'pending', sessionId: request.sessionId, hold: 'place', holdExpiresAt: '2030-01-01T10:00:00+00:00' }, reply.fault);
  }
}

describe('fuzz: the signup reply', () => {
  it('any reply to the POST ends in an outcome or a message by the button, and the typed answers stay', async function () {
    this.timeout(60_000);
    const host = document.createElement('div');
    document.body.append(host);
    await check(
      fc.asyncProperty(signupReplyArb, async (reply) => {
        counts.signup++;
        const api: MockApi = mockApi({ signup: (request) => replyFor(reply, request) });
        getClient(api.endpoint, { retryBaseMs: 0, timeoutMs: 3000 });
        const errorsBefore = pageErrors.errors.length;
        try {
          render(html`<mobilise-signup-form endpoint=${api.endpoint} session-id=${openSession.id}></mobilise-signup-form>`, host);
          const form = host.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('mobilise-signup-form')!;
          expect((await waitSettled(form)).kind).to.equal('data');
          const root = form.shadowRoot!;
          const control = (name: string) => root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
          for (const [name, value] of Object.entries(TYPED)) {
            control(name).value = value;
            control(name).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          }
          root.querySelector<HTMLInputElement>('#f-membership-supporter')!.click();
          root.querySelector<HTMLInputElement>('#f-consentContact')!.click();
          await form.updateComplete;
          root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();

          // Settled: an outcome panel, or the form again with a message (notice or error summary).
          const deadline = performance.now() + 5000;
          let outcome = '';
          for (;;) {
            await form.updateComplete;
            const result = root.querySelector('[part~="result"]');
            const message = root.querySelector('[part~="notice"][role="alert"], [part~="error-summary"]');
            const busy = root.querySelector('[part~="submit"]')?.getAttribute('aria-disabled') === 'true';
            if (result) outcome = 'result';
            else if (message && !busy) outcome = 'message';
            if (outcome) break;
            if (performance.now() > deadline) throw new Error(`the form did not settle after the reply: ${root.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`);
            await new Promise((r) => setTimeout(r, 4));
          }
          await flushTasks();
          const posted = api.calls.filter((c) => c.method === 'POST');
          expect(posted.length).to.be.at.least(1);
          expect(new Set(posted.map((c) => c.headers['idempotency-key'])).size, 'one key for every attempt').to.equal(1);

          const shown = root.querySelector('[part~="result"], [part~="notice"][role="alert"], [part~="error-summary"]')!;
          const words = shown.textContent!.replace(/\s+/g, ' ').trim();
          expect(words).to.not.equal('');
          expect(words).to.not.match(NOT_HUMAN);
          if (outcome === 'message') {
            for (const [name, value] of Object.entries(TYPED)) expect(control(name).value, `${name} kept`).to.equal(value);
            expect(control('consentContact').checked, 'consent kept').to.equal(true);
            expect(root.querySelector<HTMLInputElement>('#f-membership-supporter')!.checked, 'membership kept').to.equal(true);
          }
          expect(injectedNodes([host, ...shadowRoots(host)])).to.deep.equal([]);
          expect(window.__pwned).to.equal(undefined);
          expect(pageErrors.errors.slice(errorsBefore).join('\n'), 'no uncaught errors').to.equal('');
        } finally {
          render(nothing, host);
          api.restore();
          forget(api.endpoint);
        }
      }),
      {
        numRuns: 80,
        examples: [
          // Found by this test: a 422 whose only message was blank left the member with no feedback at all.
          [{ kind: 'problem422', errors: [{ field: 'email', message: '' }] }],
          [{ kind: 'problem422', errors: [{ field: 'nope', message: ' ' }] }],
          [{ kind: 'result', status: 202, body: { status: 'pending', hold: XSS[1], sessionId: '$session', holdExpiresAt: '2030-01-01T10:00:00+00:00' } }],
          [{ kind: 'result', status: 202, body: { status: 'pending', hold: 'waitlist', sessionId: '$session', holdExpiresAt: '2030-01-01T10:00:00+00:00' } }],
          [{ kind: 'fault', fault: { kind: 'stream-error' } }],
          // Found by this test: a problem with a blank detail showed an empty (invisible) message.
          [{ kind: 'fault', fault: { kind: 'problem', status: 400, detail: '', code: 'server-error' } }],
        ],
      },
    );
    host.remove();
  });
});
