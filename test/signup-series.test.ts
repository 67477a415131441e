/**
 * A series in one signup (issue 14): a session offers, per module it goes with (one it builds on,
 * one that builds on it, another part of its series), the first open session in the same area, in
 * the right order, to book in the same signup: all places or none (server/test/series.test.ts holds
 * the server's side). A module that builds on another says so, whether or not a session is offered.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/elements/signup-form/define.js';
import type { Session, SignupRequest } from '../src/contract/index.js';
import { fixtures, mockApis } from './helpers/mock-api.js';
import { submitValid } from './helpers/signup.js';

const api = mockApis();
const DAY = 86_400_000;
const template = fixtures.sessions.find((s) => s.status === 'scheduled' && s.delivery === 'online')!;
const at = (days: number, moduleId: string, id: string, area = 'Glasgow'): Session => ({
  ...template,
  id,
  moduleId,
  area,
  start: new Date(Date.now() + days * DAY).toISOString(),
  end: new Date(Date.now() + days * DAY + 3 * 3_600_000).toISOString(),
  signupDeadline: undefined,
  status: 'scheduled',
  spacesLeft: 10,
  capacity: 10,
});
const partTwo = at(20, 'field-organising-2', 'fo2-glasgow');
const partOne = at(10, 'field-organising-1', 'fo1-glasgow');
const sessions = [
  at(5, 'field-organising-1', 'fo1-edinburgh', 'Edinburgh'), // another area
  { ...at(7, 'field-organising-1', 'fo1-full'), spacesLeft: 0, status: 'full' as const, waitlist: false }, // no place
  partOne,
  at(25, 'field-organising-1', 'fo1-after'), // after part two
  partTwo,
  at(12, 'voter-persuasion', 'vp-glasgow'),
  at(3, 'message-digital-social', 'social-glasgow'),
  at(4, 'message-digital-video', 'video-glasgow'),
  at(6, 'message-digital-advertising', 'ads-edinburgh', 'Edinburgh'), // another area
];

type Form = HTMLElement & { updateComplete: Promise<unknown> };
async function form(sessionId: string, list = sessions) {
  const a = api({ sessions: list });
  const el = await fixture<Form>(`<mobilise-signup-form endpoint="${a.endpoint}" session-id="${sessionId}"></mobilise-signup-form>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[name="firstName"]'), 'the form did not load', { timeout: 5000 });
  return { a, el, root: el.shadowRoot! };
}
const posted = (a: ReturnType<typeof api>) => a.calls.find((c) => c.method === 'POST')?.body as SignupRequest | undefined;
const offered = (root: ShadowRoot) => [...root.querySelectorAll<HTMLInputElement>('input[id^="also-"]')].map((b) => b.value);
const note = (root: ShadowRoot) => root.querySelector('[part~="hint"]')?.textContent?.trim();

describe('booking a series in one signup', () => {
  it('part two notes that it builds on part one, offers the open part one in the same area before it, and sends both when ticked', async () => {
    const { a, el, root } = await form(partTwo.id);
    expect(note(root)).to.equal('This session builds on Field Organising (part one).');
    expect(offered(root), 'only the open part one, same area, before part two').to.deep.equal([partOne.id]);
    const label = root.querySelector(`label[for="also-${partOne.id}"]`)!.textContent!.replace(/\s+/g, ' ');
    expect(label).to.include('Book Field Organising (part one) on');
    expect(label).to.include(new Date(partOne.start).toLocaleDateString('en-GB', { day: 'numeric', timeZone: 'Europe/London' }));
    expect(label).to.match(/all places or none$/);
    await expect(el).shadowDom.to.be.accessible();
    root.querySelector<HTMLInputElement>(`#also-${partOne.id}`)!.click();
    await submitValid(el);
    await waitUntil(() => posted(a), 'nothing was posted', { timeout: 5000 });
    expect(posted(a)!.sessionId).to.equal(partTwo.id);
    expect(posted(a)!.alsoSessionIds).to.deep.equal([partOne.id]);
  });

  it('left unticked, the signup is for this session alone', async () => {
    const { a, el } = await form(partTwo.id);
    await submitValid(el);
    await waitUntil(() => posted(a), 'nothing was posted', { timeout: 5000 });
    expect(posted(a)!.alsoSessionIds).to.equal(undefined);
  });

  it('ticked then unticked, nothing more is sent', async () => {
    const { a, el, root } = await form(partTwo.id);
    const box = root.querySelector<HTMLInputElement>(`#also-${partOne.id}`)!;
    box.click();
    box.click();
    await submitValid(el);
    await waitUntil(() => posted(a), 'nothing was posted', { timeout: 5000 });
    expect(posted(a)!.alsoSessionIds).to.equal(undefined);
  });

  it('with no part one open before it, part two still notes what it builds on and offers nothing', async () => {
    const { root } = await form(partTwo.id, sessions.filter((s) => s.id !== partOne.id));
    expect(note(root)).to.equal('This session builds on Field Organising (part one).');
    expect(offered(root)).to.deep.equal([]);
  });

  it('part one offers the part two after it, without a note', async () => {
    const { root } = await form('fo1-glasgow');
    expect(note(root)).to.equal(undefined);
    expect(offered(root)).to.deep.equal([partTwo.id]);
  });

  it('a "Delivering your message" workshop offers the series’ other workshops in its area, in any order, and sends the ticked ones', async () => {
    const { a, el, root } = await form('video-glasgow');
    expect(note(root)).to.equal(undefined);
    expect(offered(root)).to.deep.equal(['social-glasgow']);
    root.querySelector<HTMLInputElement>('#also-social-glasgow')!.click();
    await submitValid(el);
    await waitUntil(() => posted(a), 'nothing was posted', { timeout: 5000 });
    expect(posted(a)!.alsoSessionIds).to.deep.equal(['social-glasgow']);
  });

  it('a module that goes with nothing offers nothing', async () => {
    const { root } = await form('vp-glasgow');
    expect(offered(root)).to.deep.equal([]);
    expect(note(root)).to.equal(undefined);
  });
});
