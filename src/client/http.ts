import { PROBLEM_CONTENT_TYPE, ProblemSchema } from '../contract/index.js';
import { MobiliseError } from './errors.js';

export interface HttpOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Extra attempts after the first, for requests that are safe to repeat. */
  retries: number;
  retryBaseMs: number;
  /** Responses larger than this are refused rather than parsed. */
  maxBytes: number;
  /** Accept JSON served with a non-JSON content type (static files on odd hosts). */
  lenientContentType?: boolean;
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Exponential backoff with full jitter, capped; honours Retry-After when the server sends one. */
export function backoffMs(attempt: number, baseMs: number, retryAfterS?: number): number {
  if (retryAfterS !== undefined && retryAfterS >= 0) return Math.min(retryAfterS * 1000, 30_000);
  const cap = Math.min(baseMs * 2 ** attempt, 8_000);
  return cap / 2 + Math.random() * (cap / 2);
}

function isJsonType(type: string | null) {
  return !!type && /^application\/([\w.+-]+\+)?json\b/i.test(type);
}

async function readBody(res: Response, opts: HttpOptions): Promise<unknown> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > opts.maxBytes) throw new MobiliseError('bad-response', `Response too large (${declared} bytes)`, { status: res.status });
  const text = await res.text();
  if (text.length > opts.maxBytes) throw new MobiliseError('bad-response', `Response too large (${text.length} chars)`, { status: res.status });
  const type = res.headers.get('content-type');
  if (!isJsonType(type) && !opts.lenientContentType) {
    throw new MobiliseError('bad-response', `Expected JSON but got ${type ?? 'no content type'}`, { status: res.status });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MobiliseError('bad-response', 'Response is not valid JSON', { status: res.status, cause });
  }
}

function retryAfterSeconds(res: Response): number | undefined {
  const h = res.headers.get('retry-after');
  if (!h) return undefined;
  const n = Number(h);
  if (Number.isFinite(n)) return n;
  const date = Date.parse(h);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

async function errorFromResponse(res: Response): Promise<MobiliseError> {
  const retryAfter = retryAfterSeconds(res);
  const type = res.headers.get('content-type') ?? '';
  if (type.includes(PROBLEM_CONTENT_TYPE) || isJsonType(type)) {
    try {
      const parsed = ProblemSchema.safeParse(JSON.parse(await res.text()));
      if (parsed.success) {
        return new MobiliseError('problem', parsed.data.title, {
          status: res.status,
          problem: parsed.data,
          retryAfter: parsed.data.retryAfter ?? retryAfter,
        });
      }
    } catch {
      /* fall through to a plain HTTP error */
    }
  }
  return new MobiliseError('http', `HTTP ${res.status}`, { status: res.status, retryAfter });
}

/** One attempt: fetch with a timeout that is told apart from the caller aborting. */
async function attempt(url: string, init: RequestInit, opts: HttpOptions, signal?: AbortSignal): Promise<JsonResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new MobiliseError('timeout', `No answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
  const onAbort = () => timeout.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let res: Response;
    try {
      res = await opts.fetch(url, { ...init, signal: timeout.signal });
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) throw timeout.signal.reason;
      throw new MobiliseError('network', 'Network request failed', { cause });
    }
    if (!res.ok) throw await errorFromResponse(res);
    try {
      return { status: res.status, body: await readBody(res, opts) };
    } catch (e) {
      // The body stream is tied to the timeout signal too.
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) throw timeout.signal.reason;
      if (e instanceof MobiliseError) throw e;
      // The connection dropped while the body was arriving: a network failure, safe to retry.
      throw new MobiliseError('network', 'Connection lost while reading the response', { status: res.status, cause: e });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * JSON request with timeout and retry. Only call with `retries > 0` for
 * requests that are safe to repeat: GETs, or POSTs carrying an idempotency key.
 */
export async function requestJson(url: string, init: RequestInit, opts: HttpOptions, signal?: AbortSignal): Promise<JsonResponse> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(url, init, opts, signal);
    } catch (e) {
      const retryable = e instanceof MobiliseError && e.retryable;
      if (!retryable || n >= opts.retries || signal?.aborted) throw e;
      await sleep(backoffMs(n, opts.retryBaseMs, (e as MobiliseError).details.retryAfter), signal);
    }
  }
}
