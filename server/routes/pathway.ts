import type { Context } from 'hono';
import { PathwayAudienceRequestSchema, PathwayRequestSchema, PathwaySchema } from '../../src/contract/pathway-api.js';
import { json, ProblemError } from '../http/reply.js';
import { chooseAudience, findPathway } from '../store/pathway.js';
import type { Deps } from './context.js';
import { readValid } from './json-body.js';

/** A token and a language or an audience: small. */
export const MAX_PATHWAY_BODY_BYTES = 1024;

/** The same answer for a token never issued and one erased with its member: nothing about anyone. */
const unknownLink = () =>
  new ProblemError(404, 'token-invalid', 'This link does not work', {
    detail: 'Use the “Your Mobilise pathway” link from your newest email about a training session: every one has it.',
  });

/** POST /v1/pathway: the member's pathway, by the token from the link's fragment (in the body, never the URL). */
export async function postPathway(c: Context, deps: Deps): Promise<Response> {
  const { token, locale } = await readValid(c, PathwayRequestSchema, 'This link does not work');
  const pathway = await findPathway(deps.db, token, locale ?? 'en-GB', deps.now());
  if (!pathway) throw unknownLink();
  return json(c, PathwaySchema.parse(pathway));
}

/** PUT /v1/pathway/audience: remembers which pathway the member follows, and answers it. */
export async function putPathwayAudience(c: Context, deps: Deps): Promise<Response> {
  const { token, audience, locale } = await readValid(c, PathwayAudienceRequestSchema, 'This link does not work');
  if (!(await chooseAudience(deps.db, token, audience, deps.now()))) throw unknownLink();
  return json(c, PathwaySchema.parse(await findPathway(deps.db, token, locale ?? 'en-GB', deps.now())));
}
