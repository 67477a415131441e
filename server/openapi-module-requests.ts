import * as z from 'zod/mini';
import {
  moduleRequestPaths,
  ModuleRequestResultSchema,
  ModuleRequestSchema,
  ModuleRequestTokenSchema,
  PooledRequestsResponseSchema,
} from '../src/contract/module-request.js';
import { PROBLEM_CONTENT_TYPE } from '../src/contract/index.js';
import { component, ref, type JsonObject } from './openapi-organisers.js';
import { MAX_REQUEST_BODY_BYTES } from './routes/module-requests.js';

/** "Ask for this module near me" in the OpenAPI document (openapi.ts merges these in). */

export function moduleRequestSchemas(): Record<string, JsonObject> {
  return {
    ModuleRequest: component(z.toJSONSchema(ModuleRequestSchema, { io: 'input' })),
    ModuleRequestToken: component(z.toJSONSchema(ModuleRequestTokenSchema, { io: 'input' })),
    ModuleRequestResult: component(z.toJSONSchema(ModuleRequestResultSchema)),
    PooledRequestsResponse: component(z.toJSONSchema(PooledRequestsResponseSchema)),
  };
}

const problem = (description: string, schema = 'Problem') => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref(schema) } } });
const result = (description: string) => ({ description, content: { 'application/json': { schema: ref('ModuleRequestResult') } } });
const body = (schema: string, bytes: number) => ({ required: true, description: `JSON, at most ${bytes} bytes.`, content: { 'application/json': { schema: ref(schema) } } });
const posted = {
  400: problem('Malformed JSON (code bad-request)'),
  403: problem('Sent from a website that is not allowed (code forbidden)'),
  408: problem('The request took too long to arrive (code bad-request)'),
  413: problem('Body too large (code payload-too-large)'),
  415: problem('Not JSON (code unsupported-media-type)'),
};

export function moduleRequestOpenApiPaths(): JsonObject {
  return {
    [moduleRequestPaths.create]: {
      post: {
        operationId: 'requestModule',
        summary: 'Ask to be emailed when a session of a module is published in an area',
        description:
          'Double opt-in: a link to confirm is emailed (to the server’s request page, /request?lang=…#mobilise-request=<token>, which ' +
          'POSTs the token to /confirm; returnUrl with #mobilise-request=<token> when the server has no such page); only a confirmed request counts. ' +
          'The answer is the same whether or not the address asked before: a pending request is sent a fresh link, a confirmed one nothing; ' +
          'one request per module, area (any letter case) and address. When a session of the module is published in the area, the member ' +
          'is emailed once (a link to returnUrl with #session=<id>, the calendar’s deep link that opens the session) and the request is closed. ' +
          'Accepted from ALLOWED_ORIGINS and from the server’s own request page.',
        security: [],
        requestBody: body('ModuleRequest', MAX_REQUEST_BODY_BYTES),
        responses: {
          202: result('Accepted, pending confirmation by the emailed link'),
          ...posted,
          404: problem('No such module (code not-found)'),
          422: problem('Invalid fields (code validation, with errors per field; returnUrl when its origin is not allowed)'),
          429: problem('Too many requests from this address (code rate-limited)'),
        },
      },
    },
    [moduleRequestPaths.confirm]: {
      post: {
        operationId: 'confirmModuleRequest',
        summary: 'Confirm a module request with the token from its email',
        description: 'The request now counts, and the consent is recorded. Following the link again answers the request as it stands (open, or notified once emailed about a session).',
        security: [],
        requestBody: body('ModuleRequestToken', 1024),
        responses: {
          200: result('The request'),
          ...posted,
          404: problem('The token is unknown, or an older link of a request asked again (code token-invalid)'),
          410: problem('The link lapsed unconfirmed, a week after it was sent (code token-expired)'),
          422: problem('The token is malformed (code validation, naming token)'),
        },
      },
    },
    [moduleRequestPaths.pooled]: {
      get: {
        operationId: 'listModuleRequests',
        summary: 'Confirmed requests waiting for a session, pooled per module and area: counts, never addresses',
        description: 'An organiser sees their own areas (matched in any letter case); an admin every area. Most asked first.',
        security: [{ adminSession: [] }],
        responses: {
          200: { description: 'The pooled requests', content: { 'application/json': { schema: ref('PooledRequestsResponse') } } },
          401: problem('Not signed in, the session expired, or the account is disabled (code unauthorized)', 'AdminProblem'),
          408: problem('The request took too long to arrive (code bad-request)', 'AdminProblem'),
        },
      },
    },
  };
}
