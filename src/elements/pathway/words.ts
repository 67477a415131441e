import type { Audience } from '../../contract/enums.js';
import type { StepState } from '../../contract/pathway-api.js';
import { localeFormat } from '../../strings/plural.js';

/**
 * The pathway page's words in English, Scottish Gaelic and Welsh. Its own file, not
 * src/strings/messages: those feed the embed, and the pathway is its own bundle. Counted
 * sentences pick their form by Intl.PluralRules (Gaelic has four forms, Welsh six).
 * The Gaelic and Welsh await review by native speakers, like the rest.
 */
export const PATHWAY_LOCALES = ['en-GB', 'gd', 'cy'] as const;
export type PathwayLocale = (typeof PATHWAY_LOCALES)[number];

type Plural = (n: number, forms: Parameters<ReturnType<typeof localeFormat>['p']>[1]) => string;

function english(p: Plural) {
  return {
    heading: 'Your Mobilise pathway',
    loading: 'Loading your pathway…',
    noLink: {
      heading: 'Open your pathway from an email',
      body: 'Your pathway is private: it opens from the “Your Mobilise pathway” link at the end of any email we sent about a training session you booked. Open that link again.',
    },
    invalid: {
      heading: 'This link does not work',
      body: 'It may be incomplete, or the details behind it may have been erased. Use the “Your Mobilise pathway” link in your newest email about a training session: every one has it.',
    },
    failed: { heading: 'We could not load your pathway', body: 'Check your connection, then try again.', retry: 'Try again' },
    saveFailed: 'We could not save your choice. Check your connection, then choose again.',
    progress: (done: number, total: number) => `${done} of ${total} ${p(total, { one: 'module', other: 'modules' })} on your pathway attended`,
    programme: (done: number, total: number) => `Across the whole programme you have attended ${done} of its ${total} ${p(total, { one: 'module', other: 'modules' })}.`,
    audience: { label: 'Your pathway', hint: 'Choose the one that fits you. Until you do, we suggest one from what you have taken.' },
    audiences: { 'new-activists': 'New activist', activists: 'Activist', candidates: 'Candidate', 'role-holders': 'Role-holder' } satisfies Record<Audience, string>,
    next: {
      heading: 'Take next',
      booked: (when: string) => `You are booked on it: ${when}.`,
      book: (title: string) => `Find a session of ${title}`,
      ask:
        'Ask your local party when the next session is, or look on its training page.',
      done: 'You have taken every module on this pathway. Well done!',
    },
    empty: { heading: 'Nothing booked yet', body: (title: string) => `Your pathway starts with ${title}.` },
    steps: 'Step by step',
    states: { attended: 'Attended', booked: 'Booked', 'to-take': 'To take' } satisfies Record<StepState, string>,
    booked: 'Booked',
    bookingStatus: { confirmed: 'Confirmed', pending: 'Waiting for you to confirm: see your email', waitlisted: 'On the waiting list' },
    online: 'Online',
    attended: 'Attended',
    attendedOn: (day: string) => `Session on ${day}`,
  };
}
export type PathwayWords = ReturnType<typeof english>;

function gaelic(p: Plural): PathwayWords {
  const modules = (n: number) => p(n, { one: 'mhodal', two: 'mhodal', few: 'modalan', other: 'modal' });
  return {
    heading: 'An t-slighe Mobilise agad',
    loading: 'A’ luchdadh na slighe agad…',
    noLink: {
      heading: 'Fosgail an t-slighe agad bho phost-d',
      body: 'Tha an t-slighe agad prìobhaideach: fosglaidh i bhon cheangal “An t-slighe Mobilise agad” aig deireadh post-d sam bith a chuir sinn mu sheisean trèanaidh a ghlèidh thu. Fosgail an ceangal sin a-rithist.',
    },
    invalid: {
      heading: 'Chan eil an ceangal seo ag obair',
      body: 'Dh’fhaodadh nach eil e slàn, no gun deach am fiosrachadh air a chùlaibh a sguabadh às. Cleachd an ceangal “An t-slighe Mobilise agad” sa phost-d as ùire agad mu sheisean trèanaidh: tha e aig gach fear dhiubh.',
    },
    failed: { heading: 'Cha b’ urrainn dhuinn an t-slighe agad a luchdadh', body: 'Thoir sùil air a’ cheangal agad, an uairsin feuch a-rithist.', retry: 'Feuch a-rithist' },
    saveFailed: 'Cha b’ urrainn dhuinn do roghainn a shàbhaladh. Thoir sùil air a’ cheangal agad, an uairsin tagh a-rithist.',
    progress: (done, total) => `Chaidh thu gu ${done} à ${total} ${modules(total)} air an t-slighe agad`,
    programme: (done, total) => `Air feadh a’ phrògraim air fad, chaidh thu gu ${done} às na ${total} ${modules(total)} aige.`,
    audience: { label: 'An t-slighe agad', hint: 'Tagh an tè a fhreagras ort. Gus an tagh thu, molaidh sinn tè a-rèir na rinn thu mu thràth.' },
    audiences: { 'new-activists': 'Neach-iomairt ùr', activists: 'Neach-iomairt', candidates: 'Tagraiche', 'role-holders': 'Neach-dreuchd' },
    next: {
      heading: 'An ath rud',
      booked: (when) => `Tha àite glèidhte agad air: ${when}.`,
      book: (title) => `Lorg seisean de ${title}`,
      ask: 'Faighnich dhen phàrtaidh ionadail agad cuin a bhios an ath sheisean ann, no seall air an duilleag trèanaidh aige.',
      done: 'Rinn thu a h-uile modal air an t-slighe seo. Math fhèin!',
    },
    empty: { heading: 'Chan eil dad glèidhte fhathast', body: (title) => `Tòisichidh an t-slighe agad le ${title}.` },
    steps: 'Ceum air cheum',
    states: { attended: 'Chaidh thu ann', booked: 'Glèidhte', 'to-take': 'Ri dhèanamh' },
    booked: 'Glèidhte',
    bookingStatus: { confirmed: 'Dearbhte', pending: 'A’ feitheamh ort a dhearbhadh: seall air do phost-d', waitlisted: 'Air an liosta-feitheimh' },
    online: 'Air loidhne',
    attended: 'Chaidh thu ann',
    attendedOn: (day) => `Seisean air ${day}`,
  };
}

function welsh(p: Plural): PathwayWords {
  const modules = (n: number) => p(n, { zero: 'modiwl', one: 'modiwl', two: 'fodiwl', few: 'modiwl', many: 'modiwl', other: 'modiwl' });
  return {
    heading: 'Eich llwybr Mobilise',
    loading: 'Wrthi’n llwytho eich llwybr…',
    noLink: {
      heading: 'Agorwch eich llwybr o e-bost',
      body: 'Mae eich llwybr yn breifat: mae’n agor o’r ddolen “Eich llwybr Mobilise” ar ddiwedd unrhyw e-bost a anfonwyd atoch am sesiwn hyfforddi a archebwyd gennych. Agorwch y ddolen honno eto.',
    },
    invalid: {
      heading: 'Nid yw’r ddolen hon yn gweithio',
      body: 'Efallai nad yw’n gyflawn, neu fod y manylion y tu ôl iddi wedi’u dileu. Defnyddiwch y ddolen “Eich llwybr Mobilise” yn eich e-bost diweddaraf am sesiwn hyfforddi: mae hi ym mhob un.',
    },
    failed: { heading: 'Nid oeddem yn gallu llwytho eich llwybr', body: 'Gwiriwch eich cysylltiad, yna rhowch gynnig arall arni.', retry: 'Rhoi cynnig arall arni' },
    saveFailed: 'Nid oeddem yn gallu cadw eich dewis. Gwiriwch eich cysylltiad, yna dewiswch eto.',
    progress: (done, total) => `Rydych wedi mynychu ${done} o’r ${total} ${modules(total)} ar eich llwybr`,
    programme: (done, total) => `Ar draws y rhaglen gyfan rydych wedi mynychu ${done} o’i ${total} ${modules(total)}.`,
    audience: { label: 'Eich llwybr', hint: 'Dewiswch yr un sy’n addas i chi. Hyd nes y gwnewch, rydym yn awgrymu un yn ôl yr hyn rydych wedi’i wneud.' },
    audiences: { 'new-activists': 'Ymgyrchydd newydd', activists: 'Ymgyrchydd', candidates: 'Ymgeisydd', 'role-holders': 'Deiliad swydd' },
    next: {
      heading: 'Nesaf',
      booked: (when) => `Mae gennych le wedi’i archebu arno: ${when}.`,
      book: (title) => `Dod o hyd i sesiwn o ${title}`,
      ask: 'Gofynnwch i’ch plaid leol pryd mae’r sesiwn nesaf, neu edrychwch ar ei thudalen hyfforddi.',
      done: 'Rydych wedi gwneud pob modiwl ar y llwybr hwn. Da iawn!',
    },
    empty: { heading: 'Dim wedi’i archebu eto', body: (title) => `Mae eich llwybr yn dechrau gyda ${title}.` },
    steps: 'Cam wrth gam',
    states: { attended: 'Wedi mynychu', booked: 'Wedi archebu', 'to-take': 'I’w wneud' },
    booked: 'Wedi archebu',
    bookingStatus: { confirmed: 'Wedi’i gadarnhau', pending: 'Yn aros i chi gadarnhau: gweler eich e-bost', waitlisted: 'Ar y rhestr aros' },
    online: 'Ar-lein',
    attended: 'Wedi mynychu',
    attendedOn: (day) => `Sesiwn ar ${day}`,
  };
}

const BUILD = { 'en-GB': english, gd: gaelic, cy: welsh } satisfies Record<PathwayLocale, (p: Plural) => PathwayWords>;
const cache = new Map<PathwayLocale, PathwayWords>();

/** The words of `locale`, counted sentences by its plural rules. */
export function wordsFor(locale: PathwayLocale): PathwayWords {
  let words = cache.get(locale);
  if (!words) cache.set(locale, (words = BUILD[locale](localeFormat(locale).p)));
  return words;
}

/** The page's language as one of ours: `gd-GB` is Gaelic, anything unknown British English. */
export function pathwayLocale(lang: string | null | undefined): PathwayLocale {
  const base = lang?.split('-')[0]?.toLowerCase();
  return base === 'gd' || base === 'cy' ? base : 'en-GB';
}
