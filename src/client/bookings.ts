import { BookingConfirmResultSchema, BookingViewSchema, type BookingConfirmResult, type BookingView, type paths } from '../contract/index.js';
import type { MobiliseClient } from './client.js';

/** Spelled out rather than read from `paths`: a property read from this lazy chunk would keep the whole object in every page's bundle. */
type Action = 'confirm' | 'view' | 'cancel';
const path = (action: Action): (typeof paths)[`booking${Capitalize<Action>}`] => `/v1/bookings/${action}`;

/*
 * The booking calls, apart from MobiliseClient so that only the booking page (/booking, where the
 * emailed links lead) loads them, never the embed. The token goes in the JSON body, never in the URL
 * that logs keep. A refusal is a MobiliseError of kind 'problem' carrying the server's code:
 * token-invalid, token-used, token-expired, session-started (validation for a malformed token).
 * Retrying is safe: a repeated confirmation answers token-used, a repeated cancellation the cancelled booking.
 */

/** Follow a confirmation link: the held place (or waiting-list slot) becomes the member's; `manageToken` is the link to keep. */
export const confirmBooking = (client: MobiliseClient, token: string, signal?: AbortSignal): Promise<BookingConfirmResult> =>
  client.post(path('confirm'), { token }, BookingConfirmResultSchema, signal);

/** The booking behind a manage link. */
export const viewBooking = (client: MobiliseClient, token: string, signal?: AbortSignal): Promise<BookingView> =>
  client.post(path('view'), { token }, BookingViewSchema, signal);

/** Cancel the booking behind a manage link; answers the cancelled booking (again, if it already was). */
export const cancelBooking = (client: MobiliseClient, token: string, signal?: AbortSignal): Promise<BookingView> =>
  client.post(path('cancel'), { token }, BookingViewSchema, signal);
