/**
 * The organiser console's session page (`#session=<id>`) in a real browser: the heading and numbers
 * in UK time, Publish/Unpublish, the attendee list (groups, attendance ticks saved at once and put
 * back on failure, keyboard, name filter, 320 px), Cancel with the server's email preview, and 404.
 *
 * The harness (built console, faked API) is test/helpers/admin-fake.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fixtures } from './helpers/mock-api.js';
import { engine } from './helpers/engine.js';
import { setViewport } from './helpers/viewport.js';
import { CSRF, fake, focused, inner, json, managed, open, page, problem, signedInConsole, text, useAdminFake, type Call } from './helpers/admin-fake.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;
declare function beforeEach(fn: () => unknown): void;

useAdminFake();

const ID = 'glasgow-persuasion-1';
const BASE = `/v1/admin/sessions/${ID}`;
const module = fixtures.modules[0]!;
const person = (signupId: number, firstName: string, lastName: string, status: string, extra: object = {}) => ({
  signupId,
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.org`,
  status,
  position: null,
  attended: false,
  ...extra,
});
const ATTENDEES = [
  person(1, 'Ailsa', 'Smith', 'confirmed'),
  person(2, 'Seán', 'Murphy', 'confirmed', { attended: true }),
  person(3, 'Eilidh', 'MacLeod', 'confirmed'),
  person(4, 'Pat', 'Pending', 'pending'),
  person(5, 'Wendy', 'Later', 'waitlisted', { position: 2 }),
  person(6, 'Will', 'Sooner', 'waitlisted', { position: 1 }),
  person(7, 'Carl', 'Gone', 'cancelled'),
];
const PREVIEW_TEXT = (note = '') =>
  `This session has been cancelled\n\nHello [first name],\n\nSorry: the organisers have cancelled the session you booked.${note ? `\n\n${note}` : ''}\n\nSession: ${module.title}\n`;

/** The session as the server holds it; each test may change it before opening the page. */
let server: { managed: (typeof managed)[number]; attendees: typeof ATTENDEES; attendance?: (call: Call) => Response | Promise<Response> };

beforeEach(() => {
  // 10 June 2027 is in British Summer Time: 17:30Z is 18:30 in the UK, whatever the browser's zone.
  const session = { ...managed[0]!.session, id: ID, moduleId: module.id, area: 'Glasgow', start: '2027-06-10T17:30:00Z', end: '2027-06-10T19:30:00Z', status: 'scheduled' as const };
  server = {
    managed: { ...managed[0]!, session, published: false, counts: { capacity: 20, confirmed: 3, pending: 1, waitlisted: 2, cancelled: 1, attended: 1 } },
    attendees: ATTENDEES.map((a) => ({ ...a })),
  };
  fake.routes.push((call) => {
    const { method, path } = call;
    if (!path.startsWith(BASE)) return undefined;
    const rest = path.slice(BASE.length);
    if (method === 'GET' && rest === '') return json(server.managed);
    if (method === 'GET' && rest === '/attendees') return json({ attendees: server.attendees });
    if (method === 'POST' && (rest === '/publish' || rest === '/unpublish')) {
      server.managed = { ...server.managed, published: rest === '/publish' };
      return json(server.managed);
    }
    if (method === 'POST' && rest === '/cancel-preview') {
      const note = (call.body as { note?: string }).note;
      return json({ subject: `Cancelled by the organisers: ${module.title}`, text: PREVIEW_TEXT(note), recipients: { confirmed: 3, pending: 1, waitlisted: 2 } });
    }
    if (method === 'POST' && rest === '/cancel') {
      server.managed = { ...server.managed, session: { ...server.managed.session, status: 'cancelled' } as never };
      server.attendees = server.attendees.map((a) => ({ ...a, status: 'cancelled' }));
      return json({ ...server.managed, emailed: 6 });
    }
    return undefined;
  });
});

/** PUT …/attendance goes through here (fake.routes answers synchronously, so it is routed before the rest). */
beforeEach(() => {
  fake.routes.unshift((call) => {
    if (call.method !== 'PUT' || call.path !== `${BASE}/attendance`) return undefined;
    return server.attendance ? (server.attendance(call) as Response) : new Response(null, { status: 204 });
  });
});

const pageOf = (el: Element) => inner(el, 'mobilise-admin-session')?.shadowRoot as ShadowRoot;
async function openPage() {
  const el = await signedInConsole(`#session=${ID}`);
  await waitUntil(() => pageOf(el)?.querySelector('#people-title') && pageOf(el)?.querySelector('.people'), 'the session page never showed its attendees', { timeout: 4000 });
  return { el, root: pageOf(el) };
}
const box = (root: ShadowRoot, id: number) => root.querySelector<HTMLInputElement>(`#attended-${id}`)!;
/** A definition list's terms and values, "Term value" each (the minified templates leave no spaces between tags). */
const terms = (root: ShadowRoot, selector: string) => [...root.querySelectorAll(`${selector} div`)].map((d) => `${text(d, 'dt')} ${text(d, 'dd')}`).join(', ');
/** A person's row: their name (and position) | email. */
const row = (li: Element) => [...li.querySelectorAll('span:not(.visually-hidden)')].map((s) => s.textContent!.trim()).join(' | ');
const calls = (method: string, rest: string) => fake.calls.filter((c) => c.method === method && c.path === BASE + rest);

describe('organiser console: session page', () => {
  it('shows the module title, the date and time in UK time, area, status and numbers, with Edit, Duplicate and the CSV link', async () => {
    const { el, root } = await openPage();
    expect(text(root, '#session-title')).to.equal(module.title);
    // Engines differ on the comma after the weekday.
    expect(terms(root, '.facts')).to.match(/^When Thursday,? 10 June 2027, 18:30 – 20:30 \(UK time\), Area Glasgow, Status Draft$/);
    expect(text(root, '#status')).to.equal('Draft');
    expect(terms(root, '.counts')).to.equal('Capacity 20, Confirmed 3, Pending 1, Waiting 2, Attended 1');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.actions a')].map((a) => [a.textContent!.trim(), a.getAttribute('href')]);
    expect(links).to.deep.equal([
      ['Edit', `#edit=${ID}`],
      ['Duplicate', `#duplicate=${ID}`],
    ]);
    // The attendees' CSV: access needs (maybe health data) only when ticked for that download.
    const csv = root.querySelector<HTMLAnchorElement>('#attendees-csv')!;
    expect([csv.textContent!.trim(), csv.getAttribute('href')]).to.deep.equal(['Download attendees (CSV)', `https://console.mobilise.test/v1/admin/signups.csv?session=${ID}`]);
    const box = root.querySelector<HTMLInputElement>('#session-access-needs')!;
    expect(box.checked).to.equal(false);
    expect(box.labels![0]!.textContent).to.equal('Include access needs');
    box.click();
    await waitUntil(() => csv.getAttribute('href')!.endsWith('&include=access-needs'), `the link is ${csv.getAttribute('href')}`);
    box.click();
    await waitUntil(() => csv.getAttribute('href') === `https://console.mobilise.test/v1/admin/signups.csv?session=${ID}`);
    expect(root.querySelector('#publish')).to.exist;
    expect(root.querySelector('#cancel-session')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('groups everyone booked: confirmed with attendance boxes named "<name> attended", pending, the waiting list in order with positions, cancelled', async () => {
    const { root } = await openPage();
    const groups = [...root.querySelectorAll('section[aria-labelledby^="group-"]')].map((g) => [
      text(g, 'h4'),
      [...g.querySelectorAll('li')].map(row),
    ]);
    expect(groups).to.deep.equal([
      ['Confirmed (3)', ['Ailsa Smith attended | ailsa.smith@example.org', 'Seán Murphy attended | seán.murphy@example.org', 'Eilidh MacLeod attended | eilidh.macleod@example.org']],
      ['Pending confirmation (1)', ['Pat Pending | pat.pending@example.org']],
      ['Waiting list (2)', ['Position 1: Will Sooner | will.sooner@example.org', 'Position 2: Wendy Later | wendy.later@example.org']],
      ['Cancelled (1)', ['Carl Gone | carl.gone@example.org']],
    ]);
    // Only confirmed people have a box; its name comes from aria-labelledby, the email describes it.
    expect([...root.querySelectorAll('input[type=checkbox][id^="attended-"]')].map((b) => b.id)).to.deep.equal(['attended-1', 'attended-2', 'attended-3']);
    const ailsa = box(root, 1);
    expect(root.getElementById(ailsa.getAttribute('aria-labelledby')!)!.textContent).to.equal('Ailsa Smith attended');
    expect(root.getElementById(ailsa.getAttribute('aria-describedby')!)!.textContent).to.equal('ailsa.smith@example.org');
    expect([ailsa.checked, box(root, 2).checked]).to.deep.equal([false, true]);
    expect(text(root, '#attended-tally')).to.equal('1 of 3 attended');
  });

  it('a tick shows at once, then PUTs {signupId, attended} with the CSRF header and says so politely; unticking too', async () => {
    let answer!: (r: Response) => void;
    server.attendance = () => new Promise<Response>((resolve) => (answer = resolve)) as never;
    const { el, root } = await openPage();
    box(root, 1).click();
    await waitUntil(() => calls('PUT', '/attendance').length === 1);
    // Shown before the server has answered.
    expect(box(root, 1).checked).to.equal(true);
    expect(text(root, '#attended-tally')).to.equal('2 of 3 attended');
    expect(terms(root, '.counts')).to.contain('Attended 2');
    const put = calls('PUT', '/attendance')[0]!;
    expect(put.body).to.deep.equal({ signupId: 1, attended: true });
    expect(put.headers['x-csrf-token']).to.equal(CSRF);
    answer(new Response(null, { status: 204 }));
    await waitUntil(() => text(root, '[role=status].visually-hidden') === 'Marked Ailsa Smith as attended');

    server.attendance = undefined;
    box(root, 2).click();
    await waitUntil(() => text(root, '[role=status].visually-hidden') === 'Marked Seán Murphy as not attended');
    expect(calls('PUT', '/attendance')[1]!.body).to.deep.equal({ signupId: 2, attended: false });
    expect(text(root, '#attended-tally')).to.equal('1 of 3 attended');
    await expect(el).to.be.accessible();
  });

  it('a refused or unreachable save puts the box back and says so in an alert naming the person', async () => {
    server.attendance = () => problem(422, 'validation', 'Check your answers', { errors: [{ field: 'signupId', message: 'Only a confirmed booking can be marked as attended' }] });
    const { el, root } = await openPage();
    box(root, 3).click();
    await waitUntil(() => text(root, '[role=alert] .state.error'), 'no alert');
    expect(text(root, '[role=alert] .state.error')).to.equal('Not saved: Eilidh MacLeod is still marked as not attended. Check your answers.');
    expect(box(root, 3).checked).to.equal(false);
    expect(text(root, '#attended-tally')).to.equal('1 of 3 attended');

    server.attendance = () => {
      throw new TypeError('Failed to fetch');
    };
    box(root, 2).click();
    await waitUntil(() => text(root, '[role=alert] .state.error').includes('Seán Murphy'));
    expect(text(root, '[role=alert] .state.error')).to.equal(
      'Not saved: Seán Murphy is still marked as attended. We could not reach the server. Check your connection and try again.',
    );
    expect(box(root, 2).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab from the name filter to the first box, Space ticks it, Tab moves on, Space unticks', async () => {
    const { root } = await openPage();
    root.querySelector<HTMLInputElement>('#find-name')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('attended-1');
    await sendKeys({ press: ' ' });
    await waitUntil(() => calls('PUT', '/attendance').length === 1);
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('attended-2');
    await sendKeys({ press: ' ' });
    await waitUntil(() => calls('PUT', '/attendance').length === 2);
    expect(calls('PUT', '/attendance').map((c) => c.body)).to.deep.equal([
      { signupId: 1, attended: true },
      { signupId: 2, attended: false },
    ]);
    await waitUntil(() => text(root, '[role=status].visually-hidden') === 'Marked Seán Murphy as not attended');
    expect([box(root, 1).checked, box(root, 2).checked]).to.deep.equal([true, false]);
  });

  it('"Find a name" filters every group, ignoring case and accents, and says when nobody matches', async () => {
    const { el, root } = await openPage();
    const find = root.querySelector<HTMLInputElement>('#find-name')!;
    find.focus();
    await sendKeys({ type: 'sean' });
    await waitUntil(() => root.querySelectorAll('.people li').length === 1);
    expect(text(root, '.people li')).to.contain('Seán Murphy');
    expect(text(root, '#group-confirmed')).to.equal('Confirmed (1 of 3)');
    expect(text(root, '#attended-tally')).to.equal('1 of 3 attended');
    find.value = 'W';
    find.dispatchEvent(new Event('input'));
    await waitUntil(() => root.querySelectorAll('.people li').length === 2);
    expect(text(root, '#group-waitlisted')).to.equal('Waiting list (2)');
    find.value = 'zz';
    find.dispatchEvent(new Event('input'));
    await waitUntil(() => text(root, '.state') === 'No one booked is called “zz”.');
    await expect(el).to.be.accessible();
  });

  it('at 320 px (480 in WebKit) nothing scrolls sideways and each attendance row is at least 44 px tall', async () => {
    const width = engine === 'webkit' ? 480 : 320;
    await setViewport({ width, height: 640 });
    server.attendees[0]!.email = 'a.very.long.address.that.does.not.break.by.itself@constituency-labour-party.example.org';
    const { el, root } = await openPage();
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    const rows = [...root.querySelectorAll('.people .choice')].map((r) => r.getBoundingClientRect().height);
    expect(Math.min(...rows)).to.be.at.least(44);
    const label = root.querySelector('label[for="attended-1"]')!.getBoundingClientRect();
    expect(label.height).to.be.at.least(44);
    root.querySelector<HTMLButtonElement>('#cancel-session')!.click();
    await waitUntil(() => text(root, '.email-text'));
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    await expect(el).to.be.accessible();
  });

  it('shows the session form\'s notice from history.state once (after a save), and takes it out of the state so a reload does not repeat it', async () => {
    const notice = 'Saved as a draft: members cannot see it until you publish it';
    fake.signedIn = true;
    history.replaceState({ notice, other: 1 }, '', `${page}#session=${ID}`);
    const el = await open();
    await waitUntil(() => pageOf(el)?.querySelector('#status'), 'the page never loaded', { timeout: 4000 });
    expect(text(pageOf(el), 'p[role=status]')).to.equal(notice);
    expect(history.state).to.deep.equal({ other: 1 });
    await expect(el).to.be.accessible();
  });

  it('Publish then Unpublish: the server is asked, the status changes, the result is said, focus stays on the button', async () => {
    const { el, root } = await openPage();
    root.querySelector<HTMLButtonElement>('#publish')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root, '#status') === 'Published');
    expect(calls('POST', '/publish')).to.have.length(1);
    expect(calls('POST', '/publish')[0]!.headers['x-csrf-token']).to.equal(CSRF);
    expect(text(root, 'p[role=status]')).to.equal('Published: members can now see and book it.');
    expect(focused()).to.equal('unpublish');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root, '#status') === 'Draft');
    expect(calls('POST', '/unpublish')).to.have.length(1);
    expect(text(root, 'p[role=status]')).to.equal('Unpublished: members can no longer see or book it. Bookings already made stay.');
    expect(focused()).to.equal('publish');
  });

  it('a refused publish is said in words', async () => {
    fake.answers[`POST ${BASE}/publish`] = () => problem(403, 'forbidden', 'Not one of your areas');
    const { root } = await openPage();
    root.querySelector<HTMLButtonElement>('#publish')!.click();
    await waitUntil(() => text(root, '[role=alert] .state.error'));
    expect(text(root, '[role=alert] .state.error')).to.equal('Not one of your areas.');
    expect(text(root, '#status')).to.equal('Draft');
  });

  it('Cancel session: "Keep the session" takes focus, the server\'s preview shows and follows the note (debounced), then cancel sends the note and says how many were emailed', async () => {
    const { el, root } = await openPage();
    root.querySelector<HTMLButtonElement>('#cancel-session')!.click();
    await waitUntil(() => focused() === 'cancel-keep', `focus is on ${focused()}`);
    await waitUntil(() => text(root, '.email-text'), 'no preview');
    expect(calls('POST', '/cancel-preview')[0]!.body).to.deep.equal({});
    expect(text(root, '#cancel-preview p')).to.equal(`Subject: Cancelled by the organisers: ${module.title}`);
    expect(root.querySelector('.email-text')!.textContent).to.equal(PREVIEW_TEXT());
    expect(text(root, '#cancel-recipients')).to.equal('This email will go to 6 people (3 confirmed, 1 pending, 2 on the waiting list).');
    expect(text(root, '#cancel-confirm')).to.equal('Cancel session and email 6 people');
    expect(text(root, 'label[for=cancel-note]')).to.equal('Message to everyone booked');
    await expect(el).to.be.accessible();

    root.querySelector<HTMLTextAreaElement>('#cancel-note')!.focus();
    // One space only: WebKit's driver drops a second space (and a doubled letter) from what it types.
    await sendKeys({ type: 'Trainer sick' });
    expect(root.querySelector<HTMLTextAreaElement>('#cancel-note')!.value).to.equal('Trainer sick');
    await waitUntil(() => root.querySelector('.email-text')!.textContent!.includes('Trainer sick'), 'the preview never showed the note', { timeout: 3000 });
    // One request for the whole burst of typing, not one per key.
    expect(calls('POST', '/cancel-preview').map((c) => c.body)).to.deep.equal([{}, { note: 'Trainer sick' }]);

    root.querySelector<HTMLButtonElement>('#cancel-confirm')!.click();
    await waitUntil(() => text(root, '#status') === 'Cancelled');
    const cancel = calls('POST', '/cancel');
    expect(cancel.map((c) => c.body)).to.deep.equal([{ note: 'Trainer sick' }]);
    expect(cancel[0]!.headers['x-csrf-token']).to.equal(CSRF);
    expect(text(root, '#outcome')).to.equal('Session cancelled. Emails to 6 people are on their way.');
    await waitUntil(() => focused() === 'outcome', `focus is on ${focused()}`);
    expect(['#publish', '#unpublish', '#cancel-session', '#cancel-panel'].filter((s) => root.querySelector(s))).to.deep.equal([]);
    // The list is read again: everyone's booking has ended.
    await waitUntil(() => text(root, '#group-cancelled') === 'Cancelled (7)');
    await expect(el).to.be.accessible();
  });

  it('"Keep the session" closes the panel, sends nothing and gives focus back to "Cancel session"', async () => {
    const { root } = await openPage();
    root.querySelector<HTMLButtonElement>('#cancel-session')!.click();
    await waitUntil(() => focused() === 'cancel-keep');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === 'cancel-session', `focus is on ${focused()}`);
    expect(root.querySelector('#cancel-panel')).to.equal(null);
    expect(calls('POST', '/cancel')).to.have.length(0);
  });

  it('a note the server refuses shows on the field; a failed cancel is said and the panel stays', async () => {
    fake.answers[`POST ${BASE}/cancel-preview`] = (call) =>
      (call.body as { note?: string }).note
        ? problem(422, 'validation', 'Check your answers', { errors: [{ field: 'note', message: 'Use letters, not control characters' }] })
        : json({ subject: 'S', text: PREVIEW_TEXT(), recipients: { confirmed: 0, pending: 0, waitlisted: 0 } });
    fake.answers[`POST ${BASE}/cancel`] = () => problem(500, 'server-error', 'The service is busy', { detail: 'Try again in a minute.' });
    const { el, root } = await openPage();
    root.querySelector<HTMLButtonElement>('#cancel-session')!.click();
    await waitUntil(() => text(root, '#cancel-recipients'));
    expect(text(root, '#cancel-recipients')).to.equal('Nobody is booked, so no email will be sent.');
    expect(text(root, '#cancel-confirm')).to.equal('Cancel session');
    const note = root.querySelector<HTMLTextAreaElement>('#cancel-note')!;
    note.value = 'x';
    note.dispatchEvent(new Event('input'));
    await waitUntil(() => text(root, '#cancel-note-error'), 'no field error', { timeout: 3000 });
    expect(text(root, '#cancel-note-error')).to.equal('Error: Use letters, not control characters');
    expect(note.getAttribute('aria-invalid')).to.equal('true');
    expect(note.getAttribute('aria-describedby')).to.equal('cancel-note-hint cancel-note-error');
    await expect(el).to.be.accessible();

    note.value = '';
    note.dispatchEvent(new Event('input'));
    await waitUntil(() => !root.querySelector('#cancel-note-error'), 'the error stayed', { timeout: 3000 });
    root.querySelector<HTMLButtonElement>('#cancel-confirm')!.click();
    await waitUntil(() => text(root, '#cancel-panel [role=alert]'));
    expect(text(root, '#cancel-panel [role=alert]')).to.equal('The service is busy. Try again in a minute.');
    expect(text(root, '#status')).to.equal('Draft');
    expect(root.querySelector('#cancel-panel')).to.exist;
  });

  it('keyboard: Enter opens the cancel panel on "Keep the session", Tab from the note reaches the confirm button, Enter cancels; one email is said as one', async () => {
    fake.answers[`POST ${BASE}/cancel`] = () => json({ ...server.managed, session: { ...server.managed.session, status: 'cancelled' }, emailed: 1 });
    const { el, root } = await openPage();
    root.querySelector<HTMLButtonElement>('#cancel-session')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === 'cancel-keep', `focus is on ${focused()}`);
    // From the note, Tab goes straight to the confirm button (the preview has no stops). WebKit's driver cannot hold Shift.
    root.querySelector<HTMLTextAreaElement>('#cancel-note')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('cancel-confirm');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === 'outcome', `focus is on ${focused()}`);
    expect(text(root, '#outcome')).to.equal('Session cancelled. The email to 1 person is on its way.');
    expect(calls('POST', '/cancel').map((c) => c.body)).to.deep.equal([{}]);
    await expect(el).to.be.accessible();
  });

  it('nobody booked: the list says so, and a cancel says no emails were sent', async () => {
    server.attendees = [];
    server.managed.counts = { ...server.managed.counts, confirmed: 0, pending: 0, waitlisted: 0, cancelled: 0, attended: 0 };
    fake.answers[`POST ${BASE}/cancel`] = () => json({ ...server.managed, session: { ...server.managed.session, status: 'cancelled' }, emailed: 0 });
    const el = await signedInConsole(`#session=${ID}`);
    await waitUntil(() => text(pageOf(el), 'section[aria-labelledby=people-title] .state') === 'Nobody has booked yet.', 'no empty state', { timeout: 4000 });
    const root = pageOf(el);
    expect(root.querySelector('#find-name')).to.equal(null);
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('#cancel-session')!.click();
    await waitUntil(() => root.querySelector('#cancel-confirm'));
    root.querySelector<HTMLButtonElement>('#cancel-confirm')!.click();
    await waitUntil(() => text(root, '#outcome'));
    expect(text(root, '#outcome')).to.equal('Session cancelled. Nobody was booked, so no emails were sent.');
  });

  it('the attendee list failing to load is said in words, with "Try again" that loads it', async () => {
    let fail = true;
    fake.answers[`GET ${BASE}/attendees`] = () => (fail ? problem(500, 'server-error', 'Something went wrong on our side') : json({ attendees: server.attendees }));
    const el = await signedInConsole(`#session=${ID}`);
    await waitUntil(() => pageOf(el)?.querySelector('section[aria-labelledby=people-title] .state.error'), 'no error', { timeout: 4000 });
    const root = pageOf(el);
    expect(text(root, 'section[aria-labelledby=people-title] .state.error p')).to.equal('Something went wrong on our side.');
    expect(text(root, '#session-title')).to.equal(module.title);
    await expect(el).to.be.accessible();
    fail = false;
    root.querySelector<HTMLButtonElement>('section[aria-labelledby=people-title] .state.error button')!.click();
    await waitUntil(() => root.querySelectorAll('.people li').length === 7, 'the list never loaded');
  });

  it('a session that is gone or in another area: a clear message and a link back to the sessions', async () => {
    fake.answers[`GET ${BASE}`] = () => problem(404, 'not-found', 'No such session', { detail: 'It does not exist, or it is outside your areas.' });
    const el = await signedInConsole(`#session=${ID}`);
    await waitUntil(() => pageOf(el)?.querySelector('#session-title'), 'no heading', { timeout: 4000 });
    const root = pageOf(el);
    expect(text(root, '#session-title')).to.equal('Session not found');
    expect(text(root, '[role=alert]')).to.equal('No such session. It does not exist, or it is outside your areas.');
    expect(root.querySelector('a')!.getAttribute('href')).to.equal('#sessions');
    await expect(el).to.be.accessible();
  });
});
