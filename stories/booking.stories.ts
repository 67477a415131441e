import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { seedJoining } from '../server/seed/joining.js';
import '../src/elements/booking/define.js';
import { bookingWords } from '../src/elements/booking/words.js';
import { en } from '../src/strings/en.js';
import { bookingToken, handlers, modules, sessions, sessionsInStates, type Scenario } from './support/mocks.js';
import { inShadowOf, withHash } from './support/play.js';
import { renderElement } from './support/render.js';

/**
 * "Your booking", the page at /booking on the training server where every emailed confirm and manage
 * link leads: every state of the element. Its own bundle (dist/booking/booking.js), never in the
 * embed. The API is mocked with msw; the email's link is played by putting its fragment in the
 * address before the element reads it (so those stories are not on the Docs page, where one hash
 * would reach every story: it shows the page opened without a link). Its words are its own, so these stories are tagged `one-language`: Gaelic and Welsh are
 * stories here (`locale`).
 */
const [t] = bookingWords('en-GB');
const states = sessionsInStates();

const meta: Meta = {
  title: 'Elements/Booking page',
  component: 'mobilise-booking',
  tags: ['one-language'],
  render: renderElement('mobilise-booking'),
  parameters: { msw: { handlers: handlers({ sessions: states }) } },
};
export default meta;
type Story = StoryObj;

const page = (canvasElement: HTMLElement) => inShadowOf(canvasElement, 'mobilise-booking');

/** Opened from an emailed link: `kind` confirm or booking (manage), the server answering `booking`. */
const fromLink = (kind: 'confirm' | 'booking', booking: Scenario['booking'], scenario: Scenario = { sessions: states }): Story => ({
  tags: ['!autodocs'],
  beforeEach: withHash(`#mobilise-${kind}=${bookingToken}`),
  parameters: { msw: { handlers: handlers({ ...scenario, booking }) } },
});

/** Opened without a link (typed, or the fragment lost): where to find it. */
export const NoLink: Story = {
  play: async ({ canvasElement }) => {
    const q = await page(canvasElement);
    await q.findByRole('heading', { name: t.noLink.heading });
  },
};
export const ConfirmedByLink: Story = {
  ...fromLink('confirm', 'confirmed'),
  tags: ['!autodocs', 'screenshot'],
  play: async ({ canvasElement }) => {
    const q = await page(canvasElement);
    await q.findByRole('heading', { name: `Morven, ${t.status.confirmed.heading}` }, { timeout: 5000 });
    await q.findByRole('link', { name: en.calendar.addToCalendar });
  },
};
/** Confirmed on an online session: how to join (the link and the organisers' instructions), then the module's checklist and next step. */
const online = sessions.find((x) => x.delivery === 'online' && x.status === 'scheduled' && Date.parse(x.start) > Date.now())!;
export const ConfirmedWithJoining: Story = {
  ...fromLink('confirm', 'confirmed', { sessions: [online], joining: seedJoining(online) }),
  play: async ({ canvasElement, step }) => {
    const q = await page(canvasElement);
    const joining = seedJoining(online)!;
    await step(`"${t.joining}": the link, its address as its text`, async () => {
      const link = await q.findByRole('link', { name: joining.url }, { timeout: 5000 });
      await expect(link).toHaveAttribute('href', joining.url);
      await expect(await q.findByText(joining.instructions!)).toBeVisible();
    });
    await step(`"${en.catalogue.beforeYouCome}" and "${en.catalogue.afterSession}" for the booked module`, async () => {
      const module = modules.find((m) => m.id === online.moduleId)!;
      await expect(q.getByRole('list', { name: en.catalogue.beforeYouCome }).querySelectorAll('li')).toHaveLength(module.beforeYouCome.length);
      await expect(q.getByText(module.afterSession!)).toBeVisible();
    });
  },
};
export const Waitlisted: Story = fromLink('confirm', 'waitlisted');
export const Pending: Story = fromLink('booking', 'pending');
export const Expired: Story = fromLink('booking', 'expired');
export const Cancelled: Story = fromLink('booking', 'cancelled');
export const CancelStep: Story = {
  ...fromLink('booking', 'confirmed'),
  play: async ({ canvasElement, step }) => {
    const q = await page(canvasElement);
    await step(`Press "${t.cancel}"`, async () => userEvent.click(await q.findByRole('button', { name: t.cancel }, { timeout: 5000 })));
    await expect(await q.findByText(t.sure)).toBeVisible();
  },
};
export const LinkInvalid: Story = fromLink('booking', 'token-invalid');
export const LinkUsed: Story = fromLink('confirm', 'token-used');
export const LinkExpired: Story = fromLink('booking', 'token-expired');
export const SessionStarted: Story = fromLink('confirm', 'session-started');
export const Offline: Story = fromLink('booking', 'offline');

/** On a Gaelic page (`?lang=gd` sets it; here `locale="gd"`), a refused link in Gaelic words. */
export const InGaelic: Story = {
  ...fromLink('confirm', 'token-used'),
  args: { locale: 'gd' },
  play: async ({ canvasElement }) => {
    const q = await page(canvasElement);
    await q.findByRole('heading', { name: bookingWords('gd')[0].refused['token-used']!.heading }, { timeout: 5000 });
  },
};
/** In Welsh, a confirmed place. */
export const InWelsh: Story = {
  ...fromLink('booking', 'confirmed'),
  args: { locale: 'cy' },
  play: async ({ canvasElement }) => {
    const q = await page(canvasElement);
    await q.findByRole('heading', { name: `Morven, ${bookingWords('cy')[0].status.confirmed.heading}` }, { timeout: 5000 });
  },
};
/** On a 320 px phone. */
export const Phone320: Story = { ...fromLink('booking', 'waitlisted'), globals: { viewport: { value: 'phone320', isRotated: false } } };
