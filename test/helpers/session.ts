import type { Session } from '../../src/contract/index.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A valid two-hour online session; override only what a test is about. */
export function sessionFixture(over: Partial<Session> & { id: string; start: string }): Session {
  return {
    moduleId: 'field-organising-1',
    end: new Date(Date.parse(over.start) + 2 * HOUR).toISOString(),
    delivery: 'online',
    area: 'Glasgow',
    capacity: 20,
    spacesLeft: 12,
    status: 'scheduled',
    waitlist: true,
    ...over,
  };
}
