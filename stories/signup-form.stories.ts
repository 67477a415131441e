import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { bookingToken, endpointFor, handlers, longText, sessions, sessionsInStates, type Scenario } from './support/mocks.js';
import { fill, member, shadowOf, submit } from './support/play.js';
import { en } from '../src/strings/en.js';

interface Args {
  sessionId?: string;
  privacyUrl?: string;
  'heading-level'?: number;
}

const states = sessionsInStates();
const [open, fewLeft, fullWaitlist, fullNoWaitlist, cancelled] = states;

const meta: Meta<Args> = {
  title: 'Elements/Signup form',
  component: 'mobilise-signup-form',
  args: { sessionId: open.id, privacyUrl: 'https://example.org/privacy' },
  argTypes: {
    sessionId: { control: 'select', options: states.map((s) => s.id) },
    privacyUrl: { control: 'text' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (args, { id }) => html`<mobilise-signup-form
    endpoint=${endpointFor(id)}
    session-id=${ifDefined(args.sessionId || undefined)}
    privacy-url=${ifDefined(args.privacyUrl || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
  ></mobilise-signup-form>`,
  parameters: { msw: { handlers: handlers({ sessions: states }) } },
};
export default meta;
type Story = StoryObj<Args>;

const withSignup = (signup: Scenario['signup']) => ({ msw: { handlers: handlers({ sessions: states, signup }) } });
const fillAndSubmit: Story['play'] = async ({ canvasElement }) => {
  const root = await shadowOf(canvasElement, 'mobilise-signup-form', 'form');
  fill(root, member);
  submit(root);
};

export const Form: Story = {};
export const FewSpacesLeft: Story = { args: { sessionId: fewLeft.id } };
export const WaitingList: Story = { args: { sessionId: fullWaitlist.id } };
export const FullSession: Story = { args: { sessionId: fullNoWaitlist.id } };
export const Cancelled: Story = { args: { sessionId: cancelled.id } };
export const NoSessionChosen: Story = { args: { sessionId: '' } };
export const UnknownSession: Story = { args: { sessionId: 'no-such-session' } };
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => submit(await shadowOf(canvasElement, 'mobilise-signup-form', 'form')),
};
export const ServerValidationErrors: Story = { parameters: withSignup('validation'), play: fillAndSubmit };
export const Confirmed: Story = { parameters: withSignup('confirmed'), play: fillAndSubmit };
export const Waitlisted: Story = { args: { sessionId: fullWaitlist.id }, parameters: withSignup('waitlisted'), play: fillAndSubmit };
export const FullWhenSubmitted: Story = { parameters: withSignup('full'), play: fillAndSubmit };
export const ClosedWhenSubmitted: Story = { parameters: withSignup('closed'), play: fillAndSubmit };
export const RateLimited: Story = { parameters: withSignup('rate-limited'), play: fillAndSubmit };
export const Offline: Story = { parameters: withSignup('offline'), play: fillAndSubmit };
export const Loading: Story = { parameters: { msw: { handlers: handlers({ mode: 'loading' }) } } };
export const ServerError: Story = { parameters: { msw: { handlers: handlers({ mode: 'error' }) } } };
export const StaticModeUnavailable: Story = {
  render: () => html`<mobilise-signup-form endpoint="/mobilise-static.json" session-id=${sessions[0].id}></mobilise-signup-form>`,
};
export const LongText: Story = {
  args: { sessionId: longText().sessions[0].id },
  parameters: { msw: { handlers: handlers(longText()) } },
};
export const Phone320: Story = { globals: { viewport: { value: 'narrow' } } };

/**
 * Manage mode: the page opened from an emailed link. The fragment is set before the form connects
 * and cleared after the story, so the other stories stay forms.
 */
const fromLink = (kind: 'confirm' | 'booking', booking: Scenario['booking']): Story => ({
  beforeEach: () => {
    history.replaceState(history.state, '', `#mobilise-${kind}=${bookingToken}`);
    return () => history.replaceState(history.state, '', location.pathname + location.search);
  },
  parameters: { msw: { handlers: handlers({ sessions: states, booking }) } },
});
export const BookingConfirmedByLink: Story = fromLink('confirm', 'confirmed');
export const BookingWaitlisted: Story = fromLink('confirm', 'waitlisted');
export const BookingPending: Story = fromLink('booking', 'pending');
export const BookingExpired: Story = fromLink('booking', 'expired');
export const BookingCancelled: Story = fromLink('booking', 'cancelled');
export const BookingCancelStep: Story = {
  ...fromLink('booking', 'confirmed'),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'mobilise-signup-form', '.result-heading');
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === en.booking.cancel)?.click();
  },
};
export const BookingLinkInvalid: Story = fromLink('booking', 'token-invalid');
export const BookingLinkUsed: Story = fromLink('confirm', 'token-used');
export const BookingLinkExpired: Story = fromLink('booking', 'token-expired');
export const BookingSessionStarted: Story = fromLink('confirm', 'session-started');
export const BookingOffline: Story = fromLink('booking', 'offline');
