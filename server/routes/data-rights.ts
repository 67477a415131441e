import type { Context } from 'hono';
import type { OrganiserEnv } from '../http/organiser-session.js';
import {
  EraseResultSchema,
  PersonDataSchema,
  PersonEraseRequestSchema,
  PersonSearchRequestSchema,
} from '../../src/contract/data-rights.js';
import { json } from '../http/reply.js';
import { audit } from '../store/audit.js';
import { erasePerson, findPerson, renderPersonText } from '../store/data-rights.js';
import type { Deps } from './context.js';
import { readValid } from './json-body.js';

/** An email address and a flag or two: a small body. */
export const MAX_PERSON_BODY_BYTES = 1024;

/** POST /v1/admin/people/search {email, format?} — subject access: every row held about the address. */
export async function postPersonSearch(c: Context<OrganiserEnv>, { db, now }: Deps): Promise<Response> {
  const request = await readValid(c, PersonSearchRequestSchema);
  const data = PersonDataSchema.parse(await findPerson(db, request.email, now()));
  // Who looked, and how much they saw; never the address.
  await audit(db, { actor: String(c.var.organiser.id), action: 'person.search', detail: { signups: data.signups.length, emails: data.emails.length } }, now());
  if (request.format !== 'text') return json(c, data);
  return c.body(renderPersonText(data), 200, { 'Content-Type': 'text/plain; charset=utf-8' });
}

/** POST /v1/admin/people/erase {email, confirm: true} — erasure; answers what was erased (zeros the second time). */
export async function postPersonErase(c: Context<OrganiserEnv>, deps: Deps): Promise<Response> {
  const request = await readValid(c, PersonEraseRequestSchema);
  const result = await erasePerson(deps.db, request.email, { now: deps.now(), mail: deps.mail });
  await audit(deps.db, { actor: String(c.var.organiser.id), action: 'person.erase', detail: { ...result } }, deps.now());
  // A withdrawn place may have gone to the next on the waiting list, who is emailed.
  if (result.bookingsWithdrawn > 0) deps.mailWritten();
  return json(c, EraseResultSchema.parse(result));
}
