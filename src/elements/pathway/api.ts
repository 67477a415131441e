import type { Audience } from '../../contract/enums.js';
import { PathwaySchema, pathwayPaths, type Pathway } from '../../contract/pathway-api.js';

/** Why a pathway did not load: the link opens nothing (`invalid`), or the server was not reached or answered oddly (`failed`, worth a retry). */
export class PathwayError extends Error {
  constructor(readonly kind: 'invalid' | 'failed') {
    super(kind);
  }
}

/**
 * The pathway element's only HTTP code: the token in a JSON body (never the URL), every answer
 * parsed with the contract. A 404 (unknown or erased link) and a 422 (a cut-off link) both mean
 * the link does not work; anything else may pass, so it can be tried again.
 */
export async function requestPathway(
  endpoint: string,
  body: { token: string; locale: string; audience?: Audience },
  signal?: AbortSignal,
): Promise<Pathway> {
  let res: Response;
  try {
    res = await fetch(`${endpoint}${body.audience ? pathwayPaths.audience : pathwayPaths.pathway}`, {
      method: body.audience ? 'PUT' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new PathwayError('failed');
  }
  if (res.status === 404 || res.status === 422) throw new PathwayError('invalid');
  const parsed = res.ok ? PathwaySchema.safeParse(await res.json().catch(() => undefined)) : undefined;
  if (!parsed?.success) throw new PathwayError('failed');
  return parsed.data as Pathway;
}
