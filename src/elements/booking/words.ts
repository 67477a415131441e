import type { BookingStatus } from '../../contract/index.js';
import { pathwayLocale, type PathwayLocale } from '../pathway/words.js';

/** Why the server refused a link: its problem codes (server/routes/bookings.ts). */
type Refusal = 'token-invalid' | 'token-used' | 'token-expired' | 'session-started';
type Said = { heading: string; body: string };

/**
 * The booking page's words in English, Scottish Gaelic and Welsh: its own file, like the pathway and
 * request pages', not src/strings/messages (those feed the embed, and this page is its own bundle).
 * A status heading follows the member's first name ("Morven, you are booked in"). English leaves
 * the refusals to the server's own title and detail; Gaelic and Welsh say them in their words.
 * The Gaelic and Welsh await review by native speakers, like the rest.
 */
export interface BookingWords {
  heading: string;
  noLink: Said;
  status: Record<BookingStatus, Said>;
  position: (n: number) => string;
  cancel: string;
  joining: string;
  sure: string;
  yes: string;
  keep: string;
  failed: string;
  refused: Partial<Record<Refusal, Said>>;
}

const english: BookingWords = {
  heading: 'Your booking',
  noLink: {
    heading: 'Open your booking from an email',
    body: 'This page shows a booking from the link in an email we sent you about it. Open that link again, whole.',
  },
  status: {
    pending: { heading: 'confirm your place', body: 'Use the link in the email we sent you.' },
    confirmed: { heading: 'you are booked in', body: 'If you cannot come, please cancel so someone else can go.' },
    waitlisted: { heading: 'you are on the waiting list', body: 'We will email you if a place comes free.' },
    expired: { heading: 'this booking has expired', body: 'It was not confirmed in time.' },
    cancelled: { heading: 'your place is cancelled', body: '' },
  },
  position: (n) => `You are number ${n} in the queue. `,
  cancel: 'Cancel my place',
  joining: 'How to join online',
  sure: 'Your place will go to someone else.',
  yes: 'Yes, cancel',
  keep: 'No, keep it',
  failed: 'We could not show your booking',
  refused: {},
};

const gaelic: BookingWords = {
  heading: 'An clàradh agad',
  noLink: {
    heading: 'Fosgail an clàradh agad o phost-d',
    body: 'Seallaidh an duilleag seo clàradh on cheangal ann am post-d a chuir sinn thugad mu dheidhinn. Fosgail an ceangal sin a-rithist, slàn.',
  },
  status: {
    pending: { heading: 'dearbhaich an t-àite agad', body: 'Cleachd an ceangal sa phost-d a chuir sinn thugad.' },
    confirmed: { heading: 'tha thu clàraichte', body: 'Mur urrainn dhut tighinn, leig seachad an t-àite gus am faigh cuideigin eile e.' },
    waitlisted: { heading: 'tha thu air an liosta-feitheimh', body: 'Cuiridh sinn post-d thugad ma dh’fhàsas àite saor.' },
    expired: { heading: 'dh’fhalbh an ùine air a’ chlàradh seo', body: 'Cha deach a dhearbhadh ann an àm.' },
    cancelled: { heading: 'chaidh an t-àite agad a leigeil seachad', body: '' },
  },
  position: (n) => `Tha thu aig àireamh ${n} sa chiudha. `,
  cancel: 'Leig seachad an t-àite agam',
  joining: 'Mar a thig thu a-steach air loidhne',
  sure: 'Thèid an t-àite agad do chuideigin eile.',
  yes: 'Leig seachad e',
  keep: 'Cùm e',
  failed: 'Cha b’ urrainn dhuinn an clàradh agad a shealltainn',
  refused: {
    'token-invalid': {
      heading: 'Chan obraich an ceangal seo',
      body: 'Dèan cinnteach gun do chleachd thu an ceangal slàn on phost-d agad. Mura obraich e fhathast, clàraich a-rithist.',
    },
    'token-used': {
      heading: 'Tha thu air dearbhadh mu thràth',
      body: 'Tha an clàradh agad dearbhte. Tha ceangal sa phost-d a chuir sinn thugad nuair a dhearbh thu gus a shealltainn no a leigeil seachad.',
    },
    'token-expired': { heading: 'Dh’fhalbh an ùine air a’ cheangal seo', body: 'Tha an seisean a bha e air a shon seachad.' },
    'session-started': {
      heading: 'Tha an seisean seo air tòiseachadh mu thràth',
      body: 'Chan urrainn dhut clàradh a dhearbhadh no a leigeil seachad nuair a bhios seisean air tòiseachadh.',
    },
  },
};

const welsh: BookingWords = {
  heading: 'Eich archeb',
  noLink: {
    heading: 'Agorwch eich archeb o e-bost',
    body: 'Mae’r dudalen hon yn dangos archeb o’r ddolen mewn e-bost a anfonwyd atoch amdani. Agorwch y ddolen honno eto, yn gyfan.',
  },
  status: {
    pending: { heading: 'cadarnhewch eich lle', body: 'Defnyddiwch y ddolen yn yr e-bost a anfonwyd atoch.' },
    confirmed: { heading: 'mae gennych le', body: 'Os na allwch ddod, canslwch er mwyn i rywun arall gael mynd.' },
    waitlisted: { heading: 'rydych ar y rhestr aros', body: 'Byddwn yn anfon e-bost atoch os daw lle’n rhydd.' },
    expired: { heading: 'mae’r archeb hon wedi dod i ben', body: 'Ni chafodd ei chadarnhau mewn pryd.' },
    cancelled: { heading: 'mae eich lle wedi’i ganslo', body: '' },
  },
  position: (n) => `Rydych yn rhif ${n} yn y ciw. `,
  cancel: 'Canslo fy lle',
  joining: 'Sut i ymuno ar-lein',
  sure: 'Bydd eich lle yn mynd i rywun arall.',
  yes: 'Ie, canslo',
  keep: 'Na, cadw fy lle',
  failed: 'Nid oedd modd dangos eich archeb',
  refused: {
    'token-invalid': {
      heading: 'Nid yw’r ddolen hon yn gweithio',
      body: 'Gwiriwch eich bod wedi defnyddio’r ddolen gyfan o’ch e-bost. Os nad yw’n gweithio o hyd, cofrestrwch eto.',
    },
    'token-used': {
      heading: 'Rydych eisoes wedi cadarnhau',
      body: 'Mae eich archeb wedi’i chadarnhau. Mae’r e-bost a anfonwyd atoch pan wnaethoch gadarnhau yn cynnwys dolen i’w gweld neu i’w chanslo.',
    },
    'token-expired': { heading: 'Mae’r ddolen hon wedi dod i ben', body: 'Mae’r sesiwn yr oedd ar ei chyfer wedi gorffen.' },
    'session-started': {
      heading: 'Mae’r sesiwn hon eisoes wedi dechrau',
      body: 'Ni ellir cadarnhau na chanslo archebion ar ôl i sesiwn ddechrau.',
    },
  },
};

const WORDS: Record<PathwayLocale, BookingWords> = { 'en-GB': english, gd: gaelic, cy: welsh };

/** The words of the page's language (`gd-GB` is Gaelic, anything unknown British English), and that language. */
export function bookingWords(lang: string | null | undefined): [BookingWords, PathwayLocale] {
  const locale = pathwayLocale(lang);
  return [WORDS[locale], locale];
}
