import { AUDIENCES, type Audience } from '../../src/contract/enums.js';
import { localised, translatedLocale, type Module } from '../../src/contract/module.js';
import type { Pathway, PathwayAttended, PathwayBooking } from '../../src/contract/pathway-api.js';
import { PATHWAYS } from '../../src/contract/pathways.js';
import type { Queryable } from '../db/types.js';
import { randomToken } from '../lib/random-token.js';
import type { Email } from '../mail/templates/layout.js';
import { hashToken } from './tokens.js';

/**
 * "My Mobilise pathway" (issue 14). A member is their address as signups compare it
 * (lower(email)); the link in each of their emails carries 256 random bits, of which only the
 * SHA-256 is kept. So a link cannot be written into a second email: each email gets a link of
 * its own, and every one of them opens the same pathway until the member's data is erased.
 */

/**
 * Where the link goes in an email as it is composed (mailBase puts it in the footer). mailTo
 * swaps it for a fresh link in the transaction that writes the email. NUL, which no text the
 * contract accepts contains and PostgreSQL refuses to store: a slot left unfilled cannot be sent.
 */
export const PATHWAY_SLOT = '\u0000pathway-link\u0000';

/**
 * A new link for this address: the token in the fragment, which browsers never send to a server;
 * `?lang=` for a Gaelic or Welsh member, so the page speaks their language.
 */
export async function issuePathwayLink(tx: Queryable, email: string, pathwayUrl: string, now: Date, locale = 'en-GB'): Promise<string> {
  const { hash, link } = newPathwayLink(pathwayUrl, locale);
  await tx.query('INSERT INTO pathway_tokens (hash, email_key, created_at) VALUES ($1, lower($2), $3)', [hash, email, now]);
  return link;
}

/** The link and the hash to store for it, for a caller that stores it itself (signup-hold.ts). */
export function newPathwayLink(pathwayUrl: string, locale: string): { hash: string; link: string } {
  const token = randomToken();
  const lang = translatedLocale(locale);
  return { hash: hashToken(token), link: `${pathwayUrl}${lang ? `?lang=${lang}` : ''}#token=${token}` };
}

/** The email with its pathway slot filled by a new link (unchanged when it has none). */
export async function withPathwayLink(
  tx: Queryable,
  email: Email,
  to: { email: string; locale: string },
  pathwayUrl: string | undefined,
  now: Date,
): Promise<Email> {
  if (!email.text.includes(PATHWAY_SLOT)) return email;
  if (!pathwayUrl) throw new Error('An email has a pathway slot but the mail settings have no pathwayUrl');
  return withLink(email, await issuePathwayLink(tx, to.email, pathwayUrl, now, to.locale));
}

/** The email with its pathway slot, if any, filled by `link`. */
export function withLink(email: Email, link: string): Email {
  const fill = (body: string) => body.replaceAll(PATHWAY_SLOT, link);
  return { subject: email.subject, text: fill(email.text), html: fill(email.html) };
}

/** The member a token opens (and notes its use), or undefined for an unknown one. */
async function memberOf(db: Queryable, token: string, now: Date): Promise<string | undefined> {
  const { rows } = await db.query<{ email_key: string }>('UPDATE pathway_tokens SET last_used_at = $2 WHERE hash = $1 RETURNING email_key', [
    hashToken(token),
    now,
  ]);
  return rows[0]?.email_key;
}

interface SignupRow {
  status: string;
  attended: boolean;
  session_id: string;
  module_id: string;
  starts_at: Date | string;
  ends_at: Date | string;
  delivery: PathwayBooking['delivery'];
  area: string;
  session_status: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** The audience whose pathway holds most of what the member attended or booked; the first in AUDIENCES on a tie (new activists with nothing). */
export function fittingAudience(taken: ReadonlySet<string>): Audience {
  let best: Audience = AUDIENCES[0];
  let most = -1;
  for (const audience of AUDIENCES) {
    const count = PATHWAYS[audience].filter((id) => taken.has(id)).length;
    if (count > most) [best, most] = [audience, count];
  }
  return best;
}

/** The member's pathway, or undefined when the token opens nothing. Titles in `locale` where translated. */
export async function findPathway(db: Queryable, token: string, locale: string, now: Date): Promise<Pathway | undefined> {
  const member = await memberOf(db, token, now);
  if (member === undefined) return undefined;
  const [signups, modules, choice] = await Promise.all([
    db.query<SignupRow>(
      `SELECT s.status, s.attended_at IS NOT NULL AS attended, se.id AS session_id, se.module_id, se.starts_at, se.ends_at,
              se.delivery, se.area, se.status AS session_status
         FROM signups s JOIN sessions se ON se.id = s.session_id
        WHERE lower(s.email) = $1 ORDER BY se.starts_at, se.id`,
      [member],
    ),
    db.query<Pick<Module, 'id' | 'title' | 'translations'>>('SELECT id, title, translations FROM modules ORDER BY sort_order, id'),
    db.query<{ audience: Audience }>('SELECT audience FROM pathway_choices WHERE email_key = $1', [member]),
  ]);
  const byId = new Map(modules.rows.map((m) => [m.id, m]));
  const titled = (moduleId: string) => {
    const { text, lang } = localised(byId.get(moduleId) ?? { title: moduleId }, 'title', locale);
    return { moduleId, title: text, lang };
  };

  const attended = new Map<string, PathwayAttended>();
  for (const s of signups.rows.filter((s) => s.attended).reverse())
    if (!attended.has(s.module_id)) attended.set(s.module_id, { ...titled(s.module_id), sessionStart: iso(s.starts_at) });
  const booked: PathwayBooking[] = signups.rows
    .filter((s) => ['pending', 'confirmed', 'waitlisted'].includes(s.status) && s.session_status !== 'cancelled' && new Date(s.ends_at) > now)
    .map((s) => ({
      ...titled(s.module_id),
      sessionId: s.session_id,
      start: iso(s.starts_at),
      end: iso(s.ends_at),
      delivery: s.delivery,
      area: s.area,
      status: s.status as PathwayBooking['status'],
    }));
  const bookedIds = new Set(booked.map((b) => b.moduleId));

  const chosen = choice.rows[0]?.audience;
  const audience = chosen ?? fittingAudience(new Set([...attended.keys(), ...bookedIds]));
  const steps = PATHWAYS[audience]
    .filter((id) => byId.has(id))
    .map((id) => ({ ...titled(id), state: attended.has(id) ? ('attended' as const) : bookedIds.has(id) ? ('booked' as const) : ('to-take' as const) }));
  // Booked is not yet taken: the next step is the first not attended, booked or not (the page says which).
  const next = steps.find((s) => s.state !== 'attended');
  return {
    audience,
    chosen: chosen !== undefined,
    steps,
    ...(next ? { next: { moduleId: next.moduleId, title: next.title, lang: next.lang } } : {}),
    attended: [...attended.values()],
    booked,
    programme: { attended: [...attended.keys()].filter((id) => byId.has(id)).length, modules: byId.size },
  };
}

/** Remembers the member's chosen pathway; false when the token opens nothing. */
export async function chooseAudience(db: Queryable, token: string, audience: Audience, now: Date): Promise<boolean> {
  const member = await memberOf(db, token, now);
  if (member === undefined) return false;
  await db.query(
    `INSERT INTO pathway_choices (email_key, audience, chosen_at) VALUES ($1, $2, $3)
       ON CONFLICT (email_key) DO UPDATE SET audience = EXCLUDED.audience, chosen_at = EXCLUDED.chosen_at`,
    [member, audience, now],
  );
  return true;
}

/** The member's links and choice, for subject access. */
export async function pathwayOf(db: Queryable, email: string) {
  const [tokens, choice] = await Promise.all([
    db.query<{ created_at: Date | string; last_used_at: Date | string | null }>(
      'SELECT created_at, last_used_at FROM pathway_tokens WHERE email_key = lower($1) ORDER BY created_at',
      [email],
    ),
    db.query<{ audience: string; chosen_at: Date | string }>('SELECT audience, chosen_at FROM pathway_choices WHERE email_key = lower($1)', [email]),
  ]);
  return {
    links: tokens.rows.map((t) => ({ linkIssuedAt: iso(t.created_at), lastUsedAt: t.last_used_at === null ? null : iso(t.last_used_at) })),
    choice: choice.rows[0] ? { audience: choice.rows[0].audience, chosenAt: iso(choice.rows[0].chosen_at) } : null,
  };
}

/**
 * Deletes the pathway links and choices of every member with no signup left under their address
 * (erased, or purged by retention: an erased signup's email is a marker). Returns the links deleted.
 */
export async function dropOrphanPathways(tx: Queryable): Promise<number> {
  const orphan = (table: string) => `DELETE FROM ${table} p WHERE NOT EXISTS (SELECT 1 FROM signups s WHERE lower(s.email) = p.email_key)`;
  const links = await tx.query(orphan('pathway_tokens'));
  await tx.query(orphan('pathway_choices'));
  return links.rowCount;
}
