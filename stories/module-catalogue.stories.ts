import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { AUDIENCES, localised, STRANDS, TOOLS } from '../src/contract/index.js';
import { LAYOUTS } from '../src/elements/module-catalogue/filter.js';
import { headingLevel } from './support/api.js';
import { handlers, longText, modules, NEVER_TIMES_OUT, sessions, withClient } from './support/mocks.js';
import { detailsOf, inShadowOf, stringsIn } from './support/play.js';
import { renderElement } from './support/render.js';
import { moduleCount } from '../src/strings/compose.js';

const meta: Meta = {
  title: 'Elements/Module catalogue',
  component: 'mobilise-module-catalogue',
  args: { layout: 'cards', onMobiliseModuleSelect: fn() },
  argTypes: {
    layout: { control: 'inline-radio', options: [...LAYOUTS] },
    strand: { control: 'select', options: ['', ...STRANDS] },
    audience: { control: 'select', options: ['', ...AUDIENCES] },
    tool: { control: 'select', options: ['', ...TOOLS] },
    'heading-level': headingLevel,
  },
  render: renderElement('mobilise-module-catalogue'),
  parameters: { msw: { handlers: handlers() } },
};
export default meta;
type Story = StoryObj;

/** `screenshot`: one of the element's main stories, for `npm run screenshots`. */
export const Cards: Story = { tags: ['screenshot'] };
export const List: Story = { tags: ['screenshot'], args: { layout: 'list' } };
export const FilteredByStrand: Story = { args: { strand: 'message' } };
/** "I want to learn Contact Creator": the modules that teach it. */
export const FilteredByTool: Story = {
  args: { tool: 'Contact Creator' },
  play: async ({ canvasElement, globals }) => {
    const s = stringsIn(globals.locale);
    const catalogue = await inShadowOf(canvasElement, 'mobilise-module-catalogue');
    const teaching = modules.filter((m) => m.tools.includes('Contact Creator'));
    await expect(await catalogue.findByText(moduleCount(s, teaching.length, modules.length), {}, { timeout: 5000 })).toBeVisible();
    await expect(catalogue.getByLabelText(s.catalogue.tool)).toHaveValue('Contact Creator');
  },
};

/** A card's details opened: its description, tools, "Before you come" checklist and "After the session" next step. */
export const CardWithChecklist: Story = {
  args: { strand: 'field' },
  play: async ({ canvasElement, step, globals }) => {
    const t = stringsIn(globals.locale).catalogue;
    const catalogue = await inShadowOf(canvasElement, 'mobilise-module-catalogue');
    const partOne = modules.find((m) => m.id === 'field-organising-1')!;
    const article = await waitFor(
      () => {
        const found = catalogue.root.querySelector<HTMLElement>('[data-module="field-organising-1"]');
        if (!found) throw new Error('part one’s card has not rendered');
        return found;
      },
      { timeout: 5000 },
    );
    const card = within(article);
    await step(`Open "${t.details}" on ${partOne.title}`, async () => {
      await userEvent.click(card.getByText(t.details));
    });
    await step(`"${t.beforeYouCome}" lists each thing to do, and "${t.afterSession}" the next step`, async () => {
      const checklist = card.getByRole('list', { name: t.beforeYouCome });
      await expect(checklist).toBeVisible();
      await expect([...checklist.querySelectorAll('li')].map((li) => li.textContent)).toEqual(partOne.beforeYouCome);
      await expect(card.getByText(partOne.afterSession!)).toBeVisible();
    });
  },
};

/** A member narrows the list, then asks for a module's sessions. */
export const Filtering: Story = {
  play: async ({ canvasElement, args, step, globals }) => {
    const s = stringsIn(globals.locale);
    const t = s.catalogue;
    const catalogue = await inShadowOf(canvasElement, 'mobilise-module-catalogue');
    const message = modules.filter((m) => m.strand === 'message');
    await step(`Choose the strand "${t.strands.message}"`, async () => {
      await userEvent.selectOptions(await catalogue.findByLabelText(t.strand, {}, { timeout: 5000 }), 'message');
    });
    await step('Only that strand is listed, and the count says so', async () => {
      await expect(await catalogue.findByText(moduleCount(s, message.length, modules.length))).toBeVisible();
      const titles = catalogue.getAllByRole('article').map((card) => card.getAttribute('data-module'));
      await expect(titles).toEqual(message.map((m) => m.id));
    });
    await step(`Press "${t.seeSessions}" on the first`, async () => {
      await userEvent.click(catalogue.getAllByRole('button', { name: (name) => name.startsWith(t.seeSessions) })[0]!);
      await waitFor(() => expect(detailsOf(args.onMobiliseModuleSelect)).toEqual([{ moduleId: message[0]!.id }]));
      await expect(await catalogue.findByText(t.selected)).toBeVisible();
    });
  },
};

/**
 * A module with no upcoming session: its card offers "Ask for this module near me", a link to the
 * training server's request page (API mode only) with the module, the area and this page.
 */
export const AskForThisModule: Story = {
  parameters: { msw: { handlers: handlers({ sessions: sessions.filter((s) => s.moduleId !== 'voter-persuasion') }) } },
  play: async ({ canvasElement, globals }) => {
    const c = await inShadowOf(canvasElement, 'mobilise-module-catalogue');
    const t = stringsIn(globals.locale).catalogue;
    const title = localised(modules.find((m) => m.id === 'voter-persuasion')!, 'title', globals.locale ?? 'en-GB').text;
    const link = await waitFor(() => c.root.querySelector<HTMLAnchorElement>('article[data-module="voter-persuasion"] a[part="ask"]') ?? Promise.reject(new Error(`no link; the catalogue shows: ${c.root.textContent?.replace(/\s+/g, ' ').slice(0, 600)}`)), { timeout: 5000 });
    await expect(link.textContent!.replace(/\s+/g, ' ').trim()).toBe(`${t.ask}: ${title}`);
    await expect(new URL(link.href).pathname).toBe('/request');
    await expect(new URL(link.href).searchParams.get('module')).toBe('voter-persuasion');
  },
};
export const NoMatch: Story = { args: { search: 'underwater basket weaving' } };
/** Stays loading: the backend never answers and this story's client never gives up. */
export const Loading: Story = {
  beforeEach: withClient(NEVER_TIMES_OUT),
  parameters: { msw: { handlers: handlers({ mode: 'loading' }) } },
};
export const Empty: Story = { parameters: { msw: { handlers: handlers({ modules: [], sessions: [] }) } } };
export const ServerError: Story = { parameters: { msw: { handlers: handlers({ mode: 'error' }) } } };
export const MalformedResponse: Story = { parameters: { msw: { handlers: handlers({ mode: 'malformed' }) } } };
/** Every module (none dropped): text as long as the contract allows. */
export const LongText: Story = {
  parameters: { msw: { handlers: handlers(longText()) } },
  play: async ({ canvasElement, globals }) => {
    const catalogue = await inShadowOf(canvasElement, 'mobilise-module-catalogue');
    await expect(await catalogue.findByText(moduleCount(stringsIn(globals.locale), modules.length, modules.length), {}, { timeout: 5000 })).toBeVisible();
  },
};
export const Phone320: Story = { globals: { viewport: { value: 'phone320', isRotated: false } } };
export const MissingEndpoint: Story = {
  render: () => html`<mobilise-module-catalogue></mobilise-module-catalogue>`,
  parameters: { controls: { disable: true } },
};
