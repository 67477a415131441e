import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProblemError } from '../http/reply.js';

/**
 * At most `maxBytes` of body (Hono's bodyLimit): a larger one, declared or
 * streamed, is a 413 problem without being read any further (answerHeaders
 * then closes the connection rather than drain it).
 */
export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProblemError(413, 'payload-too-large', 'Request body too large', { detail: `Send at most ${Math.floor(maxBytes / 1024)} KB.` });
    },
  });

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
