import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { moduleRequestPaths, REQUEST_LINK } from '../src/contract/module-request.js';
import '../src/elements/module-request/define.js';
import { requestWords } from '../src/elements/module-request/words.js';
import { modules } from './support/mocks.js';
import { inShadowOf, type Queries } from './support/play.js';
import { renderElement } from './support/render.js';

/**
 * "Ask for this module near me" (issue 14), the request page at /request on the training server that
 * the catalogue's and calendar's links open: every state of the element. Its own bundle
 * (dist/request/request.js), never in the embed. The API is mocked with msw; the embed's link is
 * played by the `module`, `area` and `from` args; the confirmation email's link by putting
 * `#mobilise-request=<token>` in the address before the element reads it. Its words are its own,
 * so these stories are tagged `one-language`: Gaelic and Welsh are stories here (`locale`).
 */
const t = requestWords('en-GB');
const TOKEN = 'stories-request-token-0123456789abcdefghijk';

type Ask = 'pending' | 'loading' | 'validation' | 'error' | 'offline';
type Confirm = 'open' | 'loading' | 'token-expired' | 'token-invalid' | 'error';

const problem = (status: number, code: string, extra: object = {}) =>
  HttpResponse.json({ type: `https://mobilise.invalid/problems/${code}`, title: code, status, code, ...extra }, { status, headers: { 'content-type': 'application/problem+json' } });

/** GET /v1/modules the programme (or `modulesFail`: 503); the request and the confirmation answer as asked. */
const handlers = ({ ask = 'pending', confirm = 'open', modulesFail = false }: { ask?: Ask; confirm?: Confirm; modulesFail?: boolean }) => [
  http.get('*/v1/modules', () => (modulesFail ? problem(503, 'server-error') : HttpResponse.json({ modules }))),
  http.post(`*${moduleRequestPaths.create}`, async ({ request }) => {
    const body = (await request.json()) as { moduleId: string; area: string };
    if (ask === 'loading') await delay('infinite');
    if (ask === 'offline') return HttpResponse.error();
    if (ask === 'error') return problem(500, 'server-error');
    if (ask === 'validation') return problem(422, 'validation', { errors: [{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }] });
    return HttpResponse.json({ status: 'pending', moduleId: body.moduleId, area: body.area.trim() }, { status: 202 });
  }),
  http.post(`*${moduleRequestPaths.confirm}`, async () => {
    if (confirm === 'loading') await delay('infinite');
    if (confirm === 'token-expired') return problem(410, 'token-expired');
    if (confirm === 'token-invalid') return problem(404, 'token-invalid');
    if (confirm === 'error') return problem(500, 'server-error');
    return HttpResponse.json({ status: 'open', moduleId: 'field-organising-1', area: 'Paisley' });
  }),
];
const answering = (answers: Parameters<typeof handlers>[0]) => ({ msw: { handlers: handlers(answers) } });

/** Opened from the confirmation email: the token in the address, where the element takes it from. */
const fromEmail = () => {
  const before = location.href;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${REQUEST_LINK}=${TOKEN}`);
  return () => history.replaceState(history.state, '', before);
};

const meta: Meta = {
  title: 'Elements/Ask for a module near me',
  component: 'mobilise-module-request',
  tags: ['one-language'],
  render: renderElement('mobilise-module-request'),
  // As the catalogue's link opens it: a module with no session near the member, their area, their CLP's page.
  args: { module: 'field-organising-1', area: 'Paisley', from: 'https://example.org/training' },
  parameters: answering({}),
};
export default meta;
type Story = StoryObj;

const request = (canvasElement: HTMLElement) => inShadowOf(canvasElement, 'mobilise-module-request');

/** Fills in the email and ticks the consent, then sends. */
async function ask(q: Queries, email = 'ewan@example.org') {
  await userEvent.type(await q.findByLabelText(t.email, {}, { timeout: 5000 }), email);
  await userEvent.click(q.getByLabelText(t.consent));
  await userEvent.click(q.getByRole('button', { name: t.submit }));
}

/** The form as the link opens it: the module chosen, the area filled in, consent not ticked. */
export const Form: Story = {
  tags: ['screenshot'],
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    const select = (await q.findByLabelText(t.module, {}, { timeout: 5000 })) as HTMLSelectElement;
    await expect(select.value).toBe('field-organising-1');
    await expect((q.getByLabelText(t.area) as HTMLInputElement).value).toBe('Paisley');
    await expect((q.getByLabelText(t.consent) as HTMLInputElement).checked).toBe(false);
  },
};

/** With the server's privacy notice (PRIVACY_URL) linked under the consent. */
export const WithPrivacyNotice: Story = {
  args: { 'privacy-url': 'https://example.org/privacy' },
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('link', { name: `${t.privacy} ${t.newTab}` }, { timeout: 5000 });
  },
};

/** Sent with nothing answered: the error summary takes focus, each question says what to do. Nothing was sent. */
export const FieldErrors: Story = {
  args: { module: '', area: '' },
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await userEvent.click(await q.findByRole('button', { name: t.submit }, { timeout: 5000 }));
    await q.findByRole('heading', { name: t.errorSummary });
    await waitFor(() => expect(q.root.activeElement?.className).toContain('error-summary'));
    await expect(q.getAllByRole('link').map((l) => l.textContent)).toEqual([t.errors.moduleId, t.errors.area, t.errors.email, t.errors.consent]);
  },
};

/** Waiting for the server: the button says so, and a second press sends nothing. */
export const Sending: Story = {
  parameters: answering({ ask: 'loading' }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await ask(q);
    await q.findByRole('button', { name: t.sending });
  },
};

/** Sent: check your email to confirm (the request counts only then). */
export const Sent: Story = {
  tags: ['screenshot'],
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await ask(q);
    await q.findByRole('heading', { name: t.sent.heading }, { timeout: 5000 });
    await q.findByRole('link', { name: t.sent.back });
  },
};

/** The server refused the address: its field error in the page's words, everything typed still there. */
export const ServerFieldError: Story = {
  parameters: answering({ ask: 'validation' }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await ask(q, 'ewan@example');
    await q.findByRole('link', { name: t.errors.email }, { timeout: 5000 });
    await expect((q.getByLabelText(t.email) as HTMLInputElement).value).toBe('ewan@example');
  },
};

/** The server failed: say so by the button, lose nothing. */
export const ServerProblem: Story = {
  parameters: answering({ ask: 'error' }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await ask(q);
    await q.findByText(t.failed, {}, { timeout: 5000 });
  },
};

/** No connection: the same, with what to check. */
export const Offline: Story = {
  parameters: answering({ ask: 'offline' }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await ask(q);
    await q.findByText(t.offline, {}, { timeout: 5000 });
  },
};

/** The modules could not be loaded: Try again. */
export const ModulesFailed: Story = {
  parameters: answering({ modulesFail: true }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('button', { name: t.modulesFailed.retry }, { timeout: 5000 });
  },
};

/** Opened from the confirmation email, waiting for the server. */
export const Confirming: Story = { beforeEach: fromEmail, parameters: answering({ confirm: 'loading' }) };

/** Opened from the confirmation email: the request now counts. */
export const Confirmed: Story = {
  tags: ['screenshot'],
  beforeEach: fromEmail,
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('heading', { name: t.confirmed.heading }, { timeout: 5000 });
    await expect(location.hash).toBe('');
  },
};

/** The link lapsed: a week unconfirmed. */
export const LinkExpired: Story = {
  beforeEach: fromEmail,
  parameters: answering({ confirm: 'token-expired' }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('heading', { name: t.expired.heading }, { timeout: 5000 });
  },
};

/** An unknown or older link. */
export const LinkDoesNotWork: Story = {
  beforeEach: fromEmail,
  parameters: answering({ confirm: 'token-invalid' }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('heading', { name: t.invalid.heading }, { timeout: 5000 });
  },
};

/** The confirmation failed on the server's side: Try again. */
export const ConfirmFailed: Story = {
  beforeEach: fromEmail,
  parameters: answering({ confirm: 'error' }),
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('button', { name: t.confirmFailed.retry }, { timeout: 5000 });
  },
};

/** On a Gaelic page (`?lang=gd` sets it; here `locale="gd"`). */
export const InGaelic: Story = {
  args: { locale: 'gd' },
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('heading', { name: requestWords('gd').heading });
    await q.findByLabelText(requestWords('gd').email, {}, { timeout: 5000 });
  },
};

/** In Welsh, confirmed from the email. */
export const InWelsh: Story = {
  args: { locale: 'cy' },
  beforeEach: fromEmail,
  play: async ({ canvasElement }) => {
    const q = await request(canvasElement);
    await q.findByRole('heading', { name: requestWords('cy').confirmed.heading }, { timeout: 5000 });
  },
};

/** On a 320 px phone. */
export const Phone320: Story = { globals: { viewport: { value: 'phone320', isRotated: false } } };
