import type { IncomingMessage } from 'node:http';
import { ProblemError } from './reply.js';

/** Beyond this a sender is not a form: stop reading and drop the connection. */
const DISCARD_LIMIT = 1024 * 1024;

/**
 * Reads a request body of at most `limit` bytes. A larger body is drained (up to
 * 1 MB, so the client gets to read our 413) but never buffered.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DISCARD_LIMIT) {
    req.destroy();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DISCARD_LIMIT) {
      req.destroy();
      break;
    }
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw tooLarge(limit);
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (limit: number) =>
  new ProblemError(413, 'payload-too-large', 'Request body too large', {
    detail: `Send at most ${Math.floor(limit / 1024)} KB.`,
  }, { Connection: 'close' });
