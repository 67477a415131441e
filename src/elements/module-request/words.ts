import { pathwayLocale, type PathwayLocale } from '../pathway/words.js';

/**
 * The request page's words in English, Scottish Gaelic and Welsh: its own file, like the pathway
 * page's, not src/strings/messages (those feed the embed, and this page is its own bundle).
 * The Gaelic and Welsh await review by native speakers, like the rest.
 */
function english() {
  return {
    heading: 'Ask for a module near you',
    intro: 'No session of this module is planned where you are yet. Leave your email address and we will email you once, when one is published in your area.',
    loading: 'Loading the modules…',
    module: 'Module',
    chooseModule: 'Choose a module',
    area: 'Your area',
    areaHint: 'A town, a council area or your local party (CLP), as the training page names it.',
    email: 'Email address',
    consent: 'Email me once when a session of this module is published in this area, and use my address for nothing else.',
    privacy: 'How we use your details (privacy notice)',
    newTab: '(opens in a new tab)',
    honeypot: 'Leave this field empty',
    submit: 'Ask for this module',
    sending: 'Sending…',
    errorSummary: 'There is a problem',
    errorPrefix: 'Error:',
    errors: {
      moduleId: 'Choose the module you want',
      area: 'Enter the name of your area or CLP (up to 120 characters)',
      email: 'Enter an email address in the correct format, like name@example.com',
      consent: 'Tick the box to agree that we email you about this module, or we cannot take your request',
    },
    offline: 'We could not reach the training server. Check your connection, then send again: nothing you entered is lost.',
    busy: 'Too many requests from here just now. Wait a minute, then send again.',
    failed: 'Something went wrong on our side. Send again in a few minutes: nothing you entered is lost.',
    unknownModule: 'That module is no longer in the programme. Choose another.',
    refused: 'This server does not take requests from the page you came from. Ask your local party.',
    modulesFailed: { heading: 'We could not load the modules', body: 'Check your connection, then try again.', retry: 'Try again' },
    sent: {
      heading: 'Check your email to confirm',
      body: (email: string) => `We are emailing a link to ${email}. Your request counts once you open it: the link works for a week.`,
      back: 'Back to the training page',
    },
    confirming: 'Confirming your request…',
    confirmed: {
      heading: 'Your request is confirmed',
      body: (area: string) => `We will email you once when a session of this module is published in ${area}.`,
    },
    invalid: { heading: 'This link does not work', body: 'Use the whole link from your email, and the newest one if you asked more than once. If it still does not work, ask again from the training page.' },
    expired: { heading: 'This link has expired', body: 'Unconfirmed requests lapse after a week. Ask again from the training page to get a new link.' },
    confirmFailed: { heading: 'We could not confirm your request', body: 'Check your connection, then try again.', retry: 'Try again' },
  };
}
export type RequestWords = ReturnType<typeof english>;

function gaelic(): RequestWords {
  return {
    heading: 'Iarr modal faisg ort',
    intro: 'Chan eil seisean den mhodal seo san amharc far a bheil thu fhathast. Fàg do sheòladh puist-d agus cuiridh sinn post-d thugad aon turas, nuair a thèid fear fhoillseachadh san sgìre agad.',
    loading: 'A’ luchdadh nam modalan…',
    module: 'Modal',
    chooseModule: 'Tagh modal',
    area: 'An sgìre agad',
    areaHint: 'Baile, sgìre comhairle no am pàrtaidh ionadail agad (CLP), mar a chanas an duilleag trèanaidh ris.',
    email: 'Seòladh puist-d',
    consent: 'Cuir post-d thugam aon turas nuair a thèid seisean den mhodal seo fhoillseachadh san sgìre seo, agus na cleachd an seòladh agam airson dad sam bith eile.',
    privacy: 'Mar a chleachdas sinn am fiosrachadh agad (brath prìobhaideachd)',
    newTab: '(fosglaidh e ann an taba ùr)',
    honeypot: 'Fàg an raon seo bàn',
    submit: 'Iarr am modal seo',
    sending: 'Ga chur…',
    errorSummary: 'Tha duilgheadas ann',
    errorPrefix: 'Mearachd:',
    errors: {
      moduleId: 'Tagh am modal a tha thu ag iarraidh',
      area: 'Cuir a-steach ainm na sgìre agad no a’ CLP agad (suas ri 120 caractar)',
      email: 'Cuir a-steach seòladh puist-d san riochd cheart, mar ainm@example.com',
      consent: 'Cuir strìochag sa bhogsa gus aontachadh gun cuir sinn post-d thugad mun mhodal seo, no chan urrainn dhuinn an t-iarrtas agad a ghabhail',
    },
    offline: 'Cha b’ urrainn dhuinn am frithealaiche trèanaidh a ruigsinn. Thoir sùil air a’ cheangal agad, an uairsin cuir a-rithist: cha deach dad a chaill thu.',
    busy: 'Tha cus iarrtasan às an seo an-dràsta. Fuirich mionaid, an uairsin cuir a-rithist.',
    failed: 'Chaidh rudeigin ceàrr air ar taobh-ne. Cuir a-rithist an ceann beagan mhionaidean: cha deach dad a chaill thu.',
    unknownModule: 'Chan eil am modal sin sa phrògram tuilleadh. Tagh fear eile.',
    refused: 'Cha ghabh am frithealaiche seo ri iarrtasan bhon duilleag às an tàinig thu. Faighnich dhen phàrtaidh ionadail agad.',
    modulesFailed: { heading: 'Cha b’ urrainn dhuinn na modalan a luchdadh', body: 'Thoir sùil air a’ cheangal agad, an uairsin feuch a-rithist.', retry: 'Feuch a-rithist' },
    sent: {
      heading: 'Thoir sùil air do phost-d gus a dhearbhadh',
      body: (email) => `Tha sinn a’ cur ceangal gu ${email}. Cunntaidh an t-iarrtas agad nuair a dh’fhosglas tu e: obraichidh an ceangal fad seachdain.`,
      back: 'Air ais chun na duilleige trèanaidh',
    },
    confirming: 'A’ dearbhadh an iarrtais agad…',
    confirmed: {
      heading: 'Tha an t-iarrtas agad dearbhte',
      body: (area) => `Cuiridh sinn post-d thugad aon turas nuair a thèid seisean den mhodal seo fhoillseachadh ann an ${area}.`,
    },
    invalid: { heading: 'Chan eil an ceangal seo ag obair', body: 'Cleachd an ceangal slàn bhon phost-d agad, agus am fear as ùire ma dh’iarr thu barrachd air aon turas. Mur obraich e fhathast, iarr a-rithist bhon duilleag trèanaidh.' },
    expired: { heading: 'Dh’fhalbh an ùine air a’ cheangal seo', body: 'Thig iarrtasan gun dearbhadh gu crìch an ceann seachdain. Iarr a-rithist bhon duilleag trèanaidh gus ceangal ùr fhaighinn.' },
    confirmFailed: { heading: 'Cha b’ urrainn dhuinn an t-iarrtas agad a dhearbhadh', body: 'Thoir sùil air a’ cheangal agad, an uairsin feuch a-rithist.', retry: 'Feuch a-rithist' },
  };
}

function welsh(): RequestWords {
  return {
    heading: 'Gofyn am fodiwl yn agos atoch',
    intro: 'Nid oes sesiwn o’r modiwl hwn wedi’i chynllunio lle rydych chi eto. Gadewch eich cyfeiriad e-bost a byddwn yn anfon e-bost atoch unwaith, pan gyhoeddir un yn eich ardal.',
    loading: 'Wrthi’n llwytho’r modiwlau…',
    module: 'Modiwl',
    chooseModule: 'Dewiswch fodiwl',
    area: 'Eich ardal',
    areaHint: 'Tref, ardal cyngor neu eich plaid leol (CLP), fel y mae’r dudalen hyfforddi yn ei henwi.',
    email: 'Cyfeiriad e-bost',
    consent: 'Anfonwch e-bost ataf unwaith pan gyhoeddir sesiwn o’r modiwl hwn yn yr ardal hon, a pheidiwch â defnyddio fy nghyfeiriad ar gyfer dim byd arall.',
    privacy: 'Sut rydym yn defnyddio eich manylion (hysbysiad preifatrwydd)',
    newTab: '(yn agor mewn tab newydd)',
    honeypot: 'Gadewch y maes hwn yn wag',
    submit: 'Gofyn am y modiwl hwn',
    sending: 'Wrthi’n anfon…',
    errorSummary: 'Mae problem',
    errorPrefix: 'Gwall:',
    errors: {
      moduleId: 'Dewiswch y modiwl rydych ei eisiau',
      area: 'Rhowch enw eich ardal neu eich CLP (hyd at 120 nod)',
      email: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com',
      consent: 'Ticiwch y blwch i gytuno ein bod yn anfon e-bost atoch am y modiwl hwn, neu ni allwn dderbyn eich cais',
    },
    offline: 'Nid oeddem yn gallu cyrraedd y gweinydd hyfforddi. Gwiriwch eich cysylltiad, yna anfonwch eto: nid oes dim a roesoch wedi’i golli.',
    busy: 'Gormod o geisiadau o’r fan hon ar hyn o bryd. Arhoswch funud, yna anfonwch eto.',
    failed: 'Aeth rhywbeth o’i le ar ein hochr ni. Anfonwch eto ymhen ychydig funudau: nid oes dim a roesoch wedi’i golli.',
    unknownModule: 'Nid yw’r modiwl hwnnw yn y rhaglen mwyach. Dewiswch un arall.',
    refused: 'Nid yw’r gweinydd hwn yn derbyn ceisiadau o’r dudalen y daethoch ohoni. Gofynnwch i’ch plaid leol.',
    modulesFailed: { heading: 'Nid oeddem yn gallu llwytho’r modiwlau', body: 'Gwiriwch eich cysylltiad, yna rhowch gynnig arall arni.', retry: 'Rhoi cynnig arall arni' },
    sent: {
      heading: 'Gwiriwch eich e-bost i gadarnhau',
      body: (email) => `Rydym yn anfon dolen i ${email}. Mae eich cais yn cyfrif pan fyddwch yn ei hagor: mae’r ddolen yn gweithio am wythnos.`,
      back: 'Yn ôl i’r dudalen hyfforddi',
    },
    confirming: 'Wrthi’n cadarnhau eich cais…',
    confirmed: {
      heading: 'Mae eich cais wedi’i gadarnhau',
      body: (area) => `Byddwn yn anfon e-bost atoch unwaith pan gyhoeddir sesiwn o’r modiwl hwn yn ${area}.`,
    },
    invalid: { heading: 'Nid yw’r ddolen hon yn gweithio', body: 'Defnyddiwch y ddolen gyfan o’ch e-bost, a’r un ddiweddaraf os gofynnoch fwy nag unwaith. Os nad yw’n gweithio o hyd, gofynnwch eto o’r dudalen hyfforddi.' },
    expired: { heading: 'Mae’r ddolen hon wedi dod i ben', body: 'Mae ceisiadau heb eu cadarnhau yn dod i ben ar ôl wythnos. Gofynnwch eto o’r dudalen hyfforddi i gael dolen newydd.' },
    confirmFailed: { heading: 'Nid oeddem yn gallu cadarnhau eich cais', body: 'Gwiriwch eich cysylltiad, yna rhowch gynnig arall arni.', retry: 'Rhoi cynnig arall arni' },
  };
}

const WORDS: Record<PathwayLocale, () => RequestWords> = { 'en-GB': english, gd: gaelic, cy: welsh };

/** The words of the page's language (`gd-GB` is Gaelic, anything unknown British English). */
export function requestWords(lang: string | null | undefined): RequestWords {
  return WORDS[pathwayLocale(lang)]();
}
export { pathwayLocale as requestLocale };
