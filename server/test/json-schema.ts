/**
 * Just enough JSON Schema 2020-12 for docs/openapi.json: a validator and a
 * fast-check generator of values. Any keyword outside this subset throws, so
 * the document cannot quietly grow a rule these tests ignore.
 */
import fc from 'fast-check';

export type Schema = Record<string, unknown>;
/** Where a value breaks the schema: the path (top-level property first) and the keyword. */
export interface Violation {
  path: (string | number)[];
  keyword: string;
}

const ANNOTATIONS = new Set(['description', 'default', 'title', 'format', 'examples']);
const KEYWORDS = new Set([
  ...ANNOTATIONS,
  ...['$ref', 'type', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'],
  ...['properties', 'required', 'additionalProperties', 'items', 'allOf', 'anyOf'],
]);

export class JsonSchemas {
  constructor(private readonly doc: Schema) {}

  /** Follows local `$ref`s ("#/components/schemas/Name"). */
  resolve(schema: Schema): Schema {
    let s = schema;
    while (typeof s.$ref === 'string') {
      s = s.$ref
        .slice(2)
        .split('/')
        .reduce((node: any, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.doc);
      if (!s) throw new Error(`unresolved ${String(schema.$ref)}`);
    }
    return s;
  }

  validate(schema: Schema, value: unknown, path: (string | number)[] = []): Violation[] {
    const s = this.resolve(schema);
    const out: Violation[] = [];
    const fail = (keyword: string, at = path) => out.push({ path: at, keyword });
    for (const key of Object.keys(s)) if (!KEYWORDS.has(key)) throw new Error(`JSON Schema keyword ${key} is not supported here`);

    if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((t) => typeOf(value, t as string))) {
      fail('type');
      return out;
    }
    if (s.enum && !(s.enum as unknown[]).some((v) => v === value)) fail('enum');
    if ('const' in s && s.const !== value) fail('const');
    if (typeof value === 'string') {
      const length = [...value].length;
      if (typeof s.minLength === 'number' && length < s.minLength) fail('minLength');
      if (typeof s.maxLength === 'number' && length > s.maxLength) fail('maxLength');
      // JSON Schema patterns are ECMA-262 with the u flag, and unanchored.
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) fail('pattern');
    }
    if (typeof value === 'number') {
      if (typeof s.minimum === 'number' && value < s.minimum) fail('minimum');
      if (typeof s.maximum === 'number' && value > s.maximum) fail('maximum');
    }
    if (Array.isArray(value)) {
      if (typeof s.minItems === 'number' && value.length < s.minItems) fail('minItems');
      if (typeof s.maxItems === 'number' && value.length > s.maxItems) fail('maxItems');
    }
    if (Array.isArray(value) && s.items) value.forEach((item, i) => out.push(...this.validate(s.items as Schema, item, [...path, i])));
    if (isObject(value)) {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      for (const key of (s.required ?? []) as string[]) if (!(key in value)) fail('required', [...path, key]);
      for (const [key, v] of Object.entries(value)) {
        if (properties[key]) out.push(...this.validate(properties[key], v, [...path, key]));
        else if (s.additionalProperties === false) fail('additionalProperties', [...path, key]);
        else if (isObject(s.additionalProperties)) out.push(...this.validate(s.additionalProperties, v, [...path, key]));
      }
    }
    for (const part of (s.allOf ?? []) as Schema[]) out.push(...this.validate(part, value, path));
    if (s.anyOf && !(s.anyOf as Schema[]).some((part) => this.validate(part, value, path).length === 0)) fail('anyOf');
    return out;
  }

  /**
   * Values the schema accepts, boundary lengths included (exactly minLength and
   * maxLength). `known` adds real values (ids of seeded sessions, say) to the mix.
   */
  valid(schema: Schema, known: Record<string, unknown[]> = {}, name = ''): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const ok = (v: unknown) => this.validate(s, v).length === 0;
    if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
    if ('const' in s) return fc.constant(s.const);
    // A nullable field (anyOf [T, null]): either part.
    if (!s.type && Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as Schema[]).map((part) => this.valid(part, known, name)));
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    switch (type) {
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'integer':
        return fc.integer({ min: s.minimum as number | undefined, max: s.maximum as number | undefined });
      case 'array': {
        // Up to three items, within the schema's own bounds.
        const minLength = (s.minItems as number | undefined) ?? 0;
        return fc.array(this.valid(s.items as Schema, known), { minLength, maxLength: Math.max(minLength, Math.min(3, (s.maxItems as number | undefined) ?? 3)) });
      }
      case 'object': {
        const properties = (s.properties ?? {}) as Record<string, Schema>;
        const record = Object.fromEntries(Object.entries(properties).map(([key, p]) => [key, this.valid(p, known, key)]));
        return fc.record(record, { requiredKeys: (s.required ?? []) as string[] });
      }
      case 'string': {
        // Drawn from each pattern in turn and kept only when all hold: one pattern alone can almost never meet
        // another (a plain-text line is rarely also an https:// address), and the filter would never end.
        // Only anchored patterns describe a whole value; an unanchored one ("has a visible character") only filters.
        const patterns = [s.pattern, ...((s.allOf ?? []) as Schema[]).map((p) => p.pattern)].filter((p): p is string => typeof p === 'string' && p.startsWith('^'));
        const base = patterns.length ? fc.oneof(...patterns.map((p) => fc.stringMatching(new RegExp(p)))) : fc.string({ unit: 'binary', maxLength: 20 });
        const stretched = [s.minLength, s.maxLength]
          .filter((n): n is number => typeof n === 'number')
          .map((n) => base.map((v) => stretch(v, n)));
        const values = fc.oneof(base, ...stretched).filter(ok);
        return known[name]?.length ? fc.oneof(values, fc.constantFrom(...known[name]!)) : values;
      }
      default:
        throw new Error(`cannot generate values of ${JSON.stringify(s).slice(0, 200)}`);
    }
  }

  /** Values the schema most likely refuses: wrong types, one character over the limit, controls, blanks. */
  edgy(schema: Schema): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    const overLong = typeof s.maxLength === 'number' ? [this.valid(s).map((v) => stretch(String(v), (s.maxLength as number) + 1))] : [];
    return fc.oneof(
      fc.constantFrom(null, 0, 1.5, true, [], {}, '', ' ', '\u0000', 'a\u0000b', '\u200b', 'Ann\u202eLee', 'x\ud800', '\t', 'a\nb'),
      fc.constantFrom('0000-01-01T00:00:00Z', '2026-01-01T00:00:00+16:00', '2026-01-01T00:00:00-18:00', ' g1 1aa ', ' a@b.co '),
      fc.string({ unit: 'binary', maxLength: 30 }),
      ...overLong,
    );
  }
}

/** The string's code points repeated (or cut) to exactly `length` of them; "" stays "" unless longer is asked. */
function stretch(value: string, length: number): string {
  const points = [...(value || 'a')];
  return Array.from({ length }, (_, i) => points[i % points.length]).join('');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      throw new Error(`unknown type ${type}`);
  }
}
