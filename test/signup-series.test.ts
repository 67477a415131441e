/**
 * A series in one signup (issue 14): a session whose module builds on another (part two after
 * part one) offers an open session of the earlier module, in the same area and before it, to book
 * in the same signup: all places or none (server/test/series.test.ts holds the server's side).
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
];

type Form = HTMLElement & { updateComplete: Promise<unknown> };
async function form(sessionId: string) {
  const a = api({ sessions });
  const el = await fixture<Form>(`<mobilise-signup-form endpoint="${a.endpoint}" session-id="${sessionId}"></mobilise-signup-form>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[name="firstName"]'), 'the form did not load', { timeout: 5000 });
  return { a, el, root: el.shadowRoot! };
}
const posted = (a: ReturnType<typeof api>) => a.calls.find((c) => c.method === 'POST')?.body as SignupRequest | undefined;

describe('booking part one with part two', () => {
  it('offers the open part one in the same area before it, labelled with its title and day, and sends both when ticked', async () => {
    const { a, el, root } = await form(partTwo.id);
    const box = root.querySelector<HTMLInputElement>('#also-book')!;
    expect(box, 'the offer').to.exist;
    const label = root.querySelector('label[for="also-book"]')!.textContent!.replace(/\s+/g, ' ');
    expect(label).to.include('Field Organising (part one)');
    expect(label).to.include(new Date(partOne.start).toLocaleDateString('en-GB', { day: 'numeric', timeZone: 'Europe/London' }));
    expect(label).to.match(/this session builds on it/);
    await expect(el).shadowDom.to.be.accessible();
    box.click();
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

  it('a module that builds on nothing offers nothing', async () => {
    const { root } = await form('vp-glasgow');
    expect(root.querySelector('#also-book')).to.equal(null);
  });
});
