/**
 * `npm start`: the reference backend (embedded PGlite, seeded) plus the demo
 * page on Vite's dev server. Ctrl+C stops both.
 *
 * The API listens on PORT, else 8787, else (8787 taken) any free port; the demo
 * pages are served with their endpoint pointing at it. DEMO_PORT moves the demo
 * (default 5173; 0 = any free port). Without SMTP_URL the emails go to an SMTP
 * catcher in this process and the demo's mailbox page shows them (scripts/mailbox.ts).
 * The organiser console is built first, so <backend>/admin/ works straight away.
 */
import { spawn } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createServer, type Plugin } from 'vite';
import { buildAdminConsole, buildBooking, buildPathway, buildRequest } from '../vite.config.js';
import { openDb } from '../server/db/open.js';
import { audit } from '../server/store/audit.js';
import { createOrganiser, listOrganisers } from '../server/store/organisers.js';
import { mailboxPlugin, startMailbox } from './mailbox.js';

const HOST = '127.0.0.1';
/** The endpoint written in demo/*.html; the dev server swaps in the port actually chosen. */
const DEMO_ENDPOINT = 'http://127.0.0.1:8787';

/** Listens on `port` for a moment: the port it got, or undefined when it is taken. */
function tryPort(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(undefined));
    probe.listen(port, HOST, () => {
      const bound = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(bound));
    });
  });
}

/** PORT when set (stopping with a message, before any URL is printed, when it is taken); else 8787 or any free port. */
async function choosePort(): Promise<number> {
  const wanted = process.env.PORT;
  if (!wanted) return (await tryPort(8787)) ?? (await tryPort(0))!;
  const port = await tryPort(Number(wanted));
  if (port === undefined) {
    console.error(`Port ${wanted} (PORT) is already in use. Stop whatever uses it, or start with another: PORT=8788 npm start`);
    process.exit(1);
  }
  return port;
}

const apiPort = await choosePort();

// The organiser console (/admin), the members' pathway page (/pathway) and the request page (/request) are
// served from dist/admin/, dist/pathway/, dist/request/ and dist/booking/: built here so they match src/ (a few seconds).
console.log('Building the organiser console, the pathway page and the request page…');
await Promise.all([buildAdminConsole(), buildPathway(), buildRequest(), buildBooking()]);

/**
 * On the demo's own PGlite (no DATABASE_URL) with no organiser accounts yet, one demo admin, so
 * the console can be tried at once: its sign-in link arrives in the mailbox. Never on PostgreSQL,
 * where accounts are made on purpose with `npm run admin`. Before the server starts: PGlite
 * opens in one process at a time.
 */
const DEMO_ADMIN = process.env.DEMO_ADMIN_EMAIL ?? 'organiser@example.org';
async function demoAdmin(): Promise<string | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  const db = await openDb({ dataDir: process.env.PGLITE_DIR ?? '.data/pglite' });
  try {
    const accounts = await listOrganisers(db);
    if (accounts.length) return accounts.find((a) => a.role === 'admin' && !a.disabledAt)?.email;
    const now = new Date();
    await db.transaction(async (tx) => {
      const row = await createOrganiser(tx, { email: DEMO_ADMIN, name: 'Demo Organiser', role: 'admin', areas: [] }, now);
      await audit(tx, { actor: 'cli', action: 'organiser.create', target: String(row.id), detail: { role: 'admin', areas: [] } }, now);
    });
    return DEMO_ADMIN;
  } finally {
    await db.close();
  }
}
const signInAs = await demoAdmin();
const apiUrl = `http://${HOST}:${apiPort}`;

// A real deployment sets SMTP_URL; the demo catches its own mail so a new user sees the whole journey.
const catcher = process.env.SMTP_URL ? undefined : await startMailbox();

const followApiPort: Plugin = {
  name: 'mobilise-demo-endpoint',
  transformIndexHtml: (html) => html.replaceAll(DEMO_ENDPOINT, apiUrl),
};
const vite = await createServer({
  configFile: 'vite.config.ts',
  plugins: [followApiPort, mailboxPlugin(catcher)],
  server: { open: false, port: Number(process.env.DEMO_PORT ?? 5173) },
});
await vite.listen();
const demoOrigin = new URL(vite.resolvedUrls!.local[0]).origin;

const api = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  // ADMIN_TOKEN and the rest pass through; the demo's own origin is allowed unless ALLOWED_ORIGINS says otherwise.
  env: {
    ...process.env,
    PORT: String(apiPort),
    ...(catcher ? { SMTP_URL: catcher.url } : {}),
    ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `${demoOrigin},${demoOrigin.replace(HOST, 'localhost')}`,
  },
});
api.on('exit', (code) => {
  if (code) {
    console.error(`The reference backend stopped (exit ${code}).`);
    void vite.close().then(() => process.exit(code));
  }
});

const mailbox = catcher ? `${demoOrigin}/demo/mailbox.html` : 'not here: emails go to SMTP_URL';
console.log(`\n  Mobilise demo:      ${demoOrigin}/demo/\n  Reference backend:  ${apiUrl}/v1/modules\n  Organiser console:  ${apiUrl}/admin/${signInAs ? ` (sign in as ${signInAs}; the link arrives in the mailbox)` : ''}\n  Mailbox:            ${mailbox}\n`);

const stop = () => {
  api.kill('SIGTERM');
  void Promise.all([vite.close(), catcher?.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
