import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { endpointFor, handlers, longText } from './support/mocks.js';

interface Args {
  layout?: 'cards' | 'list';
  strand?: string;
  audience?: string;
  search?: string;
  'heading-level'?: number;
}

const meta: Meta<Args> = {
  title: 'Elements/Module catalogue',
  component: 'mobilise-module-catalogue',
  args: { layout: 'cards' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['cards', 'list'] },
    strand: { control: 'select', options: ['', 'field', 'digital', 'message', 'data', 'community', 'unions', 'clp'] },
    audience: { control: 'select', options: ['', 'new-activists', 'activists', 'candidates', 'role-holders'] },
    search: { control: 'text' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (args, { id }) => html`<mobilise-module-catalogue
    endpoint=${endpointFor(id)}
    layout=${ifDefined(args.layout)}
    strand=${ifDefined(args.strand || undefined)}
    audience=${ifDefined(args.audience || undefined)}
    search=${ifDefined(args.search || undefined)}
    heading-level=${ifDefined(args['heading-level'])}
  ></mobilise-module-catalogue>`,
  parameters: { msw: { handlers: handlers() } },
};
export default meta;
type Story = StoryObj<Args>;

export const Cards: Story = {};
export const List: Story = { args: { layout: 'list' } };
export const FilteredByStrand: Story = { args: { strand: 'message' } };
export const NoMatch: Story = { args: { search: 'underwater basket weaving' } };
export const Loading: Story = { parameters: { msw: { handlers: handlers({ mode: 'loading' }) } } };
export const Empty: Story = { parameters: { msw: { handlers: handlers({ modules: [], sessions: [] }) } } };
export const ServerError: Story = { parameters: { msw: { handlers: handlers({ mode: 'error' }) } } };
export const MalformedResponse: Story = { parameters: { msw: { handlers: handlers({ mode: 'malformed' }) } } };
export const LongText: Story = { parameters: { msw: { handlers: handlers(longText()) } } };
export const Phone320: Story = {
  parameters: { viewport: { defaultViewport: 'narrow' } },
  globals: { viewport: { value: 'narrow' } },
};
export const MissingEndpoint: Story = {
  render: () => html`<mobilise-module-catalogue></mobilise-module-catalogue>`,
};
