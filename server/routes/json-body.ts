import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';

/**
 * At most `maxBytes` of body: a larger one, declared or streamed, is a 413
 * problem without being read any further (answerHeaders then closes the
 * connection rather than drain it). A body sent without a length (chunked) is
 * counted as it arrives by Hono's bodyLimit. A declared length is checked here
 * instead, so that the body is then read by the Node adapter's direct path:
 * bodyLimit reads `c.req.raw.body`, which on that adapter builds a full web
 * Request and stream for every request (measured: a signup's answer cost twice
 * the CPU, 150 µs against 75).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () =>
    new ProblemError(413, 'payload-too-large', 'Request body too large', { detail: `Send at most ${Math.floor(maxBytes / 1024)} KB.` });
  const streamed = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    // Node's parser refuses a body with both headers, and reads no more than a declared length.
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (Number(declared) > maxBytes) throw tooLarge();
    await next();
  };
}

/** The JSON object body, behind limitBody: 415 for anything but JSON, 400 for malformed JSON or a non-object. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const raw = await c.req.text();
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ProblemError(415, 'unsupported-media-type', 'Send JSON', { detail: 'Use Content-Type: application/json.' });
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ProblemError(400, 'bad-request', 'Malformed JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProblemError(400, 'bad-request', 'Send a JSON object');
  }
  return value as Record<string, unknown>;
}

type Parser<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] } };

/** The JSON body checked against `schema`: 422 `validation` naming each refused field. */
export async function readValid<T>(c: Context, schema: Parser<T>, title = 'Check your answers'): Promise<T> {
  const parsed = schema.safeParse(await readJsonObject(c));
  if (!parsed.success) throw new ProblemError(422, 'validation', title, { errors: fieldErrors(parsed.error) });
  return parsed.data;
}

/** The query checked against `schema`: 400 `bad-request` naming each refused parameter. */
export function readQuery<T>(c: Context, schema: Parser<T>, detail: string): T {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ProblemError(400, 'bad-request', 'Invalid query', { detail, errors: fieldErrors(parsed.error) });
  return parsed.data;
}
