import type { HttpBindings } from '@hono/node-server';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from '../../src/contract/index.js';
import { ProblemError } from './reply.js';

/** What Hono's Node adapter hands every request: the Node request and response behind it. */
export type NodeEnv = { Bindings: HttpBindings };

/** What a slow or idle client may hold on to; README "Reference backend" lists the variables that set them. */
export interface HttpLimits {
  /** From connection (or the previous response) to the end of the request headers. */
  headersTimeoutMs: number;
  /** From connection to the end of the request body: a body sent a byte at a time is cut off with a 408. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open after a response. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as soon as they are accepted. */
  maxConnections: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
};

/** The one place the HTTP server is built, so main.ts and the tests run the same settings. */
export function createHttpServer(app: RequestListener, limits: HttpLimits = DEFAULT_HTTP_LIMITS): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default): a fifth of the shorter keeps the cut-off close.
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 5))),
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket));
  return server;
}

/**
 * Node's own answers to a timed-out or unparsable request are bare text; these are
 * problem documents like every other error. Nothing is written once a response has begun.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (!socket.writable || started || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const problem =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new ProblemError(408, 'bad-request', 'Request timeout', { detail: 'The request took too long to arrive.' })
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new ProblemError(431, 'bad-request', 'Request headers too large')
        : new ProblemError(400, 'bad-request', 'Malformed request');
  const body = JSON.stringify(problem.problem);
  const headers = {
    'Content-Type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const head = [`HTTP/1.1 ${problem.status} ${problem.title}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  // The HTTP server keeps sockets half-open; this one is done once the answer is flushed.
  socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
}
