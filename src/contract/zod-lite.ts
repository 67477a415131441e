/**
 * The browser's runtime for the contract: the handful of `zod/mini` functions
 * the schemas in this folder use, with zod's own parse semantics, in ~1 KB
 * instead of zod's ~7 KB. The schemas stay written in zod (the server, the tests,
 * the OpenAPI document and TypeScript use real zod); the browser builds
 * (vite.config.ts, web-test-runner, Storybook) alias `zod/mini` to this file.
 *
 * Same inputs, same result: success, output data (trimmed strings, defaults,
 * unknown keys stripped), and every issue's path and message, in zod's order.
 * test/node/contract-conformance.test.ts (in `npm test`) checks that against
 * real zod on every schema's fixture, every edge value at every place in it,
 * and thousands of random mutations. Anything outside this subset is missing on
 * purpose: a schema that starts using it fails that test rather than quietly
 * behaving differently in the browser.
 *
 * The regular expressions are zod's own: imported, or (the date-time one, whose
 * builder costs 0.16 KB gzip in the bundle) spelled out and held to zod's by
 * test/node/zod-lite-regexes.test.ts.
 */
import { regexes } from 'zod/v4/core';

type Key = string | number;
interface Issue {
  path: Key[];
  message: string;
  /** zod's flag: unless true, the checks that follow (bar length checks) are skipped. */
  continue?: boolean;
}
interface Payload {
  value: any;
  issues: Issue[];
}
type Params = { error?: string; message?: string; path?: Key[] } | undefined;
interface Check {
  /** Length checks run even after a failed type check, like zod's, when the value has a length. */
  when?: (p: Payload) => boolean;
  test: (p: Payload) => void;
}
interface Schema {
  /** The type check zod calls `_zod.parse`, before the checks. */
  base: (p: Payload) => void;
  checks: Check[];
  /** z.optional(): an object may leave the key out. */
  optional?: boolean;
  /** zod's `.check(…)`: a copy with more checks. */
  check: (...more: Check[]) => Schema;
  /** An object's fields, as zod's `.shape` (module-request.ts takes the signup's from it). */
  shape?: Record<string, Schema>;
  safeParse(value: unknown): { success: true; data: any } | { success: false; error: { issues: Issue[] } };
}

const DEFAULT_MESSAGE = 'Invalid input';
const message = (params: Params) => params?.error ?? params?.message ?? DEFAULT_MESSAGE;
/** An issue; `ok` marks one that lets later checks run. */
const issue = (p: Payload, params: Params, ok?: boolean, path: Key[] = []) => {
  p.issues.push({ path, message: message(params), continue: ok });
};
// Parsing a list of sessions calls these thousands of times: no copies of the issue list (issue 15).
const aborted = (p: Payload, from = 0) => p.issues.some((i, n) => n >= from && i.continue !== true);

function run(s: Schema, p: Payload): Payload {
  s.base(p);
  let stop = aborted(p);
  for (const c of s.checks) {
    if (c.when ? !c.when(p) : stop) continue;
    const before = p.issues.length;
    c.test(p);
    stop ||= aborted(p, before);
  }
  return p;
}

/** A schema: `base` checks the type, `checks` (zod's `.check(…)`) refine it. */
function schema(base: (p: Payload) => void, checks: Check[] = [], extra: Partial<Schema> = {}): Schema {
  const s = {
    base,
    checks,
    check: (...more: Check[]) => schema(base, [...checks, ...more], extra),
    safeParse(value: unknown) {
      const p = run(s, { value, issues: [] });
      return p.issues.length
        ? { success: false, error: { issues: p.issues.map(({ path, message }) => ({ path, message })) } }
        : { success: true, data: p.value };
    },
    ...extra,
  } as Schema;
  return s;
}

const typed = (ok: (v: any) => boolean, params?: Params) => (p: Payload) => {
  if (!ok(p.value)) issue(p, params);
};
/** A string format (email, url, datetime): a schema and, inside `.check()`, a check. */
const format = (test: (p: Payload) => boolean, params?: Params) => {
  const own: Check = { test: (p) => void (test(p) || issue(p, params, true)) };
  return Object.assign(schema(typed((v) => typeof v === 'string', params), [own]), own);
};
const pattern = (re: RegExp) => (p: Payload) => ((re.lastIndex = 0), re.test(p.value));

export const config = (_: object) => {};
export const string = (params?: Params) => schema(typed((v) => typeof v === 'string', params));
export const boolean = (params?: Params) => schema(typed((v) => typeof v === 'boolean', params));
export const unknown = () => schema(() => {});
export const literal = (value: unknown, params?: Params) => schema(typed((v) => v === value, params));
const oneOf = (values: readonly unknown[], params?: Params) => schema(typed((v) => values.includes(v), params));
export { oneOf as enum };

/**
 * zod's z.int(): a number, then an integer (else stop), then a safe one. zod
 * refuses NaN and ±Infinity as numbers first; here the integer test does, with
 * the same single issue.
 */
export const int = (params?: Params) =>
  schema(typed((v) => typeof v === 'number', params), [
    {
      test: (p) => {
        if (!Number.isInteger(p.value)) issue(p, params);
        else if (!Number.isSafeInteger(p.value)) issue(p, params, true);
      },
    },
  ]);

/** zod's regexes.datetime({ offset: true, local: false, precision: null }): the only date-time form the contract uses. */
export const DATETIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

export const email = (params?: Params) => format(pattern(regexes.email), params);
export const iso = {
  /** `{ offset: true }` only: a schema without it fails the conformance test (zod refuses offsets there). */
  datetime: (params: Params & { offset: true }) => format(pattern(DATETIME), params),
};
/**
 * zod's z.url(): trims, must parse; `protocol` is only ever /^https?$/ here, for
 * which zod also demands a literal "http(s)://" (so "https:/x" is refused).
 */
export const url = (params?: Params & { protocol?: RegExp }) =>
  format((p) => {
    const text = (p.value as string).trim();
    if (params?.protocol && !/^https?:\/\//i.test(text)) return false;
    try {
      new URL(text);
    } catch {
      return false;
    }
    p.value = text.replace(/[\t\n\r]/g, '');
    return true;
  }, params);

const hasLength = (p: Payload) => p.value != null && p.value.length !== undefined;
const length = (v: any): number => (typeof v === 'string' ? [...v].length : v.length);
export const minLength = (n: number, params?: Params): Check => ({
  when: hasLength,
  test: (p) => void (length(p.value) >= n || issue(p, params, true)),
});
export const maxLength = (n: number, params?: Params): Check => ({
  when: hasLength,
  test: (p) => void (length(p.value) <= n || issue(p, params, true)),
});
export const minimum = (n: number, params?: Params): Check => ({ test: (p) => void (p.value >= n || issue(p, params, true)) });
export const maximum = (n: number, params?: Params): Check => ({ test: (p) => void (p.value <= n || issue(p, params, true)) });
export const regex = (re: RegExp, params?: Params): Check => ({ test: (p) => void (pattern(re)(p) || issue(p, params, true)) });
export const trim = (): Check => ({ test: (p) => void (p.value = p.value.trim()) });
export const refine = (fn: (v: any) => unknown, params?: Params): Check => ({
  test: (p) => void (fn(p.value) || issue(p, params, true, [...(params?.path ?? [])])),
});

export const optional = (inner: Schema) => schema((p) => p.value === undefined || run(inner, p), [], { optional: true });
export const _default = (inner: Schema, value: unknown) =>
  schema((p) => (p.value === undefined ? (p.value = Array.isArray(value) ? [...value] : value) : run(inner, p)));

/** A field's or item's issues, under its key, into its parent's; then its value. */
const nest = (p: Payload, key: Key, r: Payload) => {
  for (const i of r.issues) p.issues.push({ ...i, path: [key, ...i.path] });
  return r.value;
};

export const array = (item: Schema, params?: Params) =>
  schema((p) => {
    if (!Array.isArray(p.value)) return issue(p, params);
    p.value = Array.from(p.value as unknown[], (v, i) => nest(p, i, run(item, { value: v, issues: [] })));
  });

/**
 * zod's z.object(): unknown keys are dropped, an absent optional key stays absent,
 * and any other absent key is parsed as `undefined` (so a default applies). Its `shape` too.
 * `fields` is not zod's: the shape's entries, listed once rather than on every parse.
 */
export const object = (shape: Record<string, Schema>, params?: Params, fields = Object.entries(shape)) =>
  schema((p) => {
    const input = p.value;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return issue(p, params);
    const out: Record<string, unknown> = {};
    for (const [key, s] of fields) {
      if (!(key in input) && s.optional) continue;
      out[key] = nest(p, key, run(s, { value: input[key], issues: [] }));
    }
    p.value = out;
  }, [], { shape });
/** Documentation only (the OpenAPI description); parsing ignores it. */
export const describe = (_text: string): Check => ({ when: () => false, test: () => {} });
