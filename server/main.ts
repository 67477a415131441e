/**
 * CLI: `npm run server`. Configured by environment variables:
 *   PORT (8787), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; else PGlite),
 *   PGLITE_DIR (.data/pglite), ALLOWED_ORIGINS (comma list), ADMIN_TOKEN (enables the CSV export),
 *   TRUSTED_PROXIES (0: how many reverse proxies in front append to X-Forwarded-For).
 */
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { openDb } from './db/open.js';
import { seedIfEmpty } from './db/seed.js';
import { makeSessions, modules } from './seed/programme.js';

const DEFAULT_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173,http://localhost:8787,http://127.0.0.1:8787';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const databaseUrl = env.DATABASE_URL || undefined;
const allowedOrigins = (env.ALLOWED_ORIGINS ?? DEFAULT_ORIGINS).split(',').map((o) => o.trim()).filter(Boolean);
const trustedProxies = Number(env.TRUSTED_PROXIES ?? 0);
if (!Number.isInteger(trustedProxies) || trustedProxies < 0) {
  console.error(`TRUSTED_PROXIES must be a whole number of proxies (0 when nothing sits in front), not "${env.TRUSTED_PROXIES}".`);
  process.exit(1);
}

const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir: env.PGLITE_DIR || '.data/pglite' });
if (await seedIfEmpty(db, modules, makeSessions(new Date()))) console.log('Seeded the programme and its sessions.');

const app = createApp({ db, allowedOrigins, adminToken: env.ADMIN_TOKEN || undefined, trustedProxies });
const server = createServer(app);
server.listen(port, host, () => {
  const where = databaseUrl ? 'PostgreSQL' : `PGlite in ${env.PGLITE_DIR || '.data/pglite'}`;
  console.log(`Mobilise API on http://${host.includes(':') ? `[${host}]` : host}:${port} (${where})`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Never hang on shutdown: whatever is still open after 10 s is abandoned.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close();
  server.closeIdleConnections();
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
