import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import type { Strings } from '../src/strings/en.js';
import { headingLevel } from './support/api.js';
import { handlers, longText, NEVER_TIMES_OUT, sessions, sessionsInStates, withClient, type Scenario } from './support/mocks.js';
import { detailsOf, fillForm, focusedText, inShadowOf, stringsIn, submitForm, type Queries } from './support/play.js';
import { renderElement } from './support/render.js';
import { rateLimitedFor } from '../src/strings/compose.js';

const states = sessionsInStates();
const [open, fewLeft, fullWaitlist, fullNoWaitlist, cancelled] = states;

const meta: Meta = {
  title: 'Elements/Signup form',
  component: 'mobilise-signup-form',
  args: { 'session-id': open.id, 'privacy-url': 'https://example.org/privacy', onMobiliseSignup: fn() },
  argTypes: {
    'session-id': { control: 'select', options: ['', ...states.map((s) => s.id), 'no-such-session'] },
    'heading-level': headingLevel,
  },
  render: renderElement('mobilise-signup-form'),
  parameters: { msw: { handlers: handlers({ sessions: states }) } },
};
export default meta;
type Story = StoryObj;

const withSignup = (signup: Scenario['signup']) => ({ msw: { handlers: handlers({ sessions: states, signup }) } });
const form = (canvasElement: HTMLElement) => inShadowOf(canvasElement, 'mobilise-signup-form');

/**
 * Fills the form in as a member would, in the story's language, and sends it with `submit` (a
 * key of the signup strings); returns the form's queries and those strings for what follows.
 */
async function signUp({ canvasElement, step, globals }: StoryContext, submit: 'submit' | 'submitWaitlist' = 'submit') {
  const s = stringsIn(globals.locale);
  const f = await form(canvasElement);
  await step('Fill in name, email, postcode, membership and consent', () => fillForm(f, s));
  await step(`Press "${s.signup[submit]}"`, () => submitForm(f, s.signup[submit]));
  return { f, s, t: s.signup };
}

/** The outcome heading (a key of the signup strings) takes focus, so a screen reader says it at once. */
const outcomeFocused = ({ f, t }: { f: Queries; t: Strings['signup'] }, heading: 'checkEmail' | 'checkEmailWaitlist' | 'fullTitle' | 'closedTitle') =>
  waitFor(() => expect(focusedText(f)).toBe(t[heading]), { timeout: 8000 });

/** `screenshot`: one of the element's main stories, for `npm run screenshots`. */
export const Form: Story = { tags: ['screenshot'] };
export const FewSpacesLeft: Story = { args: { 'session-id': fewLeft.id } };
export const WaitingList: Story = { args: { 'session-id': fullWaitlist.id } };
export const FullSession: Story = { args: { 'session-id': fullNoWaitlist.id } };
export const Cancelled: Story = { args: { 'session-id': cancelled.id } };
export const NoSessionChosen: Story = { args: { 'session-id': '' } };
export const UnknownSession: Story = { args: { 'session-id': 'no-such-session' } };

/** Part two of a series, with part one open before it in the same area: a note says what it builds on, and a checkbox books both places in one signup (all or none). */
const partOne = { ...open, id: 'series-part-one', moduleId: 'field-organising-1', area: 'Series', start: fewLeft.start, end: fewLeft.end };
const partTwo = { ...open, id: 'series-part-two', moduleId: 'field-organising-2', area: 'Series', start: new Date(Date.parse(fewLeft.start) + 14 * 86_400_000).toISOString(), end: new Date(Date.parse(fewLeft.end) + 14 * 86_400_000).toISOString() };
export const SeriesOffered: Story = {
  args: { 'session-id': partTwo.id },
  parameters: { msw: { handlers: handlers({ sessions: [...states, partOne, partTwo] }) } },
};
/** Part two with no part one to book before it: the note alone. */
export const SeriesNoteOnly: Story = {
  args: { 'session-id': partTwo.id },
  parameters: { msw: { handlers: handlers({ sessions: [...states, partTwo] }) } },
};

/** Sent empty: the error summary lists every missing answer and takes focus. Nothing is sent. */
export const ValidationErrors: Story = {
  tags: ['screenshot'],
  play: async ({ canvasElement, args, step, globals }) => {
    const { signup: t, validation } = stringsIn(globals.locale);
    const f = await form(canvasElement);
    await step(`Press "${t.submit}" with nothing filled in`, async () => {
      await f.findByLabelText(t.firstName, {}, { timeout: 5000 });
      await submitForm(f, t.submit);
    });
    await step(`"${t.errorSummary}" has focus and names each missing answer`, async () => {
      await waitFor(() => expect(focusedText(f)).toContain(t.errorSummary));
      for (const message of [validation.firstName, validation.lastName, validation.email, validation.postcode, validation.membership]) {
        await expect(focusedText(f)).toContain(message);
      }
    });
    await expect(detailsOf(args.onMobiliseSignup)).toEqual([]);
  },
};
/** The server refuses two answers: they come back in the error summary, as if the form had found them. */
export const ServerValidationErrors: Story = {
  parameters: withSignup('validation'),
  play: async (context) => {
    // The server's messages are English: the form says them in the page's language.
    const { f, s } = await signUp(context);
    await waitFor(() => expect(focusedText(f)).toContain(s.signup.errorSummary), { timeout: 8000 });
    await expect(focusedText(f)).toContain(s.validation.email);
    await expect(focusedText(f)).toContain(s.validation.postcode);
  },
};
/** Sent: "Check your email", and the page hears mobilise-signup (no personal data in it). */
export const Confirmed: Story = {
  tags: ['screenshot'],
  parameters: withSignup('confirmed'),
  play: async (context) => {
    const sent = await signUp(context);
    await context.step(`"${sent.t.checkEmail}" has focus`, () => outcomeFocused(sent, 'checkEmail'));
    await expect(detailsOf(context.args.onMobiliseSignup)).toEqual([expect.objectContaining({ sessionId: open.id, status: 'pending', hold: 'place' })]);
  },
};
export const Waitlisted: Story = {
  args: { 'session-id': fullWaitlist.id },
  parameters: withSignup('waitlisted'),
  play: async (context) => outcomeFocused(await signUp(context, 'submitWaitlist'), 'checkEmailWaitlist'),
};
export const FullWhenSubmitted: Story = {
  parameters: withSignup('full'),
  play: async (context) => outcomeFocused(await signUp(context), 'fullTitle'),
};
export const ClosedWhenSubmitted: Story = {
  parameters: withSignup('closed'),
  play: async (context) => outcomeFocused(await signUp(context), 'closedTitle'),
};
/** Told to wait a minute (Retry-After: 60); this story's client does not retry, so it says so at once. */
export const RateLimited: Story = {
  beforeEach: withClient({ retries: 0 }),
  parameters: withSignup('rate-limited'),
  play: async (context) => {
    const { f, s } = await signUp(context);
    await expect(await f.findByText(rateLimitedFor(s, 60), {}, { timeout: 5000 })).toBeVisible();
  },
};
export const Offline: Story = {
  parameters: withSignup('offline'),
  play: async (context) => {
    const { f, t } = await signUp(context);
    await expect(await f.findByText(t.networkRetry, {}, { timeout: 8000 })).toBeVisible();
  },
};
/** Stays loading: the backend never answers and this story's client never gives up. */
export const Loading: Story = {
  beforeEach: withClient(NEVER_TIMES_OUT),
  parameters: { msw: { handlers: handlers({ mode: 'loading' }) } },
};
export const ServerError: Story = { parameters: { msw: { handlers: handlers({ mode: 'error' }) } } };
export const StaticModeUnavailable: Story = {
  render: () => html`<mobilise-signup-form endpoint="/mobilise-static.json" session-id=${sessions[0]!.id}></mobilise-signup-form>`,
  parameters: { controls: { disable: true } },
};
export const LongText: Story = {
  args: { 'session-id': longText().sessions[0]!.id },
  parameters: { msw: { handlers: handlers(longText()) } },
};
export const Phone320: Story = { globals: { viewport: { value: 'phone320', isRotated: false } } };

