import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { SignupRequestSchema, SignupResultSchema, type FieldError, type SignupRequest } from '../../src/contract/index.js';
import { json, ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';
import { pageOnly, returnUrlErrors } from '../lib/return-url.js';
import { repeatedSessions, seriesWords } from '../store/series-rules.js';
import { createSignup } from '../store/signups.js';
import type { Deps } from './context.js';
import { readJsonObject } from './json-body.js';

export const MAX_BODY_BYTES = 16 * 1024;

/** POST /v1/signups, behind limitBody(MAX_BODY_BYTES) */
export async function postSignup(c: Context, deps: Deps): Promise<Response> {
  const body = withIdempotencyKey(await readJsonObject(c), c.req.header('idempotency-key'));
  const parsed = SignupRequestSchema.safeParse(body);
  const errors = parsed.success ? [] : fieldErrors(parsed.error).map(seriesWords);
  if (!errors.some((e) => e.field === 'returnUrl')) errors.push(...returnUrlErrors(body.returnUrl, deps.allowedOrigins));
  if (parsed.success) errors.push(...repeatedSessions(parsed.data));
  if (!parsed.success || errors.length > 0) throw new ProblemError(422, 'validation', 'Check your answers', { errors });
  const request = { ...parsed.data, returnUrl: pageOnly(parsed.data.returnUrl) };
  // A filled hidden field is a bot: it gets exactly the answer a person would (so it cannot tell), and nothing is stored.
  const rehearse = request.website.trim() !== '';
  const outcome = await createSignup(deps.db, request, { now: deps.now(), mail: deps.mail, requestHash: requestHash(request), rehearse });
  switch (outcome.kind) {
    case 'accepted':
      deps.mailWritten();
      return json(c, SignupResultSchema.parse(outcome.result), 202);
    case 'replayed':
      return json(c, SignupResultSchema.parse(outcome.result));
    case 'idempotency-conflict':
      throw new ProblemError(422, 'idempotency-conflict', 'Idempotency key already used', {
        detail: 'This Idempotency-Key was used for a different signup. Generate a new key for a new signup.',
      });
    case 'invalid':
      throw new ProblemError(422, 'validation', 'Check your answers', { errors: outcome.errors });
    case 'not-found':
      throw new ProblemError(404, 'not-found', 'Session not found', series(outcome.about));
    case 'closed':
      throw new ProblemError(409, 'session-closed', 'Signups for this session have closed', series(outcome.about));
    case 'full':
      throw new ProblemError(409, 'session-full', 'This session is full', series(outcome.about, FULL_SERIES));
  }
}

const FULL_SERIES =
  'Nothing was booked: a series is booked all or none, and a series has no waiting list. You can book the other sessions on their own, or join this one’s waiting list on its own if it has one.';

/** For a series, which session the problem is about, in words and by its field. */
const series = (about: FieldError | undefined, more?: string) =>
  about ? { detail: more ? `${about.message} ${more}` : about.message, errors: [about] } : {};

/** The key goes in the body, as docs/openapi.json requires; an Idempotency-Key header, if sent, must repeat it. */
function withIdempotencyKey(body: Record<string, unknown>, key: string | undefined): Record<string, unknown> {
  if (key === undefined) return body;
  if (body.idempotencyKey !== undefined && body.idempotencyKey !== key) {
    throw new ProblemError(400, 'bad-request', 'Idempotency keys differ', {
      detail: 'The Idempotency-Key header and idempotencyKey in the body must be the same.',
    });
  }
  return body;
}

/** Fingerprint of what was asked, to tell a retry (same) from a reused key (different). */
function requestHash(request: SignupRequest): string {
  const { idempotencyKey: _key, ...fields } = request;
  const canonical = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k as keyof typeof fields]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
