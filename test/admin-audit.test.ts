/**
 * The organiser console's audit log (#audit) in a real browser: every action the server writes
 * in words, who (the organiser's name, or what the actor is), UK times, session targets linked,
 * details summarised; paging with focus on the first new row; an organiser told they see only
 * their own; empty and error states; 320 px reflow; axe; keyboard.
 *
 * The harness (built console, faked API) is test/helpers/admin-fake.ts. That the list of actions
 * is every one the server writes is checked in server/test/admin-audit.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { engine } from './helpers/engine.js';
import { setViewport } from './helpers/viewport.js';
import { admin, fake, focused, inner, json, organiser, problem, signedInConsole, text, useAdminFake } from './helpers/admin-fake.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;

useAdminFake();

const AUDIT = 'GET /v1/admin/audit';
let nextId = 1000;
const entry = (action: string, detail: Record<string, unknown> = {}, target: string | null = null, actor = '1', actorName: string | null = 'Morag Admin') => ({
  id: String(nextId--),
  at: '2027-07-01T17:30:00.000Z',
  actor,
  ...(actorName ? { actorName } : {}),
  action,
  target,
  detail,
});

/** [action, detail, target, What, Target, Details]: every action the server writes. */
const EVERY: [string, Record<string, unknown>, string | null, string, string, string][] = [
  ['session.create', {}, 'canvassing-glasgow', 'Created a session', 'Session canvassing-glasgow', ''],
  ['session.update', { fields: ['start', 'end'], emailed: 3 }, 'canvassing-glasgow', 'Changed a session', 'Session canvassing-glasgow', 'Changed start, end; emails queued for 3 people'],
  ['session.duplicate', { from: 'canvassing-glasgow' }, 'canvassing-glasgow-2', 'Duplicated a session', 'Session canvassing-glasgow-2', 'Copied from canvassing-glasgow'],
  ['session.cancel', { emailed: 1 }, 'canvassing-glasgow', 'Cancelled a session', 'Session canvassing-glasgow', 'emails queued for 1 person'],
  ['session.publish', {}, 'canvassing-glasgow', 'Published a session', 'Session canvassing-glasgow', ''],
  ['session.unpublish', {}, 'canvassing-glasgow', 'Unpublished a session', 'Session canvassing-glasgow', ''],
  ['session.attendees', { rows: 12 }, 'canvassing-glasgow', 'Viewed the attendee list', 'Session canvassing-glasgow', '12 people listed'],
  ['session.attendance', { signupId: 42, attended: true }, 'canvassing-glasgow', 'Marked attendance', 'Session canvassing-glasgow', 'Signup 42 marked attended'],
  ['module.create', {}, 'canvassing', 'Created a module', 'Module canvassing', ''],
  ['module.update', { fields: ['title'] }, 'canvassing', 'Changed a module', 'Module canvassing', 'Changed title'],
  ['person.search', { signups: 2, emails: 5 }, null, 'Searched a person’s data', 'None', '2 signups and 5 emails found'],
  ['person.erase', { signups: 2, bookingsWithdrawn: 1, emailsCancelled: 0, emailBodiesRemoved: 5, bookingLinksDeleted: 2, signupRequests: 1 }, null, 'Erased a person', 'None',
    '2 signups anonymised; 1 booking of a future session withdrawn; 5 emails’ addresses and text removed; 2 booking links deleted; 1 signup request cleared'],
  ['signups.export', { rows: 12 }, null, 'Exported signups', 'None', '12 rows'],
  ['sign-in.requested', { email: 'a1b2c3d4e5f6', sent: true }, null, 'Asked for a sign-in link', 'None', 'Link sent'],
  ['sign-in.rate-limited', { email: 'a1b2c3d4e5f6' }, null, 'Sign-in refused: too many attempts', 'None', 'When asking for a link'],
  ['sign-in.succeeded', {}, null, 'Signed in', 'None', ''],
  ['sign-in.failed', { reason: 'token-expired' }, null, 'Sign-in link refused', 'None', 'the link had expired'],
  ['sign-out', {}, null, 'Signed out', 'None', ''],
  ['organiser.create', { role: 'organiser', areas: ['Glasgow', 'Edinburgh'] }, '7', 'Created an organiser account', 'Organiser 7', 'Organiser for Glasgow, Edinburgh'],
  ['organiser.disable', {}, '7', 'Disabled an organiser account', 'Organiser 7', ''],
  ['organiser.enable', {}, '7', 'Enabled an organiser account', 'Organiser 7', ''],
  ['organiser.set-areas', { areas: ['Glasgow'] }, '7', 'Changed an organiser’s areas', 'Organiser 7', 'Areas: Glasgow'],
];

const auditRoot = (el: Element) => inner(el, 'mobilise-admin-audit')?.shadowRoot;
const cells = (tr: Element) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

async function auditView(who: typeof fake.who = admin) {
  fake.who = who;
  const el = await signedInConsole('#audit');
  // Loaded: its table or a state other than "Loading…" (which is a .state too, and would leave the caption unread).
  await waitUntil(() => {
    const root = auditRoot(el);
    return root?.querySelector('table') || (root?.querySelector('.state') && text(root, '.state') !== 'Loading the audit log…');
  }, 'the audit view never loaded');
  return { el, root: auditRoot(el)! };
}

describe('organiser console: audit log', () => {
  it('every action the server writes, in words: when (UK time), who, what, target (sessions linked), details', async () => {
    fake.answers[AUDIT] = () => json({ entries: EVERY.map(([action, detail, target]) => entry(action, detail, target)) });
    const { el, root } = await auditView();
    expect(fake.calls.filter((c) => `${c.method} ${c.path}` === AUDIT)[0]!.query.toString()).to.equal('limit=50');
    expect(text(root, 'h2')).to.equal('Audit log');
    expect(text(root, 'caption')).to.equal(`Audit log, newest first: ${EVERY.length} entries shown`);
    expect([...root.querySelectorAll('thead th')].map((th) => `${th.textContent!.trim()}:${th.getAttribute('scope')}`)).to.deep.equal(
      ['When', 'Who', 'What', 'Target', 'Details'].map((c) => `${c}:col`),
    );
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('th')!.getAttribute('scope'))).to.deep.equal(EVERY.map(() => 'row'));
    // 17:30 UTC in July is 18:30 in the UK, whatever the browser's zone.
    expect(rows.map((r) => cells(r))).to.deep.equal(EVERY.map(([, , , what, target, details]) => ['1 Jul 2027, 18:30', 'Morag Admin', what, target, details]));
    const link = rows[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#session=canvassing-glasgow');
    expect(rows.find((r) => cells(r)[2] === 'Created a module')!.querySelector('a'), 'only sessions are linked').to.equal(null);
    expect(text(root, '.state')).to.equal('No older entries.');
    await expect(el).to.be.accessible();
    link.click();
    await waitUntil(() => inner(el, 'mobilise-admin-session'), 'the link did not open the session view');
    expect(location.hash).to.equal('#session=canvassing-glasgow');
  });

  it('who: the organiser’s name from the server; the command line, a token and an unknown address in words; an erasure of nothing said so', async () => {
    fake.answers[AUDIT] = () =>
      json({
        entries: [
          entry('organiser.create', { role: 'admin', areas: [] }, '1', 'cli', null),
          entry('signups.export', { rows: 3 }, null, 'token:export', null),
          entry('sign-in.requested', { email: 'ffffffffffff', sent: false }, null, 'anonymous', null),
          entry('sign-in.rate-limited', { step: 'session' }, null, 'anonymous', null),
          entry('session.create', {}, 'x', '9', null),
          entry('person.erase', { signups: 0, bookingsWithdrawn: 0, emailsCancelled: 0, emailBodiesRemoved: 0, bookingLinksDeleted: 0, signupRequests: 0 }),
          entry('something.new', { count: 2, ids: ['a', 'b'] }, 'thing', '7', 'Ailsa Organiser'),
        ],
      });
    const { el, root } = await auditView();
    expect([...root.querySelectorAll('tbody tr')].map((r) => cells(r).slice(1))).to.deep.equal([
      ['Server command line', 'Created an organiser account', 'Organiser 1', 'Admin'],
      ['API token (export)', 'Exported signups', 'None', '3 rows'],
      ['Unknown email address', 'Asked for a sign-in link', 'None', 'No link sent (no active account)'],
      ['Unknown email address', 'Sign-in refused: too many attempts', 'None', 'When opening a link'],
      ['Organiser 9', 'Created a session', 'Session x', ''],
      ['Morag Admin', 'Erased a person', 'None', 'Nothing left to erase'],
      // An action this console does not know yet: as written, its detail as key: value.
      ['Ailsa Organiser', 'something.new', 'thing', 'count: 2; ids: a, b'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('"Show older entries" asks for the page before the last one and moves focus to the first new row (keyboard: Enter)', async () => {
    const first = Array.from({ length: 50 }, (_, i) => entry('session.publish', {}, `s-${i}`));
    const second = [entry('sign-in.succeeded'), entry('sign-out')];
    fake.answers[AUDIT] = (call) => json(call.query.get('before') ? { entries: second } : { entries: first, next: first.at(-1)!.id });
    const { el, root } = await auditView();
    expect(root.querySelectorAll('tbody tr')).to.have.length(50);
    const more = root.querySelector<HTMLButtonElement>('#audit-older')!;
    expect(text(root, '#audit-older')).to.equal('Show older entries');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelectorAll('tbody tr').length === 52, 'the older page was not added');
    const asked = fake.calls.filter((c) => `${c.method} ${c.path}` === AUDIT).map((c) => c.query.toString());
    expect(asked).to.deep.equal(['limit=50', `limit=50&before=${first.at(-1)!.id}`]);
    await waitUntil(() => root.activeElement === root.querySelectorAll('tbody tr')[50], `focus is on ${focused()}`);
    expect(cells(root.querySelectorAll('tbody tr')[50]!)[2]).to.equal('Signed in');
    expect(root.querySelector('#audit-older'), 'the last page: no button').to.equal(null);
    expect(text(root, '.state')).to.equal('No older entries.');
    expect(text(root, 'caption')).to.equal('Audit log, newest first: 52 entries shown');
    await expect(el).to.be.accessible();
  });

  it('an older page that fails is said in words; the rows stay and the button tries again', async () => {
    const first = [entry('sign-in.succeeded')];
    fake.answers[AUDIT] = (call) => (call.query.get('before') ? problem(503, 'server-error', 'The service is busy') : json({ entries: first, next: first[0]!.id }));
    const { el, root } = await auditView();
    root.querySelector<HTMLButtonElement>('#audit-older')!.click();
    await waitUntil(() => root.querySelector('.state.error'));
    expect(text(root, '.state.error')).to.equal('The service is busy.');
    expect(root.querySelectorAll('tbody tr')).to.have.length(1);
    expect(root.querySelector('#audit-older')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an organiser is told they see only their own actions; empty and error states in words', async () => {
    fake.answers[AUDIT] = () => json({ entries: [] });
    const { el, root } = await auditView(organiser);
    expect(text(root, 'h2 + p')).to.equal('You see only your own actions. An admin sees everyone’s.');
    await waitUntil(() => text(root, '.state') === 'You have no actions in the log yet.');
    expect(root.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();

    fake.answers[AUDIT] = () => problem(401, 'unauthorized', 'Sign in first');
    location.hash = '#sessions';
    await waitUntil(() => !auditRoot(el));
    location.hash = '#audit';
    await waitUntil(() => auditRoot(el)?.querySelector('.state.error'));
    expect(text(auditRoot(el), '.state.error')).to.equal('Sign in first.');
  });

  it('an admin with an empty log is told nothing has been logged', async () => {
    fake.answers[AUDIT] = () => json({ entries: [] });
    const { root } = await auditView();
    expect(text(root, 'h2 + p')).to.equal('Every organiser’s actions and sign-ins, newest first.');
    await waitUntil(() => text(root, '.state') === 'Nothing has been logged yet.');
  });

  it('at 320 px (480 in WebKit) the rows reflow into labelled blocks: nothing scrolls sideways; axe-clean', async () => {
    const width = engine === 'webkit' ? 480 : 320;
    await setViewport({ width, height: 640 });
    fake.answers[AUDIT] = () => json({ entries: EVERY.map(([action, detail, target]) => entry(action, detail, target)) });
    const { el, root } = await auditView();
    await waitUntil(() => getComputedStyle(root.querySelector('tbody tr')!).display === 'block', 'rows did not reflow');
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    const cell = root.querySelector('tbody td')!;
    // Chromium resolves attr() in the computed value; Firefox and WebKit report it as written.
    const label = getComputedStyle(cell, '::before').content;
    expect(label === 'attr(data-label)' ? `"${cell.getAttribute('data-label')}"` : label).to.equal('"Who"');
    await expect(el).to.be.accessible();
  });
});
