import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { category, headingLevel } from './support/api.js';
import { endpointFor, handlers } from './support/mocks.js';
import { locales } from './support/locales.js';
import { applyArgs } from './support/render.js';

/** A token set on the provider: every element inside inherits it, as from a page's own CSS. */
const token = (control: 'color' | 'text', description: string) => ({ control, description, table: { category: category.tokens } });

/**
 * The three elements inside one provider, as a CLP page uses them: under the page's own h2s, so
 * heading-level 3. The provider's attributes and the main theme tokens are the controls; the
 * toolbar's locale is the provider's `locale` unless its control is set.
 */
const meta: Meta = {
  title: 'Pages/Together and theming',
  component: 'mobilise-provider',
  args: {
    'heading-level': 3,
    'privacy-url': 'https://example.org/privacy',
    '--mobilise-accent': '#e4003b',
    '--mobilise-radius': '8px',
    '--mobilise-font': 'system-ui, sans-serif',
  },
  argTypes: {
    'heading-level': headingLevel,
    locale: { control: 'select', options: ['', ...locales.map((l) => l.value)], description: 'Unset: the toolbar\'s locale.' },
    '--mobilise-accent': token('color', 'Brand colour; links, hover and text on it follow.'),
    '--mobilise-radius': token('text', 'Corner radius of buttons, controls, cards and panels.'),
    '--mobilise-font': token('text', 'Font family.'),
    '--mobilise-space': token('text', 'Spacing unit (default 1em); smaller is denser.'),
    '--mobilise-font-size': token('text', 'Base text size (default medium).'),
  },
  parameters: { msw: { handlers: handlers() }, layout: 'padded' },
  render: (args, { id, argTypes, globals }) => html`<mobilise-provider
    ${applyArgs({ ...args, endpoint: args.endpoint || endpointFor(id), locale: args.locale || globals.locale }, argTypes)}
  >
    <h2>Modules</h2>
    <mobilise-module-catalogue layout="list"></mobilise-module-catalogue>
    <h2>Sessions</h2>
    <mobilise-session-calendar></mobilise-session-calendar>
    <h2>Sign up</h2>
    <mobilise-signup-form></mobilise-signup-form>
  </mobilise-provider>`,
};
export default meta;
type Story = StoryObj;

export const LabourRed: Story = { tags: ['screenshot'] };
/** Any brand colour that keeps 4.5:1 contrast with white text works. */
export const CustomTheme: Story = { args: { '--mobilise-accent': '#1d4f91', '--mobilise-radius': '0', '--mobilise-font': 'Georgia, serif' } };
