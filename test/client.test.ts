import { expect, fixture, html } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { getClient, MobiliseClient, MobiliseError, resolveEndpoint } from '../src/client/index.js';
import '../src/context/define.js';
import { MobiliseController } from '../src/context/controller.js';
import '../src/elements/module-catalogue/define.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import { modules, makeSessions } from '../server/seed/programme.js';
import { fixtures, mockApi, type MockApi } from './helpers/mock-api.js';
import { waitSettled } from './helpers/settle.js';

type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>;

/** A fetch stand-in at the client boundary that records every call. */
function stubFetch(handler: Handler) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    if (init?.signal?.aborted) throw init.signal.reason;
    return handler(url, init);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const sessions = makeSessions(new Date());

describe('resolveEndpoint', () => {
  it('resolves relative API bases and strips trailing slashes', () => {
    expect(resolveEndpoint('/api/', 'https://clp.example/page')).to.deep.equal({ url: 'https://clp.example/api', mode: 'api' });
  });
  it('treats a .json URL as static mode', () => {
    expect(resolveEndpoint('data/mobilise.json', 'https://clp.example/x/').mode).to.equal('static');
  });
  it('gives a human message for a missing or invalid endpoint', () => {
    expect(() => resolveEndpoint('', 'https://a.example/')).to.throw(MobiliseError, /needs an endpoint/);
    expect(() => resolveEndpoint('javascript:alert(1)', 'https://a.example/')).to.throw(/not a valid web address/);
  });
  it('refuses plain http:// except on this computer, so personal data never travels unencrypted', () => {
    for (const endpoint of ['http://api.example', 'http://clp.example/mobilise.json', '/api']) {
      expect(() => resolveEndpoint(endpoint, 'http://clp.example/page'), endpoint).to.throw(MobiliseError, /https:\/\//);
    }
    for (const endpoint of ['http://localhost:8787', 'http://127.0.0.1:8787/', 'http://[::1]:8787', '/api', 'data.json']) {
      expect(resolveEndpoint(endpoint, 'http://localhost:5173/demo/').url, endpoint).to.match(/^http:\/\//);
    }
    expect(resolveEndpoint('http://127.0.0.1:8787', 'https://clp.example/').url).to.equal('http://127.0.0.1:8787');
  });
});

describe('MobiliseClient', () => {
  it('validates responses and drops (and reports) invalid items', async () => {
    const reported: unknown[] = [];
    const { fetch } = stubFetch(() => json({ modules: [modules[0], { id: 'bad', title: 42 }, modules[1]] }));
    const client = new MobiliseClient('https://api.example', { fetch, onInvalid: (_r, d) => reported.push(...d) });
    const listing = await client.getModules();
    expect(listing.items.map((m) => m.id)).to.deep.equal([modules[0].id, modules[1].id]);
    expect(listing.dropped).to.have.length(1);
    expect(listing.dropped[0].id).to.equal('bad');
    expect(reported).to.have.length(1);
  });

  it('turns a wholly invalid response into a bad-response error', async () => {
    for (const res of [
      () => new Response('<html>oops</html>', { headers: { 'content-type': 'text/html' } }),
      () => new Response('{not json', { headers: { 'content-type': 'application/json' } }),
      () => json({ items: [] }),
      () => json([1, 2, 3]),
    ]) {
      const { fetch } = stubFetch(res);
      const client = new MobiliseClient('https://api.example', { fetch, retries: 0 });
      const err = await client.getModules().catch((e) => e);
      expect(err).to.be.instanceOf(MobiliseError);
      expect(err.kind).to.equal('bad-response');
    }
  });

  it('makes one request for many concurrent callers and caches the result', async () => {
    const { fetch, calls } = stubFetch(() => json({ sessions }));
    const client = new MobiliseClient('https://api.example', { fetch });
    const results = await Promise.all([client.getSessions(), client.getSessions(), client.getSessions()]);
    await client.getSessions();
    expect(calls).to.have.length(1);
    expect(results[0].items.length).to.equal(sessions.length);
  });

  it('does not cache failures, so retry really retries', async () => {
    let n = 0;
    const { fetch, calls } = stubFetch(() => (n++ === 0 ? json({ nope: 1 }) : json({ modules })));
    const client = new MobiliseClient('https://api.example', { fetch, retries: 0 });
    await client.getModules().catch(() => undefined);
    const ok = await client.getModules();
    expect(ok.items).to.have.length(modules.length);
    expect(calls).to.have.length(2);
  });

  it('retries idempotent GETs with backoff on 503 and network errors', async () => {
    let n = 0;
    const { fetch, calls } = stubFetch(() => {
      n++;
      if (n === 1) throw new TypeError('Failed to fetch');
      if (n === 2) return new Response('busy', { status: 503 });
      return json({ modules });
    });
    const client = new MobiliseClient('https://api.example', { fetch, retries: 2, retryBaseMs: 1 });
    const listing = await client.getModules();
    expect(listing.items).to.have.length(modules.length);
    expect(calls).to.have.length(3);
  });

  it('does not retry a 404', async () => {
    const { fetch, calls } = stubFetch(() => new Response('nope', { status: 404 }));
    const client = new MobiliseClient('https://api.example', { fetch, retries: 3, retryBaseMs: 1 });
    const err = await client.getModules().catch((e) => e);
    expect(err.kind).to.equal('http');
    expect(calls).to.have.length(1);
  });

  it('times out slow responses with a timeout error', async () => {
    const { fetch } = stubFetch(
      (_u, init) =>
        new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
    );
    const client = new MobiliseClient('https://api.example', { fetch, timeoutMs: 30, retries: 0 });
    const err = await client.getModules().catch((e) => e);
    expect(err.kind).to.equal('timeout');
  });

  it("lets a caller abort its own wait without cancelling other callers'", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { fetch, calls } = stubFetch(async () => {
      await gate;
      return json({ modules });
    });
    const client = new MobiliseClient('https://api.example', { fetch });
    const ac = new AbortController();
    const a = client.getModules(ac.signal).catch((e) => e);
    const b = client.getModules();
    ac.abort(new DOMException('gone', 'AbortError'));
    release();
    expect((await a).name).to.equal('AbortError');
    expect((await b).items).to.have.length(modules.length);
    expect(calls).to.have.length(1);
  });

  it('passes session filters as query parameters', async () => {
    const { fetch, calls } = stubFetch(() => json({ sessions: [] }));
    const client = new MobiliseClient('https://api.example/base/', { fetch });
    await client.getSessions({ module: 'voter-persuasion', area: 'Glasgow', delivery: 'online' });
    expect(calls[0].url).to.equal('https://api.example/base/v1/sessions?module=voter-persuasion&area=Glasgow&delivery=online');
    await client.getSessions({ area: 'Glasgow', access: 'step-free,hearing-loop' });
    expect(new URL(calls[1].url).searchParams.get('access')).to.equal('step-free,hearing-loop');
  });

  it('posts a signup with the idempotency key and parses problems', async () => {
    const { fetch, calls } = stubFetch(() =>
      json(
        {
          type: 'https://mobilise.invalid/problems/session-full',
          title: 'Session full',
          status: 409,
          code: 'session-full',
        },
        409,
        'application/problem+json',
      ),
    );
    const client = new MobiliseClient('https://api.example', { fetch, retryBaseMs: 1 });
    const req = {
      sessionId: sessions[0].id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      postcode: 'G1 1AA',
      membership: 'member' as const,
      consentContact: true as const,
      consentMarketing: false,
      website: '',
      idempotencyKey: 'abcdefghijklmnop1234',
      returnUrl: 'https://clp.example/training',
    };
    const err = await client.signup(req).catch((e) => e);
    expect(err.kind).to.equal('problem');
    expect(err.problem.code).to.equal('session-full');
    expect(calls).to.have.length(1);
    const headers = calls[0].init!.headers as Record<string, string>;
    expect(headers['idempotency-key']).to.equal(req.idempotencyKey);
    expect(calls[0].init!.credentials).to.equal('omit');
  });

  it('retries a signup after a dropped connection with the same key', async () => {
    let n = 0;
    const { fetch, calls } = stubFetch(() => {
      if (n++ === 0) throw new TypeError('network down');
      return json({ status: 'pending', sessionId: sessions[0].id, hold: 'place', holdExpiresAt: '2026-12-01T18:00:00+00:00' }, 202);
    });
    const client = new MobiliseClient('https://api.example', { fetch, retryBaseMs: 1 });
    const result = await client.signup({
      sessionId: sessions[0].id,
      firstName: 'A',
      lastName: 'B',
      email: 'a@b.org',
      postcode: 'G1 1AA',
      membership: 'member',
      consentContact: true,
      consentMarketing: false,
      website: '',
      idempotencyKey: 'key-key-key-key-key-1',
      returnUrl: 'https://clp.example/training',
    });
    expect(result.holdExpiresAt).to.equal('2026-12-01T18:00:00+00:00');
    expect(calls).to.have.length(2);
    expect(new Set(calls.map((c) => (c.init!.headers as Record<string, string>)['idempotency-key'])).size).to.equal(1);
  });

  it('serves static mode from one JSON file and refuses signups clearly', async () => {
    const { fetch, calls } = stubFetch(() => json({ modules, sessions }, 200, 'text/plain'));
    const client = new MobiliseClient('https://clp.example/mobilise.json', { fetch });
    const [m, s] = await Promise.all([client.getModules(), client.getSessions({ module: 'voter-persuasion' })]);
    expect(m.items).to.have.length(modules.length);
    expect(s.items.every((x) => x.moduleId === 'voter-persuasion')).to.equal(true);
    expect(calls).to.have.length(1);
    const err = await client.signup({} as never).catch((e) => e);
    expect(err.kind).to.equal('unavailable');
  });

  it("filters a static file's sessions by access features as the server does: every one asked, none listed is none", async () => {
    const bare = { ...sessions[0]!, id: 'bare', accessFeatures: undefined };
    const { fetch } = stubFetch(() => json({ modules, sessions: [...sessions, bare] }));
    const client = new MobiliseClient('https://clp.example/mobilise.json', { fetch });
    const offering = (...features: string[]) => [...sessions, bare].filter((s) => features.every((f) => (s.accessFeatures as string[] | undefined)?.includes(f))).map((s) => s.id);
    const ids = async (access: string, more = {}) => (await client.getSessions({ access, ...more })).items.map((s) => s.id);
    expect(offering('bsl').length, 'the seed has some, not all').to.be.within(1, sessions.length - 1);
    expect(new Set(await ids('bsl'))).to.deep.equal(new Set(offering('bsl')));
    expect(new Set(await ids('captions,bsl'))).to.deep.equal(new Set(offering('captions', 'bsl')));
    expect(await ids('step-free,bsl'), 'no seed venue has both').to.deep.equal([]);
    expect(await ids('', { delivery: bare.delivery }), 'no access asked: any session').to.include('bare');
    const hearingInPerson = await ids('hearing-loop', { delivery: 'in-person' });
    expect(hearingInPerson.length).to.be.greaterThan(0);
    expect(new Set(hearingInPerson)).to.deep.equal(new Set(offering('hearing-loop').filter((id) => sessions.find((s) => s.id === id)?.delivery === 'in-person')));
  });
});

/** Reports the client an element gets, through the same controller the elements use. */
class ClientProbe extends ReactiveElement {
  static override properties = { endpoint: {} };
  endpoint?: string;
  readonly ctx = new MobiliseController(this);
}
customElements.define('test-client-probe', ClientProbe);

describe('one client per endpoint per page', () => {
  const apis: MockApi[] = [];
  const api = () => {
    const a = mockApi();
    apis.push(a);
    return a;
  };
  afterEach(() => apis.splice(0).forEach((a) => a.restore()));
  const gets = (a: MockApi, path: string) => a.calls.filter((c) => c.method === 'GET' && new URL(c.url).pathname === path).length;
  const openSession = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.start) > Date.now())!;

  it('getClient gives every spelling of one endpoint the same client, kept where a second copy of the script finds it', () => {
    const { endpoint } = api();
    const client = getClient(endpoint);
    expect(getClient(`${endpoint}/`) === client, 'trailing slash').to.equal(true);
    expect(getClient(`  ${endpoint.toUpperCase()}//  `) === client, 'case, spaces and slashes').to.equal(true);
    const registry = (globalThis as Record<symbol, unknown>)[Symbol.for('mobilise-clients')] as Map<string, MobiliseClient>;
    expect(registry.get(endpoint) === client, 'in the page-wide registry').to.equal(true);
    expect(getClient(api().endpoint) === client, 'another endpoint').to.equal(false);
  });

  it('elements inside and outside a provider share one client and make one request per resource', async () => {
    const a = api();
    const page = await fixture<HTMLElement>(html`<div>
      <mobilise-provider endpoint=${a.endpoint}>
        <mobilise-module-catalogue></mobilise-module-catalogue>
        <mobilise-session-calendar></mobilise-session-calendar>
        <test-client-probe></test-client-probe>
      </mobilise-provider>
      <mobilise-session-calendar endpoint=${`${a.endpoint}/`}></mobilise-session-calendar>
      <mobilise-module-catalogue endpoint=${a.endpoint}></mobilise-module-catalogue>
      <mobilise-signup-form endpoint=${a.endpoint} session-id=${openSession.id}></mobilise-signup-form>
      <test-client-probe endpoint=${a.endpoint}></test-client-probe>
    </div>`);
    const elements = [...page.querySelectorAll<HTMLElement>('mobilise-module-catalogue, mobilise-session-calendar, mobilise-signup-form')];
    const states = await Promise.all(elements.map((el) => waitSettled(el)));
    expect(states.map((s) => s.kind)).to.deep.equal(['data', 'data', 'data', 'data', 'data']);
    const [inside, outside] = [...page.querySelectorAll<ClientProbe>('test-client-probe')].map((p) => p.ctx.client());
    expect(inside === outside, 'inside and outside the provider').to.equal(true);
    expect(inside === getClient(a.endpoint), 'the page-wide client').to.equal(true);
    // Every element has asked for its data by now (each shows it), so these counts are final.
    expect({ modules: gets(a, '/v1/modules'), sessions: gets(a, '/v1/sessions') }).to.deep.equal({ modules: 1, sessions: 1 });
  });

  it('elements with different endpoints get different clients, each with its own requests', async () => {
    const [a, b] = [api(), api()];
    const page = await fixture<HTMLElement>(html`<div>
      <mobilise-session-calendar endpoint=${a.endpoint}></mobilise-session-calendar>
      <test-client-probe endpoint=${a.endpoint}></test-client-probe>
      <mobilise-provider endpoint=${b.endpoint}>
        <mobilise-session-calendar></mobilise-session-calendar>
        <test-client-probe></test-client-probe>
      </mobilise-provider>
    </div>`);
    await Promise.all([...page.querySelectorAll<HTMLElement>('mobilise-session-calendar')].map((el) => waitSettled(el)));
    const [forA, forB] = [...page.querySelectorAll<ClientProbe>('test-client-probe')].map((p) => p.ctx.client());
    expect(forA === forB).to.equal(false);
    expect([forA.endpoint.url, forB.endpoint.url]).to.deep.equal([a.endpoint, b.endpoint]);
    expect([gets(a, '/v1/sessions'), gets(b, '/v1/sessions')]).to.deep.equal([1, 1]);
  });
});
