import type { Strings } from './en.js';

/**
 * Sentences built from several messages, in any locale's strings: the choices here are about
 * the numbers (is a filter on? hours or minutes?), never about grammar, which stays in the messages.
 */

/** "2 hours 30 minutes", "45 minutes", "1 hour". */
export function duration(s: Strings, total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h && m ? s.catalogue.duration(s.catalogue.hours(h), s.catalogue.minutes(m)) : h ? s.catalogue.hours(h) : s.catalogue.minutes(m);
}

/** The modules' count: "12 training modules", or "Showing 3 of 12 training modules" under a filter. */
export const moduleCount = (s: Strings, shown: number, total: number) => (shown === total ? s.catalogue.results(total) : s.catalogue.resultsFiltered(shown, total));

/** The sessions' count, likewise. */
export const sessionCount = (s: Strings, shown: number, total: number) => (shown === total ? s.calendar.count(total) : s.calendar.countFiltered(shown, total));

/** A rate limit's wait in words: seconds under a minute and a half, else whole minutes. */
export const rateLimitedFor = (s: Strings, seconds: number) =>
  seconds < 90 ? s.signup.rateLimitedSeconds(Math.max(1, Math.round(seconds))) : s.signup.rateLimitedMinutes(Math.round(seconds / 60));
