import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { DELIVERY_MODES, localised, type AccessFeature, type Session } from '../src/contract/index.js';
import { headingLevel } from './support/api.js';
import { handlers, longText, modules, NEVER_TIMES_OUT, sessions, sessionsInStates, sessionsWithAccess, withClient } from './support/mocks.js';
import { detailsOf, inShadowOf, stringsIn, withHash, type Queries } from './support/play.js';
import { renderElement } from './support/render.js';

const meta: Meta = {
  title: 'Elements/Session calendar',
  component: 'mobilise-session-calendar',
  args: { view: 'agenda', signup: 'dialog', onMobiliseSessionSelect: fn() },
  argTypes: {
    delivery: { control: 'select', options: ['', ...DELIVERY_MODES] },
    module: { control: 'select', options: ['', ...modules.map((m) => m.id)] },
    from: { control: 'text', description: 'First day shown, YYYY-MM-DD (London).' },
    to: { control: 'text', description: 'Last day shown, YYYY-MM-DD (London).' },
    'heading-level': headingLevel,
  },
  render: renderElement('mobilise-session-calendar'),
  parameters: { msw: { handlers: handlers() } },
};
export default meta;
type Story = StoryObj;

/** 5,000 sessions over two years, to see pagination and filtering at scale. */
function manySessions(): Session[] {
  const out: Session[] = [];
  const start = Date.now() + 86_400_000;
  for (let i = 0; i < 5000; i++) {
    const base = sessions[i % sessions.length]!;
    const at = start + i * 3.5 * 3_600_000;
    out.push({ ...base, id: `bulk-${i}`, start: new Date(at).toISOString(), end: new Date(at + 7_200_000).toISOString(), signupDeadline: undefined });
  }
  return out;
}

/** `screenshot`: one of the element's main stories, for `npm run screenshots`. */
export const Agenda: Story = { tags: ['screenshot'] };
export const MonthGrid: Story = { tags: ['screenshot'], args: { view: 'month' } };
export const EveryBadge: Story = { tags: ['screenshot'], parameters: { msw: { handlers: handlers({ sessions: sessionsInStates() }) } } };
export const FilteredOnline: Story = { args: { delivery: 'online' } };

/** Each session's access features in words, each beside its icon; one session offers all nine, one lists none. */
export const AccessBadges: Story = { tags: ['screenshot'], parameters: { msw: { handlers: handlers({ sessions: sessionsWithAccess() }) } } };

/** Opens the "Access needs" disclosure and ticks `features` as a member does; returns the calendar's queries. */
async function tickAccess(canvasElement: HTMLElement, locale: string | undefined, features: AccessFeature[]): Promise<Queries> {
  const t = stringsIn(locale);
  const calendar = await inShadowOf(canvasElement, 'mobilise-session-calendar');
  await calendar.findAllByRole('article', {}, { timeout: 5000 });
  // A narrow calendar keeps its filters behind the "Filters" button.
  const toggle = calendar.root.querySelector<HTMLElement>('.filter-toggle')!;
  if (getComputedStyle(toggle).display !== 'none') await userEvent.click(toggle);
  await userEvent.click(calendar.root.querySelector('.access-filter summary')!);
  for (const f of features) await userEvent.click(calendar.getByRole('checkbox', { name: t.access[f] }));
  await waitFor(() => expect(calendar.root.querySelector('.access-filter summary')).toHaveTextContent(t.calendar.accessFilter(features.length)));
  return calendar;
}

/** The access filter open with two features ticked: only the sessions offering both. */
export const AccessFilterOpen: Story = {
  tags: ['screenshot'],
  parameters: { msw: { handlers: handlers({ sessions: sessionsWithAccess() }) } },
  play: async ({ canvasElement, globals }) => {
    const calendar = await tickAccess(canvasElement, globals.locale, ['step-free', 'hearing-loop']);
    const t = stringsIn(globals.locale);
    await waitFor(() => {
      const shown = [...calendar.root.querySelectorAll('article')];
      expect(shown.length).toBeGreaterThan(0);
      for (const a of shown) for (const f of ['step-free', 'hearing-loop'] as const) expect(a.querySelector('.features')).toHaveTextContent(t.access[f]);
    });
  },
};

/** Two features no session offers together: nothing matches, and the way out is to clear the filters. */
export const AccessNoMatch: Story = {
  parameters: { msw: { handlers: handlers({ sessions: sessionsWithAccess().slice(1) }) } },
  play: async ({ canvasElement, globals }) => {
    const calendar = await tickAccess(canvasElement, globals.locale, ['bsl', 'parking']);
    const t = stringsIn(globals.locale);
    await calendar.findByRole('heading', { name: t.calendar.noMatch }, { timeout: 5000 });
    await expect(calendar.getAllByRole('button', { name: t.calendar.clearFilters }).length).toBeGreaterThan(0);
  },
};
export const WithPastSessions: Story = { args: { 'show-past': true } };

/**
 * Filters set: "Subscribe to these sessions" (webcal:) and the feed's https address carry them, so a
 * calendar app follows Field Organising's in-person sessions. The sessions listed are JSON-LD in the page.
 */
export const SubscribeWithFilters: Story = {
  args: { module: 'field-organising-1', delivery: 'in-person' },
  play: async ({ canvasElement, step, globals }) => {
    const { calendar: t } = stringsIn(globals.locale);
    const calendar = await inShadowOf(canvasElement, 'mobilise-session-calendar');
    const subscribe = await calendar.findByRole('link', { name: t.subscribe }, { timeout: 5000 });
    await step('Both links are the feed of what the filters show', async () => {
      const https = calendar.getByRole('link', { name: t.feedAddress }).getAttribute('href')!;
      await expect(subscribe.getAttribute('href')).toBe(https.replace(/^https:/, 'webcal:'));
      const feed = new URL(https);
      await expect(feed.pathname).toBe('/v1/feed.ics');
      await expect(Object.fromEntries(feed.searchParams)).toMatchObject({ module: 'field-organising-1', delivery: 'in-person' });
    });
    await step('The sessions listed are schema.org Events in the page, outside the shadow root', () =>
      waitFor(() => {
        const ld = canvasElement.querySelectorAll('mobilise-session-calendar > script[type="application/ld+json"]');
        expect(ld).toHaveLength(1);
        const graph = (JSON.parse(ld[0]!.textContent!) as { '@graph': { '@type': string }[] })['@graph'];
        expect(graph.length).toBeGreaterThan(0);
        expect(graph.every((e) => e['@type'] === 'Event')).toBe(true);
      }),
    );
  },
};

/**
 * The server's JSON-LD answer is not JSON (a proxy's error page): no JSON-LD block in the page, and
 * the calendar shows its sessions as ever; only the console says so.
 */
export const JsonLdNotJson: Story = {
  parameters: { msw: { handlers: handlers({ jsonLd: 'malformed' }) } },
  play: async ({ canvasElement, step }) => {
    const calendar = await inShadowOf(canvasElement, 'mobilise-session-calendar');
    await step('The sessions show', async () => {
      await waitFor(() => expect(calendar.getAllByRole('article').length).toBeGreaterThan(0), { timeout: 5000 });
    });
    await step('No JSON-LD block, no error for the member', async () => {
      await new Promise((r) => setTimeout(r, 300));
      await expect(canvasElement.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(0);
      await expect(calendar.queryByRole('alert')).toBeNull();
    });
  },
};

/** A member picks a session: the calendar says which (the event) and opens the signup form in a dialog. */
export const DialogOpen: Story = {
  tags: ['screenshot'],
  beforeEach: withHash(),
  play: async ({ canvasElement, args, step, globals }) => {
    const { calendar: t, signup } = stringsIn(globals.locale);
    const calendar = await inShadowOf(canvasElement, 'mobilise-session-calendar');
    const signUp = await calendar.findAllByRole('button', { name: (name) => name.startsWith(t.signUp) }, { timeout: 5000 });
    await step(`Press the first "${t.signUp}"`, () => userEvent.click(signUp[0]!));
    await step('The calendar says which session: mobilise-session-select', () =>
      waitFor(() => expect(detailsOf(args.onMobiliseSessionSelect)).toHaveLength(1)),
    );
    const [{ moduleId }] = detailsOf(args.onMobiliseSessionSelect) as { moduleId: string }[];
    await step('The dialog opens, named after the module, with the signup form in it', async () => {
      // The module's title in the story's language where the seed translates it (English otherwise).
      const title = localised(modules.find((m) => m.id === moduleId)!, 'title', globals.locale ?? 'en-GB').text;
      const dialog = await calendar.findByRole('dialog', { name: t.dialogHeading(title) });
      const form = await inShadowOf(dialog, 'mobilise-signup-form');
      await expect(await form.findByLabelText(signup.firstName, {}, { timeout: 5000 })).toBeVisible();
    });
  },
};
export const Empty: Story = { parameters: { msw: { handlers: handlers({ sessions: [] }) } } };
/** A module filter that finds nothing: besides clearing the filters, "Ask for this module near me" (API mode only). */
export const AskForThisModule: Story = {
  args: { module: 'voter-persuasion' },
  parameters: { msw: { handlers: handlers({ sessions: sessions.filter((s) => s.moduleId !== 'voter-persuasion') }) } },
  play: async ({ canvasElement, globals }) => {
    const calendar = await inShadowOf(canvasElement, 'mobilise-session-calendar');
    const t = stringsIn(globals.locale).catalogue;
    const title = localised(modules.find((m) => m.id === 'voter-persuasion')!, 'title', globals.locale ?? 'en-GB').text;
    const link = await waitFor(() => calendar.root.querySelector<HTMLAnchorElement>('[part="empty"] a[part="ask"]') ?? Promise.reject(new Error(`no link; the calendar shows: ${calendar.root.textContent?.replace(/\s+/g, ' ').slice(0, 600)}`)), { timeout: 5000 });
    await expect(link.textContent!.replace(/\s+/g, ' ').trim()).toBe(`${t.ask}: ${title}`);
    await expect(new URL(link.href).searchParams.get('module')).toBe('voter-persuasion');
  },
};
/** Stays loading: the backend never answers and this story's client never gives up. */
export const Loading: Story = {
  beforeEach: withClient(NEVER_TIMES_OUT),
  parameters: { msw: { handlers: handlers({ mode: 'loading' }) } },
};
export const ServerError: Story = { parameters: { msw: { handlers: handlers({ mode: 'error' }) } } };
export const MalformedResponse: Story = { parameters: { msw: { handlers: handlers({ mode: 'malformed' }) } } };
export const LongText: Story = { parameters: { msw: { handlers: handlers(longText()) } } };
export const FiveThousandSessions: Story = { parameters: { msw: { handlers: handlers({ sessions: manySessions() }) } } };
export const Phone320: Story = { globals: { viewport: { value: 'phone320', isRotated: false } } };
export const MissingEndpoint: Story = {
  render: () => html`<mobilise-session-calendar></mobilise-session-calendar>`,
  parameters: { controls: { disable: true } },
};

