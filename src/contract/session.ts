import * as z from 'zod/mini';
import { DELIVERY_MODES, SESSION_STATUSES } from './enums.js';
import { slug } from './module.js';

/** ISO 8601 date-time with an explicit offset; displayed in Europe/London. */
export const dateTime = z.iso.datetime({ offset: true });

export const VenueSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  address: z.string().check(z.minLength(1), z.maxLength(500)),
  postcode: z.string().check(z.minLength(2), z.maxLength(10)),
});
export type Venue = z.infer<typeof VenueSchema>;

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
    area: z.string().check(z.minLength(1), z.maxLength(120)),
    capacity: z.int().check(z.minimum(1), z.maximum(10_000)),
    spacesLeft: z.int().check(z.minimum(0), z.maximum(10_000)),
    status: z.enum(SESSION_STATUSES),
    waitlist: z.boolean(),
    trainer: z.optional(z.string().check(z.maxLength(120))),
    signupDeadline: z.optional(dateTime),
    accessibility: z.optional(z.string().check(z.maxLength(2_000))),
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

/** Filters accepted by GET /v1/sessions; all optional. */
export const SessionQuerySchema = z.object({
  module: z.optional(slug),
  from: z.optional(dateTime),
  to: z.optional(dateTime),
  area: z.optional(z.string().check(z.maxLength(120))),
  delivery: z.optional(z.enum(DELIVERY_MODES)),
});
export type SessionQuery = z.infer<typeof SessionQuerySchema>;
