import type { ContentLocale, Session } from '../../../src/contract/index.js';
import { formatInstant, sessionDetails } from './details.js';
import { compose, type Email } from './layout.js';
import { MAIL_STRINGS } from './strings.js';

/** The emails of "ask for this module near me", in the language of the page the request came from. */
export interface RequestMail {
  lang: ContentLocale;
  /** The module's title in `lang` where translated. */
  title: string;
  area: string;
  controller: string;
  privacyUrl?: string | undefined;
}

function words(m: RequestMail) {
  const t = MAIL_STRINGS[m.lang].moduleRequest;
  // Why this address got it: a request, not a signup.
  const footer = { controller: m.controller, reason: t.footer(m.controller), ...(m.privacyUrl ? { privacyUrl: m.privacyUrl } : {}) };
  return { t, compose: (subject: string, heading: string, blocks: Parameters<typeof compose>[2]) => compose(subject, heading, blocks, footer, m.lang) };
}

export function confirmRequest(m: RequestMail & { link: string; expiresAt: Date }): Email {
  const { t, compose } = words(m);
  return compose(t.confirm.subject(m.title), t.confirm.heading, [
    t.hello,
    t.confirm.body(m.title, m.area),
    { link: m.link, label: t.confirm.button },
    t.confirm.until(formatInstant(m.expiresAt, m.lang)),
    t.confirm.notYou,
  ]);
}

/** A session of the module was published in the request's area. */
export function requestedSession(m: RequestMail & { session: Session; link: string }): Email {
  const { t, compose } = words(m);
  return compose(t.session.subject(m.title), t.session.heading, [
    t.hello,
    t.session.body(m.area),
    sessionDetails({ session: m.session, title: m.title, lang: m.lang }),
    { link: m.link, label: t.session.button },
    t.session.once,
  ]);
}
