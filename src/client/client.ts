import type * as z from 'zod/mini';
import {
  ModuleSchema,
  ModulesEnvelope,
  SessionSchema,
  SessionsEnvelope,
  SignupResultSchema,
  StaticDataSchema,
  paths,
  type Module,
  type Session,
  type SessionQuery,
  type SignupRequest,
  type SignupResult,
  translatedLocale,
} from '../contract/index.js';
import { en } from '../strings/en.js';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoint.js';
import { MobiliseError } from './errors.js';
import { requestJson, type HttpOptions } from './http.js';
import { filterSessions } from './filter.js';
import { parseItems, type DroppedItem, type Listing } from './validate.js';

export interface ClientOptions extends Partial<HttpOptions> {
  /** How long a successful GET is reused before it is fetched again. */
  cacheMs?: number;
  /** Told about every item dropped for not matching the contract. */
  onInvalid?: (resource: string, dropped: DroppedItem[]) => void;
}

/** The filters, and the page's locale (any BCP 47 tag) for the sessions' translations. */
export type SessionsQuery = Omit<SessionQuery, 'locale'> & { locale?: string };

interface StaticData {
  modules: Listing<Module>;
  sessions: Listing<Session>;
  signupUrl?: string;
}

const defaults: HttpOptions = {
  fetch: (...args) => globalThis.fetch(...args),
  timeoutMs: 10_000,
  retries: 2,
  retryBaseMs: 400,
  maxBytes: 5_000_000,
};

/**
 * `url` asking for the translations in the page's language, when content may be translated into it.
 * English pages send no locale, so their URLs and cache entries stay as they were. A query rather
 * than Accept-Language: the page's language, not the browser's, in a URL a CDN caches without Vary.
 */
function withLocale(url: string, locale?: string): string {
  const lang = translatedLocale(locale);
  return lang ? `${url}${url.includes('?') ? '&' : '?'}locale=${lang}` : url;
}

/** Resolve `promise`, unless the caller's own signal aborts first (the shared request goes on for others). */
function race<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The only place that talks HTTP. Every response is parsed with the contract,
 * so elements only ever see typed data. GETs are de-duplicated and cached, so
 * several elements on one page make one request per resource.
 */
export class MobiliseClient {
  readonly endpoint: ResolvedEndpoint;
  readonly #http: HttpOptions;
  readonly #cacheMs: number;
  readonly #options: ClientOptions;
  readonly #cache = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    endpoint: string,
    options: ClientOptions = {},
    base = globalThis.location?.href ?? 'http://localhost/',
  ) {
    this.#options = options;
    this.endpoint = resolveEndpoint(endpoint, base);
    this.#http = { ...defaults, ...options };
    this.#cacheMs = options.cacheMs ?? 60_000;
  }

  get mode() {
    return this.endpoint.mode;
  }

  /** Whether this endpoint can take signups itself (not a static file). */
  get acceptsSignups() {
    return this.mode === 'api';
  }

  /** `locale`: the page's; modules come with its translations (a static file carries them all). */
  getModules(signal?: AbortSignal, locale?: string): Promise<Listing<Module>> {
    if (this.mode === 'static') return race(this.#staticData().then((d) => d.modules), signal);
    const url = withLocale(this.#url(paths.modules), locale);
    return race(
      this.#cached(url, async () => {
        const { body } = await requestJson(url, { headers: { accept: 'application/json' } }, this.#http);
        const env = ModulesEnvelope.safeParse(body);
        if (!env.success) throw new MobiliseError('bad-response', 'Expected {"modules": [...]}');
        return this.#report('modules', parseItems(ModuleSchema, env.data.modules));
      }),
      signal,
    );
  }

  getSessions(query: SessionsQuery = {}, signal?: AbortSignal): Promise<Listing<Session>> {
    if (this.mode === 'static') {
      return race(
        this.#staticData().then((d) => ({ items: filterSessions(d.sessions.items, query), dropped: d.sessions.dropped })),
        signal,
      );
    }
    const url = this.#queryUrl(paths.sessions, query);
    return race(
      this.#cached(url, async () => {
        const { body } = await requestJson(url, { headers: { accept: 'application/json' } }, this.#http);
        const env = SessionsEnvelope.safeParse(body);
        if (!env.success) throw new MobiliseError('bad-response', 'Expected {"sessions": [...]}');
        return this.#report('sessions', parseItems(SessionSchema, env.data.sessions));
      }),
      signal,
    );
  }

  /** Where members sign up when this endpoint cannot take signups (static mode with `signupUrl`). */
  async externalSignupUrl(): Promise<string | undefined> {
    return this.mode === 'static' ? (await this.#staticData()).signupUrl : undefined;
  }

  /**
   * Send a signup. Safe to retry: the idempotency key makes a repeated POST
   * return the first result, so network failures are retried with the same key.
   */
  signup(request: SignupRequest, signal?: AbortSignal): Promise<SignupResult> {
    if (!this.acceptsSignups) return Promise.reject(new MobiliseError('unavailable', en.signup.unavailable));
    return this.post(paths.signups, request, SignupResultSchema, signal, { 'idempotency-key': request.idempotencyKey });
  }

  /**
   * POST JSON to `path` and parse the answer with `schema`. Personal data goes to the configured
   * endpoint only, never with ambient cookies. A change was made, so spaces left may have changed:
   * the next GET (the form's refresh, the calendar's) asks the server.
   */
  async post<T>(path: string, json: unknown, schema: z.ZodMiniType<T>, signal?: AbortSignal, headers?: Record<string, string>): Promise<T> {
    const { body } = await requestJson(
      this.#url(path),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(json),
        credentials: 'omit',
      },
      this.#http,
      signal,
    );
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new MobiliseError('bad-response', `${path} answered outside the contract`);
    this.invalidate();
    return parsed.data;
  }

  /** Server-generated .ics for a session (api mode); static mode builds it in the browser. */
  icsUrl(sessionId: string): string | undefined {
    return this.mode === 'api' ? this.#url(paths.sessionIcs(sessionId)) : undefined;
  }

  /**
   * "Ask for this module near me": the server's request page (server/routes/request-page.ts), told the
   * module, the area, this page (without its fragment) to lead back to, and its language (the form's,
   * and the emails'). API mode only: a static file has no server to ask.
   */
  askUrl(module: string, area = '', lang = ''): string | undefined {
    return this.mode === 'api' ? `${this.#url('/request')}?${new URLSearchParams({ module, area, from: location.href.split('#')[0]!, lang })}` : undefined;
  }

  /**
   * The calendar feed of the sessions `query` finds (api mode; a static file has none): what a
   * calendar app subscribes to, the server's own words for the filters in the page's language.
   */
  feedUrl(query: SessionsQuery): string {
    return this.#queryUrl(paths.feed, query);
  }

  /**
   * The JSON-LD of the sessions `query` finds, linking to `page` (api mode; the server builds it):
   * its answer parsed as JSON (else the MobiliseError requestJson throws) and written again with
   * `<` escaped, so nothing in it can end the script element it goes into.
   */
  async jsonLd(query: SessionsQuery, page: string, signal?: AbortSignal): Promise<string> {
    const { body } = await requestJson(this.#queryUrl(paths.sessionsJsonLd, { ...query, page }), { headers: { accept: 'application/ld+json' } }, this.#http, signal);
    return JSON.stringify(body).replace(/</g, '\\u003c');
  }

  /** Forget cached GETs, e.g. after a signup changes spaces left or on "Try again". */
  invalidate() {
    this.#cache.clear();
  }

  #url(path: string) {
    return this.endpoint.url + path;
  }

  /** `path` with the filters set in `query` (empty ones left out) and the page's locale. */
  #queryUrl(path: string, query: SessionsQuery & { page?: string }) {
    const params = new URLSearchParams();
    for (const key of ['module', 'from', 'to', 'area', 'delivery', 'access', 'page'] as const) {
      const v = query[key];
      if (v) params.set(key, v);
    }
    const qs = params.toString();
    return withLocale(this.#url(path) + (qs ? `?${qs}` : ''), query.locale);
  }

  #report<T>(resource: string, listing: Listing<T>): Listing<T> {
    if (!listing.dropped.length) return listing;
    if (this.#options.onInvalid) this.#options.onInvalid(resource, listing.dropped);
    else console.warn(`[mobilise] ${listing.dropped.length} ${resource} dropped: they do not match the contract`, listing.dropped);
    return listing;
  }

  #cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#cache.get(key);
    if (hit && Date.now() - hit.at < this.#cacheMs) return hit.value as Promise<T>;
    const value = load();
    this.#cache.set(key, { at: Date.now(), value });
    // A failed load is not cached: "Try again" must really try again.
    value.catch(() => {
      if (this.#cache.get(key)?.value === value) this.#cache.delete(key);
    });
    return value;
  }

  #staticData(): Promise<StaticData> {
    const url = this.endpoint.url;
    return this.#cached(url, async () => {
      const { body } = await requestJson(url, { headers: { accept: 'application/json' } }, { ...this.#http, lenientContentType: true });
      const parsed = StaticDataSchema.safeParse(body);
      if (!parsed.success) throw new MobiliseError('bad-response', 'Expected {"modules": [...], "sessions": [...]}');
      return {
        modules: this.#report('modules', parseItems(ModuleSchema, parsed.data.modules)),
        sessions: this.#report('sessions', parseItems(SessionSchema, parsed.data.sessions)),
        signupUrl: parsed.data.signupUrl,
      };
    });
  }
}

const clients = new Map<string, MobiliseClient>();

/**
 * One shared client per endpoint per page, so every element (and every copy of
 * the embed script) shares one cache. Kept on globalThis under a registered symbol.
 */
export function getClient(endpoint: string, options?: ClientOptions): MobiliseClient {
  const registry = ((globalThis as Record<symbol, unknown>)[Symbol.for('mobilise-clients')] ??= clients) as Map<
    string,
    MobiliseClient
  >;
  const key = resolveEndpoint(endpoint, globalThis.location?.href ?? 'http://localhost/').url;
  let client = registry.get(key);
  if (!client) {
    client = new MobiliseClient(key, options);
    registry.set(key, client);
  }
  return client;
}
