import * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE } from '../src/contract/index.js';
import { PathwayAudienceRequestSchema, pathwayPaths, PathwayRequestSchema, PathwaySchema } from '../src/contract/pathway-api.js';
import { component, ref, type JsonObject } from './openapi-organisers.js';
import { MAX_PATHWAY_BODY_BYTES } from './routes/pathway.js';

/** "My Mobilise pathway" in the OpenAPI document (openapi.ts merges these in). */
export function pathwaySchemas(): Record<string, JsonObject> {
  return {
    Pathway: component(z.toJSONSchema(PathwaySchema)),
    PathwayRequest: component(z.toJSONSchema(PathwayRequestSchema, { io: 'input' })),
    PathwayAudienceRequest: component(z.toJSONSchema(PathwayAudienceRequestSchema, { io: 'input' })),
  };
}

const problem = (description: string, headers?: JsonObject) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
});

/** Both operations: the token from the link's fragment travels in the body, never in a URL that logs would keep. */
function operation(operationId: string, summary: string, description: string, request: string): JsonObject {
  return {
    operationId,
    summary,
    description: `${description} No personal data: no name, address or contact detail, whoever holds the link.`,
    security: [],
    requestBody: {
      required: true,
      description: `JSON, at most ${MAX_PATHWAY_BODY_BYTES} bytes.`,
      content: { 'application/json': { schema: ref(request) } },
    },
    responses: {
      200: { description: 'The member’s pathway', content: { 'application/json': { schema: ref('Pathway') } } },
      400: problem('Malformed JSON (code bad-request)'),
      404: problem('The token is unknown, or its member’s data has been erased (code token-invalid): the answer holds nothing else'),
      408: problem('The request took too long to arrive (code bad-request)'),
      413: problem('Body too large (code payload-too-large)'),
      415: problem('Not JSON (code unsupported-media-type)'),
      422: problem('The token is malformed, or the audience or locale unknown (code validation, with errors per field)'),
      429: problem('Too many requests from this address (code rate-limited)', {
        'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
      }),
    },
  };
}

export function pathwayOpenApiPaths(): JsonObject {
  return {
    [pathwayPaths.pathway]: {
      post: operation(
        'getPathway',
        'A member’s Mobilise pathway, by the token from the link in any of their emails',
        'What they attended (organisers’ records), their upcoming bookings, their audience’s modules in order with where they stand, the next one to take, and progress across the programme. Module titles in `locale` where translated.',
        'PathwayRequest',
      ),
    },
    [pathwayPaths.audience]: {
      put: operation(
        'choosePathwayAudience',
        'Remember which audience’s pathway the member follows',
        'Answers the pathway for that audience. Until a member chooses, the pathway shown is the one that holds most of what they attended or booked.',
        'PathwayAudienceRequest',
      ),
    },
  };
}
