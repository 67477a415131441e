import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import {
  BookingTokenRequestSchema,
  FieldErrorSchema,
  ModuleSchema,
  ModulesQuerySchema,
  ModulesResponseSchema,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
  SessionQuerySchema,
  SessionSchema,
  SessionsResponseSchema,
  SignupRequestSchema,
  SignupResultSchema,
  VenueSchema,
  paths,
  slug,
} from '../src/contract/index.js';
import {
  dataRightsPaths,
  EraseResultSchema,
  ExportQuerySchema,
  PersonDataSchema,
  PersonEraseRequestSchema,
  PersonSearchRequestSchema,
} from '../src/contract/data-rights.js';
import { MemberBookingViewSchema, MemberConfirmResultSchema } from './routes/bookings.js';
import { MAX_PERSON_BODY_BYTES } from './routes/data-rights.js';
import { FEED_PAST_DAYS, FEED_PATH, FEED_REFRESH } from './routes/feed.js';
import { JSON_LD_PATH } from './routes/json-ld.js';
import { JSON_LD_LIMIT } from '../src/contract/json-ld.js';
import { adminApiOpenApiPaths, adminSchemas } from './openapi-admin.js';
import { organiserPaths, organiserSchemas, organiserSecuritySchemes } from './openapi-organisers.js';
import { moduleRequestOpenApiPaths, moduleRequestSchemas } from './openapi-module-requests.js';
import { pathwayOpenApiPaths, pathwaySchemas } from './openapi-pathway.js';
import { MAX_BODY_BYTES } from './routes/signups.js';

/**
 * The OpenAPI 3.1 description of the server, generated from the zod contract so
 * the two cannot drift. `scripts/openapi.ts` writes it to docs/openapi.json.
 */

type JsonObject = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** JSON Schema 2020-12 is OpenAPI 3.1's dialect; only the per-document keywords go. */
function component(schema: unknown): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
  return rest;
}

function componentSchemas(): Record<string, JsonObject> {
  // Responses describe what the server sends (output); requests what a client may send (input: defaults optional).
  const output = z.registry<{ id: string }>();
  const registered = {
    Module: ModuleSchema,
    Venue: VenueSchema,
    Session: SessionSchema,
    ModulesResponse: ModulesResponseSchema,
    SessionsResponse: SessionsResponseSchema,
    SignupResult: SignupResultSchema,
    // The server's answers: the contract's booking view plus joining details for a confirmed place.
    BookingView: MemberBookingViewSchema,
    BookingConfirmResult: MemberConfirmResultSchema,
    FieldError: FieldErrorSchema,
    Problem: ProblemSchema,
    PersonData: PersonDataSchema,
    EraseResult: EraseResultSchema,
  };
  for (const [id, schema] of Object.entries(registered)) output.add(schema, { id });
  const generated = z.toJSONSchema(output, { uri: (id) => `#/components/schemas/${id}` }).schemas;
  const schemas: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(generated)) schemas[id] = component(schema);
  schemas.SignupRequest = component(z.toJSONSchema(SignupRequestSchema, { io: 'input' }));
  schemas.BookingTokenRequest = component(z.toJSONSchema(BookingTokenRequestSchema, { io: 'input' }));
  schemas.PersonSearchRequest = component(z.toJSONSchema(PersonSearchRequestSchema, { io: 'input' }));
  schemas.PersonEraseRequest = component(z.toJSONSchema(PersonEraseRequestSchema, { io: 'input' }));
  Object.assign(schemas, organiserSchemas(), adminSchemas(), pathwaySchemas());
  Object.assign(schemas, moduleRequestSchemas());
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}

/** Optional query parameters straight from a filter schema, so a new filter shows up here by itself. */
function queryParameters(schema: z.ZodMiniType, descriptions: Record<string, string>): JsonObject[] {
  const query = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, JsonObject> };
  return Object.entries(query.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: `${descriptions[name] ?? ''} Leave the parameter out for no filter: an empty value is refused.`.trim(),
    schema,
  }));
}

const LOCALE =
  'The page’s language: each item carries its `translations` in this language only (gd Scottish Gaelic, cy Welsh), field by field where translated; ' +
  'the English fields are always there, the fallback for any field without a translation. Without it (or en-GB) no translations are sent.';
const FROM = 'Only sessions starting at or after this date-time (ISO 8601 with offset; encode "+" as %2B).';
const TO = 'Only sessions starting at or before this date-time.';

/** GET /v1/sessions' filters, which the calendar feed takes too. */
const SESSION_FILTERS = {
  module: 'Only sessions of this module.',
  from: FROM,
  to: TO,
  area: 'Only sessions for this area or CLP (case-insensitive, exact, surrounding whitespace ignored).',
  delivery: 'Only sessions delivered this way.',
  access: 'Only sessions offering every one of these access features, comma-separated in any order (access=step-free,hearing-loop); an unknown feature is refused.',
  locale: LOCALE,
};

const sessionQueryParameters = () => queryParameters(SessionQuerySchema, SESSION_FILTERS);

/** GET /v1/modules takes the language only. */
const moduleQueryParameters = () => queryParameters(ModulesQuerySchema, { locale: LOCALE });

/** The CSV export's filters, from ExportQuerySchema. */
const exportQueryParameters = () =>
  queryParameters(ExportQuerySchema, {
    area: 'Only sessions for this area or CLP (case-insensitive, exact).',
    session: 'Only this session.',
    from: FROM,
    to: TO,
    include:
      'access-needs adds the access_needs column. Access needs are free text that may be health data, so they are left out unless the organiser asks for them in this export.',
  });

const problem = (description: string, headers?: JsonObject) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
});

/** Every operation: the server cuts off a client whose headers or body arrive too slowly. */
const slowRequest = { 408: problem('The request took too long to arrive (code bad-request)') };
const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };
/** The public API needs no credentials. */
const open = { security: [] };

const jsonBody = (description: string, schema: JsonObject) => ({
  description,
  content: { 'application/json': { schema } },
});

const adminUnauthorized = problem('Missing or wrong token (code unauthorized)', {
  'WWW-Authenticate': { description: 'Bearer realm="mobilise-admin"', schema: { type: 'string' } },
});

const adminProblem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('AdminProblem') } } });

/** Subject access and erasure: the address travels in the body, never in a URL that logs would keep. */
function personOperation(operationId: string, summary: string, description: string, request: string, ok: JsonObject) {
  return {
    post: {
      operationId,
      summary,
      description: `${description} An organiser session with the admin role, and its CSRF header.`,
      security: [{ adminSession: [] }],
      requestBody: { required: true, description: `JSON, at most ${MAX_PERSON_BODY_BYTES} bytes.`, content: { 'application/json': { schema: ref(request) } } },
      responses: {
        200: ok,
        400: problem('Malformed JSON (code bad-request)'),
        401: adminProblem('Not signed in, the session expired, or the account is disabled (code unauthorized)'),
        403: adminProblem('Missing or wrong x-csrf-token header (code csrf), or not an admin (code forbidden)'),
        413: problem('Body too large (code payload-too-large)'),
        415: problem('Not JSON (code unsupported-media-type)'),
        422: problem('Invalid fields (code validation, with errors per field)'),
        ...slowRequest,
      },
    },
  };
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** The three token endpoints: the token travels in the body, never in a URL that logs would keep. */
function bookingOperation(operationId: string, summary: string, description: string, result: JsonObject, extra: JsonObject) {
  return {
    post: {
      operationId,
      summary,
      description,
      ...open,
      requestBody: { required: true, content: { 'application/json': { schema: ref('BookingTokenRequest') } } },
      responses: {
        200: jsonBody('The booking', result),
        400: problem('Malformed JSON (code bad-request)'),
        403: problem('Sent from a website that is not allowed (code forbidden)'),
        404: problem('The token is unknown or for another purpose (code token-invalid)'),
        422: problem('The token is malformed (code validation, naming token)'),
        410: problem('The session has ended (code token-expired)'),
        413: problem('Body too large (code payload-too-large)'),
        415: problem('Not JSON (code unsupported-media-type)'),
        ...extra,
        ...slowRequest,
      },
    },
  };
}

export function buildOpenApi(): JsonObject {
  const cacheable = { 'Cache-Control': { description: 'public, max-age=60', schema: { type: 'string' } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mobilise training API',
      version: readVersion(),
      description:
        'Modules, sessions and signups for the Mobilise training programme. Errors are RFC 9457 problem details. ' +
        'Browsers may call it from allow-listed origins only. Text fields refuse control characters (line breaks only ' +
        'where a field has several lines) and lone surrogates; surrounding whitespace is removed where a field says so.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'Local development (npm run server)' }],
    paths: {
      ...organiserPaths(),
      ...adminApiOpenApiPaths(),
      ...moduleRequestOpenApiPaths(),
      ...pathwayOpenApiPaths(),
      [paths.modules]: {
        get: {
          operationId: 'listModules',
          summary: 'All training modules',
          ...open,
          parameters: moduleQueryParameters(),
          responses: {
            200: { ...jsonBody('The programme', ref('ModulesResponse')), headers: cacheable },
            400: problem('The locale is not one the server has (code bad-request, with errors per field)'),
            ...slowRequest,
          },
        },
      },
      [paths.sessions]: {
        get: {
          operationId: 'listSessions',
          summary: 'Sessions, sorted by start time',
          ...open,
          parameters: sessionQueryParameters(),
          responses: {
            200: { ...jsonBody('Matching sessions', ref('SessionsResponse')), headers: cacheable },
            400: problem('A filter is invalid or empty (code bad-request, with errors per field)'),
            ...slowRequest,
          },
        },
      },
      '/v1/sessions/{id}.ics': {
        get: {
          operationId: 'getSessionIcs',
          summary: 'One session as an iCalendar (RFC 5545) file',
          ...open,
          parameters: [{ name: 'id', in: 'path', required: true, schema: component(z.toJSONSchema(slug)) }],
          responses: {
            200: {
              description: 'A VCALENDAR with one VEVENT',
              headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="{id}.ics"' } },
              content: { 'text/calendar': { schema: { type: 'string' } } },
            },
            404: problem('No such session (code not-found)'),
            ...slowRequest,
          },
        },
      },
      [FEED_PATH]: {
        get: {
          operationId: 'getFeed',
          summary: 'A calendar to subscribe to (webcal:): the published sessions for a filter, as iCalendar (RFC 5545)',
          description:
            `The sessions GET /v1/sessions answers for the same filters, from ${FEED_PAST_DAYS} days ago on (so an app keeps the ones a member went to), ` +
            'one VEVENT each with the UID of its own .ics. An organiser’s edit raises SEQUENCE (and LAST-MODIFIED); a cancelled session stays, with STATUS:CANCELLED. ' +
            `X-WR-CALNAME names the filter in words; REFRESH-INTERVAL and X-PUBLISHED-TTL ask apps to fetch it again every ${FEED_REFRESH.slice(2).toLowerCase()}. ` +
            'Only public fields: never anyone’s details, never a joining link.',
          ...open,
          parameters: [
            ...queryParameters(SessionQuerySchema, {
              ...SESSION_FILTERS,
              from: `${FROM} Never earlier than ${FEED_PAST_DAYS} days ago.`,
              locale: 'The calendar’s language: gd or cy give translated titles and summaries where there are some, and the calendar’s own words.',
            }),
            {
              name: 'If-None-Match',
              in: 'header',
              required: false,
              description: 'The ETag of the copy the app has: 304 while the events are the same.',
              schema: { type: 'string', pattern: '^(?:\\*|(?:W/)?"[!#-~]*"(?:, (?:W/)?"[!#-~]*")*)$' },
            },
          ],
          responses: {
            200: {
              description: 'A VCALENDAR with a VEVENT per session (none when nothing matches)',
              headers: {
                ...cacheable,
                ETag: { description: 'Weak: the same while the events are (each copy’s DTSTAMP is the time it was made)', schema: { type: 'string' } },
                'Last-Modified': { description: 'The latest organiser change to an event in it, when known', schema: { type: 'string' } },
              },
              content: { 'text/calendar': { schema: { type: 'string' } } },
            },
            304: { description: 'Not modified: If-None-Match named the current ETag', headers: { ETag: { schema: { type: 'string' } } } },
            400: problem('A filter is invalid or empty (code bad-request, with errors per field)'),
            ...slowRequest,
          },
        },
      },
      [JSON_LD_PATH]: {
        get: {
          operationId: 'getSessionsJsonLd',
          summary: 'The sessions a calendar lists, as schema.org Events in JSON-LD (for search engines)',
          description:
            'What the embedded calendar writes into its page as one JSON-LD script element: the sessions GET /v1/sessions answers ' +
            `for the same filters that have not ended, sorted by start time, the first ${JSON_LD_LIMIT}, as a schema.org @graph of Events ` +
            '(name and description from the module in the asked language, start and end, EventScheduled or EventCancelled, attendance mode, ' +
            'the venue as a Place and online ones as a VirtualLocation, the area as organizer, and an Offer InStock while signups are open, else SoldOut). ' +
            'Each event links to `page` with `#session=<id>`. Only public fields: never anyone’s details, never a joining link. ' +
            '`<` is escaped as \\u003c, so the text can go into a script element as it is.',
          ...open,
          parameters: [
            ...sessionQueryParameters(),
            {
              name: 'page',
              in: 'query',
              required: false,
              description:
                'The page the calendar is on (http or https), where each event links. Checked like a signup’s returnUrl: a page whose origin is not ' +
                'in ALLOWED_ORIGINS (or not a URL) is ignored, and the events carry no url. Its query and fragment are dropped.',
              schema: { type: 'string', format: 'uri' },
            },
          ],
          responses: {
            200: {
              description: 'A JSON-LD document: {"@context": "https://schema.org/", "@graph": [Event, …]} (an empty @graph when nothing matches)',
              headers: cacheable,
              content: { 'application/ld+json': { schema: { type: 'object', required: ['@context', '@graph'], properties: { '@context': { const: 'https://schema.org/' }, '@graph': { type: 'array', maxItems: JSON_LD_LIMIT, items: { type: 'object' } } } } } },
            },
            400: problem('A filter is invalid or empty (code bad-request, with errors per field)'),
            ...slowRequest,
          },
        },
      },
      [paths.signups]: {
        post: {
          operationId: 'createSignup',
          summary: 'Sign up for a session (or join its waiting list), or for a series of sessions in one request',
          ...open,
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Optional; if sent, it must equal body.idempotencyKey (which is required). A retry with the same key returns the first result.',
              schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,100}$' },
            },
          ],
          requestBody: {
            required: true,
            description: `JSON, at most ${MAX_BODY_BYTES / 1024} KB.`,
            content: { 'application/json': { schema: ref('SignupRequest') } },
          },
          responses: {
            202: jsonBody(
              'Accepted, pending confirmation: a place (or a waiting-list slot) is held until holdExpiresAt and a confirmation link is emailed, to the server’s booking page ' +
                '(/booking#mobilise-confirm=<token>; returnUrl is recorded with the consent, not linked). ' +
                'The answer depends only on the request and the session’s public state: an address that is already booked gets the same answer, ' +
                'and its owner is emailed their booking instead. With alsoSessionIds (a series), every session holds a place until the same holdExpiresAt, ' +
                'one email lists them all, and its one link confirms them all; each is cancelled on its own.',
              ref('SignupResult'),
            ),
            200: jsonBody('A retry of an earlier request with the same Idempotency-Key: its original result', ref('SignupResult')),
            400: problem('Malformed JSON, or header and body keys differ (code bad-request)'),
            403: problem('Sent from a website that is not allowed (code forbidden)'),
            404: problem('No such session (code not-found; for a series, errors names the field)'),
            409: problem(
              'The session is full without a waiting list (session-full), or cancelled or past its deadline (session-closed). ' +
                'A series is booked all or none and has no waiting list: one full or closed session refuses it whole, errors naming that field, detail in words.',
            ),
            413: problem('Body too large (code payload-too-large)'),
            415: problem('Not JSON (code unsupported-media-type)'),
            422: problem(
              'Invalid fields (code validation, with errors per field; returnUrl when its origin is not allowed; for a series, a session named twice, ' +
                'one not of the same series nor a prerequisite of another, or a prerequisite starting no earlier than the session that needs it) ' +
                'or a reused Idempotency-Key (code idempotency-conflict)',
            ),
            408: slowRequest[408],
            429: problem('Too many signups from this address (code rate-limited)', retryAfter),
          },
        },
      },
      [paths.bookingConfirm]: bookingOperation(
        'confirmBooking',
        'Confirm a held place with the token from the confirmation email',
        'The place (or waiting-list slot) becomes the member’s and their consents are recorded. A lapsed hold answers status expired. ' +
          'The answer carries a manage token for the page to use from now on. Every emailed link opens the server’s own booking page, ' +
          '/booking#mobilise-confirm=<token> (a manage link /booking#mobilise-booking=<token>; ?lang=gd or cy for a Gaelic or Welsh member), ' +
          'which posts the token from its fragment here: that page’s origin is accepted without being in ALLOWED_ORIGINS.',
        ref('BookingConfirmResult'),
        { 409: problem('Already confirmed (code token-used), or the session has started (code session-started)') },
      ),
      [paths.bookingView]: bookingOperation('viewBooking', 'A booking, by the token from a manage link', 'Shows no personal data but the first name.', ref('BookingView'), {}),
      [paths.bookingCancel]: bookingOperation(
        'cancelBooking',
        'Cancel a booking with the token from a manage link',
        'A freed place goes to the first on the waiting list. Cancelling again answers the cancelled booking and sends nothing.',
        ref('BookingView'),
        { 409: problem('The session has started (code session-started)') },
      ),
      [paths.adminSignupsCsv]: {
        get: {
          operationId: 'exportSignups',
          summary: 'Signups as CSV, for organisers, optionally filtered',
          description: 'With the ADMIN_TOKEN bearer (machines; ADMIN_TOKEN_AREAS scopes it), or an organiser session cookie and no Authorization header (scoped to the organiser\'s areas). Every cell is quoted; a cell starting with = + - @, a tab, CR or NUL, or holding one of those right after a , or ; separator, gets an apostrophe first (OWASP CSV injection).',
          security: [{ adminToken: [] }, { adminSession: [] }],
          parameters: exportQueryParameters(),
          responses: {
            200: { description: 'UTF-8 CSV with a BOM and a header row', content: { 'text/csv': { schema: { type: 'string' } } } },
            400: problem('A filter is invalid or empty (code bad-request, with errors per field)'),
            401: adminUnauthorized,
            404: problem('The export is disabled: the server has no ADMIN_TOKEN (code not-found)'),
            ...slowRequest,
            429: problem('Too many wrong tokens from this address: it is blocked for a while (code rate-limited)', retryAfter),
          },
        },
      },
      [dataRightsPaths.search]: personOperation(
        'findPerson',
        'Everything held about an email address (subject access)',
        'Signups (with session, status, consents and their wording version), booking links issued (when), emails sent or queued (not their bodies), and signup requests kept for retries. format text answers a readable copy to give the person.',
        'PersonSearchRequest',
        {
          description: 'The person’s data: JSON, or plain text with format text',
          content: { 'application/json': { schema: ref('PersonData') }, 'text/plain': { schema: { type: 'string' } } },
        },
      ),
      [dataRightsPaths.erase]: personOperation(
        'erasePerson',
        'Erase everything held about an email address',
        'Personal fields are replaced by markers so the rows still count toward capacity and history; a live booking of a session yet to end is withdrawn first (its place goes down the waiting list); unsent emails are cancelled, booking links deleted. Erasing again answers zeros.',
        'PersonEraseRequest',
        jsonBody('What was erased', ref('EraseResult')),
      ),
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        ...organiserSecuritySchemes,
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN the server was started with (32 characters or more)' },
      },
    },
  };
}

/** The file's exact content: pretty JSON with a trailing newline, so diffs stay readable. */
export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}
