import type { Context } from 'hono';
import * as z from 'zod/mini';
import { JoiningSchema } from '../../src/contract/admin.js';
import { BookingConfirmResultSchema, BookingTokenRequestSchema, BookingViewSchema } from '../../src/contract/index.js';
import { json, ProblemError } from '../http/reply.js';
import type { MailContext } from '../store/booking-mail.js';
import { cancelBooking, confirmBooking, viewBooking, type TokenOutcome, type TokenProblem } from '../store/bookings.js';
import { fieldErrors } from '../http/validation.js';
import type { Deps } from './context.js';
import { readJsonObject } from './json-body.js';

export const MAX_TOKEN_BODY_BYTES = 1024;

/**
 * The booking as the server answers it: the contract's view, whose `joining` (an online or hybrid
 * session's joining details, only while the place is confirmed) is held here to JoiningSchema's
 * full rules and described for the OpenAPI document. The contract checks only what the embed
 * relies on (an https link), as each rule and word there costs every page bytes.
 */
const joining = z.optional(JoiningSchema.check(z.describe('Only for a confirmed booking of an online or hybrid session with joining details; never pending, on the waiting list, cancelled or expired.')));
export const MemberBookingViewSchema = z.extend(BookingViewSchema, { joining });
export const MemberConfirmResultSchema = z.extend(BookingConfirmResultSchema, { joining });

/** Human titles the booking page can show as they are. */
const PROBLEMS: Record<TokenProblem, ProblemError> = {
  'token-invalid': new ProblemError(404, 'token-invalid', 'This link does not work', {
    detail: 'Check that you used the whole link from your email. If it still does not work, sign up again.',
  }),
  'token-used': new ProblemError(409, 'token-used', 'You have already confirmed', {
    detail: 'Your booking is confirmed. The email we sent when you confirmed has a link to see or cancel it.',
  }),
  'token-expired': new ProblemError(410, 'token-expired', 'This link has expired', {
    detail: 'The session it was for has finished.',
  }),
  'session-started': new ProblemError(409, 'session-started', 'This session has already started', {
    detail: 'Bookings cannot be confirmed or cancelled once a session has started.',
  }),
};

type Action<T> = (db: Deps['db'], token: string, ctx: MailContext) => Promise<TokenOutcome<T>>;

/** POST /v1/bookings/{confirm,view,cancel}, behind limitBody(MAX_TOKEN_BODY_BYTES): the token comes in the JSON body, never in the URL. */
function tokenRoute<T>(action: Action<T>, schema: { parse(value: unknown): unknown }, writes: boolean) {
  return async (c: Context, deps: Deps): Promise<Response> => {
    const parsed = BookingTokenRequestSchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw new ProblemError(422, 'validation', 'This link does not work', { errors: fieldErrors(parsed.error) });
    const outcome = await action(deps.db, parsed.data.token, { now: deps.now(), mail: deps.mail });
    if (outcome.kind !== 'ok') throw PROBLEMS[outcome.kind];
    if (writes) deps.mailWritten();
    return json(c, schema.parse(outcome.value));
  };
}

export const postConfirm = tokenRoute(confirmBooking, MemberConfirmResultSchema, true);
export const postView = tokenRoute(viewBooking, MemberBookingViewSchema, false);
export const postCancel = tokenRoute(cancelBooking, MemberBookingViewSchema, true);
