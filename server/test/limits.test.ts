/**
 * What a slow, idle or greedy client really receives, seen through raw sockets
 * (node:net), from the server main.ts builds (createHttpServer with short limits).
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/types.js';
import { dbTargets, startApp } from './harness.js';

/** A raw connection that records everything received and settles when the server closes it. */
function rawClient(url: string): { socket: Socket; received: () => string; closed: Promise<void>; connected: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  return {
    socket,
    received: () => Buffer.concat(chunks).toString('latin1'),
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
    connected: new Promise((resolve) => socket.once('connect', () => resolve())),
  };
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const bodyOf = (response: string) => response.slice(response.indexOf('\r\n\r\n') + 4);

for (const target of dbTargets()) {
  describe(`HTTP limits [${target.name}]`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.close();
    });

    it('cuts off a body sent a byte at a time with a 408 problem once the request timeout passes', async () => {
      const requestTimeoutMs = 1_000;
      const app = await startApp(db, { limits: { headersTimeoutMs: 500, requestTimeoutMs } });
      try {
        const client = rawClient(app.url);
        await client.connected;
        const started = performance.now();
        client.socket.write('POST /v1/signups HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n');
        // 200 bytes at one every 100 ms would take 20 s.
        const drip = setInterval(() => client.socket.writable && client.socket.write('{'), 100);
        await client.closed;
        clearInterval(drip);
        const elapsed = performance.now() - started;
        const response = client.received();
        assert.equal(statusOf(response), 408, response);
        assert.match(response, /\r\ncontent-type: application\/problem\+json/i);
        assert.match(response, /\r\nconnection: close/i);
        assert.equal(JSON.parse(bodyOf(response)).status, 408);
        assert.ok(elapsed >= requestTimeoutMs - 50 && elapsed < requestTimeoutMs * 5, `cut off after ${Math.round(elapsed)} ms`);
      } finally {
        await app.close();
      }
    });

    it('answers 413, 404 and 405 to a 50 MB body without reading it, then closes the connection', async () => {
      const app = await startApp(db);
      try {
        const cases: [string, number, string][] = [
          ['POST /v1/signups', 413, 'payload-too-large'],
          ['POST /v1/no-such-route', 404, 'not-found'],
          ['PUT /v1/signups', 405, 'bad-request'],
          ['POST /v1/modules', 405, 'bad-request'],
        ];
        for (const [request, status, code] of cases) {
          const client = rawClient(app.url);
          await client.connected;
          const declared = 50 * 1024 * 1024;
          client.socket.write(`${request} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
          // Keep sending, as a client that ignores early answers does, until the server hangs up.
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          const pump = () => {
            while (client.socket.writable && client.socket.bytesWritten < declared) if (!client.socket.write(chunk)) return;
          };
          client.socket.on('drain', pump);
          pump();
          await client.closed;
          const response = client.received();
          assert.equal(statusOf(response), status, `${request}: ${response.slice(0, 80)}`);
          assert.match(response, /\r\ncontent-type: application\/problem\+json/i, request);
          assert.match(response, /\r\nconnection: close/i, request);
          assert.equal(JSON.parse(bodyOf(response)).code, code, request);
          assert.ok(client.socket.bytesWritten < 16 * 1024 * 1024, `${request}: the client got to send ${client.socket.bytesWritten} bytes`);
        }
        assert.equal((await fetch(`${app.url}/healthz`)).status, 200, 'the server is still serving');
      } finally {
        await app.close();
      }
    });

    it('refuses connections over the cap and keeps serving the ones it holds', async () => {
      const app = await startApp(db, { limits: { maxConnections: 3 } });
      const clients: ReturnType<typeof rawClient>[] = [];
      try {
        for (let i = 0; i < 3; i++) {
          const client = rawClient(app.url);
          clients.push(client);
          await client.connected;
          // A request answered on each proves the server holds it before the next one connects.
          client.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
          await new Promise((resolve) => client.socket.once('data', resolve));
        }
        const extra = rawClient(app.url);
        extra.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
        await extra.closed;
        assert.equal(extra.received(), '', 'the fourth connection gets no answer');

        const held = clients[0]!;
        const before = held.received().length;
        held.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
        await new Promise((resolve) => held.socket.once('data', resolve));
        assert.equal(statusOf(held.received().slice(before)), 200);
      } finally {
        for (const client of clients) client.socket.destroy();
        await app.close();
      }
    });
  });
}
