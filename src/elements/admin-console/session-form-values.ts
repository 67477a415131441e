/**
 * The session form's data, apart from its rendering: the inputs' values (keyed by control id),
 * to and from the API's shapes, checked with the contract's own schemas in words an organiser
 * understands, and an edit's changed fields only.
 */
import { DuplicateRequestSchema, SessionCreateSchema, SessionPatchSchema, type ManagedSession, type SessionCreate, type SessionPatch } from '../../contract/admin.js';
import { ACCESS_WORDS_EN, DELIVERY_MODES, type AccessFeature, type Delivery } from '../../contract/enums.js';
import { londonIso, londonParts } from './london-time.js';

/** The controls, in the form's order (the error summary's order too). Each key is the control's id and name. */
export const KEYS = [
  'module',
  'date',
  'start',
  'end',
  'delivery',
  'venue-name',
  'venue-address',
  'venue-postcode',
  'joining-url',
  'joining-instructions',
  'area',
  'capacity',
  'waitlist',
  'trainer',
  'deadline-date',
  'deadline-time',
  'access-features',
  'accessibility',
  'note',
] as const;
export type Key = (typeof KEYS)[number];
export type Values = Record<Exclude<Key, 'waitlist' | 'access-features'>, string> & { waitlist: boolean; 'access-features': AccessFeature[] };
export type Errors = Partial<Record<Key, string>>;
export type Mode = 'create' | 'edit' | 'duplicate';

export const DELIVERY_WORDS: Record<Delivery, string> = { online: 'Online', 'in-person': 'In person', hybrid: 'Hybrid: in person and online' };
export const LABELS: Record<Key, string> = {
  module: 'Module',
  date: 'Date',
  start: 'Start time',
  end: 'End time',
  delivery: 'How it runs',
  'venue-name': 'Venue name',
  'venue-address': 'Venue address',
  'venue-postcode': 'Venue postcode',
  'joining-url': 'Joining link',
  'joining-instructions': 'Joining instructions',
  area: 'Area',
  capacity: 'Capacity',
  waitlist: 'Waiting list',
  trainer: 'Trainer',
  'deadline-date': 'Signup deadline date',
  'deadline-time': 'Signup deadline time',
  'access-features': 'Access at this session',
  accessibility: 'Accessibility notes',
  note: 'Message for the email',
};

export const emptyValues = (): Values => ({
  ...(Object.fromEntries(KEYS.map((k) => [k, ''])) as unknown as Values),
  waitlist: true,
  'access-features': [],
});

/** A session as the form's values, in UK time. */
export function valuesOf({ session: s, joining }: ManagedSession): Values {
  const start = londonParts(s.start);
  const deadline = s.signupDeadline ? londonParts(s.signupDeadline) : { date: '', time: '' };
  return {
    module: s.moduleId,
    date: start.date,
    start: start.time,
    end: londonParts(s.end).time,
    delivery: s.delivery,
    'venue-name': s.venue?.name ?? '',
    'venue-address': s.venue?.address ?? '',
    'venue-postcode': s.venue?.postcode ?? '',
    'joining-url': joining?.url ?? '',
    'joining-instructions': joining?.instructions ?? '',
    area: s.area,
    capacity: String(s.capacity),
    waitlist: s.waitlist,
    trainer: s.trainer ?? '',
    'deadline-date': deadline.date,
    'deadline-time': deadline.time,
    'access-features': s.accessFeatures ?? [],
    accessibility: s.accessibility ?? '',
    note: '',
  };
}

/** An API field (a 422's `field`, a schema issue's path) as the control that shows its message. */
const CONTROL: Record<string, Key> = {
  moduleId: 'module',
  start: 'start',
  end: 'end',
  delivery: 'delivery',
  venue: 'venue-name',
  'venue.name': 'venue-name',
  'venue.address': 'venue-address',
  'venue.postcode': 'venue-postcode',
  joining: 'joining-url',
  'joining.url': 'joining-url',
  'joining.instructions': 'joining-instructions',
  area: 'area',
  capacity: 'capacity',
  waitlist: 'waitlist',
  trainer: 'trainer',
  signupDeadline: 'deadline-date',
  accessFeatures: 'access-features',
  accessibility: 'accessibility',
  note: 'note',
};
export const controlOf = (field: string): Key | undefined => CONTROL[field];

/** What a text field is called in "Enter …" and "… must be N characters or fewer". */
const NAMES: Partial<Record<Key, string>> = {
  area: 'the area',
  'venue-name': 'the venue’s name',
  'venue-address': 'the venue’s address',
  'venue-postcode': 'the venue’s postcode',
  'joining-url': 'the joining link',
  'joining-instructions': 'the joining instructions',
  trainer: 'the trainer’s name',
  accessibility: 'the accessibility notes',
  note: 'the message',
};

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  maximum?: unknown;
}

/** A schema issue in an organiser's words: zod's defaults ("Too small: expected string…") and ISO 8601 talk replaced. */
function words(key: Key, issue: Issue): string {
  const name = NAMES[key];
  if (name && issue.code === 'too_small') return `Enter ${name}`;
  if (name && issue.code === 'too_big') return `${name[0]!.toUpperCase()}${name.slice(1)} must be ${String(issue.maximum)} characters or fewer`;
  if (key === 'module') return 'Choose a module';
  if (key === 'delivery') return 'Choose how the session runs';
  if (/ISO 8601/.test(issue.message)) return 'Enter a real date and time';
  return issue.message;
}

const CLOCKS = 'That time does not exist in the UK: the clocks go forward an hour that night. Choose another time';

/** A date and time typed in UK time as an ISO date-time, with the problem on the right control. */
function moment(v: Values, dateKey: Key, timeKey: Key, errors: Errors, what: { date: string; time: string }): string {
  const date = v[dateKey] as string;
  const time = v[timeKey] as string;
  if (!date) errors[dateKey] ??= what.date;
  if (!time) errors[timeKey] ??= what.time;
  if (!date || !time) return '';
  const iso = londonIso(date, time);
  if (!iso) errors[timeKey] ??= CLOCKS;
  return iso ?? '';
}

export type Checked =
  | { ok: true; create: SessionCreate; patch: SessionPatch; times: { start: string; end: string } }
  | { ok: false; errors: Errors };

/**
 * The values checked as the server will check them (the contract's schema for `mode`), after
 * the form's own checks of what the schema cannot see (empty dates, times the clocks skip).
 * For an edit, `patch` holds only what differs from `source`.
 */
export function check(v: Values, mode: Mode, { source, areaChoice = false }: { source?: ManagedSession | undefined; areaChoice?: boolean } = {}): Checked {
  const errors: Errors = {};
  const start = moment(v, 'date', 'start', errors, { date: 'Enter the date of the session', time: 'Enter the start time' });
  const end = moment(v, 'date', 'end', errors, { date: 'Enter the date of the session', time: 'Enter the end time' });
  if (start && end && Date.parse(end) <= Date.parse(start)) errors.end = 'The end time must be after the start time';
  const times = { start, end };
  // Without a date the schema's complaints about start and end say nothing new.
  const skip = new Set<Key>(errors.date ? ['start', 'end'] : []);
  if (mode === 'duplicate') return finish(DuplicateRequestSchema.safeParse(times), errors, skip, () => ({ ok: true, create: {} as SessionCreate, patch: {}, times }));

  const hasDeadline = Boolean(v['deadline-date'] || v['deadline-time']);
  const deadline = hasDeadline
    ? moment(v, 'deadline-date', 'deadline-time', errors, { date: 'Enter the date of the signup deadline, or leave both empty', time: 'Enter the time of the signup deadline, or leave both empty' })
    : '';
  if (!v.area.trim()) errors.area = areaChoice ? 'Choose an area' : 'Enter the area';
  const capacity = v.capacity.trim();
  if (!capacity) errors.capacity = 'Enter the capacity: how many people can come';
  else if (!/^\d+$/.test(capacity)) errors.capacity = 'Enter the capacity as a whole number, like 20';
  const delivery = (DELIVERY_MODES as readonly string[]).includes(v.delivery) ? (v.delivery as Delivery) : undefined;
  const inPerson = delivery !== undefined && delivery !== 'online';
  const text = (key: Key) => (v[key] as string).trim() || null;
  const joining = { url: text('joining-url'), instructions: text('joining-instructions') };
  const fields = {
    start,
    end,
    delivery,
    venue: inPerson ? { name: v['venue-name'].trim(), address: v['venue-address'].trim(), postcode: v['venue-postcode'].trim() } : null,
    area: v.area.trim(),
    capacity: Number(capacity),
    waitlist: v.waitlist,
    trainer: text('trainer'),
    signupDeadline: deadline || null,
    // A new session without any leaves the field out; an edit sends [] to clear them.
    accessFeatures: mode === 'create' && !v['access-features'].length ? null : v['access-features'],
    accessibility: text('accessibility'),
    // Like the venue: only for a session that runs online (either one alone is fine).
    joining: (delivery === 'online' || delivery === 'hybrid') && (joining.url || joining.instructions) ? withoutNulls(joining) : null,
  };

  if (mode === 'create') {
    // Left out when empty: a new session has nothing to clear.
    const create = withoutNulls({ moduleId: v.module, ...fields }) as unknown as SessionCreate;
    return finish(SessionCreateSchema.safeParse(create), errors, skip, () => ({ ok: true, create, patch: {}, times }));
  }
  const full = { ...fields, ...(v.note.trim() ? { note: v.note.trim() } : {}) };
  return finish(SessionPatchSchema.safeParse(full), errors, skip, () => ({ ok: true, create: {} as SessionCreate, patch: changes(full, source!, untouched(v, source!)), times }));
}

const withoutNulls = (o: object) => Object.fromEntries(Object.entries(o).filter(([, value]) => value !== null));

function finish(parsed: { success: boolean; error?: { issues: Issue[] } }, errors: Errors, skip: Set<Key>, ok: () => Checked): Checked {
  for (const issue of parsed.error?.issues ?? []) {
    const key = controlOf(issue.path.map(String).join('.')) ?? controlOf(String(issue.path[0]));
    // The form's own checks come first: they know which input is empty.
    if (key && !skip.has(key)) errors[key] ??= words(key, issue);
  }
  return Object.keys(errors).length ? { ok: false, errors } : ok();
}

const INSTANTS = new Set(['start', 'end', 'signupDeadline']);

/**
 * The moments whose inputs were not touched. Never sent: the UK wall clock cannot name the
 * second 01:30 of October's clock change, so reading one back would move it an hour.
 */
function untouched(v: Values, source: ManagedSession): Set<string> {
  const was = valuesOf(source);
  const same = (...keys: Key[]) => keys.every((k) => v[k] === was[k]);
  return new Set([same('date', 'start') && 'start', same('date', 'end') && 'end', same('deadline-date', 'deadline-time') && 'signupDeadline'].filter((k) => k !== false));
}

/** The fields that differ from the session as loaded (a cleared optional field as null); the note only with new times. */
function changes(full: Record<string, unknown>, { session, joining }: ManagedSession, keep: Set<string>): SessionPatch {
  const before = { ...session, accessFeatures: session.accessFeatures ?? [], joining } as unknown as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [key, after] of Object.entries(full)) {
    if (key === 'note' || keep.has(key)) continue;
    const was = before[key];
    const same = INSTANTS.has(key)
      ? (after ?? null) === null ? was === undefined : was !== undefined && Date.parse(after as string) === Date.parse(was as string)
      : JSON.stringify(after ?? null) === JSON.stringify(was ?? null);
    if (!same) patch[key] = after ?? null;
  }
  if (full['note'] && ('start' in patch || 'end' in patch)) patch['note'] = full['note'];
  return patch as SessionPatch;
}

/** What the organiser changed, in words (for the conflict: what to apply again to their version). */
export function changedWords(v: Values, initial: Values): string[] {
  // String(): the access features' lists compare by what is ticked.
  return KEYS.filter((k) => k !== 'note' && String(v[k]) !== String(initial[k])).map((k) => {
    const value = v[k];
    const shown =
      typeof value === 'boolean' ? (value ? 'yes' : 'no')
      : Array.isArray(value) ? value.map((f) => ACCESS_WORDS_EN[f]).join(', ') || '(none)'
      : k === 'delivery' ? DELIVERY_WORDS[value as Delivery]
      : value || '(left empty)';
    return `${LABELS[k]}: ${shown}`;
  });
}

/** Whether the session's date or times differ from the loaded ones (a reschedule: everyone booked is emailed). */
export const timesChanged = (v: Values, initial: Values) => v.date !== initial.date || v.start !== initial.start || v.end !== initial.end;
