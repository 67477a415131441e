/**
 * Helpers for play functions, on Storybook's own testing utilities (`storybook/test`), so each
 * play function reads as a script of what a member does and what they then see. The elements
 * render in shadow DOM: queries run `within` an element's shadow root.
 */
import { configure, userEvent, waitFor, within, type Mock, type queries } from 'storybook/test';
import { cy } from '../../src/strings/cy.js';
import { en, type Strings } from '../../src/strings/en.js';
import { gd } from '../../src/strings/gd.js';

// A query that finds nothing prints its container, and testing-library cannot print a shadow root: it
// threw that TypeError instead, out of reach of the play function, which then never ended. The message alone.
configure({ getElementError: (message) => Object.assign(new Error(message ?? ''), { name: 'TestingLibraryElementError' }) });

/** testing-library's queries bound to one shadow root, and the root (for what has focus in it). */
export type Queries = ReturnType<typeof within<typeof queries>> & { root: ShadowRoot };

/** Queries inside the shadow root of the `tag` element in `container` (a canvas, or another element's shadow root). */
export async function inShadowOf(container: Element | ShadowRoot, tag: string): Promise<Queries> {
  const root = await waitFor(() => {
    const r = container.querySelector(tag)?.shadowRoot;
    if (!r) throw new Error(`<${tag}> has not rendered`);
    return r;
  });
  // A shadow root answers every query testing-library makes of its container.
  return Object.assign(within(root as unknown as HTMLElement), { root });
}

/** Text of what has focus inside the element (document.activeElement is only the host). Text, not a node, so a failure prints readably. */
export const focusedText = (q: Queries) => q.root.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '(nothing focused)';

/** The `detail` of each event an `on…` spy received. */
export const detailsOf = (spy: unknown) => (spy as Mock).mock.calls.map(([e]) => (e as CustomEvent).detail as unknown);

export const member = {
  firstName: 'Morag',
  lastName: 'MacLeod',
  email: 'morag@example.org',
  postcode: 'G12 8QQ',
};

/**
 * The strings a story shows in `locale` (the toolbar's, `globals.locale`), so a play function finds
 * "Cuir a-steach d’ ainm" in Gaelic as it finds "First name" in English. Statically imported here:
 * the elements themselves load gd and cy as chunks.
 */
export const stringsIn = (locale = 'en-GB'): Strings => ({ gd, cy })[locale.slice(0, 2) as 'gd' | 'cy'] ?? en;

/** Types the member's details, chooses "member" and ticks the contact consent, as a person does. */
export async function fillForm(form: Queries, { signup: t }: Strings = en) {
  await userEvent.type(await form.findByLabelText(t.firstName, {}, { timeout: 5000 }), member.firstName);
  await userEvent.type(form.getByLabelText(t.lastName), member.lastName);
  await userEvent.type(form.getByLabelText(t.email), member.email);
  await userEvent.type(form.getByLabelText(t.postcode), member.postcode);
  await userEvent.click(form.getByRole('radio', { name: t.member }));
  await userEvent.click(form.getByRole('checkbox', { name: t.consentContact }));
}

/** Presses the form's submit button (its name says what it does: "Sign up" or "Join the waiting list"). */
export async function submitForm(form: Queries, name: string = en.signup.submit) {
  await userEvent.click(form.getByRole('button', { name }));
}

/**
 * A story's `beforeEach` for the page address: sets `hash` (an emailed link's fragment), and
 * afterwards removes whatever hash the story left (choosing a session writes `#session=…`),
 * so the next story in the same frame does not open a session or a booking. Story view only:
 * a Docs page renders every story at once, and one link's hash would turn every form on it
 * into that booking (stories that need a hash are left off Docs pages: tag `!autodocs`).
 */
export const withHash =
  (hash?: string) =>
  ({ viewMode }: { viewMode: string }) => {
    if (viewMode !== 'story') return undefined;
    if (hash) history.replaceState(history.state, '', hash);
    return () => history.replaceState(history.state, '', location.pathname + location.search);
  };
