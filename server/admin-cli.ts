/**
 * `npm run admin -- <command>`: organiser accounts from the command line, on the database the
 * server uses (DATABASE_URL, else the PGlite folder PGLITE_DIR; stop the server first for PGlite,
 * which one process at a time may open). Every change is audited as actor 'cli'.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { openDb } from './db/open.js';
import { UnsafeDataDirError } from './db/pglite.js';
import type { Db } from './db/types.js';
import { audit } from './store/audit.js';
import {
  checkEmail,
  createOrganiser,
  findOrganiserByEmail,
  listOrganisers,
  OrganiserError,
  parseAreas,
  setAreas,
  setDisabled,
  type OrganiserRow,
} from './store/organisers.js';

const USAGE = `Usage: npm run admin -- <command>
  create-admin <email> <name>                      an admin: every area, manages accounts
  add-organiser <email> <name> --areas A,B         an organiser who sees and changes areas A and B
  list                                             every account
  disable <email>                                  signs the account out at once and refuses sign-in
  enable <email>
  set-areas <email> <A,B>                          an organiser's areas, replacing the old ones`;

class UsageError extends Error {}

async function account(db: Db, email: string): Promise<OrganiserRow> {
  const found = await findOrganiserByEmail(db, checkEmail(email));
  if (!found) throw new OrganiserError(`No account has the address ${email}`);
  return found;
}

async function run(db: Db, argv: string[], print: (line: string) => void): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { areas: { type: 'string' } } });
  const [command, ...args] = positionals;
  const want = (n: number, orMore = false) => {
    if (args.length !== n && !(orMore && args.length > n)) throw new UsageError(`${command} takes ${n} argument${n === 1 ? '' : 's'}`);
  };
  const now = new Date();
  switch (command) {
    case 'create-admin':
    case 'add-organiser': {
      // The name may come unquoted, as several words.
      want(2, true);
      const role = command === 'create-admin' ? 'admin' : 'organiser';
      if (role === 'admin' && values.areas !== undefined) throw new UsageError('An admin sees every area: leave out --areas');
      if (role === 'organiser' && values.areas === undefined) throw new UsageError('add-organiser needs --areas, like --areas Glasgow,Edinburgh');
      const areas = role === 'organiser' ? parseAreas(values.areas!) : [];
      const created = await db.transaction(async (tx) => {
        const row = await createOrganiser(tx, { email: args[0]!, name: args.slice(1).join(' '), role, areas }, now);
        await audit(tx, { actor: 'cli', action: 'organiser.create', target: String(row.id), detail: { role, areas: row.areas } }, now);
        return row;
      });
      print(`Created ${role} ${created.id} (${created.email})${areas.length ? ` for ${areas.join(', ')}` : ''}.`);
      return;
    }
    case 'list': {
      want(0);
      const rows = await listOrganisers(db);
      if (rows.length === 0) print('No accounts yet: npm run admin -- create-admin <email> <name>');
      for (const o of rows) {
        const scope = o.role === 'admin' ? 'all areas' : o.areas.join(', ');
        print(`${o.id}\t${o.role}\t${o.email}\t${o.name}\t${scope}${o.disabledAt ? '\tdisabled' : ''}`);
      }
      return;
    }
    case 'disable':
    case 'enable': {
      want(1);
      const o = await account(db, args[0]!);
      await db.transaction(async (tx) => {
        await setDisabled(tx, o.id, command === 'disable', now);
        await audit(tx, { actor: 'cli', action: `organiser.${command}`, target: String(o.id) }, now);
      });
      print(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${o.id} (${o.email}).`);
      return;
    }
    case 'set-areas': {
      want(2);
      const o = await account(db, args[0]!);
      const areas = parseAreas(args[1]!);
      await db.transaction(async (tx) => {
        await setAreas(tx, o, areas);
        await audit(tx, { actor: 'cli', action: 'organiser.set-areas', target: String(o.id), detail: { areas } }, now);
      });
      print(`${o.id} (${o.email}) now covers ${areas.join(', ')}.`);
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : 'Give a command');
  }
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  let db: Db;
  try {
    db = await openDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
  } catch (error) {
    if (error instanceof UnsafeDataDirError) return fail(error.message);
    throw error;
  }
  try {
    await run(db, process.argv.slice(2), (line) => console.log(line));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n\n${USAGE}`);
    if (error instanceof OrganiserError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      return fail(error.message);
    }
    throw error;
  } finally {
    await db.close();
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

process.exitCode = await main();
