/**
 * The organiser console's data-rights view (#people, admins only) in a real browser: search by
 * email (contract's rule, GOV.UK errors), what is held in words (access needs behind a
 * disclosure), "We hold nothing", the two downloads (Blob contents and file names), erasure
 * (checkbox required, the request, the result in words and focused, zeros the second time),
 * an organiser refused, results gone on a new search or leaving the view, keyboard only, 320 px, axe.
 *
 * The harness (built console, faked API) is test/helpers/admin-fake.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { engine } from './helpers/engine.js';
import { setViewport } from './helpers/viewport.js';
import { admin, CSRF, fake, focused, inner, json, problem, signedInConsole, text, useAdminFake, type Call } from './helpers/admin-fake.js';

declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => unknown): void;
declare function afterEach(fn: () => unknown): void;

useAdminFake();

const SEARCH = 'POST /v1/admin/people/search';
const ERASE = 'POST /v1/admin/people/erase';
const EMAIL = 'sam.member@example.org';
const NEEDS = 'Step-free access, please; I use a wheelchair.';

/** Two signups (one with access needs), three emails, a link, a request; generated late on 30 June UTC = 1 July in the UK. */
const held = {
  email: EMAIL,
  generatedAt: '2027-06-30T23:30:00.000Z',
  signups: [
    {
      reference: 'ref-1',
      status: 'confirmed',
      sessionId: 'canvassing-glasgow',
      moduleId: 'canvassing',
      moduleTitle: 'Canvassing with confidence',
      sessionStart: '2027-07-01T17:30:00.000Z',
      area: 'Glasgow',
      firstName: 'Sam',
      lastName: 'Member',
      email: EMAIL,
      phone: null,
      postcode: 'G1 1AA',
      membership: 'member',
      clp: null,
      accessNeeds: NEEDS,
      consent: { contact: true, marketing: false, givenAt: '2027-06-01T10:00:00.000Z', wordingVersion: 'v2', privacyUrl: null },
      returnUrl: null,
      createdAt: '2027-06-01T10:00:00.000Z',
      confirmedAt: '2027-06-01T10:05:00.000Z',
      endedAt: null,
      holdExpiresAt: null,
    },
    {
      reference: 'ref-2',
      status: 'waitlisted',
      sessionId: 'persuasion-edinburgh',
      moduleId: 'persuasion',
      moduleTitle: 'Voter persuasion',
      sessionStart: '2027-12-02T18:00:00.000Z',
      area: 'Edinburgh',
      firstName: 'Sam',
      lastName: 'Member',
      email: EMAIL,
      phone: '07700 900123',
      postcode: 'EH1 1AA',
      membership: 'member',
      clp: 'Edinburgh North',
      accessNeeds: null,
      consent: { contact: true, marketing: true, givenAt: '2027-11-01T09:00:00.000Z', wordingVersion: 'v3', privacyUrl: null },
      returnUrl: null,
      createdAt: '2027-11-01T09:00:00.000Z',
      confirmedAt: null,
      endedAt: null,
      holdExpiresAt: null,
    },
  ],
  bookingLinks: [
    { reference: 'ref-1', purpose: 'confirm', linkIssuedAt: '2027-06-01T10:00:00.000Z', usedAt: '2027-06-01T10:05:00.000Z' },
    { reference: 'ref-1', purpose: 'manage', linkIssuedAt: '2027-06-01T10:05:00.000Z', usedAt: null },
  ],
  emails: [
    { reference: 'ref-1', kind: 'confirm-place', subject: 'Confirm', status: 'sent', dueAt: '2027-06-01T10:00:00.000Z', sentAt: '2027-06-01T10:00:01.000Z' },
    { reference: 'ref-1', kind: 'booked', subject: 'Booked', status: 'sent', dueAt: '2027-06-01T10:05:00.000Z', sentAt: '2027-06-01T10:05:01.000Z' },
    { reference: 'ref-1', kind: 'reminder', subject: 'Reminder', status: 'queued', dueAt: '2027-06-30T17:30:00.000Z', sentAt: null },
  ],
  signupRequests: [{ reference: 'ref-1', sessionId: 'canvassing-glasgow', hold: 'place', receivedAt: '2027-06-01T10:00:00.000Z' }],
};
const nothing = { email: 'nobody@example.org', generatedAt: held.generatedAt, signups: [], bookingLinks: [], emails: [], signupRequests: [] };
const erased = { signups: 2, bookingsWithdrawn: 1, emailsCancelled: 1, emailBodiesRemoved: 3, bookingLinksDeleted: 2, signupRequests: 1 };
const zeros = { signups: 0, bookingsWithdrawn: 0, emailsCancelled: 0, emailBodiesRemoved: 0, bookingLinksDeleted: 0, signupRequests: 0 };

const calls = (key: string) => fake.calls.filter((c) => `${c.method} ${c.path}` === key);

/** An admin on #people, the view's shadow root ready. */
async function peopleView() {
  fake.who = admin;
  const el = await signedInConsole('#people');
  await waitUntil(() => inner(el, 'mobilise-admin-people')?.shadowRoot?.querySelector('h2'), 'the people view never rendered');
  return { el, root: inner(el, 'mobilise-admin-people')!.shadowRoot };
}

async function search(root: ShadowRoot, email: string, ready: string) {
  root.querySelector<HTMLInputElement>('#person-email')!.value = email;
  root.querySelector<HTMLButtonElement>('#person-search')!.click();
  await waitUntil(() => root.querySelector(ready), `${ready} never showed`);
}

/** A found person, searched for. */
async function found() {
  fake.answers[SEARCH] = () => json(held);
  const view = await peopleView();
  await search(view.root, EMAIL, '#person-result');
  return view;
}

describe('organiser console: people (data rights)', () => {
  it('search: the address goes in the POST body (trimmed); what is held is said in words, UK times, focus on the result', async () => {
    fake.answers[SEARCH] = () => json(held);
    const { el, root } = await peopleView();
    expect(text(root, 'h2')).to.equal('People: data rights');
    await expect(el).to.be.accessible();
    await search(root, `  ${EMAIL}  `, '#person-result');
    expect(calls(SEARCH).map((c) => c.body)).to.deep.equal([{ email: EMAIL }]);
    expect(calls(SEARCH)[0]!.query.toString(), 'nothing in the URL').to.equal('');
    expect(calls(SEARCH)[0]!.headers['x-csrf-token']).to.equal(CSRF);
    await waitUntil(() => focused() === 'person-result', `focus is on ${focused()}`);
    expect(text(root, '#person-result')).to.equal(`What we hold about ${EMAIL}`);
    const cards = [...root.querySelectorAll('.signup')];
    expect(cards.map((c) => text(c, 'h4'))).to.deep.equal(['Canvassing with confidence', 'Voter persuasion']);
    const terms = (card: Element) => Object.fromEntries([...card.querySelectorAll('dl > div')].map((d) => [text(d, 'dt'), text(d, 'dd')]));
    const first = terms(cards[0]!);
    // 17:30 UTC in July is 18:30 in the UK (BST), whatever the browser's zone.
    // Engines' date data differ on a comma after the weekday.
    expect(first.Session).to.match(/^Thursday,? 1 July 2027, 18:30$/);
    expect(first.Area).to.equal('Glasgow');
    expect(first.Status).to.equal('Confirmed');
    expect(first.Booked).to.equal('1 Jun 2027, 11:00');
    expect(first.Confirmed).to.equal('1 Jun 2027, 11:05');
    expect(first['Consent to contact']).to.equal('Given 1 Jun 2027, 11:00, wording version v2');
    expect(first['Marketing consent']).to.equal('No');
    expect(first['Access needs']).to.match(/^Held Show access needs/);
    const second = terms(cards[1]!);
    // December: GMT, so 18:00 UTC is 18:00.
    expect(second.Session).to.match(/^Thursday,? 2 December 2027, 18:00$/);
    expect(second.Status).to.equal('On the waiting list');
    expect(second.Confirmed).to.equal('Not confirmed');
    expect(second['Access needs']).to.equal('None held');
    expect([...root.querySelectorAll('.counts li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Emails: 2 sent, 1 queued',
      'Booking links emailed: 2 (1 used)',
      'Signup requests kept to answer retries: 1',
    ]);
    await expect(el).to.be.accessible();
  });

  it('access needs (maybe health data) are shown only behind "Show access needs"', async () => {
    const { el, root } = await found();
    const details = root.querySelector('details')!;
    expect(root.querySelectorAll('details')).to.have.length(1);
    expect(text(details, 'summary')).to.equal('Show access needs');
    expect(details.open).to.equal(false);
    const needs = details.querySelector<HTMLElement>('.needs')!;
    const summary = details.querySelector('summary')!;
    const height = (e: Element) => e.getBoundingClientRect().height;
    expect(height(details), 'closed: only the summary shows').to.be.closeTo(height(summary), 1);
    summary.click();
    await waitUntil(() => details.open);
    expect(height(details)).to.be.greaterThan(height(summary) + height(needs) - 1);
    expect(height(needs)).to.be.greaterThan(0);
    expect(needs.textContent).to.equal(NEEDS);
    await expect(el).to.be.accessible();
  });

  it('nothing held: said plainly, no downloads of a person, no erase', async () => {
    fake.answers[SEARCH] = () => json(nothing);
    const { el, root } = await peopleView();
    await search(root, 'nobody@example.org', '#person-result');
    expect(text(root, '#person-result + .state')).to.equal('We hold nothing about nobody@example.org.');
    expect(root.querySelector('#erase')).to.equal(null);
    expect(root.querySelector('.signup')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('validation (GOV.UK): empty and malformed addresses are refused before sending; the server’s field message and other problems in words', async () => {
    const { el, root } = await peopleView();
    root.querySelector<HTMLButtonElement>('#person-search')!.click();
    await waitUntil(() => root.querySelector('#search-errors .error-summary'));
    expect(text(root, '#search-errors li')).to.equal('Enter the person’s email address');
    expect(text(root, '#person-email-error')).to.equal('Error: Enter the person’s email address');
    expect(root.activeElement).to.equal(root.querySelector('#search-errors .error-summary'));
    const input = root.querySelector<HTMLInputElement>('#person-email')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal('person-email-hint person-email-error');
    expect(root.querySelector('#person-email-error')!.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING, 'message above the field').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    root.querySelector<HTMLAnchorElement>('#search-errors a')!.click();
    expect(focused()).to.equal('person-email');
    await search(root, 'not-an-address', '#person-email-error');
    await waitUntil(() => text(root, '#search-errors li') === 'Enter an email address, like name@example.org');
    expect(calls(SEARCH)).to.have.length(0);

    fake.answers[SEARCH] = () => problem(422, 'validation', 'Check the email address', { errors: [{ field: 'email', message: 'Enter an email address of at most 254 characters' }] });
    await search(root, EMAIL, '#search-errors .error-summary');
    await waitUntil(() => text(root, '#search-errors li') === 'Enter an email address of at most 254 characters');
    expect(text(root, '#person-email-error')).to.equal('Error: Enter an email address of at most 254 characters');

    fake.answers[SEARCH] = () => problem(403, 'forbidden', 'Only an admin may do this');
    root.querySelector<HTMLButtonElement>('#person-search')!.click();
    await waitUntil(() => text(root, '#search-errors li') === 'Only an admin may do this.');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    await waitUntil(() => root.activeElement === root.querySelector('#search-errors .error-summary'));
    await expect(el).to.be.accessible();
  });

  describe('downloads', () => {
    const saved: { blob: Blob; name: string; href: string }[] = [];
    const realCreate = URL.createObjectURL;
    const realClick = HTMLAnchorElement.prototype.click;
    const blobs = new Map<string, Blob>();
    afterEach(() => {
      URL.createObjectURL = realCreate;
      HTMLAnchorElement.prototype.click = realClick;
      saved.length = 0;
      blobs.clear();
    });
    /** The Blob and the link's download name, without the browser saving anything. */
    function intercept() {
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = realCreate.call(URL, blob);
        blobs.set(url, blob as Blob);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push({ blob: blobs.get(this.href)!, name: this.download, href: this.href });
      };
    }

    it('"Download as JSON": the answer as a .json file named by the UK date; nothing stored, nothing in the URL', async () => {
      const { root } = await found();
      intercept();
      root.querySelector<HTMLButtonElement>('#download-json')!.click();
      expect(saved).to.have.length(1);
      // Generated at 23:30 UTC on 30 June: 1 July in the UK.
      expect(saved[0]!.name).to.equal('mobilise-data-2027-07-01.json');
      expect(saved[0]!.blob.type).to.equal('application/json');
      expect(JSON.parse(await saved[0]!.blob.text())).to.deep.equal(held);
      expect(root.querySelector('a[download]'), 'the link is removed').to.equal(null);
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      expect(location.href).not.to.contain('example.org');
      expect(calls(SEARCH), 'the JSON file is the answer already held: no second request').to.have.length(1);
    });

    it('"Download a readable copy": asks for format=text and saves that text as a .txt file', async () => {
      const { root } = await found();
      const readable = `Data held about ${EMAIL}\n\nSignup ref-1: Canvassing with confidence\n`;
      fake.answers[SEARCH] = (call: Call) =>
        (call.body as { format?: string }).format === 'text' ? new Response(readable, { headers: { 'content-type': 'text/plain; charset=utf-8' } }) : json(held);
      intercept();
      root.querySelector<HTMLButtonElement>('#download-text')!.click();
      await waitUntil(() => saved.length === 1, 'nothing saved');
      expect(calls(SEARCH).at(-1)!.body).to.deep.equal({ email: EMAIL, format: 'text' });
      expect(saved[0]!.name).to.equal('mobilise-data-2027-07-01.txt');
      expect(saved[0]!.blob.type).to.equal('text/plain;charset=utf-8');
      expect(await saved[0]!.blob.text()).to.equal(readable);
    });

    it('a readable copy the server refuses is said in words, and nothing is saved', async () => {
      const { el, root } = await found();
      fake.answers[SEARCH] = () => problem(429, 'rate-limited', 'Too many requests', { retryAfter: 120 });
      intercept();
      root.querySelector<HTMLButtonElement>('#download-text')!.click();
      await waitUntil(() => root.querySelector('.actions + .state.error'));
      expect(text(root, '.actions + .state.error')).to.equal('Too many requests. Wait 2 minutes, then try again.');
      expect(saved).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  it('erase: the box must be ticked (GOV.UK error, nothing sent); then the POST, the result in words with focus; again: "Nothing left to erase"', async () => {
    const { el, root } = await found();
    expect(text(root, '.warning')).to.contain('This cannot be undone.');
    expect(text(root, '.warning')).to.contain('waiting list');
    expect(text(root, '#erase')).to.equal(`Erase everything about ${EMAIL}`);
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitUntil(() => root.querySelector('#erase-errors .error-summary'));
    const message = 'Tick the box to say you have checked this is the right person and they asked to be erased';
    expect(text(root, '#erase-errors li')).to.equal(message);
    expect(text(root, '#erase-confirm-error')).to.equal(`Error: ${message}`);
    expect(root.activeElement).to.equal(root.querySelector('#erase-errors .error-summary'));
    const box = root.querySelector<HTMLInputElement>('#erase-confirm')!;
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(calls(ERASE)).to.have.length(0);
    await expect(el).to.be.accessible();
    root.querySelector<HTMLAnchorElement>('#erase-errors a')!.click();
    expect(focused()).to.equal('erase-confirm');

    fake.answers[ERASE] = () => json(erased);
    box.click();
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitUntil(() => root.querySelector('#erase-result'), 'no erase result');
    expect(calls(ERASE).map((c) => c.body)).to.deep.equal([{ email: EMAIL, confirm: true }]);
    expect(calls(ERASE)[0]!.headers['x-csrf-token']).to.equal(CSRF);
    await waitUntil(() => focused() === 'erase-result', `focus is on ${focused()}`);
    expect(text(root, '#erase-result h3')).to.equal(`Erased: ${EMAIL}`);
    expect([...root.querySelectorAll('#erase-result li')].map((li) => li.textContent!.trim())).to.deep.equal([
      '2 signups anonymised',
      '1 booking of a future session withdrawn',
      '1 queued email cancelled',
      '3 emails’ addresses and text removed',
      '2 booking links deleted',
      '1 signup request cleared',
    ]);
    expect(root.querySelector('.signup'), 'what was shown is gone').to.equal(null);
    expect(root.querySelector('#download-json')).to.equal(null);
    expect(box.checked, 'ticked afresh for another go').to.equal(false);
    await expect(el).to.be.accessible();

    fake.answers[ERASE] = () => json(zeros);
    root.querySelector<HTMLInputElement>('#erase-confirm')!.click();
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitUntil(() => text(root, '#erase-result h3') === 'Nothing left to erase', 'the second erase did not say "Nothing left to erase"');
    expect(text(root, '#erase-result p')).to.equal(`We hold no more personal data about ${EMAIL}.`);
    expect(calls(ERASE)).to.have.length(2);
    await waitUntil(() => focused() === 'erase-result');
    await expect(el).to.be.accessible();
  });

  it('an erase the server refuses is said in words, and nothing claims it happened', async () => {
    const { el, root } = await found();
    fake.answers[ERASE] = () => problem(403, 'csrf', 'Your session has changed', { detail: 'Reload the page and try again.' });
    root.querySelector<HTMLInputElement>('#erase-confirm')!.click();
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await waitUntil(() => root.querySelector('#erase-errors .error-summary'));
    expect(text(root, '#erase-errors li')).to.equal('Your session has changed. Reload the page and try again.');
    expect(root.querySelector('#erase-result')).to.equal(null);
    expect(root.querySelectorAll('.signup'), 'the data is still shown: it is still held').to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('the results go when another address is searched, and when the view is left', async () => {
    const { el, root } = await found();
    let answer!: (r: Response) => void;
    const pending = new Promise<Response>((resolve) => (answer = resolve));
    fake.answers[SEARCH] = (() => pending) as unknown as (call: Call) => Response;
    root.querySelector<HTMLInputElement>('#person-email')!.value = 'other@example.org';
    root.querySelector<HTMLButtonElement>('#person-search')!.click();
    await waitUntil(() => !root.querySelector('.signup'), 'the old results stayed while the new search ran');
    expect(text(root, '#person-search')).to.equal('Searching…');
    answer(json({ ...nothing, email: 'other@example.org' }));
    await waitUntil(() => text(root, '#person-result') === 'What we hold about other@example.org');

    fake.answers[SEARCH] = () => json(held);
    await search(root, EMAIL, '.signup');
    location.hash = '#sessions';
    await waitUntil(() => !inner(el, 'mobilise-admin-people'));
    location.hash = '#people';
    await waitUntil(() => inner(el, 'mobilise-admin-people')?.shadowRoot?.querySelector('#person-email'));
    const again = inner(el, 'mobilise-admin-people')!.shadowRoot;
    expect(again.querySelector('#person-result')).to.equal(null);
    expect(again.querySelector<HTMLInputElement>('#person-email')!.value).to.equal('');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect(location.href).not.to.contain('example.org');
  });

  it('an organiser (not an admin) is told to ask an admin, and gets no form', async () => {
    const el = await signedInConsole('#people');
    await waitUntil(() => inner(el, 'mobilise-admin-people')?.shadowRoot?.querySelector('h2'));
    const root = inner(el, 'mobilise-admin-people')!.shadowRoot;
    expect(text(root, 'h2')).to.equal('People: data rights');
    expect(text(root, '.state')).to.match(/^Only an admin can search people’s data\. Ask /);
    expect(root.querySelector('form')).to.equal(null);
    expect(fake.calls.filter((c) => c.path.startsWith('/v1/admin/people'))).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: Tab to the field, type, Enter; Tab to the box, space; Tab to Erase, Enter', async () => {
    fake.answers[SEARCH] = () => json(held);
    fake.answers[ERASE] = () => json(erased);
    const { el } = await peopleView();
    el.focus();
    for (let i = 0; i < 20 && focused() !== 'person-email'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('person-email');
    await sendKeys({ type: EMAIL });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === 'person-result', `focus is on ${focused()}`);
    for (let i = 0; i < 20 && focused() !== 'erase-confirm'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('erase-confirm');
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('erase');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === 'erase-result', `focus is on ${focused()}`);
    expect(calls(ERASE).map((c) => c.body)).to.deep.equal([{ email: EMAIL, confirm: true }]);
  });

  it('at 320 px (480 in WebKit) the results and the erase section fit: nothing scrolls sideways; axe-clean', async () => {
    const width = engine === 'webkit' ? 480 : 320;
    await setViewport({ width, height: 640 });
    const { el, root } = await found();
    root.querySelector('details')!.open = true;
    await waitUntil(() => root.querySelector('#erase'));
    expect(document.documentElement.scrollWidth).to.be.at.most(width);
    await expect(el).to.be.accessible();
  });
});
