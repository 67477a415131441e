import type { Context } from 'hono';
import {
  EraseResultSchema,
  PersonDataSchema,
  PersonEraseRequestSchema,
  PersonSearchRequestSchema,
} from '../../src/contract/data-rights.js';
import { json, ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';
import { audit } from '../store/audit.js';
import { erasePerson, findPerson, renderPersonText } from '../store/data-rights.js';
import type { Deps } from './context.js';
import { readJsonObject } from './json-body.js';

/** An email address and a flag or two: a small body. */
export const MAX_PERSON_BODY_BYTES = 1024;

async function parse<T>(c: Context, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] } }) {
  const parsed = schema.safeParse(await readJsonObject(c));
  if (!parsed.success) throw new ProblemError(422, 'validation', 'Check your answers', { errors: fieldErrors(parsed.error) });
  return parsed.data;
}

/** POST /v1/admin/people/search {email, format?} — subject access: every row held about the address. */
export async function postPersonSearch(c: Context, { db, now }: Deps): Promise<Response> {
  const request = await parse(c, PersonSearchRequestSchema);
  const data = PersonDataSchema.parse(await findPerson(db, request.email, now()));
  // Who looked, and how much they saw; never the address.
  await audit(db, { actor: 'token:admin', action: 'person.search', detail: { signups: data.signups.length, emails: data.emails.length } }, now());
  if (request.format !== 'text') return json(c, data);
  return c.body(renderPersonText(data), 200, { 'Content-Type': 'text/plain; charset=utf-8' });
}

/** POST /v1/admin/people/erase {email, confirm: true} — erasure; answers what was erased (zeros the second time). */
export async function postPersonErase(c: Context, deps: Deps): Promise<Response> {
  const request = await parse(c, PersonEraseRequestSchema);
  const result = await erasePerson(deps.db, request.email, { now: deps.now(), mail: deps.mail });
  await audit(deps.db, { actor: 'token:admin', action: 'person.erase', detail: { ...result } }, deps.now());
  // A withdrawn place may have gone to the next on the waiting list, who is emailed.
  if (result.bookingsWithdrawn > 0) deps.mailWritten();
  return json(c, EraseResultSchema.parse(result));
}
