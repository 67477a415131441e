export { MobiliseClient, getClient, type ClientOptions, type SessionsQuery } from './client.js';
export { cancelBooking, confirmBooking, viewBooking } from './bookings.js';
export { MobiliseError, isMobiliseError, type ErrorKind } from './errors.js';
export { resolveEndpoint, type ResolvedEndpoint, type EndpointMode } from './endpoint.js';
export type { Listing, DroppedItem } from './validate.js';
export { filterSessions } from './filter.js';
