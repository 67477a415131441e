import { createServer } from 'node:net';

/** CI's own PostgreSQL listens on 54329: never that one. */
const CI_PORT = 54329;

/** A free loopback port (never CI's PostgreSQL port), for a server a test or bench starts itself. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    if (port !== CI_PORT) return port;
  }
}
