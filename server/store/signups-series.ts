import type { SignupRequest } from '../../src/contract/index.js';
import type { Queryable } from '../db/types.js';
import { confirmSeries } from '../mail/templates/series.js';
import { mailBase, mailTo, newLink } from './booking-mail.js';
import { loadSession, type BookingRow, type LoadedSession } from './booking-rows.js';
import { seriesNamed, seriesRefusal } from './series-rules.js';
import { closed, insertSignup, liveBookingOf, mailAlreadyBooked, recordRequest, takePlace, type SignupContext } from './signup-writes.js';
import type { SignupOutcome } from './signups.js';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A series in one signup: a place in every session or in none, in the caller's one transaction.
 * The sessions' rows are locked in id order, whatever order the request names them in, so two
 * series sharing sessions (or a series and an expiring or confirming one) never deadlock; under
 * those locks each session's places are what they are, so a full one refuses the whole request
 * before anything is taken. There is no waiting list for a series. As for one session, the answer
 * depends on public state only: a session this address already has is not held again, and its
 * owner is emailed that booking; the new places share one hold and one email with one confirm link.
 */
export async function attemptSeries(tx: Queryable, request: SignupRequest, ctx: SignupContext): Promise<SignupOutcome> {
  const named = seriesNamed(request);
  const loaded = new Map<string, LoadedSession>();
  for (const { id } of [...named].sort(byId)) {
    const session = await loadSession(tx, id, true);
    if (session?.published) loaded.set(id, session);
  }
  const modules = await modulesOf(tx, [...loaded.values()].map((l) => l.session.moduleId));
  const found = (id: string) => {
    const l = loaded.get(id);
    if (!l) return undefined;
    const module = { title: l.title, ...modules.get(l.session.moduleId)! };
    return { start: l.startsAt, module, closed: closed(l, ctx.now), full: l.session.spacesLeft === 0 };
  };
  const refused = seriesRefusal(request, found);
  if (refused) return refused;
  const asked = named.map((n) => ({ ...n, ...found(n.id)!, loaded: loaded.get(n.id)! }));

  // One hold for the whole series, never past the start of its first session.
  const holdExpiresAt = new Date(Math.min(ctx.now.getTime() + ctx.mail.holdHours * 3_600_000, ...asked.map((a) => a.start.getTime())));
  const held: { booking: BookingRow; loaded: LoadedSession }[] = [];
  for (const a of [...asked].sort((x, y) => x.start.getTime() - y.start.getTime() || byId(x, y))) {
    const existing = await liveBookingOf(tx, a.id, request.email);
    if (existing !== undefined) {
      await mailAlreadyBooked(tx, ctx, existing, a.loaded);
      continue;
    }
    // Cannot fail: the session is locked and had a place.
    if (!(await takePlace(tx, a.id))) throw new Error(`session ${a.id} had a place under its lock and then none`);
    held.push({ booking: await insertSignup(tx, request, ctx, { sessionId: a.id, hold: 'place', queued: null, holdExpiresAt }), loaded: a.loaded });
  }
  if (held.length > 0) await mailSeries(tx, ctx, held, holdExpiresAt);
  return { kind: 'accepted', result: await recordRequest(tx, request, ctx, 'place', holdExpiresAt) };
}

async function modulesOf(tx: Queryable, ids: string[]) {
  const { rows } = await tx.query<{ id: string; series: string | null; prerequisites: string[] }>(
    'SELECT id, series, prerequisites FROM modules WHERE id = ANY($1)',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** One email for the held places; its link confirms the first, and with it the rest (bookings-series.ts). */
async function mailSeries(tx: Queryable, ctx: SignupContext, held: { booking: BookingRow; loaded: LoadedSession }[], expiresAt: Date) {
  const first = held[0]!;
  const { link } = await newLink(tx, ctx, first.booking, 'confirm');
  const email = confirmSeries({
    ...mailBase(first.booking, first.loaded, ctx.mail),
    sessions: held.map((h) => mailBase(h.booking, h.loaded, ctx.mail)),
    link,
    expiresAt: expiresAt.toISOString(),
  });
  await mailTo(tx, ctx, first.booking, first.loaded, { kind: 'confirm-place', email });
}
