import assert from 'node:assert/strict';
import { ADMIN_COOKIE, AdminSessionSchema, CSRF_HEADER } from '../../src/contract/admin.js';
import type { Db } from '../db/types.js';
import { mailTo } from './journey.js';

/** Signing organisers in within a test, through the real emailed link (organisers.test.ts, the admin API tests). */

export const post = (url: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The token in the newest sign-in email to `email`. */
export async function linkTokenFor(db: Db, email: string): Promise<{ link: string; token: string }> {
  const mail = await mailTo(db, email, 'organiser-sign-in');
  const match = /(\S+#sign-in=([A-Za-z0-9_-]{43}))/.exec(mail.text_body ?? '');
  assert.ok(match, `no sign-in link in:\n${mail.text_body}`);
  assert.ok(mail.html_body?.includes(match[1]!), 'the HTML part has the same link');
  return { link: match[1]!, token: match[2]! };
}

/** The cookie's value from a Set-Cookie header, for sending back as Cookie. */
export const cookieOf = (res: Response) => {
  const set = res.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${ADMIN_COOKIE}=([^;]*)`).exec(set);
  assert.ok(match, `no ${ADMIN_COOKIE} cookie in ${set}`);
  return `${ADMIN_COOKIE}=${match[1]}`;
};

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  res: Response;
}

/** Asks for a link, follows it: the app needs a sign-in limit the test will not reach. */
export async function signIn(url: string, db: Db, email: string): Promise<SignedIn> {
  assert.equal((await post(url, '/v1/admin/sign-in', { email })).status, 202);
  const { token } = await linkTokenFor(db, email);
  const res = await post(url, '/v1/admin/session', { token });
  assert.equal(res.status, 200, await res.clone().text());
  const body = AdminSessionSchema.parse(await res.clone().json());
  return { cookie: cookieOf(res), csrfToken: body.csrfToken, res };
}

/** A request as the signed-in organiser: the cookie, and the CSRF header on anything but a read. */
export function asOrganiser(url: string, who: SignedIn | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const auth: Record<string, string> = who ? { Cookie: who.cookie, ...(method === 'GET' ? {} : { [CSRF_HEADER]: who.csrfToken }) } : {};
  return fetch(`${url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
