import type { IncomingMessage } from 'node:http';
import { readBody } from '../http/body.js';
import { ProblemError } from '../http/reply.js';

/** A JSON object body of at most `maxBytes`: 415 for anything but JSON, 400 for malformed JSON or a non-object. */
export async function readJsonObject(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const raw = await readBody(req, maxBytes);
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
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
