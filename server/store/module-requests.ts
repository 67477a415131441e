import {
  REQUEST_CONSENT_VERSION,
  REQUEST_LINK,
  SESSION_LINK,
  type ModuleRequest,
  type ModuleRequestResult,
  type ModuleRequestStatus,
  type PooledRequest,
} from '../../src/contract/module-request.js';
import { localised, translatedLocale, type ContentLocale, type Module } from '../../src/contract/index.js';
import { isUniqueViolation, type Db, type Queryable } from '../db/types.js';
import { randomToken } from '../lib/random-token.js';
import { enqueue } from '../mail/outbox.js';
import { confirmRequest, requestedSession, type RequestMail } from '../mail/templates/module-request.js';
import type { MailContext } from './booking-mail.js';
import type { LoadedSession } from './booking-rows.js';
import { hashToken } from './tokens.js';

/**
 * "Ask for this module near me" (issue 14). A request is pending until its address confirms it
 * by the emailed link, then open (counted for organisers) until a session of the module is
 * published in its area: its member is emailed once, and the request is closed (notified).
 * Areas match in any letter case, as GET /v1/sessions?area= does.
 */

/** An unconfirmed request's link works this long; retention deletes the request after it. */
export const CONFIRM_DAYS = 7;

interface RequestRow {
  id: number;
  module_id: string;
  area: string;
  email: string;
  locale: ContentLocale;
  return_url: string;
  status: ModuleRequestStatus;
  token_expires_at: Date | string | null;
}

const resultOf = (row: Pick<RequestRow, 'status' | 'module_id' | 'area'>): ModuleRequestResult => ({ status: row.status, moduleId: row.module_id, area: row.area });

/** The rolled-back run of a bot's request (the honeypot): its answer, and nothing kept or sent. */
class Rehearsal {
  constructor(readonly outcome: CreateOutcome) {}
}

export type CreateOutcome = { kind: 'accepted'; result: ModuleRequestResult } | { kind: 'not-found' };

/**
 * Takes a request. The answer is the same whether or not the address asked before: a new or
 * still-pending request gets a (fresh) confirmation email, a confirmed one nothing, so only the
 * owner of the address ever learns it had asked. One live request per module, area and address;
 * a unique index settles two arriving at once, and the loser looks again.
 */
export async function createModuleRequest(db: Db, request: ModuleRequest, ctx: MailContext & { rehearse?: boolean }): Promise<CreateOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const outcome = await takeRequest(tx, request, ctx);
        if (ctx.rehearse) throw new Rehearsal(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof Rehearsal) return error.outcome;
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function takeRequest(tx: Queryable, request: ModuleRequest, ctx: MailContext): Promise<CreateOutcome> {
  const module = await moduleText(tx, request.moduleId);
  if (!module) return { kind: 'not-found' };
  const answer: CreateOutcome = { kind: 'accepted', result: { status: 'pending', moduleId: request.moduleId, area: request.area } };
  const { rows } = await tx.query<{ id: number; status: ModuleRequestStatus }>(
    `SELECT id, status FROM module_requests
      WHERE module_id = $1 AND lower(area) = lower($2) AND lower(email) = lower($3) AND status <> 'notified' FOR UPDATE`,
    [request.moduleId, request.area, request.email],
  );
  if (rows[0]?.status === 'open') return answer;

  const token = randomToken();
  const expiresAt = new Date(ctx.now.getTime() + CONFIRM_DAYS * 86_400_000);
  const locale = translatedLocale(request.locale) ?? 'en-GB';
  const fields = [hashToken(token), expiresAt, locale, request.returnUrl];
  const id = rows[0]
    ? (await tx.query('UPDATE module_requests SET token_hash = $2, token_expires_at = $3, locale = $4, return_url = $5 WHERE id = $1', [rows[0].id, ...fields]), rows[0].id)
    : (
        await tx.query<{ id: number }>(
          `INSERT INTO module_requests (token_hash, token_expires_at, locale, return_url, module_id, area, email, status, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8) RETURNING id`,
          [...fields, request.moduleId, request.area, request.email, ctx.now],
        )
      ).rows[0]!.id;
  const mail = requestMail(ctx, locale, module, request.area);
  // To the server's request page, in the member's language; else (no page configured) back where they asked.
  const lang = locale === 'en-GB' ? '' : `?lang=${locale}`;
  const link = `${ctx.mail.requestUrl ? `${ctx.mail.requestUrl}${lang}` : request.returnUrl}#${REQUEST_LINK}=${token}`;
  await enqueue(tx, { kind: 'request-confirm', moduleRequestId: id, to: request.email, email: confirmRequest({ ...mail, link, expiresAt }) }, ctx.now);
  return answer;
}

type ModuleText = Pick<Module, 'title' | 'translations'>;

async function moduleText(tx: Queryable, id: string): Promise<ModuleText | undefined> {
  const { rows } = await tx.query<ModuleText>('SELECT title, translations FROM modules WHERE id = $1', [id]);
  return rows[0];
}

function requestMail(ctx: MailContext, lang: ContentLocale, module: ModuleText, area: string): RequestMail {
  return { lang, title: localised(module, 'title', lang).text, area, controller: ctx.mail.controller, privacyUrl: ctx.mail.privacyUrl };
}

export type ConfirmOutcome = { kind: 'ok'; value: ModuleRequestResult } | { kind: 'token-invalid' | 'token-expired' };

/** The emailed link: the request now counts. Following it again answers the request as it stands. */
export async function confirmModuleRequest(db: Db, token: string, now: Date): Promise<ConfirmOutcome> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<RequestRow>('SELECT * FROM module_requests WHERE token_hash = $1 FOR UPDATE', [hashToken(token)]);
    const row = rows[0];
    if (!row) return { kind: 'token-invalid' };
    if (row.status !== 'pending') return { kind: 'ok', value: resultOf(row) };
    if (new Date(row.token_expires_at!) <= now) return { kind: 'token-expired' };
    await tx.query(`UPDATE module_requests SET status = 'open', confirmed_at = $2, consent_version = $3 WHERE id = $1`, [row.id, now, REQUEST_CONSENT_VERSION]);
    return { kind: 'ok', value: resultOf({ ...row, status: 'open' }) };
  });
}

/**
 * The demand organisers see: open requests per module and area (any letter case, shown as first
 * asked), how many and the newest, never who. `scope` is an organiser's areas (null: every area).
 */
export async function pooledRequests(db: Queryable, scope: readonly string[] | null): Promise<PooledRequest[]> {
  const { rows } = await db.query<{ module_id: string; title: string; area: string; waiting: number; newest: Date | string }>(
    `SELECT r.module_id, m.title, (array_agg(r.area ORDER BY r.id))[1] AS area, count(*)::int AS waiting, max(r.created_at) AS newest
       FROM module_requests r JOIN modules m ON m.id = r.module_id
      WHERE r.status = 'open' AND ($1::text[] IS NULL OR lower(r.area) IN (SELECT lower(a) FROM unnest($1::text[]) a))
      GROUP BY r.module_id, m.title, m.sort_order, lower(r.area)
      ORDER BY waiting DESC, m.sort_order, lower(r.area)`,
    [scope === null ? null : [...scope]],
  );
  return rows.map((r) => ({ moduleId: r.module_id, moduleTitle: r.title, area: r.area, waiting: r.waiting, newest: new Date(r.newest).toISOString() }));
}

/**
 * A session was just published: everyone with an open request for its module in its area is
 * emailed about it, in their language, with a link to book on the page they asked from, and their
 * request is closed, so no later session emails them again. Only a session members can still book
 * (not cancelled, full only with a waiting list, before its start and signup deadline).
 * In the caller's transaction; answers how many were emailed.
 */
export async function notifyRequesters(tx: Queryable, loaded: LoadedSession, ctx: MailContext): Promise<number> {
  const { session } = loaded;
  const closesAt = Math.min(loaded.startsAt.getTime(), loaded.signupDeadline?.getTime() ?? Infinity);
  const bookable = session.status === 'scheduled' || (session.status === 'full' && session.waitlist);
  if (!bookable || ctx.now.getTime() >= closesAt) return 0;
  const { rows } = await tx.query<RequestRow>(
    `SELECT * FROM module_requests WHERE module_id = $1 AND lower(area) = lower($2) AND status = 'open' ORDER BY id FOR UPDATE`,
    [session.moduleId, session.area],
  );
  const module = { title: loaded.title, translations: loaded.moduleTranslations };
  for (const row of rows) {
    const link = `${row.return_url}#${SESSION_LINK}=${encodeURIComponent(session.id)}`;
    const email = requestedSession({ ...requestMail(ctx, row.locale, module, row.area), session, link });
    await enqueue(tx, { kind: 'request-session', moduleRequestId: row.id, to: row.email, email }, ctx.now);
  }
  if (rows.length) {
    await tx.query(`UPDATE module_requests SET status = 'notified', notified_at = $2, notified_session_id = $3 WHERE id = ANY($1)`, [
      rows.map((r) => r.id),
      ctx.now,
      session.id,
    ]);
  }
  return rows.length;
}
