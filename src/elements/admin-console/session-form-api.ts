/** The session form's calls to the admin API, through the console's one client (api.ts). */
import { adminApiPaths, ManagedSessionSchema, type ManagedSession, type SessionCreate, type SessionPatch } from '../../contract/admin.js';
import { withId, type AdminClient } from './api.js';

/** One session with its version (sent back as If-Match to edit) and counts. */
export const getSession = (client: AdminClient, id: string): Promise<ManagedSession> =>
  client.request('GET', withId(adminApiPaths.session, id), ManagedSessionSchema);

/** A new session; the server keeps it unpublished. */
export const createSession = (client: AdminClient, body: SessionCreate): Promise<ManagedSession> =>
  client.request('POST', adminApiPaths.sessions, ManagedSessionSchema, body);

/** Only the changed fields, at the version the form was filled from: a 412 if someone else saved since. */
export const patchSession = (client: AdminClient, id: string, version: number, patch: SessionPatch): Promise<ManagedSession> =>
  client.request('PATCH', withId(adminApiPaths.session, id), ManagedSessionSchema, patch, { 'if-match': `"${version}"` });

/** A copy at new times (unpublished, no bookings). */
export const duplicateSession = (client: AdminClient, id: string, times: { start: string; end: string }): Promise<ManagedSession> =>
  client.request('POST', withId(adminApiPaths.duplicate, id), ManagedSessionSchema, times);
