/**
 * The audit log in words: every action the server writes (grep `action:` in server/), who an
 * actor that is not an organiser is, and each action's detail (ids and counts) as a phrase.
 */
import { eraseWords } from './people-api.js';

export const ACTIONS: Record<string, string> = {
  'session.create': 'Created a session',
  'session.update': 'Changed a session',
  'session.duplicate': 'Duplicated a session',
  'session.cancel': 'Cancelled a session',
  'session.publish': 'Published a session',
  'session.unpublish': 'Unpublished a session',
  'session.attendees': 'Viewed the attendee list',
  'session.attendance': 'Marked attendance',
  'module.create': 'Created a module',
  'module.update': 'Changed a module',
  'person.search': 'Searched a person’s data',
  'person.erase': 'Erased a person',
  'signups.export': 'Exported signups',
  'sign-in.requested': 'Asked for a sign-in link',
  'sign-in.rate-limited': 'Sign-in refused: too many attempts',
  'sign-in.succeeded': 'Signed in',
  'sign-in.failed': 'Sign-in link refused',
  'sign-out': 'Signed out',
  'organiser.create': 'Created an organiser account',
  'organiser.disable': 'Disabled an organiser account',
  'organiser.enable': 'Enabled an organiser account',
  'organiser.set-areas': 'Changed an organiser’s areas',
};

/** An action the console does not know yet is shown as the server wrote it. */
export const actionWords = (action: string) => ACTIONS[action] ?? action;

/** The organiser's name; otherwise what the actor is. */
export function actorWords(actor: string, name?: string): string {
  if (name) return name;
  if (actor === 'cli') return 'Server command line';
  if (actor === 'anonymous') return 'Unknown email address';
  if (actor.startsWith('token:')) return `API token (${actor.slice(6)})`;
  return /^\d+$/.test(actor) ? `Organiser ${actor}` : actor;
}

const count = (n: unknown, one: string, many = `${one}s`) => (typeof n === 'number' ? `${n} ${n === 1 ? one : many}` : '');
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
const REFUSED: Record<string, string> = { 'token-invalid': 'the link was not valid', 'token-used': 'the link had been used', 'token-expired': 'the link had expired' };

/** Phrases per action from its detail; anything else as "key: value" so nothing is hidden. */
const DETAIL: Record<string, (d: Record<string, unknown>) => string[]> = {
  'session.update': (d) => [list(d.fields) && `Changed ${list(d.fields)}`, d.emailed ? `emails queued for ${count(d.emailed, 'person', 'people')}` : ''],
  'session.cancel': (d) => [`emails queued for ${count(d.emailed, 'person', 'people')}`],
  // Members who had asked for the module in the session's area (module requests).
  'session.publish': (d) => [d.emailed ? `emails queued for ${count(d.emailed, 'person', 'people')} who asked for it there` : ''],
  'session.duplicate': (d) => [typeof d.from === 'string' ? `Copied from ${d.from}` : ''],
  'session.attendees': (d) => [`${count(d.rows, 'person', 'people')} listed`],
  'session.attendance': (d) => [`Signup ${String(d.signupId)} marked ${d.attended ? 'attended' : 'not attended'}`],
  'module.update': (d) => [list(d.fields) && `Changed ${list(d.fields)}`],
  'person.search': (d) => [`${count(d.signups, 'signup')} and ${count(d.emails, 'email')} found`],
  'person.erase': (d) => eraseWords(d),
  'signups.export': (d) => [count(d.rows, 'row')],
  'sign-in.requested': (d) => [d.sent ? 'Link sent' : 'No link sent (no active account)'],
  'sign-in.rate-limited': (d) => [d.step === 'session' ? 'When opening a link' : 'When asking for a link'],
  'sign-in.failed': (d) => [REFUSED[String(d.reason)] ?? String(d.reason ?? '')],
  'organiser.create': (d) => [d.role === 'admin' ? 'Admin' : `Organiser for ${list(d.areas)}`],
  'organiser.set-areas': (d) => [`Areas: ${list(d.areas)}`],
};

/** An entry's detail as a phrase or two (empty when there is nothing to say). */
export function detailWords(action: string, detail: Record<string, unknown>): string {
  const known = DETAIL[action];
  const phrases = known ? known(detail) : Object.entries(detail).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  // An erasure that found nothing has no counts to say: say that, not a blank.
  return phrases.filter(Boolean).join('; ') || (action === 'person.erase' ? 'Nothing left to erase' : '');
}
