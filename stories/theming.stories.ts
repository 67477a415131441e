import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { endpointFor, handlers, sessions } from './support/mocks.js';

/**
 * Every public theme token (src/elements/shared/base.styles.ts documents them) as a live control,
 * set on a wrapper around a provider with all three elements, as a host page's CSS would set them.
 * A token left empty is not set, so its default applies: the colours that follow the accent
 * (accent text, hover, text on the accent) are derived from it until they are set themselves.
 */
type Control = 'color' | 'text' | { type: 'range'; min: number; max: number; step: number };
const TOKENS: Record<string, [control: Control, group: string, description: string]> = {
  '--mobilise-accent': ['color', 'Accent', 'Brand colour: buttons, the selected card, badges. The next three follow it.'],
  '--mobilise-accent-text': ['color', 'Accent', 'Links, secondary buttons, badges, "Details": the accent at 4.5:1 or more on the surface.'],
  '--mobilise-accent-contrast': ['color', 'Accent', 'Text on the accent: white or near-black by its lightness.'],
  '--mobilise-accent-hover': ['color', 'Accent', 'Buttons under the pointer: the accent 20% darker.'],
  '--mobilise-text': ['color', 'Colours', 'Body text.'],
  '--mobilise-muted': ['color', 'Colours', 'Secondary text.'],
  '--mobilise-surface': ['color', 'Colours', 'Cards, panels, inputs; the text on the confirmation panel.'],
  '--mobilise-surface-alt': ['color', 'Colours', 'Toolbars, summaries, states and skeletons.'],
  '--mobilise-border': ['color', 'Colours', 'Borders of controls and panels (3:1 or more).'],
  '--mobilise-focus': ['color', 'Colours', 'Focus ring.'],
  '--mobilise-success': ['color', 'Status', 'Spaces left; the confirmation panel.'],
  '--mobilise-warning': ['color', 'Status', 'Few spaces left, waiting list.'],
  '--mobilise-danger': ['color', 'Status', 'Errors, full and cancelled: set apart from the brand red.'],
  '--mobilise-font': ['text', 'Type and scale', 'Font family.'],
  '--mobilise-font-size': ['text', 'Type and scale', 'Base size, e.g. 18px (default medium: the reader’s setting).'],
  '--mobilise-type-ratio': [{ type: 'range', min: 1.05, max: 1.5, step: 0.025 }, 'Type and scale', 'Heading steps: the base size times it once, twice, three times.'],
  '--mobilise-space': ['text', 'Type and scale', 'The spacing unit, e.g. 0.75em (default 1em): smaller is denser.'],
  '--mobilise-radius': ['text', 'Type and scale', 'Corner radius of buttons, controls, cards and panels, e.g. 0 or 12px.'],
  '--mobilise-shadow': ['text', 'Type and scale', 'Elevation of the signup dialog, e.g. 0 2px 8px rgb(0 0 0 / .3).'],
  '--mobilise-catalogue-min-card': ['text', 'Type and scale', 'Narrowest catalogue card before the grid drops a column (default 18em).'],
};

type Args = Record<string, string | number | undefined> & { 'color-scheme': 'light' | 'dark' };

/** A session that takes signups, so the form shows its fields (and the summary's icons). */
const open = sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > Date.now() + 3_600_000);

const meta: Meta<Args> = {
  title: 'Pages/Theming',
  args: { 'color-scheme': 'light', '--mobilise-accent': '#e4003b' },
  argTypes: {
    'color-scheme': {
      control: 'inline-radio',
      options: ['light', 'dark'],
      description: 'The host page’s color-scheme: dark defaults apply only where a page opts in.',
      table: { category: 'Page' },
    },
    ...Object.fromEntries(Object.entries(TOKENS).map(([name, [control, category, description]]) => [name, { control, description, table: { category } }])),
  },
  parameters: { msw: { handlers: handlers() }, layout: 'fullscreen' },
  render: ({ 'color-scheme': scheme, ...tokens }, { id, globals }) => html`<div
    style=${styleMap({ ...tokens, 'color-scheme': scheme, background: 'Canvas', color: 'CanvasText', padding: '1rem' })}
  >
    <mobilise-provider endpoint=${endpointFor(id)} locale=${globals.locale} privacy-url="https://example.org/privacy" heading-level="3">
      <h2>Modules</h2>
      <mobilise-module-catalogue></mobilise-module-catalogue>
      <h2>Sessions</h2>
      <mobilise-session-calendar></mobilise-session-calendar>
      <h2>Sign up</h2>
      <mobilise-signup-form session-id=${open?.id ?? ''}></mobilise-signup-form>
    </mobilise-provider>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The defaults: Labour red, and what follows from it. */
export const Defaults: Story = {};
/** One token, a blue accent: links, badges, "Details", secondary buttons and hover follow it. */
export const BlueAccent: Story = { args: { '--mobilise-accent': '#1d4ed8' } };
/** Denser and flatter: a smaller spacing unit and type ratio, square corners. */
export const Dense: Story = { args: { '--mobilise-space': '0.75em', '--mobilise-type-ratio': 1.125, '--mobilise-radius': '0' } };
/** A page that opts into dark: the elements' dark defaults, the accent text lightened to keep 4.5:1. */
export const Dark: Story = { args: { 'color-scheme': 'dark' } };
