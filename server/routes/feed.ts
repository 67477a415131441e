import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { etag } from 'hono/etag';
import { paths, SessionQuerySchema, translatedLocale } from '../../src/contract/index.js';
import { feedName, icsFeed } from '../../src/contract/ics-feed.js';
import { PUBLIC_CACHE } from '../http/headers.js';
import { ProblemError } from '../http/reply.js';
import { fieldErrors } from '../http/validation.js';
import { cachedModules } from '../store/catalogue.js';
import { cachedFeed } from '../store/feed.js';
import type { Deps } from './context.js';

/** GET /v1/feed.ics: a calendar app's subscription (webcal://…/v1/feed.ics?area=Glasgow). */
export const FEED_PATH = paths.feed;

/** Sessions that started up to this long ago stay, so an app does not drop the ones a member went to. */
export const FEED_PAST_DAYS = 30;
/** REFRESH-INTERVAL and X-PUBLISHED-TTL: the apps that honour them fetch hourly. */
export const FEED_REFRESH = 'PT1H';

const HOUR = 3_600_000;

/**
 * 304 for an If-None-Match that names the current ETag (hono/etag). Last-Modified rides along,
 * as a 200 would have sent it; Cache-Control and ETag are kept by default.
 */
export const feedConditional = etag({ retainedHeaders: ['cache-control', 'etag', 'last-modified', 'vary'] });

/**
 * A weak validator from the feed without its DTSTAMP lines (the time each copy is made, so
 * always new): two copies with the same events are the same for a calendar app.
 */
const validator = (ics: string) => `W/"${createHash('sha256').update(ics.replace(/^DTSTAMP:.*\r\n/gm, '')).digest('base64url').slice(0, 32)}"`;

/**
 * The filters of GET /v1/sessions (SessionQuerySchema): area, module, delivery, locale, and from/to,
 * with `from` no earlier than 30 days ago, counted from the hour (so the cached read is reused
 * within the hour, and the feed never grows without end).
 */
export async function getFeed(c: Context, { db, now }: Deps): Promise<Response> {
  const parsed = SessionQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ProblemError(400, 'bad-request', 'Invalid query', {
      detail: 'Check the filters: the same as GET /v1/sessions takes (area, module, delivery, locale, from, to), none left empty.',
      errors: fieldErrors(parsed.error),
    });
  }
  const query = parsed.data;
  const at = now();
  const earliest = new Date(Math.floor(at.getTime() / HOUR) * HOUR - FEED_PAST_DAYS * 24 * HOUR);
  const from = query.from && Date.parse(query.from) > earliest.getTime() ? query.from : earliest.toISOString();
  const [items, modules] = await Promise.all([cachedFeed(db, { ...query, from }), cachedModules(db)]);
  const moduleOf = new Map(modules.map((m) => [m.id, m]));
  const events = items.flatMap((item) => {
    const module = moduleOf.get(item.session.moduleId);
    return module ? [{ ...item, module }] : [];
  });
  // The area as the sessions spell it ("glasgow" finds Glasgow's); as typed when none matched.
  const area = query.area && (events[0]?.session.area ?? query.area.trim());
  const filter = { ...(query.module ? { module: moduleOf.get(query.module) ?? { title: query.module } } : {}), ...(area ? { area } : {}), ...(query.delivery ? { delivery: query.delivery } : {}) };
  const locale = translatedLocale(query.locale);
  const ics = icsFeed(events, { name: feedName(filter, locale), now: at, locale, refresh: FEED_REFRESH });
  const changed = Math.max(...events.map((e) => e.lastModified?.getTime() ?? 0));
  return c.body(ics, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    ETag: validator(ics),
    ...(changed > 0 ? { 'Last-Modified': new Date(changed).toUTCString() } : {}),
    ...PUBLIC_CACHE,
  });
}
