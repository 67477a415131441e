import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Session } from '../src/contract/index.js';
import { bookingToken, endpointFor, handlers, longText, sessions, sessionsInStates } from './support/mocks.js';
import { shadowOf } from './support/play.js';

interface Args {
  view?: 'agenda' | 'month';
  signup?: 'auto' | 'dialog' | 'page';
  module?: string;
  delivery?: string;
  area?: string;
  showPast?: boolean;
  'heading-level'?: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Session calendar',
  component: 'mobilise-session-calendar',
  args: { view: 'agenda', signup: 'dialog' },
  argTypes: {
    view: { control: 'inline-radio', options: ['agenda', 'month'] },
    signup: { control: 'inline-radio', options: ['auto', 'dialog', 'page'] },
    module: { control: 'text' },
    delivery: { control: 'select', options: ['', 'online', 'in-person', 'hybrid'] },
    area: { control: 'text' },
    showPast: { control: 'boolean' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (args, { id }) => html`<mobilise-session-calendar
    endpoint=${endpointFor(id)}
    view=${ifDefined(args.view)}
    signup=${ifDefined(args.signup)}
    module=${ifDefined(args.module || undefined)}
    delivery=${ifDefined(args.delivery || undefined)}
    area=${ifDefined(args.area || undefined)}
    ?show-past=${args.showPast}
    heading-level=${ifDefined(args['heading-level'])}
  ></mobilise-session-calendar>`,
  parameters: { msw: { handlers: handlers() } },
};
export default meta;
type Story = StoryObj<Args>;

/** 5,000 sessions over two years, to see pagination and filtering at scale. */
function manySessions(): Session[] {
  const out: Session[] = [];
  const start = Date.now() + 86_400_000;
  for (let i = 0; i < 5000; i++) {
    const base = sessions[i % sessions.length];
    const t = start + i * 3.5 * 3_600_000;
    out.push({ ...base, id: `bulk-${i}`, start: new Date(t).toISOString(), end: new Date(t + 7_200_000).toISOString(), signupDeadline: undefined });
  }
  return out;
}

export const Agenda: Story = {};
export const MonthGrid: Story = { args: { view: 'month' } };
export const EveryBadge: Story = { parameters: { msw: { handlers: handlers({ sessions: sessionsInStates() }) } } };
export const FilteredOnline: Story = { args: { delivery: 'online' } };
export const WithPastSessions: Story = { args: { showPast: true } };
export const DialogOpen: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'mobilise-session-calendar', '[part~="signup-button"]');
    root.querySelector<HTMLButtonElement>('[part~="signup-button"]')!.click();
  },
};
export const Empty: Story = { parameters: { msw: { handlers: handlers({ sessions: [] }) } } };
export const Loading: Story = { parameters: { msw: { handlers: handlers({ mode: 'loading' }) } } };
export const ServerError: Story = { parameters: { msw: { handlers: handlers({ mode: 'error' }) } } };
export const MalformedResponse: Story = { parameters: { msw: { handlers: handlers({ mode: 'malformed' }) } } };
export const LongText: Story = { parameters: { msw: { handlers: handlers(longText()) } } };
export const FiveThousandSessions: Story = { parameters: { msw: { handlers: handlers({ sessions: manySessions() }) } } };
export const Phone320: Story = { globals: { viewport: { value: 'narrow' } } };
export const MissingEndpoint: Story = { render: () => html`<mobilise-session-calendar></mobilise-session-calendar>` };

/** Opened from an emailed link on a page whose only form is the calendar's: the dialog shows the booking. */
export const BookingFromLink: Story = {
  beforeEach: () => {
    history.replaceState(history.state, '', `#mobilise-booking=${bookingToken}`);
    return () => history.replaceState(history.state, '', location.pathname + location.search);
  },
  parameters: { msw: { handlers: handlers({ booking: 'confirmed' }) } },
};
