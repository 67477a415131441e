import type { Context, Hono, MiddlewareHandler } from 'hono';
import {
  moduleRequestPaths,
  ModuleRequestResultSchema,
  ModuleRequestSchema,
  ModuleRequestTokenSchema,
  PooledRequestsResponseSchema,
} from '../../src/contract/module-request.js';
import { requireOrganiser, scopeAreas, type OrganiserEnv } from '../http/organiser-session.js';
import { json, ProblemError } from '../http/reply.js';
import type { NodeEnv } from '../http/server.js';
import { fieldErrors } from '../http/validation.js';
import { pageOnly, returnUrlErrors } from '../lib/return-url.js';
import { confirmModuleRequest, createModuleRequest, pooledRequests } from '../store/module-requests.js';
import type { Deps } from './context.js';
import { limitBody, readJsonObject } from './json-body.js';

/** A request is four short fields and a page address. */
export const MAX_REQUEST_BODY_BYTES = 4 * 1024;

const TOKEN_PROBLEMS = {
  'token-invalid': new ProblemError(404, 'token-invalid', 'This link does not work', {
    detail: 'Check that you used the whole link from your email, and the newest one if you asked more than once. If it still does not work, ask again.',
  }),
  'token-expired': new ProblemError(410, 'token-expired', 'This link has expired', { detail: 'Unconfirmed requests lapse after a week. Ask again to get a new link.' }),
};

/**
 * "Ask for this module near me": the member's request and its confirmation (public, from allowed
 * pages only, the request rate-limited like signups), and the pooled counts organisers see.
 */
export function mountModuleRequestRoutes(api: Hono<NodeEnv>, deps: Deps, guards: { fromAllowedPage: MiddlewareHandler; limit: MiddlewareHandler }): void {
  const body = limitBody(MAX_REQUEST_BODY_BYTES);

  api.post(moduleRequestPaths.create, guards.fromAllowedPage, guards.limit, body, async (c: Context) => {
    const raw = await readJsonObject(c);
    const parsed = ModuleRequestSchema.safeParse(raw);
    const errors = parsed.success ? [] : fieldErrors(parsed.error);
    if (!errors.some((e) => e.field === 'returnUrl')) errors.push(...returnUrlErrors(raw.returnUrl, deps.allowedOrigins));
    if (!parsed.success || errors.length > 0) throw new ProblemError(422, 'validation', 'Check your answers', { errors });
    const request = { ...parsed.data, returnUrl: pageOnly(parsed.data.returnUrl) };
    // A filled hidden field is a bot: the very same answer a person would get, and nothing kept or sent.
    const rehearse = request.website.trim() !== '';
    const outcome = await createModuleRequest(deps.db, request, { now: deps.now(), mail: deps.mail, rehearse });
    if (outcome.kind === 'not-found') throw new ProblemError(404, 'not-found', 'Module not found');
    if (!rehearse) deps.mailWritten();
    return json(c, ModuleRequestResultSchema.parse(outcome.result), 202);
  });

  api.post(moduleRequestPaths.confirm, guards.fromAllowedPage, limitBody(1024), async (c: Context) => {
    const parsed = ModuleRequestTokenSchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw new ProblemError(422, 'validation', 'This link does not work', { errors: fieldErrors(parsed.error) });
    const outcome = await confirmModuleRequest(deps.db, parsed.data.token, deps.now());
    if (outcome.kind !== 'ok') throw TOKEN_PROBLEMS[outcome.kind];
    return json(c, ModuleRequestResultSchema.parse(outcome.value));
  });

  api.get(moduleRequestPaths.pooled, requireOrganiser(deps), async (c: Context<OrganiserEnv>) =>
    json(c, PooledRequestsResponseSchema.parse({ requests: await pooledRequests(deps.db, scopeAreas(c.var.organiser)) })),
  );
}
