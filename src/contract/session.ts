import * as z from 'zod/mini';
import { ACCESS_FEATURES, DELIVERY_MODES, SESSION_STATUSES } from './enums.js';
import { en } from '../strings/en.js';
import { CONTENT_LOCALES, slug, translations } from './module.js';
import { plainText, typedText } from './text.js';

/**
 * Within what PostgreSQL's timestamptz stores: years 0001–9999 (there is no
 * year 0) and offsets up to ±15:59. Real offsets stop at ±14:00.
 */
const STORABLE = /^(?:[1-9]\d{3}|0[1-9]\d\d|00[1-9]\d|000[1-9])-.*(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;

/** ISO 8601 date-time with an explicit offset; displayed in Europe/London. */
export const dateTime = z.iso.datetime({ offset: true }).check(
  z.regex(STORABLE),
  z.describe('RFC 3339 date-time with an offset (Z or ±hh:mm up to ±15:59), years 0001–9999.'),
);

export const VenueSchema = z.object({
  name: z.string().check(plainText('line'), z.minLength(1), z.maxLength(200)),
  address: z.string().check(plainText('paragraphs'), z.minLength(1), z.maxLength(500)),
  postcode: z.string().check(plainText('line'), z.minLength(2), z.maxLength(10)),
});
export type Venue = z.infer<typeof VenueSchema>;

const accessibility = z.string().check(plainText('paragraphs'), z.maxLength(2_000));

export const SessionSchema = z
  .object({
    id: slug,
    moduleId: slug,
    start: dateTime,
    end: dateTime,
    delivery: z.enum(DELIVERY_MODES),
    /** Required for in-person and hybrid sessions. */
    venue: z.optional(VenueSchema),
    /** Area or CLP the session is run for, e.g. "Glasgow" or "Edinburgh South". */
    area: z.string().check(plainText('line'), z.minLength(1), z.maxLength(120)),
    capacity: z.int().check(z.minimum(1), z.maximum(10_000)),
    spacesLeft: z.int().check(z.minimum(0), z.maximum(10_000)),
    status: z.enum(SESSION_STATUSES),
    waitlist: z.boolean(),
    trainer: z.optional(z.string().check(plainText('line'), z.maxLength(120))),
    signupDeadline: z.optional(dateTime),
    accessibility: z.optional(accessibility),
    /** Structured access (step-free, hearing loop…), in ACCESS_FEATURES' order. The server always sends it; absent (a static file) is none. */
    accessFeatures: z.optional(z.array(z.enum(ACCESS_FEATURES))),
    /** The accessibility note in Gaelic and Welsh; English is the fallback. */
    translations: translations({ accessibility: z.optional(accessibility) }),
  })
  .check(
    z.refine((s) => Date.parse(s.end) > Date.parse(s.start), { message: 'end must be after start', path: ['end'] }),
    z.refine((s) => s.delivery === 'online' || s.venue !== undefined, {
      message: 'in-person and hybrid sessions need a venue',
      path: ['venue'],
    }),
    z.refine((s) => s.spacesLeft <= s.capacity, { message: 'spacesLeft exceeds capacity', path: ['spacesLeft'] }),
  );
export type Session = z.infer<typeof SessionSchema>;

/**
 * Whose translations to include: the page's language (English only without it). The query
 * schemas are the server's (the browser builds its query itself): marked pure, so the embed,
 * which never parses a query, leaves them out.
 */
const locale = /* @__PURE__ */ (() => z.optional(z.enum(CONTENT_LOCALES)))();

/** `access=step-free,hearing-loop`: comma-separated features, any order, each one known (the regex, so OpenAPI states it). */
const access = /* @__PURE__ */ (() => {
  const one = `(?:${ACCESS_FEATURES.join('|')})`;
  return z.optional(
    z.string().check(z.regex(new RegExp(`^${one}(?:,${one})*$`), { error: `Give access features from ${ACCESS_FEATURES.join(', ')}, separated by commas` })),
  );
})();

/** Filters accepted by GET /v1/sessions; all optional. */
export const SessionQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    module: z.optional(slug),
    from: z.optional(dateTime),
    to: z.optional(dateTime),
    area: z.optional(typedText('line', 120, { blank: en.validation.area, tooLong: en.validation.area })),
    delivery: z.optional(z.enum(DELIVERY_MODES)),
    /** Sessions offering every one of these features. */
    access,
    locale,
  }))();
export type SessionQuery = z.infer<typeof SessionQuerySchema>;

/** GET /v1/modules: the language whose translations to include (none without it). */
export const ModulesQuerySchema = /* @__PURE__ */ (() => z.object({ locale }))();
