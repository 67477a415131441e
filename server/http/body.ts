import type { IncomingMessage } from 'node:http';
import { ProblemError } from './reply.js';

/**
 * Reads a request body of at most `limit` bytes. A larger one, declared or
 * streamed, is answered 413 without being read any further: app.ts closes the
 * connection after any answer sent before the body was read.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (limit: number) =>
  new ProblemError(413, 'payload-too-large', 'Request body too large', {
    detail: `Send at most ${Math.floor(limit / 1024)} KB.`,
  });
