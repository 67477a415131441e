/**
 * A site's own wording (issue 13): <mobilise-provider strings="…json"> replaces messages by key,
 * placeholders and plural forms included, in the languages the file names; a bad entry is
 * reported in the console and the widget's own wording stays.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import '../src/context/define.js';
import '../src/elements/session-calendar/define.js';
import '../src/elements/signup-form/define.js';
import { en } from '../src/strings/en.js';
import { fixtures, mockApis } from './helpers/mock-api.js';

const api = mockApis();
const root = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('site wording overrides', () => {
  it('replaces a heading and a counted message, reports unknown keys and bad placeholders, keeps the rest', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const file = {
      'en-GB': {
        'calendar.heading': 'Our training, near you',
        'calendar.spacesLeft': { one: 'One seat free', other: '{n} seats free' },
        'calendar.noSuchKey': 'x',
        'calendar.trainer': 'Led by {who}',
      },
      fr: { 'calendar.heading': 'Nos formations' },
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
    const session = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 3 && Date.parse(s.signupDeadline ?? s.start) > Date.now() + 3_600_000)!;
    const a = api({ sessions: [{ ...session, spacesLeft: 12, capacity: 12 }] });
    try {
      const wrap = await fixture(`<mobilise-provider endpoint="${a.endpoint}" strings="${url}"><mobilise-session-calendar></mobilise-session-calendar></mobilise-provider>`);
      const calendar = wrap.querySelector('mobilise-session-calendar')!;
      await waitUntil(() => text(root(calendar).querySelector('h2')) === 'Our training, near you', `heading: ${text(root(calendar).querySelector('h2'))}`, { timeout: 5000 });
      await waitUntil(() => text(root(calendar).querySelector('.session')).includes('12 seats free'), 'the counted override', { timeout: 5000 });
      expect(en.calendar.trainer('Ailsa')).to.equal('Trainer: Ailsa');
      expect(warnings.join('\n')).to.match(/calendar\.noSuchKey is not a message of the widgets/);
      expect(warnings.join('\n')).to.match(/calendar\.trainer has no \{who\} \(it has \{name\}\)/);
      expect(warnings.join('\n')).to.match(/"fr" is not one of the widgets' languages/);
    } finally {
      console.warn = warn;
      URL.revokeObjectURL(url);
    }
  });

  /** Mounts `markup` with a file of `wording` as the provider's strings; the console's warnings while it runs. */
  async function withFile<T>(wording: unknown, run: (url: string, warnings: string[]) => Promise<T>): Promise<T> {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const url = URL.createObjectURL(new Blob([JSON.stringify(wording)], { type: 'application/json' }));
    try {
      return await run(url, warnings);
    } finally {
      console.warn = warn;
      URL.revokeObjectURL(url);
    }
  }

  it('Welsh counted messages take every form the file gives, by the CLDR rules', async () => {
    const session = fixtures.sessions.find((s) => s.status === 'scheduled' && Date.parse(s.signupDeadline ?? s.start) > Date.now() + 3_600_000)!;
    // Three or fewer places left are "fewLeft", more "spacesLeft": the same forms for both.
    const forms = { zero: 'Dim seddi', one: 'Un sedd', two: 'Dwy sedd', few: '{n} sedd (ychydig)', many: '{n} sedd (llawer)', other: '{n} o seddi' };
    const wording = { cy: { 'calendar.spacesLeft': forms, 'calendar.fewLeft': forms } };
    const seen: Record<number, string> = {};
    await withFile(wording, async (url) => {
      for (const n of [2, 3, 6, 7]) {
        const a = api({ sessions: [{ ...session, spacesLeft: n, capacity: 20 }] });
        const wrap = await fixture(`<mobilise-provider endpoint="${a.endpoint}" locale="cy" strings="${url}"><mobilise-session-calendar></mobilise-session-calendar></mobilise-provider>`);
        const calendar = wrap.querySelector('mobilise-session-calendar')!;
        await waitUntil(() => /sedd/.test(text(root(calendar).querySelector('.session'))), `count ${n}: ${text(root(calendar).querySelector('.session'))}`, { timeout: 5000 });
        seen[n] = text(root(calendar).querySelector('.session'));
      }
    });
    expect(seen[2]).to.include('Dwy sedd');
    expect(seen[3]).to.include('3 sedd (ychydig)');
    expect(seen[6]).to.include('6 sedd (llawer)');
    expect(seen[7]).to.include('7 o seddi');
  });

  it('a field’s error in the site’s wording, though the contract writes it in English', async () => {
    const session = fixtures.sessions.find((s) => s.status === 'scheduled' && s.spacesLeft > 0 && Date.parse(s.signupDeadline ?? s.start) > Date.now() + 3_600_000)!;
    const mine = 'Please give us an email address we can write to';
    await withFile({ 'en-GB': { 'validation.email': mine } }, async (url) => {
      const a = api();
      const wrap = await fixture(`<mobilise-provider endpoint="${a.endpoint}" strings="${url}"><mobilise-signup-form session-id="${session.id}"></mobilise-signup-form></mobilise-provider>`);
      const form = wrap.querySelector('mobilise-signup-form')!;
      await waitUntil(() => root(form).querySelector('[name="email"]'), 'the form did not load', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 50));
      root(form).querySelector<HTMLButtonElement>('[part="submit"]')!.click();
      await waitUntil(() => text(root(form).querySelector('[part="error-summary"]')).includes(mine), `summary: ${text(root(form).querySelector('[part="error-summary"]'))}`, { timeout: 5000 });
      expect(en.validation.email).to.match(/correct format/);
    });
  });

  it('a file that cannot be read, or a malformed message, is reported and the widgets keep their words', async () => {
    const a = api();
    const warnings = await withFile({ 'en-GB': { 'calendar.heading': { one: 'no other form' }, 'calendar.spacesLeft': { one: 'x', other: 7 }, calendar: 'a section' } }, async (url, warnings) => {
      await fixture(`<mobilise-provider endpoint="${a.endpoint}" strings="${url}"><mobilise-session-calendar></mobilise-session-calendar></mobilise-provider>`);
      await fixture(`<mobilise-provider endpoint="${a.endpoint}" strings="/no-such-file.json"><mobilise-session-calendar></mobilise-session-calendar></mobilise-provider>`);
      await waitUntil(() => warnings.length >= 4, warnings.join('\n'), { timeout: 5000 });
      return warnings.join('\n');
    });
    expect(warnings).to.match(/calendar\.heading needs one text/);
    expect(warnings).to.match(/calendar\.spacesLeft needs a text, or its forms with "other"/);
    expect(warnings).to.match(/calendar is not a message of the widgets/);
    expect(warnings).to.match(/could not read .*no-such-file\.json \(HTTP 404\)/);
  });
});
