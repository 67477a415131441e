import type { AccessFeature, Session, SessionQuery } from '../contract/index.js';

/** `access=a,b`: the session offers every feature named (none named: any session). */
export const offers = (s: Session, access = '') => !access || access.split(',').every((f) => s.accessFeatures?.includes(f as AccessFeature));

/** The server's session filters, applied in the browser for static mode. */
export function filterSessions(sessions: Session[], q: Omit<SessionQuery, 'locale'>): Session[] {
  const from = q.from ? Date.parse(q.from) : -Infinity;
  const to = q.to ? Date.parse(q.to) : Infinity;
  const area = q.area?.toLowerCase();
  return sessions
    .filter(
      (s) =>
        (!q.module || s.moduleId === q.module) &&
        (!q.delivery || s.delivery === q.delivery) &&
        (!area || s.area.toLowerCase() === area) &&
        offers(s, q.access) &&
        // Same as the server: from/to are inclusive bounds on the start time.
        Date.parse(s.start) >= from &&
        Date.parse(s.start) <= to,
    )
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
