/** The booking calls (src/client/bookings.ts) over the fake backend: the token in a JSON body, answers parsed, refusals typed. */
import { expect } from '@open-wc/testing';
import { cancelBooking, confirmBooking, getClient, MobiliseError, viewBooking } from '../src/client/index.js';
import type { FakeBooking } from './helpers/fake-backend.js';
import { fixtures, json, mockApi, type MockApi } from './helpers/mock-api.js';


const session = fixtures.sessions.find((s) => s.status === 'scheduled' && Date.parse(s.start) > Date.now() + 3_600_000)!;
const CONFIRM = 'c'.repeat(43);
const MANAGE = 'm'.repeat(43);
const booking = (b: Partial<FakeBooking>): FakeBooking => ({ purpose: 'manage', sessionId: session.id, firstName: 'Morven', status: 'confirmed', ...b });

let api: MockApi | undefined;
afterEach(() => api?.restore());

function client(bookings: Record<string, FakeBooking>) {
  api = mockApi({ bookings });
  return getClient(api.endpoint, { retries: 0 });
}

/** What a call was refused with: its kind and the server's code. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
    return 'answered';
  } catch (e) {
    return e instanceof MobiliseError ? `${e.kind} ${e.problem?.code ?? ''}`.trim() : String(e);
  }
}

describe('the booking calls', () => {
  it('confirm: the token goes in a JSON body, never the URL; the answer is the booking and its manage token', async () => {
    const c = client({ [CONFIRM]: booking({ purpose: 'confirm', status: 'pending', hold: 'place' }) });
    const answer = await confirmBooking(c, CONFIRM);
    expect([answer.status, answer.firstName, answer.session.id]).to.deep.equal(['confirmed', 'Morven', session.id]);
    expect(answer.manageToken).to.match(/^[A-Za-z0-9_-]{43}$/);
    const [call] = api!.calls;
    expect([call!.method, call!.url, call!.body, call!.headers['content-type']]).to.deep.equal([
      'POST',
      `${api!.endpoint}/v1/bookings/confirm`,
      { token: CONFIRM },
      'application/json',
    ]);
    expect(call!.url.includes(CONFIRM)).to.equal(false);
  });

  it('view and cancel read and end the booking behind a manage link; cancelling again answers the same', async () => {
    const c = client({ [MANAGE]: booking({ status: 'waitlisted', position: 2 }) });
    const seen = await viewBooking(c, MANAGE);
    expect([seen.status, seen.position]).to.deep.equal(['waitlisted', 2]);
    expect((await cancelBooking(c, MANAGE)).status).to.equal('cancelled');
    expect((await cancelBooking(c, MANAGE)).status).to.equal('cancelled');
  });

  it('refusals are typed with the server’s codes', async () => {
    const c = client({ [CONFIRM]: booking({ purpose: 'confirm', used: true }), [MANAGE]: booking({}) });
    expect(await refusal(confirmBooking(c, CONFIRM))).to.equal('problem token-used');
    expect(await refusal(viewBooking(c, CONFIRM)), 'a confirm token is no manage token').to.equal('problem token-invalid');
    expect(await refusal(confirmBooking(c, MANAGE)), 'nor the other way round').to.equal('problem token-invalid');
    expect(await refusal(viewBooking(c, 'short'))).to.equal('problem validation');
  });

  it('an answer outside the contract is a bad response, never passed on', async () => {
    const c = client({});
    api!.routes['POST /v1/bookings/view'] = () => json({ status: 'confirmed', session: { id: session.id }, firstName: 'Morven' });
    expect(await refusal(viewBooking(c, MANAGE))).to.equal('bad-response');
  });
});
