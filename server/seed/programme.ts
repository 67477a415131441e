/**
 * Seed data for the Mobilise programme: modules and a deterministic calendar of
 * sessions. Pure (no Node imports) so browser tests and Storybook can use it too.
 */
export { modules } from './modules.js';
export { makeSessions } from './sessions.js';
