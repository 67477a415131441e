import { cy as cyWords } from '../../../src/strings/cy.js';
import type { MailStrings } from './strings-en.js';

/**
 * The members' emails in Welsh. Translated from strings-en.ts and awaiting review by a native
 * speaker (README, "Content in several languages"); keys and placeholders as in English.
 */
export const cy: MailStrings = {
  lang: 'cy',
  hello: (firstName) => `Helo ${firstName},`,
  when: (start, end) => `${start} i ${end} (amser y DU)`,
  instant: (at) => `${at} (amser y DU)`,
  details: { session: 'Sesiwn', when: 'Pryd', where: 'Ble', trainer: 'Hyfforddwr', access: 'Hygyrchedd' },
  prepare: { before: 'Cyn i chi ddod', after: 'Ar ôl y sesiwn' },
  accessFeatures: cyWords.access,
  online: 'Ar-lein: bydd y trefnwyr yn anfon manylion ymuno cyn y sesiwn',
  orOnline: 'neu ar-lein (bydd y trefnwyr yn anfon manylion ymuno)',
  footer: (controller) =>
    `Anfonodd ${controller} yr e-bost hwn atoch oherwydd i’r cyfeiriad hwn gael ei ddefnyddio i gofrestru ar gyfer sesiwn hyfforddi, ac maent yn defnyddio eich manylion i’w chynnal yn unig.`,
  privacyNotice: 'Hysbysiad preifatrwydd',
  pathway: 'Eich llwybr Mobilise',
  confirmButton: 'Cadarnhau fy lle',
  manageButton: 'Gweld neu ganslo fy archeb',
  calendarAttached: 'Mae’r ffeil calendr sydd ynghlwm yn ychwanegu’r sesiwn at eich calendr.',
  joining: {
    heading: 'Sut i ymuno ar-lein',
    private: 'Mae’r manylion ymuno hyn i chi: peidiwch â’u rhannu.',
    online: 'Ar-lein: mae sut i ymuno isod',
    orOnline: 'neu ar-lein: mae sut i ymuno isod',
  },

  confirmPlace: {
    subject: (title) => `Cadarnhewch eich lle: ${title}`,
    heading: 'Cadarnhewch eich lle',
    place: (by) => `Rydym yn cadw lle i chi. Cadarnhewch ef erbyn ${by}, neu bydd yn mynd i rywun arall.`,
    waitlist: (by) => `Rydym yn cadw lle i chi ar y rhestr aros. Cadarnhewch ef erbyn ${by}, neu bydd yn mynd i rywun arall.`,
    notYou: 'Os na wnaethoch chi gofrestru, anwybyddwch yr e-bost hwn: does dim wedi’i archebu ac ni fyddwn yn cadw dim pan ddaw’r cyfnod cadw i ben.',
  },
  series: {
    subject: (titles) => `Cadarnhewch eich lleoedd: ${titles}`,
    heading: 'Cadarnhewch eich lleoedd',
    body: (by) =>
      `Rydym yn cadw lle i chi ym mhob un o’r sesiynau hyn, wedi’u harchebu gyda’i gilydd. Cadarnhewch nhw i gyd gyda’r un ddolen erbyn ${by}, neu byddant i gyd yn mynd i rywun arall.`,
    confirmButton: 'Cadarnhau fy lleoedd',
    separately: 'Ar ôl eu cadarnhau, bydd gan bob lle ei e-bost archebu ei hun, a gallwch ganslo unrhyw un ohonynt ar ei ben ei hun.',
  },
  confirmed: {
    subject: (title) => `Mae gennych le: ${title}`,
    heading: 'Mae eich lle wedi’i gadarnhau',
    body: 'Mae eich lle wedi’i gadarnhau.',
    cannotCome: 'Os na allwch ddod, canslwch os gwelwch yn dda, fel y gall eich lle fynd i rywun ar y rhestr aros.',
  },
  waitlisted: {
    subject: (title) => `Ar y rhestr aros: ${title}`,
    heading: 'Rydych ar y rhestr aros',
    body: (position) => `Rydych yn rhif ${position} ar y rhestr aros. Os daw lle’n rhydd, chi fydd yn ei gael a byddwn yn anfon e-bost atoch.`,
    button: 'Gweld fy lle yn y ciw, neu ei adael',
  },
  promoted: {
    subject: (title) => `Mae lle i chi: ${title}`,
    heading: 'Newyddion da: mae gennych le',
    body: 'Daeth lle’n rhydd ac mae’n eiddo i chi: mae gennych le bellach.',
  },
  placeOffered: {
    subject: (title) => `Mae lle’n rhydd: ${title}`,
    heading: 'Mae lle’n rhydd i chi',
    body: (by) => `Daeth lle’n rhydd ac rydym yn ei gadw i chi. Cadarnhewch ef erbyn ${by}, neu bydd yn mynd i’r person nesaf.`,
  },
  alreadyBooked: {
    subject: (title) => `Mae gennych le eisoes: ${title}`,
    heading: 'Mae gennych le eisoes',
    pending:
      'Ceisiodd rhywun (chi, mae’n debyg) gofrestru eto gyda’r cyfeiriad hwn. Mae lle’n cael ei gadw i chi eisoes: cadarnhewch ef gyda’r ddolen isod.',
    booked: 'Ceisiodd rhywun (chi, mae’n debyg) gofrestru eto gyda’r cyfeiriad hwn. Mae gennych le eisoes: dyma eich archeb.',
    unchanged: 'Does dim wedi newid. Os nad chi oedd yno, gallwch anwybyddu’r e-bost hwn.',
  },
  cancelled: {
    subject: (title) => `Archeb wedi’i chanslo: ${title}`,
    heading: 'Mae eich archeb wedi’i chanslo',
    body: 'Rydych wedi canslo eich archeb ar gyfer y sesiwn hon. Diolch am roi gwybod i ni.',
  },
  reminder: {
    subject: (title) => `Nodyn atgoffa: ${title}`,
    heading: 'Mae eich sesiwn hyfforddi ar y gweill',
    body: 'Dyma nodyn i’ch atgoffa am y sesiwn a archebwyd gennych.',
  },
  sessionChanged: {
    subject: (title) => `Wedi newid: ${title}`,
    heading: 'Mae eich sesiwn wedi newid',
    body: 'Mae’r trefnwyr wedi newid y sesiwn a archebwyd gennych. Dyma’r manylion newydd; mae’r ffeil calendr sydd ynghlwm yn diweddaru eich calendr.',
  },
  sessionCancelled: {
    subject: (title) => `Sesiwn wedi’i chanslo gan y trefnwyr: ${title}`,
    heading: 'Mae’r sesiwn hon wedi’i chanslo',
    body: 'Mae’n ddrwg gennym: mae’r trefnwyr wedi canslo’r sesiwn a archebwyd gennych. Does dim angen i chi wneud dim.',
  },
  moduleRequest: {
    hello: 'Helo,',
    footer: (controller) =>
      `Anfonodd ${controller} yr e-bost hwn atoch oherwydd i’r cyfeiriad hwn gael ei ddefnyddio i ofyn am sesiwn hyfforddi gerllaw, ac mae’n ei ddefnyddio at y diben hwnnw yn unig.`,
    confirm: {
      subject: (title) => `Cadarnhewch eich cais: ${title}`,
      heading: 'Cadarnhewch eich cais',
      body: (title, area) =>
        `Gofynnodd rhywun (chi, mae’n debyg) i ni e-bostio’r cyfeiriad hwn pan fydd sesiwn o’r modiwl ${title} yn cael ei threfnu yn yr ardal hon: ${area}. Cadarnhewch hyn, a byddwn yn eich e-bostio unwaith, pan fydd un yn cael ei chyhoeddi.`,
      button: 'Cadarnhau fy nghais',
      until: (by) => `Mae’r ddolen yn gweithio tan ${by}.`,
      notYou: 'Os na wnaethoch chi ofyn, anwybyddwch yr e-bost hwn: does dim yn digwydd, ac rydym yn dileu’r cais.',
    },
    session: {
      subject: (title) => `Sesiwn yn agos atoch: ${title}`,
      heading: 'Sesiwn y gofynnoch amdani',
      body: (area) => `Gofynnoch i ni ddweud wrthych pan fyddai’r modiwl hwn yn cael ei drefnu yn yr ardal hon: ${area}. Mae sesiwn nawr.`,
      button: 'Gweld y sesiwn ac archebu lle',
      once: 'Dyma’r unig e-bost am eich cais. I glywed am sesiwn arall yn nes ymlaen, gofynnwch eto ar y dudalen hyfforddi.',
    },
  },
};
