import type { Joining } from '../../../src/contract/admin.js';
import { localised, type ContentLocale, type Session } from '../../../src/contract/index.js';
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

/** "Thursday, 3 December 2026 at 6:30 pm to 8:30 pm (UK time)", or its Gaelic or Welsh. */
export function formatWhen(session: Pick<Session, 'start' | 'end'>, lang: ContentLocale = 'en-GB'): string {
  const f = formats.get(lang)!;
  return MAIL_STRINGS[lang].when(f.when.format(new Date(session.start)), f.until.format(new Date(session.end)));
}

export const formatInstant = (iso: string | Date, lang: ContentLocale = 'en-GB') =>
  MAIL_STRINGS[lang].instant(formats.get(lang)!.when.format(new Date(iso)));

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
