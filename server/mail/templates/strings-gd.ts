import { gd as gdWords } from '../../../src/strings/gd.js';
import type { MailStrings } from './strings-en.js';

/**
 * The members' emails in Scottish Gaelic. Translated from strings-en.ts and awaiting review by a
 * native speaker (README, "Content in several languages"); keys and placeholders as in English.
 */
export const gd: MailStrings = {
  lang: 'gd',
  hello: (firstName) => `Halò ${firstName},`,
  when: (start, end) => `${start} gu ${end} (àm na RA)`,
  instant: (at) => `${at} (àm na RA)`,
  details: { session: 'Seisean', when: 'Cuin', where: 'Càite', trainer: 'Trèanaiche', access: 'Ruigsinneachd' },
  prepare: { before: 'Mus tig thu', after: 'Às dèidh an t-seisein' },
  accessFeatures: gdWords.access,
  online: 'Air loidhne: cuiridh an luchd-eagrachaidh fiosrachadh a’ cheangail thugad ron t-seisean',
  orOnline: 'no air loidhne (cuiridh an luchd-eagrachaidh fiosrachadh a’ cheangail thugad)',
  footer: (controller) =>
    `Chuir ${controller} am post-d seo thugad oir chaidh an seòladh seo a chleachdadh gus clàradh airson seisean trèanaidh, agus cha chleachd iad d’ fhiosrachadh ach airson a ruith.`,
  privacyNotice: 'Brath prìobhaideachd',
  pathway: 'An t-slighe Mobilise agad',
  confirmButton: 'Dearbh an t-àite agam',
  manageButton: 'Seall no sguir dhen ghlèidheadh agam',
  calendarAttached: 'Cuiridh am faidhle mìosachain ceangailte an seisean ris a’ mhìosachan agad.',
  joining: {
    heading: 'Mar a thig thu a-steach air loidhne',
    private: 'Tha am fiosrachadh ceangail seo dhutsa: na co-roinn e.',
    online: 'Air loidhne: tha mar a thig thu a-steach gu h-ìosal',
    orOnline: 'no air loidhne: tha mar a thig thu a-steach gu h-ìosal',
  },

  confirmPlace: {
    subject: (title) => `Dearbh d’ àite: ${title}`,
    heading: 'Dearbh d’ àite',
    place: (by) => `Tha sinn a’ glèidheadh àite dhut. Dearbh e ro ${by}, air neo thèid e do chuideigin eile.`,
    waitlist: (by) => `Tha sinn a’ glèidheadh àite air an liosta-feitheimh dhut. Dearbh e ro ${by}, air neo thèid e do chuideigin eile.`,
    notYou: 'Mura do chlàraich thu, leig seachad am post-d seo: chan eil dad glèidhte agus cha chum sinn dad nuair a thig an glèidheadh gu crìch.',
  },
  series: {
    subject: (titles) => `Dearbh na h-àiteachan agad: ${titles}`,
    heading: 'Dearbh na h-àiteachan agad',
    body: (by) =>
      `Tha sinn a’ glèidheadh àite dhut aig gach seisean dhiubh seo, air an clàradh còmhla. Dearbh iad uile leis an aon cheangal ro ${by}, air neo thèid iad uile do chuideigin eile.`,
    confirmButton: 'Dearbh na h-àiteachan agam',
    separately: 'Nuair a bhios iad dearbhte, bidh post-d glèidhidh fa leth aig gach àite, agus faodaidh tu sgur de dh’àite sam bith dhiubh leis fhèin.',
  },
  confirmed: {
    subject: (title) => `Tha àite agad: ${title}`,
    heading: 'Tha d’ àite dearbhte',
    body: 'Tha d’ àite dearbhte.',
    cannotCome: 'Mura urrainn dhut tighinn, sguir dheth ach an tèid d’ àite do chuideigin air an liosta-feitheimh.',
  },
  waitlisted: {
    subject: (title) => `Air an liosta-feitheimh: ${title}`,
    heading: 'Tha thu air an liosta-feitheimh',
    body: (position) => `Tha thu aig àireamh ${position} air an liosta-feitheimh. Ma bhios àite saor, ’s ann leatsa a bhios e agus cuiridh sinn post-d thugad.`,
    button: 'Seall d’ àite sa chiudha, no fàg e',
  },
  promoted: {
    subject: (title) => `’S leatsa àite: ${title}`,
    heading: 'Deagh naidheachd: tha àite agad',
    body: 'Dh’fhàs àite saor agus ’s ann leatsa a tha e: tha àite agad a-nis.',
  },
  placeOffered: {
    subject: (title) => `Tha àite saor: ${title}`,
    heading: 'Tha àite saor dhut',
    body: (by) => `Dh’fhàs àite saor agus tha sinn ga ghlèidheadh dhut. Dearbh e ro ${by}, air neo thèid e don ath neach.`,
  },
  alreadyBooked: {
    subject: (title) => `Tha àite agad mu thràth: ${title}`,
    heading: 'Tha àite agad mu thràth',
    pending:
      'Dh’fheuch cuideigin (thu fhèin, ’s dòcha) ri clàradh a-rithist leis an t-seòladh seo. Tha àite ga ghlèidheadh dhut mu thràth: dearbh e leis a’ cheangal gu h-ìosal.',
    booked: 'Dh’fheuch cuideigin (thu fhèin, ’s dòcha) ri clàradh a-rithist leis an t-seòladh seo. Tha àite agad mu thràth: seo an glèidheadh agad.',
    unchanged: 'Cha do dh’atharraich dad. Mura b’ e thusa a bh’ ann, faodaidh tu am post-d seo a leigeil seachad.',
  },
  cancelled: {
    subject: (title) => `Glèidheadh air a chur dheth: ${title}`,
    heading: 'Chaidh an glèidheadh agad a chur dheth',
    body: 'Chuir thu dheth an glèidheadh agad airson an t-seisein seo. Tapadh leat airson innse dhuinn.',
  },
  reminder: {
    subject: (title) => `Cuimhneachan: ${title}`,
    heading: 'Tha an seisean trèanaidh agad a’ tighinn',
    body: 'Seo cuimhneachan air an t-seisean a ghlèidh thu.',
  },
  sessionChanged: {
    subject: (title) => `Air atharrachadh: ${title}`,
    heading: 'Chaidh an seisean agad atharrachadh',
    body: 'Dh’atharraich an luchd-eagrachaidh an seisean a ghlèidh thu. Seo am fiosrachadh ùr; ùraichidh am faidhle mìosachain ceangailte am mìosachan agad.',
  },
  sessionCancelled: {
    subject: (title) => `Seisean air a chur dheth leis an luchd-eagrachaidh: ${title}`,
    heading: 'Chaidh an seisean seo a chur dheth',
    body: 'Tha sinn duilich: chuir an luchd-eagrachaidh dheth an seisean a ghlèidh thu. Chan fheum thu dad a dhèanamh.',
  },
  moduleRequest: {
    hello: 'Halò,',
    footer: (controller) =>
      `Chuir ${controller} am post-d seo thugad oir chaidh an seòladh seo a chleachdadh gus seisean trèanaidh faisg ort iarraidh, agus cha chleachd iad e ach airson sin.`,
    confirm: {
      subject: (title) => `Dearbh an t-iarrtas agad: ${title}`,
      heading: 'Dearbh an t-iarrtas agad',
      body: (title, area) =>
        `Dh’iarr cuideigin (thusa, is dòcha) oirnn post-d a chur chun an t-seòlaidh seo nuair a bhios seisean den mhodal ${title} air a chur air dòigh san sgìre seo: ${area}. Dearbh e, agus cuiridh sinn post-d thugad aon turas, nuair a thèid fear fhoillseachadh.`,
      button: 'Dearbh an t-iarrtas agam',
      until: (by) => `Obraichidh an ceangal gu ${by}.`,
      notYou: 'Mura do dh’iarr thu seo, leig seachad am post-d seo: cha tachair dad, agus sguabaidh sinn às an t-iarrtas.',
    },
    session: {
      subject: (title) => `Seisean faisg ort: ${title}`,
      heading: 'Seisean a dh’iarr thu',
      body: (area) => `Dh’iarr thu oirnn innse dhut nuair a bhiodh am modal seo air a chur air dòigh san sgìre seo: ${area}. Tha seisean ann a-nis.`,
      button: 'Faic an seisean is glèidh àite',
      once: 'Seo an aon phost-d mun iarrtas agad. Airson cluinntinn mu sheisean eile às dèidh seo, iarr a-rithist air duilleag an trèanaidh.',
    },
  },
};
