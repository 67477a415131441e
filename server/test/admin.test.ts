import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/types.js';
import { csvCell, toCsv } from '../lib/csv.js';
import { addSession, ALLOWED_ORIGIN, dbTargets, expectProblem, postSignup, signup, startApp, type Running } from './harness.js';

const TOKEN = 'test-admin-token-0123456789abcdefghij';

/** Minimal RFC 4180 reader, enough to check what a spreadsheet would see; `separator` ';' is what many European spreadsheets split on. */
function parseCsv(text: string, separator = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

/** OWASP's formula triggers: a cell a spreadsheet would evaluate starts with one of these. */
const FORMULA = /^[=+\-@\t\r\0]/;

describe('csv', () => {
  it('quotes every cell and doubles quotes inside (RFC 4180)', () => {
    assert.equal(csvCell('plain'), '"plain"');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(-2), '"-2"', 'real numbers are not text: no apostrophe, spreadsheets still read a number');
    assert.equal(csvCell(null), '');
    assert.equal(toCsv(['a', 'b'], [[1, '=x']]), '"a","b"\r\n"1","\'=x"\r\n');
  });

  it('defuses formulas at the start of a cell and after a separator (OWASP CSV injection)', () => {
    for (const dangerous of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tcmd', '\rcmd', '\0=1']) assert.equal(csvCell(dangerous), `"'${dangerous}"`);
    for (const hidden of ['x;=1+1', 'x,=1+1', 'x; -2+3', 'a;@SUM(A1)', 'a,+1', 'a\n=1+1']) {
      assert.equal(csvCell(hidden), `"'${hidden}"`, JSON.stringify(hidden));
    }
    for (const harmless of ['O’Brien', 'Line one; line two', 'a - b', 'jo@example.org', 'x=1']) {
      assert.equal(csvCell(harmless), `"${harmless}"`, harmless);
    }
    // Whichever separator the spreadsheet splits on, no cell comes out starting with a formula trigger.
    const line = toCsv(['v'], [['x;=1+1'], ['x,=1+1'], ['a;@SUM(A1)'], ['x; =cmd|x!A0']]);
    for (const separator of [',', ';']) {
      for (const row of parseCsv(line, separator)) for (const cell of row) assert.doesNotMatch(cell.trimStart(), FORMULA, `${separator}: ${cell}`);
    }
  });
});

for (const target of dbTargets()) {
  describe(`GET /v1/admin/signups.csv [${target.name}]`, () => {
    let db: Db;
    let app: Running;
    before(async () => {
      db = await target.open();
      app = await startApp(db, { adminToken: TOKEN });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const csvUrl = () => `${app.url}/v1/admin/signups.csv`;

    it('does not exist when no token is configured (404)', async () => {
      const noAdmin = await startApp(db);
      try {
        const res = await fetch(`${noAdmin.url}/v1/admin/signups.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        await expectProblem(res, 404, 'not-found');
      } finally {
        await noAdmin.close();
      }
    });

    it('needs the bearer token (401 unauthorized without it or with a wrong one)', async () => {
      const attempts: Record<string, string>[] = [
        {},
        { Authorization: 'Bearer wrong' },
        { Authorization: `Basic ${TOKEN}` },
        { Authorization: `Bearer ${TOKEN}x` },
      ];
      for (const headers of attempts) {
        const res = await fetch(csvUrl(), { headers });
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
        await expectProblem(res, 401, 'unauthorized');
      }
    });

    it('slows down wrong guesses, then blocks the address (429 + Retry-After) even for the right token; other addresses still get in', async () => {
      const guarded = await startApp(db, { adminToken: TOKEN, trustedProxies: 1 });
      try {
        const from = (address: string, token: string) =>
          fetch(`${guarded.url}/v1/admin/signups.csv`, { headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': address } });
        const started = performance.now();
        for (let i = 0; i < 5; i++) await expectProblem(await from('203.0.113.9', `guess-${i}`), 401, 'unauthorized');
        const elapsed = performance.now() - started;
        // Each wrong guess waits 100 ms per failure so far: 100 + 200 + … + 500.
        assert.ok(elapsed >= 1_490, `five wrong guesses took ${Math.round(elapsed)} ms`);
        const blocked = await from('203.0.113.9', TOKEN);
        const retryAfter = Number(blocked.headers.get('retry-after'));
        const problem = await expectProblem(blocked, 429, 'rate-limited');
        assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
        assert.equal(problem.retryAfter, retryAfter);
        assert.equal((await from('2001:db8::9', TOKEN)).status, 200, 'another address is not blocked');
      } finally {
        await guarded.close();
      }
    });

    it('sends no CORS headers, preflight included, even to an allowed origin (the export is not for embedding pages)', async () => {
      const accessControl = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));
      const get = await fetch(csvUrl(), { headers: { Authorization: `Bearer ${TOKEN}`, Origin: ALLOWED_ORIGIN } });
      assert.equal(get.status, 200);
      assert.deepEqual(accessControl(get), []);
      const refused = await fetch(csvUrl(), { headers: { Origin: ALLOWED_ORIGIN } });
      assert.equal(refused.status, 401);
      assert.deepEqual(accessControl(refused), []);
      const preflight = await fetch(csvUrl(), {
        method: 'OPTIONS',
        headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      });
      assert.deepEqual(accessControl(preflight), []);
      // Public routes still answer the same origin.
      const modules = await fetch(`${app.url}/v1/modules`, { headers: { Origin: ALLOWED_ORIGIN } });
      assert.equal(modules.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
    });

    it('exports signups as quoted CSV with spreadsheet formulas defused', async () => {
      const session = await addSession(db);
      await postSignup(
        app.url,
        signup(session.id, {
          firstName: '=HYPERLINK("http://evil.example","Click")',
          lastName: 'O’Brien, "Junior"',
          email: 'formula@example.org',
          phone: '+44 7700 900982',
          clp: 'Kelvin;=HYPERLINK("http://evil.example")',
          accessNeeds: 'Line one\nline two',
          consentMarketing: true,
        }),
      );
      // Access needs only when the organiser opts in for this export.
      const res = await fetch(`${csvUrl()}?include=access-needs`, { headers: { Authorization: `bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="mobilise-signups-2026-11-26\.csv"$/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'BOM so Excel reads UTF-8');
      const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
      const record = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]]))).find((r) => r.email === 'formula@example.org');
      assert.ok(record, 'the signup is exported');
      assert.equal(record.first_name, `'=HYPERLINK("http://evil.example","Click")`);
      assert.equal(record.last_name, 'O’Brien, "Junior"');
      assert.equal(record.phone, "'+44 7700 900982");
      assert.equal(record.clp, `'Kelvin;=HYPERLINK("http://evil.example")`);
      assert.equal(record.access_needs, 'Line one\nline two');
      assert.equal(record.consent_contact, 'true');
      assert.equal(record.consent_marketing, 'true');
      assert.equal(record.session_id, session.id);
      assert.equal(record.status, 'pending', 'not confirmed by email yet');
      for (const separator of [',', ';']) {
        for (const r of parseCsv(new TextDecoder().decode(bytes), separator)) for (const cell of r) assert.doesNotMatch(cell.trimStart(), FORMULA);
      }
    });

    const csv = async (query: string) => {
      const res = await fetch(`${csvUrl()}${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200, query);
      const [header, ...rows] = parseCsv(await res.text()); // text() drops the BOM
      return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
    };

    it('leaves access needs out unless include=access-needs (they may be health data)', async () => {
      const session = await addSession(db);
      await postSignup(app.url, signup(session.id, { email: 'needs@example.org', accessNeeds: 'Wheelchair user' }));
      const plain = await csv(`?session=${session.id}`);
      assert.ok(!plain.header.includes('access_needs'));
      assert.doesNotMatch(JSON.stringify(plain.rows), /Wheelchair/);
      const opted = await csv(`?session=${session.id}&include=access-needs`);
      assert.equal(opted.header.length, plain.header.length + 1);
      assert.equal(opted.rows[0]!.access_needs, 'Wheelchair user');
    });

    it('filters by area (any case), session, and the session start between from and to', async () => {
      const area = `Filter Area ${Date.now()}`;
      const early = await addSession(db, { area, start: '2026-12-10T18:00:00+00:00', end: '2026-12-10T20:00:00+00:00' });
      const late = await addSession(db, { area, start: '2027-01-20T18:00:00+00:00', end: '2027-01-20T20:00:00+00:00' });
      const elsewhere = await addSession(db, { area: 'Elsewhere', start: '2026-12-10T18:00:00+00:00', end: '2026-12-10T20:00:00+00:00' });
      for (const s of [early, late, elsewhere]) await postSignup(app.url, signup(s.id));
      const sessionsOf = async (query: string) => (await csv(query)).rows.map((r) => r.session_id).sort();
      const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
      assert.deepEqual(await sessionsOf(q({ area: area.toUpperCase() })), [early.id, late.id].sort());
      assert.deepEqual(await sessionsOf(q({ session: late.id })), [late.id]);
      assert.deepEqual(await sessionsOf(q({ area, from: '2027-01-01T00:00:00Z' })), [late.id]);
      assert.deepEqual(await sessionsOf(q({ area, to: '2026-12-31T00:00:00+00:00' })), [early.id]);
      assert.deepEqual(await sessionsOf(q({ area: 'Nowhere at all' })), []);
    });

    it('refuses a bad filter with 400 naming it', async () => {
      for (const [query, field] of [
        ['?from=yesterday', 'from'],
        ['?to=2026-13-01T00:00:00Z', 'to'],
        ['?session=Not%20A%20Slug', 'session'],
        ['?area=', 'area'],
        ['?include=everything', 'include'],
      ]) {
        const res = await fetch(`${csvUrl()}${query}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        const problem = await expectProblem(res, 400, 'bad-request');
        assert.deepEqual(problem.errors?.map((e) => e.field), [field], query);
      }
    });
  });
}
