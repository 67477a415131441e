import { compose, type Email } from './layout.js';

/** The one-time sign-in link an organiser asked for. */
export function organiserSignIn(m: { name: string; link: string; minutes: number; controller: string }): Email {
  return compose(
    'Your sign-in link for Mobilise',
    'Sign in to Mobilise',
    [
      `Hello ${m.name},`,
      `Use this link to sign in. It works once, in the next ${m.minutes} minutes.`,
      { link: m.link, label: 'Sign in' },
      'If you did not ask to sign in, ignore this email: nobody can use the link without opening it from your inbox.',
    ],
    { controller: m.controller, reason: `${m.controller} sent you this email because someone asked to sign in to Mobilise with this address.` },
  );
}
