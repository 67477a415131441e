import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { endpointFor, handlers, sessionsInStates } from './support/mocks.js';
import { focusedText, inShadowOf, stringsIn, submitForm } from './support/play.js';

/**
 * Each element in Gàidhlig and in Cymraeg, whatever the toolbar says: Gaelic as a Gaelic CLP's page
 * declares it (`lang="gd"` on an ancestor, here a wrapper standing in for `<html lang="gd">`), Welsh
 * on the provider (`locale="cy"`), the two ways a page chooses a language. Tagged `one-language`, so
 * `npm run test:stories` runs them once rather than once per toolbar language, and `lang-gd` or
 * `lang-cy`: the language it checks they show.
 */
const meta: Meta = {
  title: 'Pages/Languages',
  // No Docs page: these stories have no controls or API of their own (the elements' pages do).
  tags: ['one-language', '!autodocs'],
  parameters: { msw: { handlers: handlers({ sessions: sessionsInStates() }) }, layout: 'padded', controls: { disable: true } },
};
export default meta;
type Story = StoryObj;
type Lang = 'gd' | 'cy';

/** `content` inside a provider in `lang`, declared the way that language's stories declare it (see the file comment). */
const inLanguage = (lang: Lang, { id }: StoryContext, content: TemplateResult) =>
  lang === 'gd'
    ? html`<div lang="gd"><mobilise-provider endpoint=${endpointFor(id)} privacy-url="https://example.org/privacy">${content}</mobilise-provider></div>`
    : html`<mobilise-provider endpoint=${endpointFor(id)} locale="cy" privacy-url="https://example.org/privacy">${content}</mobilise-provider>`;

const open = sessionsInStates()[0]!;

const story = (lang: Lang, content: TemplateResult): Story => ({ render: (_, c) => inLanguage(lang, c, content) });
const catalogue = (lang: Lang) => story(lang, html`<mobilise-module-catalogue></mobilise-module-catalogue>`);
/** Sessions in every state, so every badge's wording shows. */
const calendar = (lang: Lang) => story(lang, html`<mobilise-session-calendar></mobilise-session-calendar>`);
const form = (lang: Lang) => story(lang, html`<mobilise-signup-form session-id=${open.id}></mobilise-signup-form>`);

/** Sent empty: the error summary, the form's longest messages, takes focus and names every missing answer in the language. */
const errorSummary = (lang: Lang): Story => ({
  ...form(lang),
  play: async ({ canvasElement, step }) => {
    const { signup: t, validation } = stringsIn(lang);
    const f = await inShadowOf(canvasElement, 'mobilise-signup-form');
    await step(`Press "${t.submit}" with nothing filled in`, async () => {
      await f.findByLabelText(t.firstName, {}, { timeout: 5000 });
      await submitForm(f, t.submit);
    });
    await step(`"${t.errorSummary}" has focus and names each missing answer`, async () => {
      await waitFor(() => expect(focusedText(f)).toContain(t.errorSummary));
      for (const message of [validation.firstName, validation.lastName, validation.email, validation.postcode, validation.membership, validation.consentContact])
        await expect(focusedText(f)).toContain(message);
    });
  },
});

// Tags written out: Storybook reads them from the source, without running it.
export const CatalogueGaelic: Story = { ...catalogue('gd'), tags: ['lang-gd'] };
export const CatalogueWelsh: Story = { ...catalogue('cy'), tags: ['lang-cy'] };
export const CalendarGaelic: Story = { ...calendar('gd'), tags: ['lang-gd'] };
export const CalendarWelsh: Story = { ...calendar('cy'), tags: ['lang-cy'] };
export const SignupFormGaelic: Story = { ...form('gd'), tags: ['lang-gd'] };
export const SignupFormWelsh: Story = { ...form('cy'), tags: ['lang-cy'] };
export const ErrorSummaryGaelic: Story = { ...errorSummary('gd'), tags: ['lang-gd'] };
export const ErrorSummaryWelsh: Story = { ...errorSummary('cy'), tags: ['lang-cy'] };

/** The form in English, Gaelic and Welsh side by side, each 320 px wide (a phone's): how much longer each language runs. */
export const FormsSideBySide: Story = {
  render: (_, c) => html`<div style="display: flex; flex-wrap: wrap; gap: 1rem; align-items: start">
    ${(['en-GB', 'gd', 'cy'] as const).map(
      (locale) => html`<mobilise-provider endpoint=${endpointFor(c.id)} locale=${locale} privacy-url="https://example.org/privacy" style="width: 320px">
        <mobilise-signup-form session-id=${open.id}></mobilise-signup-form>
      </mobilise-provider>`,
    )}
  </div>`,
};
