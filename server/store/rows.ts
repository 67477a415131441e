import { ACCESS_FEATURES, type AccessFeature, type Module, type Session } from '../../src/contract/index.js';
import { toLondonIso } from '../../src/contract/london-time.js';

/** Column lists and row→contract mapping, kept beside each other so they change together. */

export const MODULE_COLUMNS =
  'id, title, summary, description, strand, series, part, prerequisites, audience, duration_minutes, tools, translations, before_you_come, after_session';

/** The `translations` column: jsonb, `{}` for none (the contract then leaves the field out). */
type Translations<T extends { translations?: object }> = NonNullable<T['translations']>;
const translated = <T extends object>(value: T) => (Object.keys(value).length ? { translations: value } : {});

export interface ModuleRow {
  id: string;
  title: string;
  summary: string;
  description: string;
  strand: Module['strand'];
  series: string | null;
  part: number | null;
  prerequisites: string[];
  audience: Module['audience'];
  duration_minutes: number;
  tools: Module['tools'];
  translations: Translations<Module>;
  before_you_come: string[];
  after_session: string | null;
}

export function moduleFromRow(row: ModuleRow): Module {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    description: row.description,
    strand: row.strand,
    ...(row.series !== null ? { series: row.series } : {}),
    ...(row.part !== null ? { part: row.part } : {}),
    prerequisites: row.prerequisites,
    audience: row.audience,
    durationMinutes: row.duration_minutes,
    tools: row.tools,
    beforeYouCome: row.before_you_come,
    ...(row.after_session !== null ? { afterSession: row.after_session } : {}),
    ...translated(row.translations),
  };
}

export const SESSION_COLUMNS =
  'id, module_id, starts_at, ends_at, delivery, venue_name, venue_address, venue_postcode, area, capacity, ' +
  'spaces_left, status, waitlist, trainer, signup_deadline, accessibility, translations, access_features';

export interface SessionRow {
  id: string;
  module_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  delivery: Session['delivery'];
  venue_name: string | null;
  venue_address: string | null;
  venue_postcode: string | null;
  area: string;
  capacity: number;
  spaces_left: number;
  status: Session['status'];
  waitlist: boolean;
  trainer: string | null;
  signup_deadline: Date | string | null;
  accessibility: string | null;
  translations: Translations<Session>;
  access_features: AccessFeature[];
}

/** Times are stored as instants and shown with London's offset, as the contract asks. */
const london = (value: Date | string) => toLondonIso(new Date(value));

export function sessionFromRow(row: SessionRow): Session {
  return {
    id: row.id,
    moduleId: row.module_id,
    start: london(row.starts_at),
    end: london(row.ends_at),
    delivery: row.delivery,
    ...(row.venue_name !== null
      ? { venue: { name: row.venue_name, address: row.venue_address ?? '', postcode: row.venue_postcode ?? '' } }
      : {}),
    area: row.area,
    capacity: row.capacity,
    spacesLeft: row.spaces_left,
    status: row.status,
    waitlist: row.waitlist,
    ...(row.trainer !== null ? { trainer: row.trainer } : {}),
    ...(row.signup_deadline !== null ? { signupDeadline: london(row.signup_deadline) } : {}),
    ...(row.accessibility !== null ? { accessibility: row.accessibility } : {}),
    accessFeatures: row.access_features,
    ...translated(row.translations),
  };
}

/** A session's features as stored: each once, in ACCESS_FEATURES' order, so equal sets read back equal. */
export const accessColumn = (features: readonly AccessFeature[] = []): AccessFeature[] => ACCESS_FEATURES.filter((f) => features.includes(f));
