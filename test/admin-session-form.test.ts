/**
 * The organiser console's session form (issue 12) in a real browser: create (UK wall-clock time
 * sent with the right offset, GMT or BST), the GOV.UK error pattern for the form's own checks and
 * the server's 422s, an edit sending only what changed with If-Match, a reschedule's warning and
 * note, someone else's save in between (412) never overwritten, duplicate, keyboard only, 320 px,
 * axe on every state. And london-time.ts across both clock changes, in each engine's Intl.
 *
 * The harness (built console, faked API) is test/helpers/admin-fake.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { londonDayBound, londonIso, londonParts } from '../src/elements/admin-console/london-time.js';
import { fixtures } from './helpers/mock-api.js';
import { engine } from './helpers/engine.js';
import { setViewport } from './helpers/viewport.js';
import { admin, CSRF, fake, focused, inner, json, managed, problem, signedInConsole, text, useAdminFake, type Call } from './helpers/admin-fake.js';

declare function describe(name: string, fn: () => void): void;
declare function beforeEach(fn: () => unknown): void;
declare function it(name: string, fn: () => unknown): void;

useAdminFake();

const DRAFT = 'Saved as a draft: members cannot see it until you publish it';
const byTitle = [...fixtures.modules].sort((a, b) => a.title.localeCompare(b.title));
const module = byTitle[0]!;

/** A session as GET /v1/admin/sessions/{id} answers it: 18:30–20:30 UK time on 15 July 2027 (BST), 7 people booked. */
const source = {
  ...managed[0]!,
  session: {
    ...managed[0]!.session,
    id: 'source-session',
    moduleId: module.id,
    start: '2027-07-15T17:30:00.000Z',
    end: '2027-07-15T19:30:00.000Z',
    delivery: 'in-person' as const,
    venue: { name: 'Trades Hall', address: '85 Glassford Street', postcode: 'G1 1UB' },
    area: 'Glasgow',
    capacity: 20,
    spacesLeft: 15,
    status: 'scheduled' as const,
  },
  published: true,
  version: 3,
  counts: { capacity: 20, confirmed: 4, pending: 1, waitlisted: 2, cancelled: 0, attended: 0 },
};

/** The server's answer to a create: the body as a session, unpublished. */
function createdFrom(call: Call, id = 'new-session-1') {
  const body = call.body as { capacity: number };
  return json({ session: { ...body, id, status: 'scheduled', spacesLeft: body.capacity }, published: false, version: 1, counts: { ...source.counts, capacity: body.capacity, confirmed: 0, pending: 0, waitlisted: 0 } }, 201);
}

/** GET of the source session (and `next` answers after a conflict). */
function serveSource(answers: object[] = [source]) {
  let n = 0;
  fake.routes.push((call) => (call.method === 'GET' && call.path === '/v1/admin/sessions/source-session' ? json(answers[Math.min(n++, answers.length - 1)]) : undefined));
}

const formOf = (el: Element) => inner(el, 'mobilise-admin-session-form');

/**
 * The notice the form hands the session page in history.state. The page takes it out of the
 * state as it shows it (test/admin-session-page.test.ts), so it is caught on its way in.
 */
let handed: string | undefined;
const replaceState = history.replaceState.bind(history);
history.replaceState = (state: unknown, unused: string, url?: string | URL | null) => {
  const notice = (state as { notice?: unknown } | null)?.notice;
  if (typeof notice === 'string') handed = notice;
  replaceState(state, unused, url);
};
beforeEach(() => (handed = undefined));
async function openForm(hash: string) {
  const el = await signedInConsole(hash);
  await waitUntil(() => formOf(el)?.shadowRoot?.querySelector('#save'), 'the form never showed', { timeout: 4000 });
  return { el, root: formOf(el)!.shadowRoot };
}
const control = (root: ShadowRoot, id: string) => root.getElementById(id) as HTMLInputElement;
/** As typing would: the value, then an input event that bubbles to the form. */
function set(root: ShadowRoot, id: string, value: string) {
  const c = control(root, id);
  c.value = value;
  c.dispatchEvent(new Event(c.localName === 'select' ? 'change' : 'input', { bubbles: true, composed: true }));
}
const settled = async (root: ShadowRoot) => {
  await (root.host as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
};
async function fill(root: ShadowRoot, values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) {
    set(root, id, value);
    await settled(root);
  }
}
const save = (root: ShadowRoot) => control(root, 'save').click();
const sent = (method: string, path: string) => fake.calls.filter((c) => c.method === method && c.path === path);
const summary = (root: ShadowRoot) => [...root.querySelectorAll('.error-summary li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('london-time: UK wall clock, whatever the browser’s zone', () => {
  it('summer is +01:00 (BST), winter +00:00 (GMT)', () => {
    expect(londonIso('2027-07-15', '18:30')).to.equal('2027-07-15T18:30:00+01:00');
    expect(londonIso('2027-01-14', '18:30')).to.equal('2027-01-14T18:30:00+00:00');
  });

  it('clocks forward (28 March 2027): 00:59 is GMT, 01:30 does not exist, 02:00 is BST', () => {
    expect(londonIso('2027-03-28', '00:59')).to.equal('2027-03-28T00:59:00+00:00');
    expect(londonIso('2027-03-28', '01:30')).to.equal(undefined);
    expect(londonIso('2027-03-28', '02:00')).to.equal('2027-03-28T02:00:00+01:00');
  });

  it('clocks back (31 October 2027): 00:59 is BST, the repeated 01:30 is its first (BST) time, 02:00 is GMT', () => {
    expect(londonIso('2027-10-31', '00:59')).to.equal('2027-10-31T00:59:00+01:00');
    expect(londonIso('2027-10-31', '01:30')).to.equal('2027-10-31T01:30:00+01:00');
    expect(londonIso('2027-10-31', '02:00')).to.equal('2027-10-31T02:00:00+00:00');
    // Both 01:30s read back as 01:30.
    expect(londonParts('2027-10-31T00:30:00Z')).to.deep.equal({ date: '2027-10-31', time: '01:30' });
    expect(londonParts('2027-10-31T01:30:00Z')).to.deep.equal({ date: '2027-10-31', time: '01:30' });
    expect(londonParts('2027-03-28T01:00:00Z')).to.deep.equal({ date: '2027-03-28', time: '02:00' });
    expect(londonParts('2027-07-15T23:30:00Z')).to.deep.equal({ date: '2027-07-16', time: '00:30' });
  });

  it('day bounds are the UK day’s first and last moments; nonsense is undefined', () => {
    expect(londonDayBound('2027-07-15', false)).to.equal('2027-07-15T00:00:00+01:00');
    expect(londonDayBound('2027-07-15', true)).to.equal('2027-07-15T23:59:59.999+01:00');
    expect(londonDayBound('2027-03-28', false)).to.equal('2027-03-28T00:00:00+00:00');
    expect(londonDayBound('2027-03-28', true)).to.equal('2027-03-28T23:59:59.999+01:00');
    expect(londonDayBound('', true)).to.equal(undefined);
    expect(londonIso('2027-02-30', '10:00')).to.equal(undefined);
    expect(londonIso('15/07/2027', '18:30')).to.equal(undefined);
    expect(londonParts('not a date')).to.deep.equal({ date: '', time: '' });
  });
});

describe('session form: create', () => {
  it('a summer session in person: the exact body (BST offset, venue, waiting list on), CSRF, then the session page with the draft notice', async () => {
    fake.answers['POST /v1/admin/sessions'] = (call) => createdFrom(call);
    const { el, root } = await openForm('#new');
    expect(text(root, 'h2')).to.equal('New session');
    expect([...root.querySelectorAll('#module option')].map((o) => o.textContent)).to.deep.equal(['Choose a module', ...byTitle.map((m) => m.title)]);
    expect([...root.querySelectorAll('#area option')].map((o) => o.textContent)).to.deep.equal(['Choose an area', 'Glasgow', 'Edinburgh']);
    expect(control(root, 'waitlist').checked).to.equal(true);
    expect(root.querySelector('#venue-name')).to.equal(null);
    await expect(el).to.be.accessible();

    control(root, 'delivery-in-person').click();
    await settled(root);
    await fill(root, {
      module: module.id,
      date: '2027-07-15',
      start: '18:30',
      end: '20:30',
      'venue-name': ' Trades Hall ',
      'venue-address': '85 Glassford Street',
      'venue-postcode': 'G1 1UB',
      area: 'Glasgow',
      capacity: '20',
    });
    await expect(el).to.be.accessible();
    save(root);
    await waitUntil(() => location.hash === '#session=new-session-1', `still at ${location.hash}`);
    const [post] = sent('POST', '/v1/admin/sessions');
    expect(post!.body).to.deep.equal({
      moduleId: module.id,
      start: '2027-07-15T18:30:00+01:00',
      end: '2027-07-15T20:30:00+01:00',
      delivery: 'in-person',
      venue: { name: 'Trades Hall', address: '85 Glassford Street', postcode: 'G1 1UB' },
      area: 'Glasgow',
      capacity: 20,
      waitlist: true,
    });
    expect(post!.headers['x-csrf-token']).to.equal(CSRF);
    expect(handed).to.equal(DRAFT);
  });

  it('a winter session online: GMT offsets, optional fields sent, waiting list off; an admin types the area with suggestions', async () => {
    fake.who = admin;
    fake.answers['POST /v1/admin/sessions'] = (call) => createdFrom(call, 'winter-1');
    const { el, root } = await openForm('#new');
    await waitUntil(() => root.querySelectorAll('#known-areas option').length === 2, 'no area suggestions');
    expect(control(root, 'area').getAttribute('list')).to.equal('known-areas');
    control(root, 'delivery-online').click();
    control(root, 'waitlist').click();
    await fill(root, {
      module: module.id,
      date: '2027-01-14',
      start: '09:00',
      end: '12:00',
      area: 'Dundee',
      capacity: '8',
      trainer: 'Morag',
      'deadline-date': '2027-01-13',
      'deadline-time': '17:00',
      accessibility: 'Captions on',
    });
    save(root);
    await waitUntil(() => location.hash === '#session=winter-1');
    expect(sent('POST', '/v1/admin/sessions')[0]!.body).to.deep.equal({
      moduleId: module.id,
      start: '2027-01-14T09:00:00+00:00',
      end: '2027-01-14T12:00:00+00:00',
      delivery: 'online',
      area: 'Dundee',
      capacity: 8,
      waitlist: false,
      trainer: 'Morag',
      signupDeadline: '2027-01-13T17:00:00+00:00',
      accessibility: 'Captions on',
    });
    await expect(el).to.be.accessible();
  });

  it('the form’s own checks: summary focused, each message linked to its field and shown above it, aria-invalid; nothing sent, nothing typed lost', async () => {
    const { el, root } = await openForm('#new');
    save(root);
    await waitUntil(() => root.querySelector('.error-summary'));
    await settled(root);
    expect(summary(root)).to.deep.equal([
      'Choose a module',
      'Enter the date of the session',
      'Enter the start time',
      'Enter the end time',
      'Choose how the session runs',
      'Choose an area',
      'Enter the capacity: how many people can come',
    ]);
    expect(root.activeElement?.className).to.contain('error-summary');
    const capacity = control(root, 'capacity');
    expect(capacity.getAttribute('aria-invalid')).to.equal('true');
    expect(capacity.getAttribute('aria-describedby')).to.equal('capacity-hint capacity-error');
    expect(text(root, '#capacity-error')).to.equal('Error: Enter the capacity: how many people can come');
    expect(root.getElementById('capacity-error')!.compareDocumentPosition(capacity) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(control(root, 'delivery-online').getAttribute('aria-invalid')).to.equal('true');
    root.querySelector<HTMLAnchorElement>('.error-summary a[href="#delivery-online"]')!.click();
    expect(focused()).to.equal('delivery-online');
    root.querySelector<HTMLAnchorElement>('.error-summary a[href="#capacity"]')!.click();
    expect(focused()).to.equal('capacity');
    await expect(el).to.be.accessible();

    // In person without a venue, capacity in words, the end before the start, a time the clocks skip.
    control(root, 'delivery-hybrid').click();
    await settled(root);
    await fill(root, { module: module.id, date: '2027-03-28', start: '01:30', end: '03:00', area: 'Glasgow', capacity: 'ten', 'venue-postcode': 'G' });
    save(root);
    await waitUntil(() => summary(root)[0] !== 'Choose a module');
    await settled(root);
    expect(summary(root)).to.deep.equal([
      'That time does not exist in the UK: the clocks go forward an hour that night. Choose another time',
      'Enter the venue’s name',
      'Enter the venue’s address',
      'Enter the venue’s postcode',
      'Enter the capacity as a whole number, like 20',
    ]);
    set(root, 'start', '00:30');
    set(root, 'end', '00:15');
    set(root, 'capacity', '10001');
    await settled(root);
    save(root);
    await waitUntil(() => summary(root)[0] !== 'That time does not exist in the UK: the clocks go forward an hour that night. Choose another time');
    expect(summary(root)).to.include('The end time must be after the start time');
    expect(summary(root)).to.include('Capacity must be at most 10000');
    expect([control(root, 'capacity').value, control(root, 'venue-postcode').value, control(root, 'date').value]).to.deep.equal(['10001', 'G', '2027-03-28']);
    expect(sent('POST', '/v1/admin/sessions')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the server’s 422 goes on the fields it names; a refusal with no field is said in the summary', async () => {
    fake.answers['POST /v1/admin/sessions'] = () =>
      problem(422, 'validation', 'Check your answers', { errors: [{ field: 'venue.postcode', message: 'Enter a real postcode' }, { field: 'moduleId', message: 'There is no module with this id' }] });
    const { el, root } = await openForm('#new');
    control(root, 'delivery-in-person').click();
    await settled(root);
    await fill(root, { module: module.id, date: '2027-07-15', start: '18:30', end: '20:30', 'venue-name': 'Hall', 'venue-address': '1 Street', 'venue-postcode': 'ZZ', area: 'Glasgow', capacity: '5' });
    save(root);
    await waitUntil(() => root.querySelector('.error-summary'));
    await settled(root);
    expect(summary(root)).to.deep.equal(['There is no module with this id', 'Enter a real postcode']);
    expect(text(root, '#venue-postcode-error')).to.equal('Error: Enter a real postcode');
    expect(control(root, 'venue-postcode').value).to.equal('ZZ');
    expect(root.activeElement?.className).to.contain('error-summary');
    await expect(el).to.be.accessible();

    fake.answers['POST /v1/admin/sessions'] = () => problem(403, 'forbidden', 'Not one of your areas', { detail: 'You can create sessions in: Glasgow.' });
    save(root);
    await waitUntil(() => summary(root)[0] === 'Not one of your areas. You can create sessions in: Glasgow.');
    expect(root.querySelector('[aria-invalid="true"]')).to.equal(null);
  });

  it('keyboard only: Tab through, type, arrow keys for the choices, Enter saves', async () => {
    fake.answers['POST /v1/admin/sessions'] = (call) => createdFrom(call, 'keyboard-1');
    const { el, root } = await openForm('#new');
    el.shadowRoot!.querySelector<HTMLElement>('main')!.focus();
    /** Tab until `id` has focus: a date or time input takes a few Tabs, one per part. */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 8 && focused() !== id; i++) await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(id);
    };
    await tabTo('module');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo('date');
    await sendKeys({ type: '07/15/2027' });
    await tabTo('start');
    await sendKeys({ type: '18:30' });
    await tabTo('end');
    // 19:45, not 20:30: in a 12-hour field (the runner's en-US) Chromium takes a 2 as the whole hour.
    await sendKeys({ type: '19:45' });
    await tabTo('delivery-online');
    await sendKeys({ press: ' ' });
    await tabTo('area');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo('capacity');
    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => location.hash === '#session=keyboard-1', `not saved: ${summary(root).join('; ')}`);
    expect(sent('POST', '/v1/admin/sessions')[0]!.body).to.deep.equal({
      moduleId: module.id,
      start: '2027-07-15T18:30:00+01:00',
      end: '2027-07-15T19:45:00+01:00',
      delivery: 'online',
      area: 'Glasgow',
      capacity: 12,
      waitlist: true,
    });
  });

  it('at 320 px (480 in WebKit) nothing scrolls sideways, with the venue and errors showing; axe-clean', async () => {
    const width = engine === 'webkit' ? 480 : 320;
    await setViewport({ width, height: 640 });
    const { el, root } = await openForm('#new');
    control(root, 'delivery-hybrid').click();
    save(root);
    await waitUntil(() => root.querySelector('.error-summary'));
    await settled(root);
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    for (const id of ['date', 'start', 'end', 'venue-address', 'capacity', 'save']) expect(control(root, id).getBoundingClientRect().right, id).to.be.at.most(width);
    await expect(el).to.be.accessible();
  });

  it('a failed load of the modules says so, with Try again and a way back', async () => {
    fake.answers['GET /v1/admin/modules'] = () => problem(503, 'server-error', 'The server is busy');
    const el = await signedInConsole('#new');
    await waitUntil(() => formOf(el)?.shadowRoot?.querySelector('.state.error'));
    const root = formOf(el)!.shadowRoot;
    expect(text(root, '.state.error')).to.equal('The server is busy.');
    expect(root.querySelector('a')!.getAttribute('href')).to.equal('#sessions');
    await expect(el).to.be.accessible();
    delete fake.answers['GET /v1/admin/modules'];
    root.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => root.querySelector('#save'), 'Try again did not load the form');
  });
});

describe('session form: edit', () => {
  it('prefilled in UK time; the module shown, not editable; only the changed field sent, with If-Match', async () => {
    serveSource();
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...source, version: 4, session: { ...source.session, capacity: 25 } }) : undefined));
    const { el, root } = await openForm('#edit=source-session');
    expect(text(root, 'h2')).to.equal('Edit session');
    expect(['date', 'start', 'end', 'capacity', 'venue-name', 'area'].map((id) => control(root, id).value)).to.deep.equal(['2027-07-15', '18:30', '20:30', '20', 'Trades Hall', 'Glasgow']);
    expect(control(root, 'delivery-in-person').checked).to.equal(true);
    expect(root.querySelector('select#module')).to.equal(null);
    expect(text(root, '#module')).to.equal(module.title);
    expect(root.querySelector('a[href="#session=source-session"]')?.textContent).to.equal('Cancel');
    await expect(el).to.be.accessible();

    save(root);
    await waitUntil(() => summary(root).length);
    expect(summary(root)).to.deep.equal(['You have not changed anything, so there is nothing to save.']);
    expect(sent('PATCH', '/v1/admin/sessions/source-session')).to.have.length(0);

    await fill(root, { capacity: '25' });
    expect(root.querySelector('#note')).to.equal(null);
    save(root);
    await waitUntil(() => location.hash === '#session=source-session');
    const [patch] = sent('PATCH', '/v1/admin/sessions/source-session');
    expect(patch!.body).to.deep.equal({ capacity: 25 });
    expect(patch!.headers['if-match']).to.equal('"3"');
    expect(patch!.headers['x-csrf-token']).to.equal(CSRF);
    expect(handed).to.equal('Changes saved.');
  });

  it('new times: says before saving that everyone booked (7 people) will be emailed, takes a note, sends the time and the note only', async () => {
    serveSource();
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...source, version: 4 }) : undefined));
    const { el, root } = await openForm('#edit=source-session');
    await fill(root, { start: '19:00' });
    expect(text(root, '.warning [role=status]')).to.equal('Everyone booked (7 people) will be emailed about the change.');
    await expect(el).to.be.accessible();
    await fill(root, { note: 'The room is free later.' });
    save(root);
    await waitUntil(() => sent('PATCH', '/v1/admin/sessions/source-session').length);
    expect(sent('PATCH', '/v1/admin/sessions/source-session')[0]!.body).to.deep.equal({ start: '2027-07-15T19:00:00+01:00', note: 'The room is free later.' });
    await waitUntil(() => location.hash === '#session=source-session');
    expect(handed).to.equal('Changes saved. 7 people booked will be emailed about the new time.');
  });

  it('untouched times are never sent, even one the UK clock shows twice (the second 01:30 of 31 October 2027)', async () => {
    const late = { ...source, session: { ...source.session, start: '2027-10-31T01:30:00.000Z', end: '2027-10-31T03:00:00.000Z' } };
    serveSource([late]);
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...late, version: 4 }) : undefined));
    const { root } = await openForm('#edit=source-session');
    expect([control(root, 'date').value, control(root, 'start').value, control(root, 'end').value]).to.deep.equal(['2027-10-31', '01:30', '03:00']);
    await fill(root, { trainer: 'Eilidh' });
    save(root);
    await waitUntil(() => sent('PATCH', '/v1/admin/sessions/source-session').length);
    expect(sent('PATCH', '/v1/admin/sessions/source-session')[0]!.body).to.deep.equal({ trainer: 'Eilidh' });
  });

  it('capacity below the places taken: the server’s message on the capacity field', async () => {
    serveSource();
    fake.routes.push((call) =>
      call.method === 'PATCH' ? problem(422, 'validation', 'Check your answers', { errors: [{ field: 'capacity', message: 'Capacity cannot be below the 5 places already taken' }] }) : undefined,
    );
    const { el, root } = await openForm('#edit=source-session');
    await fill(root, { capacity: '3' });
    save(root);
    await waitUntil(() => root.querySelector('#capacity-error'));
    expect(text(root, '#capacity-error')).to.equal('Error: Capacity cannot be below the 5 places already taken');
    expect(summary(root)).to.deep.equal(['Capacity cannot be below the 5 places already taken']);
    expect(control(root, 'capacity').value).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('someone else saved first (412): never overwritten; says so with what you changed; "Load their version" reloads and lists your changes to apply again', async () => {
    const theirs = { ...source, version: 4, session: { ...source.session, capacity: 30, trainer: 'Eilidh' } };
    serveSource([source, theirs]);
    let patches = 0;
    fake.routes.push((call) =>
      call.method === 'PATCH'
        ? ++patches === 1
          ? problem(412, 'conflict', 'Someone else changed this meanwhile', { detail: 'Reload it (now version 4), check the change, and apply yours again.' })
          : json({ ...theirs, version: 5 })
        : undefined,
    );
    const { el, root } = await openForm('#edit=source-session');
    await fill(root, { capacity: '25', 'venue-postcode': 'G2 2AA' });
    save(root);
    await waitUntil(() => root.querySelector('#load-theirs'));
    await settled(root);
    expect(summary(root)).to.deep.equal([
      'Someone else changed this session while you were editing. Your changes are not saved.',
      'Venue postcode: G2 2AA',
      'Capacity: 25',
    ]);
    expect(root.activeElement?.className).to.contain('error-summary');
    expect(control(root, 'capacity').value).to.equal('25');
    await expect(el).to.be.accessible();

    control(root, 'load-theirs').click();
    await waitUntil(() => root.querySelector('#reapply'), 'their version never loaded');
    await settled(root);
    expect(control(root, 'capacity').value).to.equal('30');
    expect(control(root, 'trainer').value).to.equal('Eilidh');
    expect([...root.querySelectorAll('#reapply li')].map((li) => li.textContent)).to.deep.equal(['Venue postcode: G2 2AA', 'Capacity: 25']);
    expect(focused()).to.equal('reapply');
    expect(root.querySelector('.error-summary')).to.equal(null);
    await expect(el).to.be.accessible();

    await fill(root, { capacity: '25' });
    save(root);
    await waitUntil(() => patches === 2);
    const second = sent('PATCH', '/v1/admin/sessions/source-session')[1]!;
    expect(second.body).to.deep.equal({ capacity: 25 });
    expect(second.headers['if-match']).to.equal('"4"');
  });

  it('a session that is gone or not yours: said in words, with a way back', async () => {
    fake.routes.push((call) => (call.path === '/v1/admin/sessions/elsewhere' ? problem(404, 'not-found', 'No such session', { detail: 'It does not exist, or it is outside your areas.' }) : undefined));
    const el = await signedInConsole('#edit=elsewhere');
    await waitUntil(() => formOf(el)?.shadowRoot?.querySelector('.state.error'));
    const root = formOf(el)!.shadowRoot;
    expect(text(root, '.state.error')).to.equal('No such session. It does not exist, or it is outside your areas.');
    expect(root.querySelector('a')!.getAttribute('href')).to.equal('#session=elsewhere');
    await expect(el).to.be.accessible();
  });
});

describe('session form: duplicate', () => {
  it('shows what is copied, asks only the new date and times, posts them, goes to the copy', async () => {
    serveSource();
    fake.routes.push((call) =>
      call.method === 'POST' && call.path === '/v1/admin/sessions/source-session/duplicate'
        ? json({ ...source, published: false, version: 1, session: { ...source.session, id: 'the-copy', ...(call.body as object) } }, 201)
        : undefined,
    );
    const { el, root } = await openForm('#duplicate=source-session');
    expect(text(root, 'h2')).to.equal('Duplicate session');
    const dds = [...root.querySelectorAll('.source dd')].map((dd) => dd.textContent!);
    expect(dds.slice(0, 3)).to.deep.equal([module.title, 'Glasgow', 'Trades Hall, G1 1UB']);
    // The day's words are the engine's Intl ("Thursday 15 July" or "Thursday, 15 July"); the time is UK time.
    expect(dds[3]).to.match(/^Thursday,? 15 July 2027, 18:30 – 20:30$/);
    expect([...root.querySelectorAll('input, select, textarea')].map((c) => c.id)).to.deep.equal(['date', 'start', 'end']);
    expect([control(root, 'date').value, control(root, 'start').value, control(root, 'end').value]).to.deep.equal(['', '18:30', '20:30']);
    await expect(el).to.be.accessible();

    save(root);
    await waitUntil(() => summary(root).length);
    expect(summary(root)).to.deep.equal(['Enter the date of the session']);

    await fill(root, { date: '2027-11-04' });
    save(root);
    await waitUntil(() => location.hash === '#session=the-copy');
    expect(sent('POST', '/v1/admin/sessions/source-session/duplicate')[0]!.body).to.deep.equal({ start: '2027-11-04T18:30:00+00:00', end: '2027-11-04T20:30:00+00:00' });
    expect(handed).to.equal('Copy saved as a draft: members cannot see it until you publish it');
  });
});

describe('session form: joining online', () => {
  const JOIN = 'https://meet.example.org/j/abc-defg';
  /** The source session run online, published, with joining details or none. */
  const onlineSource = (joining?: { url?: string; instructions?: string }, published = true) => ({
    ...source,
    published,
    session: { ...source.session, delivery: 'online' as const, venue: undefined },
    ...(joining ? { joining } : {}),
  });

  it('two labelled fields with hints for online and hybrid sessions only; sent as joining on a create', async () => {
    fake.answers['POST /v1/admin/sessions'] = (call) => createdFrom(call, 'joined-1');
    const { el, root } = await openForm('#new');
    expect(root.querySelector('#joining-url')).to.equal(null);
    control(root, 'delivery-in-person').click();
    await settled(root);
    expect(root.querySelector('#joining-url'), 'not for in person').to.equal(null);
    control(root, 'delivery-hybrid').click();
    await settled(root);
    expect(root.querySelector('#joining-url'), 'hybrid').to.not.equal(null);
    control(root, 'delivery-online').click();
    await settled(root);
    expect([...root.querySelectorAll('label[for^=joining]')].map((l) => l.textContent!.trim())).to.deep.equal(['Joining link (optional)', 'Joining instructions (optional)']);
    expect(control(root, 'joining-url').type).to.equal('url');
    expect(control(root, 'joining-url').getAttribute('aria-describedby')).to.equal('joining-url-hint');
    expect(text(root, '#joining-hint')).to.contain('Only members with a confirmed place see these');
    expect(root.querySelector('#joining-warning'), 'a draft is not warned').to.equal(null);
    await fill(root, {
      module: module.id,
      date: '2027-01-14',
      start: '18:30',
      end: '20:30',
      area: 'Glasgow',
      capacity: '30',
      'joining-url': ` ${JOIN} `,
      'joining-instructions': 'Meeting ID 123 456 789\nJoin 5 minutes early.',
    });
    await expect(el).to.be.accessible();
    save(root);
    await waitUntil(() => location.hash === '#session=joined-1', `still at ${location.hash}`);
    expect(sent('POST', '/v1/admin/sessions')[0]!.body).to.deep.include({
      delivery: 'online',
      joining: { url: JOIN, instructions: 'Meeting ID 123 456 789\nJoin 5 minutes early.' },
    });
  });

  it('a link that is not https, or too long: the GOV.UK pattern on the field, nothing sent; the server’s 422 on joining.url lands there too', async () => {
    const { el, root } = await openForm('#new');
    control(root, 'delivery-online').click();
    await settled(root);
    await fill(root, { module: module.id, date: '2027-01-14', start: '18:30', end: '20:30', area: 'Glasgow', capacity: '30', 'joining-url': 'http://meet.example.org/x', 'joining-instructions': 'x'.repeat(1_001) });
    save(root);
    await waitUntil(() => root.querySelector('.error-summary'));
    await settled(root);
    const https = 'Enter the joining link as a web address starting https://, like https://meet.example.org/abc-defg';
    expect(summary(root)).to.deep.equal([https, 'The joining instructions must be 1000 characters or fewer']);
    const url = control(root, 'joining-url');
    expect(url.getAttribute('aria-invalid')).to.equal('true');
    expect(url.getAttribute('aria-describedby')).to.equal('joining-url-hint joining-url-error');
    expect(text(root, '#joining-url-error')).to.equal(`Error: ${https}`);
    expect(root.getElementById('joining-url-error')!.compareDocumentPosition(url) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    root.querySelector<HTMLAnchorElement>('.error-summary a[href="#joining-url"]')!.click();
    expect(focused()).to.equal('joining-url');
    expect(url.value).to.equal('http://meet.example.org/x', 'nothing typed is lost');
    expect(sent('POST', '/v1/admin/sessions')).to.have.length(0);
    await expect(el).to.be.accessible();

    fake.answers['POST /v1/admin/sessions'] = () => problem(422, 'validation', 'Check your answers', { errors: [{ field: 'joining.url', message: 'That meeting host is not allowed' }] });
    await fill(root, { 'joining-url': JOIN, 'joining-instructions': 'Join early.' });
    save(root);
    await waitUntil(() => summary(root)[0] === 'That meeting host is not allowed');
    expect(text(root, '#joining-url-error')).to.equal('Error: That meeting host is not allowed');
  });

  it('a published online session without a link is warned about, not refused, and saves', async () => {
    serveSource([onlineSource()]);
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...onlineSource(), version: 4 }) : undefined));
    const { el, root } = await openForm('#edit=source-session');
    expect(text(root, '#joining-warning')).to.equal('This session is published, and members who book it get no joining link until you add one.');
    expect(root.querySelector('fieldset[aria-describedby="joining-hint joining-warning"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await fill(root, { 'joining-url': JOIN });
    expect(root.querySelector('#joining-warning'), 'gone once there is a link').to.equal(null);
    await fill(root, { 'joining-url': '', capacity: '25' });
    save(root);
    await waitUntil(() => location.hash === '#session=source-session');
    expect(sent('PATCH', '/v1/admin/sessions/source-session')[0]!.body).to.deep.equal({ capacity: 25 });
  });

  it('prefilled from the session’s joining details; a change sends both, as a whole', async () => {
    serveSource([onlineSource({ url: JOIN, instructions: 'Join early.' })]);
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...onlineSource(), version: 4 }) : undefined));
    const { root } = await openForm('#edit=source-session');
    expect([control(root, 'joining-url').value, control(root, 'joining-instructions').value]).to.deep.equal([JOIN, 'Join early.']);
    expect(root.querySelector('#joining-warning')).to.equal(null);
    await fill(root, { 'joining-instructions': 'Join 10 minutes early.' });
    save(root);
    await waitUntil(() => location.hash === '#session=source-session');
    expect(sent('PATCH', '/v1/admin/sessions/source-session')[0]!.body).to.deep.equal({ joining: { url: JOIN, instructions: 'Join 10 minutes early.' } });
  });

  it('a draft is not warned; emptying both fields clears them (null)', async () => {
    serveSource([onlineSource({ url: JOIN }, false)]);
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...onlineSource(), version: 4 }) : undefined));
    const { root } = await openForm('#edit=source-session');
    await fill(root, { 'joining-url': '' });
    expect(root.querySelector('#joining-warning')).to.equal(null);
    save(root);
    await waitUntil(() => location.hash === '#session=source-session');
    expect(sent('PATCH', '/v1/admin/sessions/source-session')[0]!.body).to.deep.equal({ joining: null });
  });
});

describe('session form: access at this session', () => {
  const boxes = (root: ShadowRoot) => [...root.querySelectorAll<HTMLInputElement>('input[name="access-features"]')];
  const ticked = (root: ShadowRoot) => boxes(root).filter((b) => b.checked).map((b) => b.value);
  const tick = async (root: ShadowRoot, feature: string) => {
    control(root, `access-features-${feature}`).click();
    await settled(root);
  };
  const withFeatures = { ...source, session: { ...source.session, accessFeatures: ['step-free', 'hearing-loop'] } };

  it('a fieldset with its legend and hint, a labelled box per feature; ticked ones are sent in the contract’s order, none leaves the field out', async () => {
    fake.answers['POST /v1/admin/sessions'] = (call) => createdFrom(call, 'access-1');
    const { el, root } = await openForm('#new');
    const fieldset = control(root, 'access-features-step-free').closest('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent).to.equal('Access at this session');
    expect(fieldset.getAttribute('aria-describedby')).to.equal('access-features-hint');
    expect(text(root, '#access-features-hint')).to.equal('Select all that apply. Members see them with the session and in their booking emails.');
    expect(boxes(root).map((b) => [b.value, root.querySelector(`label[for="${b.id}"]`)!.textContent])).to.deep.equal([
      ['step-free', 'Step-free access'],
      ['hearing-loop', 'Hearing loop'],
      ['bsl', 'British Sign Language (BSL) interpretation'],
      ['captions', 'Live captions'],
      ['quiet-room', 'Quiet room'],
      ['accessible-toilets', 'Accessible toilets'],
      ['childcare', 'Childcare'],
      ['parking', 'Parking'],
      ['public-transport', 'Near public transport'],
    ]);
    expect(ticked(root)).to.deep.equal([]);
    await expect(el).to.be.accessible();

    control(root, 'delivery-online').click();
    await fill(root, { module: module.id, date: '2027-07-15', start: '18:30', end: '20:30', area: 'Glasgow', capacity: '20' });
    await tick(root, 'quiet-room');
    await tick(root, 'captions');
    await tick(root, 'parking');
    await tick(root, 'parking');
    expect(ticked(root)).to.deep.equal(['captions', 'quiet-room']);
    await expect(el).to.be.accessible();
    save(root);
    await waitUntil(() => location.hash === '#session=access-1', `still at ${location.hash}`);
    expect((sent('POST', '/v1/admin/sessions')[0]!.body as { accessFeatures?: string[] }).accessFeatures).to.deep.equal(['captions', 'quiet-room']);
  });

  it('keyboard only: Tab reaches each box in turn, Space ticks and unticks it', async () => {
    fake.answers['POST /v1/admin/sessions'] = (call) => createdFrom(call, 'access-keys');
    const { root } = await openForm('#new');
    control(root, 'delivery-online').click();
    await fill(root, { module: module.id, date: '2027-07-15', start: '18:30', end: '20:30', area: 'Glasgow', capacity: '20' });
    control(root, 'deadline-time').focus();
    for (let i = 0; i < 4 && focused() !== 'access-features-step-free'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('access-features-step-free');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('access-features-hearing-loop');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await settled(root);
    expect(ticked(root)).to.deep.equal(['step-free', 'captions']);
    control(root, 'save').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => location.hash === '#session=access-keys', `not saved: ${summary(root).join('; ')}`);
    expect((sent('POST', '/v1/admin/sessions')[0]!.body as { accessFeatures?: string[] }).accessFeatures).to.deep.equal(['step-free', 'captions']);
  });

  it('an edit shows the session’s features ticked and sends the whole new list only when it changed, with If-Match; unticking all sends []', async () => {
    serveSource([withFeatures]);
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...withFeatures, version: 4 }) : undefined));
    const { el, root } = await openForm('#edit=source-session');
    expect(ticked(root)).to.deep.equal(['step-free', 'hearing-loop']);
    await expect(el).to.be.accessible();
    await tick(root, 'hearing-loop');
    await tick(root, 'hearing-loop');
    save(root);
    await waitUntil(() => summary(root).length);
    expect(summary(root)).to.deep.equal(['You have not changed anything, so there is nothing to save.'], 'ticked back as it was: no change');

    await tick(root, 'hearing-loop');
    await tick(root, 'public-transport');
    await tick(root, 'bsl');
    save(root);
    await waitUntil(() => sent('PATCH', '/v1/admin/sessions/source-session').length === 1);
    const [patch] = sent('PATCH', '/v1/admin/sessions/source-session');
    expect(patch!.body).to.deep.equal({ accessFeatures: ['step-free', 'bsl', 'public-transport'] });
    expect(patch!.headers['if-match']).to.equal('"3"');
  });

  it('unticking every box clears them', async () => {
    serveSource([withFeatures]);
    fake.routes.push((call) => (call.method === 'PATCH' ? json({ ...withFeatures, version: 4 }) : undefined));
    const { root } = await openForm('#edit=source-session');
    await tick(root, 'step-free');
    await tick(root, 'hearing-loop');
    save(root);
    await waitUntil(() => sent('PATCH', '/v1/admin/sessions/source-session').length === 1);
    expect(sent('PATCH', '/v1/admin/sessions/source-session')[0]!.body).to.deep.equal({ accessFeatures: [] });
  });

  it('the server’s 422 on a feature: on the fieldset, above the boxes; the summary’s link focuses the first box', async () => {
    serveSource([withFeatures]);
    fake.routes.push((call) =>
      call.method === 'PATCH' ? problem(422, 'validation', 'Check your answers', { errors: [{ field: 'accessFeatures.1', message: 'Choose access features from the list' }] }) : undefined,
    );
    const { el, root } = await openForm('#edit=source-session');
    await tick(root, 'childcare');
    save(root);
    await waitUntil(() => root.querySelector('#access-features-error'));
    await settled(root);
    expect(summary(root)).to.deep.equal(['Choose access features from the list']);
    expect(text(root, '#access-features-error')).to.equal('Error: Choose access features from the list');
    const fieldset = control(root, 'access-features-step-free').closest('fieldset')!;
    expect(fieldset.getAttribute('aria-describedby')).to.equal('access-features-hint access-features-error');
    expect(boxes(root).every((b) => b.getAttribute('aria-invalid') === 'true')).to.equal(true);
    expect(ticked(root)).to.deep.equal(['step-free', 'hearing-loop', 'childcare'], 'nothing ticked is lost');
    root.querySelector<HTMLAnchorElement>('.error-summary a[href="#access-features-step-free"]')!.click();
    expect(focused()).to.equal('access-features-step-free');
    await expect(el).to.be.accessible();
  });

  it('someone else saved first (412): the features you ticked are listed in words to apply again', async () => {
    serveSource([withFeatures, { ...withFeatures, version: 4 }]);
    fake.routes.push((call) => (call.method === 'PATCH' ? problem(412, 'conflict', 'Someone else changed this meanwhile') : undefined));
    const { root } = await openForm('#edit=source-session');
    await tick(root, 'hearing-loop');
    await tick(root, 'quiet-room');
    save(root);
    await waitUntil(() => root.querySelector('#load-theirs'));
    await settled(root);
    expect(summary(root)).to.include('Access at this session: Step-free access, Quiet room');
    control(root, 'load-theirs').click();
    await waitUntil(() => root.querySelector('#reapply'));
    await settled(root);
    expect([...root.querySelectorAll('#reapply li')].map((li) => li.textContent)).to.deep.equal(['Access at this session: Step-free access, Quiet room']);
    expect(ticked(root)).to.deep.equal(['step-free', 'hearing-loop'], 'their version, as loaded');
  });
});
