/**
 * The organiser console's only HTTP code: same-origin fetch with the session cookie, the CSRF
 * token on every state change, every answer parsed with the contract so the views only see
 * typed data, and every failure turned into a sentence an organiser can act on.
 */
import type * as z from 'zod/mini';
import {
  AdminProblemSchema,
  adminApiPaths,
  AdminSessionSchema,
  adminPaths,
  CSRF_HEADER,
  ManagedModulesResponseSchema,
  ManagedSessionsResponseSchema,
  type AdminSession,
  type AdminSessionQuery,
  type ManagedSession,
} from '../../contract/admin.js';

/** An API path template with its `{id}` filled in. */
export const withId = (template: string, id: string) => template.replace('{id}', encodeURIComponent(id));

/** A refused or failed request, in words; `status` 0 when the server was not reached. */
export class AdminApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { field: string; message: string }[];
  constructor(message: string, status: number, code: string, fields: { field: string; message: string }[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

const NETWORK = 'We could not reach the server. Check your connection and try again.';
const UNEXPECTED = 'The server sent an answer the console does not understand. Try again, or tell the programme’s technical contact.';

/** A problem body as a sentence: its title, then its detail or the wait a rate limit asks for. */
function describe(status: number, body: unknown): AdminApiError {
  const problem = AdminProblemSchema.safeParse(body);
  if (!problem.success) return new AdminApiError(status === 401 ? 'You are signed out.' : `The server refused this (error ${status}).`, status, 'unknown');
  const p = problem.data;
  const wait = p.retryAfter ? ` Wait ${Math.ceil(p.retryAfter / 60)} minute${p.retryAfter > 60 ? 's' : ''}, then try again.` : '';
  const message = [p.title.replace(/\.?$/, '.'), p.detail, wait.trim()].filter(Boolean).join(' ');
  return new AdminApiError(message, status, p.code, p.errors ?? []);
}

export class AdminClient {
  /** Set by a session answer; sent back on every POST/PUT/DELETE. */
  csrfToken = '';
  readonly #base: string;

  /** `base` is the API's origin: '' (the console's own) in production, another for tests. */
  constructor(base = '') {
    this.#base = base;
  }

  /**
   * One call to the admin API. The views' own calls live beside them (`<view>-api.ts`) and come
   * through here, so this stays the console's one place that talks HTTP. `headers` adds to the
   * defaults (If-Match, say); `schema` undefined means the answer's body is not needed.
   */
  async request<T>(method: string, path: string, schema: z.ZodMiniType<T> | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await this.fetch(method, path, body, headers);
    if (!schema) return undefined as T;
    const data: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new AdminApiError(UNEXPECTED, res.status, 'invalid-response');
    return parsed.data;
  }

  /** The raw response of a success (for a text or CSV answer); a refusal or an unreachable server throws in words. */
  async fetch(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    let res: Response;
    try {
      res = await fetch(this.#base + path, { method, headers, credentials: 'same-origin', body: body === undefined ? null : JSON.stringify(body) });
    } catch {
      throw new AdminApiError(NETWORK, 0, 'network');
    }
    if (!res.ok) throw describe(res.status, /json/.test(res.headers.get('content-type') ?? '') ? await res.json().catch(() => undefined) : undefined);
    return res;
  }

  /** The API's address for a path (a CSV download link, say). */
  url(path: string): string {
    return this.#base + path;
  }

  #session(answer: Promise<AdminSession>): Promise<AdminSession> {
    return answer.then((s) => ((this.csrfToken = s.csrfToken), s));
  }

  /** Emails a sign-in link; the answer is the same whether or not the address has an account. */
  requestLink(email: string): Promise<void> {
    return this.request('POST', adminPaths.signIn, undefined, { email });
  }

  /** Trades the emailed link's token for the session cookie. */
  redeem(token: string): Promise<AdminSession> {
    return this.#session(this.request('POST', adminPaths.session, AdminSessionSchema, { token }));
  }

  /** Who is signed in; an AdminApiError with status 401 when nobody is. */
  me(): Promise<AdminSession> {
    return this.#session(this.request('GET', adminPaths.me, AdminSessionSchema));
  }

  async signOut(): Promise<void> {
    await this.request('POST', adminPaths.signOut, undefined);
    this.csrfToken = '';
  }

  /** Sessions with their counts, filtered by the server (empty filters left out). */
  sessions(filters: AdminSessionQuery): Promise<ManagedSession[]> {
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
    return this.request('GET', adminApiPaths.sessions + (query ? `?${query}` : ''), ManagedSessionsResponseSchema).then((r) => r.sessions);
  }

  /** Every module, published or not, for the module filter and the table's titles. */
  modules() {
    return this.request('GET', adminApiPaths.modules, ManagedModulesResponseSchema).then((r) => r.modules.map((m) => m.module));
  }
}
