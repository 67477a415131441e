import type { Joining } from '../../../src/contract/admin.js';
import { localised, type ContentLocale, type Session } from '../../../src/contract/index.js';
import { FAST } from '../../../src/contract/london-time.js';
import { remember } from '../../../src/contract/remember.js';
import type { Block } from './layout.js';
import { MAIL_STRINGS } from './strings.js';

/** A session as emails describe it, in the member's language; the title comes from its module. */
export interface MailSession {
  session: Session;
  /** The module's title in `lang` where translated, else English. */
  title: string;
  /** The language the member signed up in. */
  lang: ContentLocale;
}

const timeZone = 'Europe/London';
/**
 * Dates in the member's language through Intl (Node's full ICU has gd and cy): English keeps its
 * "Thursday, 3 December 2026 at 6:30 pm" (hourCycle h12: `hour12` alone gives en-GB's h11, "0:00 pm"
 * for noon); Gaelic and Welsh take their own order and the 24-hour clock.
 */
const formats = new Map(
  (['en-GB', 'gd', 'cy'] as const).map((lang) => {
    const hour12 = lang === 'en-GB' ? { hourCycle: 'h12' as const } : {};
    return [
      lang,
      {
        when: new Intl.DateTimeFormat(lang, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', ...hour12 }),
        until: new Intl.DateTimeFormat(lang, { timeZone, hour: 'numeric', minute: '2-digit', ...hour12 }),
      },
    ];
  }),
);

/**
 * Intl's formatting is the costliest part of an email, and the same sessions' times come again and
 * again (a popular session's in every signup's email): kept by language and minute, since no format
 * here shows seconds (from 1900, when London's offset is whole minutes).
 */
const formatted = new Map<string, string>();
function format(lang: ContentLocale, kind: 'when' | 'until', instant: string | Date): string {
  const date = new Date(instant);
  const t = date.getTime();
  const write = () => formats.get(lang)![kind].format(date);
  return t >= FAST[0] ? remember(formatted, `${lang} ${kind} ${Math.floor(t / 60_000)}`, write) : write();
}

/** "Thursday, 3 December 2026 at 6:30 pm to 8:30 pm (UK time)", or its Gaelic or Welsh. */
export function formatWhen(session: Pick<Session, 'start' | 'end'>, lang: ContentLocale = 'en-GB'): string {
  return MAIL_STRINGS[lang].when(format(lang, 'when', session.start), format(lang, 'until', session.end));
}

export const formatInstant = (iso: string | Date, lang: ContentLocale = 'en-GB') => MAIL_STRINGS[lang].instant(format(lang, 'when', iso));

/** `joinBelow`: the email carries the joining details, so "online" points to them rather than promising them. */
function where(session: Session, lang: ContentLocale, joinBelow: boolean): string {
  const t = MAIL_STRINGS[lang];
  const venue = session.venue ? `${session.venue.name}\n${session.venue.address}\n${session.venue.postcode}` : '';
  if (session.delivery === 'online') return joinBelow ? t.joining.online : t.online;
  if (session.delivery === 'hybrid') return `${venue}\n${joinBelow ? t.joining.orOnline : t.orOnline}`;
  return venue;
}

/** The session's access features in words, one a line, then its note (in `lang` where translated). */
function access(session: Session, lang: ContentLocale): string {
  const words = MAIL_STRINGS[lang].accessFeatures;
  return [...(session.accessFeatures ?? []).map((f) => words[f]), localised(session, 'accessibility', lang).text].filter(Boolean).join('\n');
}

/** What, when, where and access: the block every booking email carries. */
export function sessionDetails({ session, title, lang, joining }: MailSession & Joined): Block {
  const label = MAIL_STRINGS[lang].details;
  const accessText = access(session, lang);
  return {
    details: [
      [label.session, title],
      [label.when, formatWhen(session, lang)],
      [label.where, where(session, lang, joining !== undefined)],
      ...(session.trainer ? [[label.trainer, session.trainer] as [string, string]] : []),
      ...(accessText ? [[label.access, accessText] as [string, string]] : []),
    ],
  };
}

/** Only the emails to a confirmed member pass the session's joining details (store/joining.ts decides). */
export type Joined = { joining?: Joining | undefined };

/** How to join online, after the session's details: the link as an HTML link, the organisers' instructions as text. */
export function joiningBlocks({ joining, lang }: Joined & { lang: ContentLocale }): Block[] {
  if (!joining) return [];
  const t = MAIL_STRINGS[lang].joining;
  return [{ section: t.heading, ...(joining.url ? { url: joining.url } : {}), text: [joining.instructions, t.private].filter(Boolean).join('\n\n') }];
}
