import { en } from '../strings/en.js';

/**
 * One source per enum: an `as const` list, the type derived from it, and a
 * pure parser for attribute values. Schemas, elements and server all use these.
 */
export const STRANDS = ['field', 'digital', 'message', 'data', 'community', 'unions', 'clp'] as const;
export type Strand = (typeof STRANDS)[number];

export const AUDIENCES = ['new-activists', 'activists', 'candidates', 'role-holders'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const DELIVERY_MODES = ['online', 'in-person', 'hybrid'] as const;
export type Delivery = (typeof DELIVERY_MODES)[number];

export const SESSION_STATUSES = ['scheduled', 'full', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const MEMBERSHIP_STATUSES = ['member', 'supporter', 'not-yet'] as const;
export type Membership = (typeof MEMBERSHIP_STATUSES)[number];

/** What a signup answers at once: it waits for the member to confirm by email. */
export const SIGNUP_STATUSES = ['pending'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** What a pending signup holds until it is confirmed or expires. */
export const HOLD_KINDS = ['place', 'waitlist'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

/**
 * What a session offers for access (issue 14), besides its free-text note. Stored and sent in
 * this order; their words are the strings' `access` section (ACCESS_WORDS_EN in English).
 */
export const ACCESS_FEATURES = [
  'step-free',
  'hearing-loop',
  'bsl',
  'captions',
  'quiet-room',
  'accessible-toilets',
  'childcare',
  'parking',
  'public-transport',
] as const;
export type AccessFeature = (typeof ACCESS_FEATURES)[number];
/** The organiser console's words, and the English emails': the embed's English labels (src/strings), so they never differ. */
export const ACCESS_WORDS_EN: Record<AccessFeature, string> = en.access;

/**
 * The Labour tools the programme teaches (issue 14), by their proper names: "Mosaic", not
 * "mosaic". Names, not slugs: they are brands, shown as they are in every language.
 */
export const TOOLS = ['Contact Creator', 'Doorstep App', 'Dialogue', 'Organise', 'Insight', 'Mosaic'] as const;
export type Tool = (typeof TOOLS)[number];

/** A booking's state, as its manage link shows it. */
export const BOOKING_STATUSES = ['pending', 'confirmed', 'waitlisted', 'expired', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * Parse an attribute value against a known list. Unknown values return
 * `undefined` (treated as "no filter") and `onUnknown` lets callers warn in dev.
 */
export function parseEnum<T extends string>(
  list: readonly T[],
  value: string | null | undefined,
  onUnknown?: (value: string) => void,
): T | undefined {
  if (value == null || value === '') return undefined;
  const v = value.trim().toLowerCase();
  // Case aside, the list's own spelling: "Field" is `field`, "insight" is the tool `Insight`.
  const known = list.find((item) => item.toLowerCase() === v);
  if (known) return known;
  onUnknown?.(value);
  return undefined;
}
