import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { endpointFor, handlers } from './support/mocks.js';

/** The three elements inside one provider, as a CLP page uses them: under the page's own h2s, so heading-level 3. */
const meta: Meta<{ accent: string; radius: string; font: string; 'heading-level': number }> = {
  title: 'Pages/Together and theming',
  component: 'mobilise-provider',
  args: { accent: '#e4003b', radius: '8px', font: 'system-ui, sans-serif', 'heading-level': 3 },
  argTypes: {
    accent: { control: 'color' },
    radius: { control: 'text' },
    font: { control: 'text' },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  parameters: { msw: { handlers: handlers() }, layout: 'padded' },
  render: (args, { id }) => html`<div
    style="--mobilise-accent: ${args.accent}; --mobilise-radius: ${args.radius}; --mobilise-font: ${args.font}"
  >
    <mobilise-provider endpoint=${endpointFor(id)} privacy-url="https://example.org/privacy" heading-level=${args['heading-level']}>
      <h2>Modules</h2>
      <mobilise-module-catalogue layout="list"></mobilise-module-catalogue>
      <h2>Sessions</h2>
      <mobilise-session-calendar></mobilise-session-calendar>
      <h2>Sign up</h2>
      <mobilise-signup-form></mobilise-signup-form>
    </mobilise-provider>
  </div>`,
};
export default meta;
type Story = StoryObj<typeof meta.args>;

export const LabourRed: Story = {};
/** Any brand colour that keeps 4.5:1 contrast with white text works. */
export const CustomTheme: Story = { args: { accent: '#1d4f91', radius: '0', font: 'Georgia, serif' } };
