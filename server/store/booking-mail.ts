import { localised, sessionToIcs, translatedLocale, type ContentLocale } from '../../src/contract/index.js';
import type { Queryable } from '../db/types.js';
import { enqueue, type MailKind } from '../mail/outbox.js';
import type { MailSettings } from '../mail/settings.js';
import type { BookingMail } from '../mail/templates/booking.js';
import type { Email } from '../mail/templates/layout.js';
import type { BookingRow, LoadedSession } from './booking-rows.js';
import { PATHWAY_SLOT, withPathwayLink } from './pathway.js';
import { bookingLink, issueToken, type TokenPurpose } from './tokens.js';

/** What every state change that emails needs: the clock and the mail settings. */
export interface MailContext {
  now: Date;
  mail: MailSettings;
}

/**
 * The module's text in `lang` where translated, else in English, field by field: a checklist without
 * a Welsh version stays English (the checklist is one field, translated as a whole).
 */
function moduleIn(loaded: LoadedSession, lang: ContentLocale) {
  const module = { title: loaded.title, summary: loaded.summary, ...loaded.prepare, translations: loaded.moduleTranslations };
  const afterSession = localised(module, 'afterSession', lang).text;
  return {
    title: localised(module, 'title', lang).text,
    summary: localised(module, 'summary', lang).text,
    prepare: {
      beforeYouCome: localised(module, 'beforeYouCome', lang).text,
      ...(afterSession ? { afterSession } : {}),
    },
  };
}

/** What every email about this booking shows, in the language the member signed up in (English where a text is not translated). */
export function mailBase(booking: Pick<BookingRow, 'privacy_url' | 'locale' | 'first_name'>, loaded: LoadedSession, mail: MailSettings): BookingMail {
  const privacyUrl = mail.privacyUrl ?? booking.privacy_url ?? undefined;
  const lang = booking.locale;
  const { title, prepare } = moduleIn(loaded, lang);
  return {
    session: loaded.session,
    title,
    prepare,
    lang,
    firstName: booking.first_name,
    // The pathway link is made when the email is written (mailTo): only its hash is kept, so each email gets its own.
    footer: { controller: mail.controller, ...(privacyUrl ? { privacyUrl } : {}), ...(mail.pathwayUrl ? { pathway: PATHWAY_SLOT } : {}) },
  };
}

/**
 * A fresh token of this purpose and the link that carries it in its fragment: the booking page
 * (`mail.bookingUrl`, `?lang=` for a Gaelic or Welsh member, as the pathway link has), so the link
 * works whatever becomes of the CLP page. The page the member signed up on stays in the consent
 * record; it is the link only where the settings name no booking page (its embed forwards there).
 */
export async function newLink(tx: Queryable, ctx: MailContext, booking: BookingRow, purpose: TokenPurpose) {
  const token = await issueToken(tx, booking.id, purpose, ctx.now);
  return { token, link: linkWith(ctx, booking, purpose, token) };
}

/** The link for a token issued elsewhere (signup-hold.ts stores its hash in the signup's one statement). */
export function linkWith(ctx: MailContext, booking: Pick<BookingRow, 'locale' | 'return_url'>, purpose: TokenPurpose, token: string): string {
  const lang = translatedLocale(booking.locale);
  const page = ctx.mail.bookingUrl ? `${ctx.mail.bookingUrl}${lang ? `?lang=${lang}` : ''}` : booking.return_url;
  return bookingLink(page, purpose, token);
}

export interface Outgoing {
  kind: MailKind;
  email: Email;
  withIcs?: boolean;
  dueAt?: Date;
}

/** The session as a calendar file, its title, summary and access note in `lang` where translated (its labels stay English). */
function calendarFile(loaded: LoadedSession, lang: ContentLocale, now: Date): string {
  const accessibility = localised(loaded.session, 'accessibility', lang).text;
  return sessionToIcs({ ...loaded.session, ...(accessibility ? { accessibility } : {}) }, moduleIn(loaded, lang), { now });
}

/** Writes one email about this booking to the outbox, in the caller's transaction. */
export async function mailTo(tx: Queryable, ctx: MailContext, booking: BookingRow, loaded: LoadedSession, out: Outgoing) {
  await enqueue(
    tx,
    {
      kind: out.kind,
      signupId: booking.id,
      to: booking.email,
      email: await withPathwayLink(tx, out.email, booking, ctx.mail.pathwayUrl, ctx.now),
      // The calendar file names the training as the email does: in the member's language where translated.
      ...(out.withIcs ? { ics: calendarFile(loaded, booking.locale, ctx.now) } : {}),
      ...(out.dueAt ? { dueAt: out.dueAt } : {}),
    },
    ctx.now,
  );
}
