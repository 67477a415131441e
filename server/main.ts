/**
 * CLI: `npm run server`. Configured by environment variables (parsed in config.ts,
 * listed in README.md "Reference backend"): PORT, HOST, DATABASE_URL, PGLITE_DIR,
 * ALLOWED_ORIGINS, ADMIN_TOKEN, TRUSTED_PROXIES, the HTTP_* timeouts and cap, and the mail
 * settings SMTP_URL, MAIL_FROM, MAIL_REPLY_TO, DATA_CONTROLLER, PRIVACY_URL, HOLD_HOURS, REMINDER_HOURS, and the
 * retention rule RETENTION_MONTHS, ACCESS_NEEDS_DAYS.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { openDb } from './db/open.js';
import { UnsafeDataDirError } from './db/pglite.js';
import { seedIfEmpty } from './db/seed.js';
import { createHttpServer } from './http/server.js';
import { startHoldSweeper } from './mail/sweeper.js';
import { createMailWorker, smtpTransport, type MailWorker } from './mail/worker.js';
import { makeSessions, modules } from './seed/programme.js';
import { startRetention } from './store/retention.js';

let config: ServerConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const { port, host, databaseUrl, pgliteDir } = config;

const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir: pgliteDir }).catch((error: unknown) => {
  if (!(error instanceof UnsafeDataDirError)) throw error;
  console.error(error.message);
  process.exit(1);
});
if (await seedIfEmpty(db, modules, makeSessions(new Date()))) console.log('Seeded the programme and its sessions.');

// Sign-in links, members' pathway and booking links and requests' confirmation links point here: configured, never the Host header of a request.
const publicOrigin = config.adminOrigin ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
const mail = { ...config.mail, pathwayUrl: `${publicOrigin}/pathway`, requestUrl: `${publicOrigin}/request`, bookingUrl: `${publicOrigin}/booking` };

let worker: MailWorker | undefined;
if (config.smtpUrl) {
  worker = createMailWorker({ db, transport: smtpTransport(config.smtpUrl), mail });
  worker.start();
} else {
  // Never pretend: the emails are kept, and go out once SMTP_URL is set and the server restarts.
  console.log('Mail is not configured (SMTP_URL is unset): emails wait in the outbox table and are not sent.');
}
const sweeper = startHoldSweeper({ db, mail, onExpired: () => worker?.kick() });
// Members' data rights: personal data and access needs go when the retention rule says (hourly check).
const retention = startRetention({ db, rule: config.retention });

const app = createApp({
  db,
  allowedOrigins: config.allowedOrigins,
  adminToken: config.adminToken,
  adminTokenAreas: config.adminTokenAreas,
  adminOrigin: publicOrigin,
  adminSessionHours: config.adminSessionHours,
  trustedProxies: config.trustedProxies,
  mail,
  mailWritten: () => worker?.kick(),
});
const server = createHttpServer(app, config.limits);
server.listen(port, host, () => {
  const where = databaseUrl ? 'PostgreSQL' : `PGlite in ${pgliteDir}`;
  // The bound port, which differs from PORT when that is 0 (any free port).
  const bound = (server.address() as AddressInfo).port;
  console.log(`Mobilise API on http://${host.includes(':') ? `[${host}]` : host}:${bound} (${where})`);
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
  await sweeper.stop();
  await retention.stop();
  await worker?.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
