import * as z from 'zod/mini';
import {
  adminApiPaths,
  AdminSessionQuerySchema,
  AttendanceRequestSchema,
  AttendeesResponseSchema,
  AuditPageSchema,
  AuditQuerySchema,
  CancelledSessionSchema,
  CancelPreviewSchema,
  CancelRequestSchema,
  CSRF_HEADER,
  DuplicateRequestSchema,
  ManagedModuleSchema,
  ManagedModulesResponseSchema,
  ManagedSessionSchema,
  ManagedSessionsResponseSchema,
  ModulePatchSchema,
  SessionCreateSchema,
  SessionPatchSchema,
} from '../src/contract/admin.js';
import { ModuleSchema, PROBLEM_CONTENT_TYPE, slug } from '../src/contract/index.js';
import { component, ref, type JsonObject } from './openapi-organisers.js';
import { MAX_ADMIN_BODY_BYTES } from './routes/admin-sessions.js';

/** The organisers' admin API in the OpenAPI document (openapi.ts merges these in). */

export function adminSchemas(): Record<string, JsonObject> {
  const output = { ManagedSession: ManagedSessionSchema, ManagedSessionsResponse: ManagedSessionsResponseSchema, AttendeesResponse: AttendeesResponseSchema, ManagedModule: ManagedModuleSchema, ManagedModulesResponse: ManagedModulesResponseSchema, AuditPage: AuditPageSchema, CancelledSession: CancelledSessionSchema, CancelPreview: CancelPreviewSchema };
  const input = { SessionCreate: SessionCreateSchema, SessionPatch: SessionPatchSchema, DuplicateRequest: DuplicateRequestSchema, CancelRequest: CancelRequestSchema, AttendanceRequest: AttendanceRequestSchema, ModuleCreate: ModuleSchema, ModulePatch: ModulePatchSchema };
  return {
    ...Object.fromEntries(Object.entries(output).map(([id, s]) => [id, component(z.toJSONSchema(s))])),
    ...Object.fromEntries(Object.entries(input).map(([id, s]) => [id, component(z.toJSONSchema(s, { io: 'input' }))])),
  };
}

const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('AdminProblem') } } });
const ok = (description: string, schema: string, etag = false) => ({
  description,
  ...(etag ? { headers: { ETag: { description: 'The version, quoted: send it back as If-Match to edit', schema: { type: 'string' } } } } : {}),
  content: { 'application/json': { schema: ref(schema) } },
});
const signedIn = { security: [{ adminSession: [] }] };
const base = {
  401: problem('Not signed in, the session expired, or the account is disabled (code unauthorized)'),
  408: problem('The request took too long to arrive (code bad-request)'),
};
const writes = {
  ...base,
  400: problem('Malformed JSON (code bad-request)'),
  403: problem(`Missing or wrong ${CSRF_HEADER} header (code csrf), or not allowed for your role or area (code forbidden)`),
  413: problem('Body too large (code payload-too-large)'),
  415: problem('Not JSON (code unsupported-media-type)'),
  422: problem('Invalid fields (code validation, with a message per field)'),
};
const idParam = { name: 'id', in: 'path', required: true, schema: component(z.toJSONSchema(slug)) };
const ifMatch = { name: 'If-Match', in: 'header', required: true, description: 'The ETag (or version) you last read', schema: { type: 'string', pattern: '^(?:W/)?"?[0-9]{1,9}"?$' } };
const body = (schema: string) => ({ required: true, description: `JSON, at most ${MAX_ADMIN_BODY_BYTES / 1024} KB.`, content: { 'application/json': { schema: ref(schema) } } });
const query = (schema: z.ZodMiniType) =>
  Object.entries((z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, JsonObject> }).properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
const noSession = problem('No such session, or outside your areas (code not-found)');
const edited = {
  412: problem('If-Match names an older version: someone else changed it meanwhile (code conflict)'),
  428: problem('No If-Match header (code precondition-required)'),
};

/** Every operation needs an organiser's session; writes also the CSRF header. Organisers see their areas only. */
export function adminApiOpenApiPaths(): JsonObject {
  const op = (operationId: string, summary: string, responses: JsonObject, extra: JsonObject = {}) => ({ operationId, summary, ...signedIn, ...extra, responses });
  return {
    [adminApiPaths.sessions]: {
      get: op('listManagedSessions', 'Sessions in your areas, with counts', { 200: ok('Sessions', 'ManagedSessionsResponse'), ...base, 400: problem('A filter is invalid (code bad-request)') }, { parameters: query(AdminSessionQuerySchema) }),
      post: op('createSession', 'Create a session (unpublished)', { 201: ok('Created', 'ManagedSession', true), ...writes, 409: problem('A session with this id exists (code conflict)') }, { requestBody: body('SessionCreate') }),
    },
    [adminApiPaths.session]: {
      get: op('getManagedSession', 'One session, with its version as the ETag', { 200: ok('The session', 'ManagedSession', true), ...base, 404: noSession }, { parameters: [idParam] }),
      patch: op(
        'updateSession',
        'Edit a session; new times reschedule it and everyone booked is emailed; capacity never below the places taken (422)',
        { 200: ok('Updated', 'ManagedSession', true), ...writes, 404: noSession, ...edited },
        { parameters: [idParam, ifMatch], requestBody: body('SessionPatch') },
      ),
    },
    [adminApiPaths.duplicate]: { post: op('duplicateSession', 'Copy a session to new times (unpublished)', { 201: ok('The copy', 'ManagedSession', true), ...writes, 404: noSession }, { parameters: [idParam], requestBody: body('DuplicateRequest') }) },
    [adminApiPaths.cancel]: {
      post: op(
        'cancelManagedSession',
        'Cancel: every booking ends (the waiting list too) and each member is emailed',
        { 200: ok('Cancelled, with how many emails were queued (emailed)', 'CancelledSession', true), ...writes, 404: noSession },
        { parameters: [idParam], requestBody: body('CancelRequest') },
      ),
    },
    [adminApiPaths.cancelPreview]: {
      post: op(
        'previewCancelEmail',
        'The email a cancel would send (with this note, to a placeholder member) and how many it would go to; sends and changes nothing',
        { 200: ok('The email and its recipients', 'CancelPreview'), ...writes, 404: noSession },
        { parameters: [idParam], requestBody: body('CancelRequest') },
      ),
    },
    [adminApiPaths.publish]: { post: op('publishSession', 'Show the session in the public API', { 200: ok('Published', 'ManagedSession', true), ...writes, 404: noSession }, { parameters: [idParam] }) },
    [adminApiPaths.unpublish]: { post: op('unpublishSession', 'Hide the session from the public API (bookings stay)', { 200: ok('Unpublished', 'ManagedSession', true), ...writes, 404: noSession }, { parameters: [idParam] }) },
    [adminApiPaths.attendees]: { get: op('listAttendees', 'Everyone booked: confirmed, pending, waitlisted, cancelled', { 200: ok('Attendees', 'AttendeesResponse'), ...base, 404: noSession }, { parameters: [idParam] }) },
    [adminApiPaths.attendance]: {
      put: op('markAttendance', 'Mark a confirmed booking as attended (or not)', { 204: { description: 'Marked' }, ...writes, 404: problem('No such session, or booking on it (code not-found)') }, { parameters: [idParam], requestBody: body('AttendanceRequest') }),
    },
    [adminApiPaths.modules]: {
      get: op('listManagedModules', 'Every module, with its version', { 200: ok('Modules', 'ManagedModulesResponse'), ...base }),
      post: op('createModule', 'Create a module (admin role)', { 201: ok('Created', 'ManagedModule', true), ...writes, 409: problem('A module with this id exists (code conflict)') }, { requestBody: body('ModuleCreate') }),
    },
    [adminApiPaths.module]: {
      patch: op('updateModule', 'Edit a module (admin role)', { 200: ok('Updated', 'ManagedModule', true), ...writes, 404: problem('No such module (code not-found)'), ...edited }, { parameters: [idParam, ifMatch], requestBody: body('ModulePatch') }),
    },
    [adminApiPaths.audit]: {
      get: op('readAudit', 'The audit log, newest first: an admin sees all, an organiser their own actions', { 200: ok('A page', 'AuditPage'), ...base, 400: problem('Bad paging (code bad-request)') }, { parameters: query(AuditQuerySchema) }),
    },
  };
}
