import type { Context, Hono } from 'hono';
import {
  adminApiPaths,
  AdminSessionQuerySchema,
  AttendanceRequestSchema,
  AttendeesResponseSchema,
  CancelledSessionSchema,
  CancelPreviewSchema,
  CancelRequestSchema,
  DuplicateRequestSchema,
  ManagedSessionSchema,
  ManagedSessionsResponseSchema,
  SessionCreateSchema,
  SessionPatchSchema,
  type ManagedSession,
} from '../../src/contract/admin.js';
import { canSee, requireOrganiser, scopeAreas, type OrganiserEnv } from '../http/organiser-session.js';
import { json, ProblemError } from '../http/reply.js';
import type { NodeEnv } from '../http/server.js';
import { sessionCancelled } from '../mail/templates/session.js';
import { audit } from '../store/audit.js';
import {
  bumpVersion,
  createManagedSession,
  duplicateSession,
  getManagedSession,
  listAttendees,
  listManagedSessions,
  markAttendance,
  patchManagedSession,
  setPublished,
} from '../store/admin-sessions.js';
import { loadSession } from '../store/booking-rows.js';
import { cancelSession } from '../store/session-changes.js';
import type { Deps } from './context.js';
import { limitBody, readQuery, readValid } from './json-body.js';

/** Session edits are a few short fields and an accessibility note. */
export const MAX_ADMIN_BODY_BYTES = 16 * 1024;

/** OpenAPI's {id} as Hono's :id. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

type C = Context<OrganiserEnv>;
const actor = (c: C) => String(c.var.organiser.id);
const scope = (c: C) => scopeAreas(c.var.organiser);
const notFound = () => new ProblemError(404, 'not-found', 'No such session', { detail: 'It does not exist, or it is outside your areas.' });
const etag = (version: number) => `"${version}"`;

/** One session, with its version as the ETag (send it back as If-Match to edit). */
const answer = (c: C, managed: ManagedSession, status: 200 | 201 = 200) => {
  c.header('ETag', etag(managed.version));
  return json(c, ManagedSessionSchema.parse(managed), status);
};

/** The version If-Match names: "3", 3 or W/"3". Required, so an edit is never a blind overwrite. */
export function ifMatchVersion(c: Context): number {
  const header = c.req.header('if-match');
  if (header === undefined) {
    throw new ProblemError(428, 'precondition-required', 'Send If-Match', { detail: 'Send the ETag (or version) you last read in If-Match, so you never overwrite a change you have not seen.' });
  }
  const match = /^\s*(?:W\/)?"?([0-9]{1,9})"?\s*$/.exec(header);
  if (!match) throw new ProblemError(412, 'conflict', 'If-Match is not a version of this resource', { detail: 'Send the ETag from your last read.' });
  return Number(match[1]);
}

const conflict = (current: number) =>
  new ProblemError(412, 'conflict', 'Someone else changed this meanwhile', { detail: `Reload it (now version ${current}), check the change, and apply yours again.` });

/** The organisers' session management (issue 12), scoped to their areas; an admin sees every area. */
export function mountAdminSessionRoutes(api: Hono<NodeEnv>, deps: Deps): void {
  const signedIn = requireOrganiser(deps);
  const body = limitBody(MAX_ADMIN_BODY_BYTES);
  const mailCtx = () => ({ now: deps.now(), mail: deps.mail });
  const p = (path: string) => honoPath(path);
  const visible = async (c: C) => (await getManagedSession(deps.db, c.req.param('id') ?? '', scope(c))) ?? Promise.reject(notFound());

  api.get(p(adminApiPaths.sessions), signedIn, async (c: C) => {
    const query = readQuery(c, AdminSessionQuerySchema, 'Check the filters: dates need a full ISO 8601 date-time with an offset ("+" encoded as %2B).');
    return json(c, ManagedSessionsResponseSchema.parse({ sessions: await listManagedSessions(deps.db, query, scope(c)) }));
  });

  api.post(p(adminApiPaths.sessions), signedIn, body, async (c: C) => {
    const input = await readValid(c, SessionCreateSchema);
    if (!canSee(c.var.organiser, input.area)) throw new ProblemError(403, 'forbidden', 'Not one of your areas', { detail: `You can create sessions in: ${c.var.organiser.areas.join(', ')}.` });
    const created = await createManagedSession(deps.db, input);
    if (created.kind === 'invalid') throw new ProblemError(422, 'validation', 'Check your answers', { errors: created.errors });
    if (created.kind === 'exists') throw new ProblemError(409, 'conflict', 'A session with this id exists', { detail: 'Leave id out to have one made.' });
    await audit(deps.db, { actor: actor(c), action: 'session.create', target: created.session.session.id }, deps.now());
    return answer(c, created.session, 201);
  });

  api.get(p(adminApiPaths.session), signedIn, async (c: C) => answer(c, await visible(c)));

  api.patch(p(adminApiPaths.session), signedIn, body, async (c: C) => {
    const version = ifMatchVersion(c);
    const patch = await readValid(c, SessionPatchSchema);
    const id = c.req.param('id') ?? '';
    const outcome = await patchManagedSession(deps.db, id, version, patch, scope(c), mailCtx());
    if (outcome.kind === 'not-found') throw notFound();
    if (outcome.kind === 'conflict') throw conflict(outcome.version);
    if (outcome.kind === 'forbidden-area') throw new ProblemError(403, 'forbidden', 'Not one of your areas', { detail: 'You can only move a session to one of your areas.' });
    if (outcome.kind === 'invalid') throw new ProblemError(422, 'validation', 'Check your answers', { errors: outcome.errors });
    const fields = Object.keys(patch).filter((k) => k !== 'note');
    await audit(deps.db, { actor: actor(c), action: 'session.update', target: id, detail: { fields, emailed: outcome.told } }, deps.now());
    if (outcome.told > 0) deps.mailWritten();
    return answer(c, outcome.session);
  });

  api.post(p(adminApiPaths.duplicate), signedIn, body, async (c: C) => {
    const times = await readValid(c, DuplicateRequestSchema);
    const copy = await duplicateSession(deps.db, c.req.param('id') ?? '', times, scope(c));
    if (!copy) throw notFound();
    await audit(deps.db, { actor: actor(c), action: 'session.duplicate', target: copy.session.id, detail: { from: c.req.param('id') ?? '' } }, deps.now());
    return answer(c, copy, 201);
  });

  api.post(p(adminApiPaths.cancel), signedIn, body, async (c: C) => {
    const { note } = await readValid(c, CancelRequestSchema);
    const { session } = await visible(c);
    // Everyone booked (confirmed, pending, waitlisted) is cancelled and emailed: that clears the waiting list too.
    const told = await cancelSession(deps.db, session.id, { ...mailCtx(), ...(note ? { note } : {}) });
    await bumpVersion(deps.db, session.id);
    await audit(deps.db, { actor: actor(c), action: 'session.cancel', target: session.id, detail: { emailed: told } }, deps.now());
    if (told > 0) deps.mailWritten();
    const cancelled = (await getManagedSession(deps.db, session.id, null))!;
    c.header('ETag', etag(cancelled.version));
    return json(c, CancelledSessionSchema.parse({ ...cancelled, emailed: told }));
  });

  // What a cancel would email, from the same template, before anyone presses the button. Reads only: nothing is sent,
  // changed or audited. The footer's privacy link is the server's (a member's own page may have named another).
  api.post(p(adminApiPaths.cancelPreview), signedIn, body, async (c: C) => {
    const { note } = await readValid(c, CancelRequestSchema);
    const { session, counts } = await visible(c);
    const loaded = await loadSession(deps.db, session.id, false);
    if (!loaded) throw notFound();
    const { controller, privacyUrl, pathwayUrl } = deps.mail;
    // Each member's email links their own pathway (a new link each): the preview says where it goes.
    const footer = { controller, ...(privacyUrl ? { privacyUrl } : {}), ...(pathwayUrl ? { pathway: '[their own link]' } : {}) };
    // In English, as members who signed up on English pages get it (the others get their language's).
    const email = sessionCancelled({ session: loaded.session, title: loaded.title, lang: 'en-GB', firstName: '[first name]', footer, ...(note ? { note } : {}) });
    const recipients = { confirmed: counts.confirmed, pending: counts.pending, waitlisted: counts.waitlisted };
    return json(c, CancelPreviewSchema.parse({ subject: email.subject, text: email.text, recipients }));
  });

  for (const [path, published] of [
    [adminApiPaths.publish, true],
    [adminApiPaths.unpublish, false],
  ] as const) {
    api.post(p(path), signedIn, async (c: C) => {
      const id = c.req.param('id') ?? '';
      const outcome = await setPublished(deps.db, id, published, scope(c), mailCtx());
      if (!outcome) throw notFound();
      // emailed: members who had asked for this module in this area (store/module-requests.ts).
      const detail = outcome.emailed > 0 ? { detail: { emailed: outcome.emailed } } : {};
      await audit(deps.db, { actor: actor(c), action: published ? 'session.publish' : 'session.unpublish', target: id, ...detail }, deps.now());
      if (outcome.emailed > 0) deps.mailWritten();
      return answer(c, outcome.session);
    });
  }

  api.get(p(adminApiPaths.attendees), signedIn, async (c: C) => {
    const { session } = await visible(c);
    const attendees = await listAttendees(deps.db, session.id);
    // Personal data was read: who looked and how many rows, never whose.
    await audit(deps.db, { actor: actor(c), action: 'session.attendees', target: session.id, detail: { rows: attendees.length } }, deps.now());
    return json(c, AttendeesResponseSchema.parse({ attendees }));
  });

  api.put(p(adminApiPaths.attendance), signedIn, body, async (c: C) => {
    const { signupId, attended } = await readValid(c, AttendanceRequestSchema);
    const { session } = await visible(c);
    const marked = await markAttendance(deps.db, session.id, signupId, attended, deps.now());
    if (marked === 'not-found') throw new ProblemError(404, 'not-found', 'No such booking on this session');
    if (marked === 'not-confirmed') {
      throw new ProblemError(422, 'validation', 'Check your answers', { errors: [{ field: 'signupId', message: 'Only a confirmed booking can be marked as attended' }] });
    }
    await audit(deps.db, { actor: actor(c), action: 'session.attendance', target: session.id, detail: { signupId, attended } }, deps.now());
    return c.body(null, 204);
  });
}
