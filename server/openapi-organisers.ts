import * as z from 'zod/mini';
import {
  ADMIN_COOKIE,
  AdminProblemSchema,
  AdminSessionSchema,
  adminPaths,
  CSRF_HEADER,
  SessionRequestSchema,
  SignInRequestSchema,
} from '../src/contract/admin.js';
import { PROBLEM_CONTENT_TYPE } from '../src/contract/index.js';

/** The organisers' sign-in in the OpenAPI document (openapi.ts merges these in). */
export type JsonObject = Record<string, unknown>;
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const component = (schema: unknown): JsonObject => {
  const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
  return rest;
};

export function organiserSchemas(): Record<string, JsonObject> {
  return {
    AdminSession: component(z.toJSONSchema(AdminSessionSchema)),
    AdminProblem: component(z.toJSONSchema(AdminProblemSchema)),
    SignInRequest: component(z.toJSONSchema(SignInRequestSchema, { io: 'input' })),
    SessionRequest: component(z.toJSONSchema(SessionRequestSchema, { io: 'input' })),
  };
}

export const organiserSecuritySchemes = {
  adminSession: {
    type: 'apiKey',
    in: 'cookie',
    name: ADMIN_COOKIE,
    description: `Set by POST ${adminPaths.session}: HttpOnly, SameSite=Strict, Secure (except plain http on localhost). State-changing requests also send the session's csrfToken in the ${CSRF_HEADER} header.`,
  },
};

const problem = (description: string, headers?: JsonObject) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('AdminProblem') } },
});
const retryAfter = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };
const common = {
  400: problem('Malformed JSON (code bad-request)'),
  408: problem('The request took too long to arrive (code bad-request)'),
  413: problem('Body too large (code payload-too-large)'),
  415: problem('Not JSON (code unsupported-media-type)'),
};
const session = (description: string) => ({ description, content: { 'application/json': { schema: ref('AdminSession') } } });
const signedIn = { security: [{ adminSession: [] }] };
const notSignedIn = problem('Not signed in, the session expired, or the account is disabled (code unauthorized)');

export function organiserPaths(): JsonObject {
  return {
    [adminPaths.signIn]: {
      post: {
        operationId: 'requestSignIn',
        summary: 'Email a one-time sign-in link',
        description:
          'Always 202, whether or not the address has an active account (no enumeration). An active account is emailed ' +
          '`<ADMIN_ORIGIN>/admin/#sign-in=<token>`: the token in the fragment, valid 15 minutes, once. Limited per client address and per email address.',
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: ref('SignInRequest') } } },
        responses: {
          202: { description: 'Accepted', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'sent' } }, required: ['status'] } } } },
          ...common,
          422: problem('Not an email address (code validation, naming email)'),
          429: problem('Too many sign-in requests from this address or for this email (code rate-limited)', retryAfter),
        },
      },
    },
    [adminPaths.session]: {
      post: {
        operationId: 'startAdminSession',
        summary: "Swap a sign-in link's token for a session",
        description: `Sets the ${ADMIN_COOKIE} cookie (Max-Age: ADMIN_SESSION_HOURS, default 12) and answers the organiser and the session's CSRF token.`,
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: ref('SessionRequest') } } },
        responses: {
          200: {
            ...session('Signed in'),
            headers: { 'Set-Cookie': { description: `${ADMIN_COOKIE}=…; HttpOnly; SameSite=Strict; Path=/; Max-Age=…`, schema: { type: 'string' } } },
          },
          ...common,
          404: problem('Unknown token, or the account is disabled (code token-invalid)'),
          409: problem('The link was used already (code token-used)'),
          410: problem('The link is older than 15 minutes (code token-expired)'),
          422: problem('Malformed token (code validation, naming token)'),
          429: problem('Too many attempts from this address (code rate-limited)', retryAfter),
        },
      },
    },
    [adminPaths.me]: {
      get: {
        operationId: 'getAdminSession',
        summary: 'The signed-in organiser and the CSRF token',
        ...signedIn,
        responses: { 200: session('Signed in'), 401: notSignedIn, 408: common[408] },
      },
    },
    [adminPaths.signOut]: {
      post: {
        operationId: 'signOut',
        summary: 'End the session and clear the cookie',
        description: `Needs the session's csrfToken in the ${CSRF_HEADER} header, like every state-changing organiser request.`,
        ...signedIn,
        responses: {
          204: { description: 'Signed out' },
          401: notSignedIn,
          403: problem(`Missing or wrong ${CSRF_HEADER} header (code csrf)`),
          408: common[408],
        },
      },
    },
  };
}
