import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Audience } from '../src/contract/enums.js';
import { pathwayPaths, type Pathway } from '../src/contract/pathway-api.js';
import '../src/elements/pathway/define.js';
import { finished, nothingYet, partWay, partWayGaelic, pathwayOf, PATHWAY_TOKEN } from '../test/helpers/pathway-data.js';
import { inShadowOf } from './support/play.js';
import { renderElement } from './support/render.js';

/**
 * "My Mobilise pathway" (issue 14), the page a member opens from the link in any email: every state
 * the element has. Its own bundle (dist/pathway/pathway.js), never in the embed. The API is mocked
 * with msw; the link's token is put where the page keeps it after reading the address (this tab's
 * sessionStorage), so the stories open as a reload of the page would. Its words are its own (not the
 * embed's strings), so these stories are tagged `one-language`: Gaelic and Welsh are stories here
 * (`locale`), and inside the toolbar's provider the element follows the provider's `lang` too.
 */
const KEPT = 'mobilise-pathway-token';

type Answer = Pathway | 'loading' | 'invalid' | 'offline' | 'error';

const problem = (status: number, code: string) =>
  HttpResponse.json({ type: `https://mobilise.invalid/problems/${code}`, title: code, status, code }, { status, headers: { 'content-type': 'application/problem+json' } });

/** POST /v1/pathway answers `answer`; PUT /v1/pathway/audience the chosen audience's pathway, Voter Persuasion attended. */
const handlers = (answer: Answer) => [
  http.post(`*${pathwayPaths.pathway}`, async () => {
    if (answer === 'loading') await delay('infinite');
    if (answer === 'invalid') return problem(404, 'token-invalid');
    if (answer === 'offline') return HttpResponse.error();
    if (answer === 'error') return problem(500, 'server-error');
    return HttpResponse.json(answer as Pathway);
  }),
  http.put(`*${pathwayPaths.audience}`, async ({ request }) => {
    const { audience } = (await request.json()) as { audience: Audience };
    return HttpResponse.json(pathwayOf(audience, ['voter-persuasion'], [], true));
  }),
];
const answering = (answer: Answer) => ({ msw: { handlers: handlers(answer) } });

const meta: Meta = {
  title: 'Elements/My Mobilise pathway',
  component: 'mobilise-pathway',
  tags: ['one-language'],
  render: renderElement('mobilise-pathway'),
  parameters: answering(partWay),
  // Opened from a link: the token is where the page keeps it once it has left the address bar.
  beforeEach: () => {
    sessionStorage.setItem(KEPT, PATHWAY_TOKEN);
    return () => sessionStorage.removeItem(KEPT);
  },
};
export default meta;
type Story = StoryObj;

const pathway = (canvasElement: HTMLElement) => inShadowOf(canvasElement, 'mobilise-pathway');

/** Part-way along: Voter Persuasion attended, Field Organising part one booked and next. */
export const PartWay: Story = {
  tags: ['screenshot'],
  play: async ({ canvasElement }) => {
    const p = await pathway(canvasElement);
    await p.findByText('1 of 6 modules on your pathway attended', {}, { timeout: 5000 });
    await expect(p.getByRole('progressbar', { name: '1 of 6 modules on your pathway attended' })).toBeTruthy();
    await expect((p.getByLabelText('Your pathway') as HTMLSelectElement).value).toBe('new-activists');
  },
};

/** Waiting for the server: a skeleton keeps the space the pathway will take. */
export const Loading: Story = { parameters: answering('loading') };

/** No token anywhere (the page opened without its link): how to open it. Nothing is asked of the server. */
export const NoLink: Story = {
  beforeEach: () => sessionStorage.removeItem(KEPT),
  play: async ({ canvasElement }) => {
    const p = await pathway(canvasElement);
    await p.findByRole('heading', { name: 'Open your pathway from an email' });
  },
};

/** The link is unknown, cut off, or its member's data was erased: it says so, and shows nothing else. */
export const LinkDoesNotWork: Story = { parameters: answering('invalid') };

/** The server could not be reached: Try again. */
export const NetworkError: Story = {
  parameters: answering('offline'),
  play: async ({ canvasElement }) => {
    const p = await pathway(canvasElement);
    await userEvent.click(await p.findByRole('button', { name: 'Try again' }, { timeout: 5000 }));
    await p.findByRole('button', { name: 'Try again' }, { timeout: 5000 });
  },
};

/** A server error is a failure to try again too, not a broken link. */
export const ServerError: Story = { parameters: answering('error') };

/** Nothing attended or booked: the pathway's first module is suggested, with where to book it (`book-url`). */
export const NothingBookedYet: Story = {
  tags: ['screenshot'],
  args: { 'book-url': 'https://example.org/training?module={module}' },
  parameters: answering(nothingYet),
  play: async ({ canvasElement }) => {
    const p = await pathway(canvasElement);
    await p.findByText('Your pathway starts with Voter Persuasion.', {}, { timeout: 5000 });
    const book = p.getByRole('link', { name: 'Find a session of Voter Persuasion' }) as HTMLAnchorElement;
    await expect(book.href).toBe('https://example.org/training?module=voter-persuasion');
  },
};

/** Every step of the chosen pathway attended. */
export const EveryStepDone: Story = { parameters: answering(finished) };

/** The member chooses another pathway: the choice is saved and its steps shown. */
export const ChooseAnotherPathway: Story = {
  play: async ({ canvasElement }) => {
    const p = await pathway(canvasElement);
    const select = (await p.findByLabelText('Your pathway', {}, { timeout: 5000 })) as HTMLSelectElement;
    await userEvent.selectOptions(select, 'role-holders');
    await waitFor(() => expect(p.root.querySelector('ol.steps li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Building your CLP To take'));
  },
};

/** On a Gaelic page (`locale="gd"`): its words and plural forms, titles in Gaelic where translated. */
export const InGaelic: Story = {
  args: { locale: 'gd' },
  parameters: answering(partWayGaelic),
  play: async ({ canvasElement }) => {
    const p = await pathway(canvasElement);
    await p.findByRole('heading', { name: 'An t-slighe Mobilise agad' });
    await p.findByText('Chaidh thu gu 1 à 6 modalan air an t-slighe agad', {}, { timeout: 5000 });
  },
};

/** In Welsh (`locale="cy"`), nothing booked yet. */
export const InWelsh: Story = {
  args: { locale: 'cy' },
  parameters: answering(nothingYet),
  play: async ({ canvasElement }) => {
    const p = await pathway(canvasElement);
    await p.findByText('Rydych wedi mynychu 0 o’r 6 modiwl ar eich llwybr', {}, { timeout: 5000 });
  },
};

/** On a 320 px phone. */
export const Phone320: Story = { globals: { viewport: { value: 'phone320', isRotated: false } } };
