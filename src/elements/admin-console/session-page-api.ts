/** The session page's calls to the admin API (through AdminClient, which parses each answer with the contract). */
import {
  adminApiPaths,
  AttendeesResponseSchema,
  CancelledSessionSchema,
  CancelPreviewSchema,
  ManagedSessionSchema,
  type Attendee,
  type CancelledSession,
  type CancelPreview,
  type ManagedSession,
} from '../../contract/admin.js';
import { withId, type AdminClient } from './api.js';

export const readSession = (client: AdminClient, id: string): Promise<ManagedSession> => client.request('GET', withId(adminApiPaths.session, id), ManagedSessionSchema);

export const readAttendees = (client: AdminClient, id: string): Promise<Attendee[]> =>
  client.request('GET', withId(adminApiPaths.attendees, id), AttendeesResponseSchema).then((r) => r.attendees);

export const setPublished = (client: AdminClient, id: string, published: boolean): Promise<ManagedSession> =>
  client.request('POST', withId(published ? adminApiPaths.publish : adminApiPaths.unpublish, id), ManagedSessionSchema);

export const markAttendance = (client: AdminClient, id: string, signupId: number, attended: boolean): Promise<void> =>
  client.request('PUT', withId(adminApiPaths.attendance, id), undefined, { signupId, attended });

/** An empty note is left out, as the email then has none. */
const noteBody = (note: string) => (note.trim() ? { note } : {});

export const previewCancel = (client: AdminClient, id: string, note: string): Promise<CancelPreview> =>
  client.request('POST', withId(adminApiPaths.cancelPreview, id), CancelPreviewSchema, noteBody(note));

export const cancelSession = (client: AdminClient, id: string, note: string): Promise<CancelledSession> =>
  client.request('POST', withId(adminApiPaths.cancel, id), CancelledSessionSchema, noteBody(note));

