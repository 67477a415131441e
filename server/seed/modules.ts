import type { Module } from '../../src/contract/index.js';

/**
 * The modules of "Mobilise: Organising for Real Change", from the programme
 * description (shared/seed/mobilise-programme.txt). The three "Delivering your
 * message: digital" sessions form one series, as do the two field organising parts.
 * Plain text only: paragraphs are separated by a blank line. Listed in programme
 * order (the programme's own list, parts in sequence): the API serves them so.
 *
 * Each module's title and summary also in Scottish Gaelic (gd) and Welsh (cy), translated
 * from the English here: they await review by native speakers before a CLP relies on them.
 * Tool and product names (Contact Creator, Organise, TULO…) and "CLP" stay as they are.
 */
export const modules: Module[] = [
  {
    id: 'voter-persuasion',
    title: 'Voter Persuasion',
    summary:
      'Why voter persuasion matters, and how to have effective, persuasive conversations on the doorstep. Ideal if you are new to doorknocking.',
    description:
      'During this session you will learn why voter persuasion matters and get top tips on how to have effective, persuasive conversations to activate voters and commit supporters to action.\n\n' +
      'If you are new to doorknocking or just looking to refresh your skills, come along to this interactive session as we share our top tips to make sure you have the confidence to have effective conversations with potential Labour voters.',
    strand: 'field',
    prerequisites: [],
    audience: ['new-activists', 'activists', 'candidates'],
    durationMinutes: 120,
    tools: [],
    beforeYouCome: [
      'Think of a doorstep conversation that went well, or one that didn’t: we will talk about both',
    ],
    afterSession: 'Join your CLP’s next canvassing session to put it into practice, then book Field Organising part one.',
    translations: {
      gd: {
        title: 'Cur Ìmpidh air Luchd-bhòtaidh',
        summary:
          'Carson a tha e cudromach ìmpidh a chur air luchd-bhòtaidh, agus mar a bheir thu air adhart còmhraidhean èifeachdach, làidir aig an doras. Air leth freagarrach ma tha thu ùr air gnogadh air dorsan.',
      },
      cy: {
        title: 'Perswadio Pleidleiswyr',
        summary:
          'Pam mae perswadio pleidleiswyr yn bwysig, a sut i gael sgyrsiau effeithiol a pherswadiol ar garreg y drws. Delfrydol os ydych chi’n newydd i guro drysau.',
      },
    },
  },
  {
    id: 'field-organising-1',
    title: 'Field Organising (part one)',
    summary:
      'Take a leading role in local grassroots campaigns: decide where to campaign, advertise sessions, run canvassing sheets and enter data.',
    description:
      'Field organising is about taking a leading role in mobilising members to run local grassroots campaigns and undertake one-to-one conversations, building deep connections in communities to activate voters.\n\n' +
      'In this session you will learn how we make decisions on where we campaign, how to advertise campaign sessions, how to run canvassing sheets using Contact Creator, how to use the Doorstep App and how to enter data.',
    strand: 'field',
    series: 'field-organising',
    part: 1,
    prerequisites: [],
    audience: ['new-activists', 'activists', 'candidates'],
    durationMinutes: 180,
    tools: ['Contact Creator', 'Doorstep App'],
    beforeYouCome: [
      'Ask your CLP secretary for Contact Creator access: it can take a few days',
      'Install the Doorstep App on your phone and check you can sign in',
      'Bring a charged phone',
    ],
    afterSession: 'Plan a canvassing session with your CLP, then book part two.',
    translations: {
      gd: {
        title: 'Eagrachadh san Raon (pàirt a h-aon)',
        summary:
          'Gabh prìomh àite ann an iomairtean ionadail bhon bhonn: co-dhùin càite an dèan sibh iomairt, sanasaich seiseanan, ruith duilleagan canabhasaidh agus cuir a-steach dàta.',
      },
      cy: {
        title: 'Trefnu Maes (rhan un)',
        summary:
          'Cymryd rhan flaenllaw mewn ymgyrchoedd llawr gwlad lleol: penderfynu ble i ymgyrchu, hysbysebu sesiynau, rhedeg taflenni canfasio a mewnbynnu data.',
      },
    },
  },
  {
    id: 'field-organising-2',
    title: 'Field Organising (part two)',
    summary: 'Lead a team of volunteers and run a voter persuasion session.',
    description:
      'Following on from the Field Organising Part One session, in Part Two you will learn how to lead a team of volunteers and run a voter persuasion session.',
    strand: 'field',
    series: 'field-organising',
    part: 2,
    prerequisites: ['field-organising-1'],
    audience: ['activists', 'candidates', 'role-holders'],
    durationMinutes: 180,
    tools: [],
    beforeYouCome: [
      'Take part one first, or have run canvassing sessions with your CLP before',
      'Think of volunteers you could bring into a team',
    ],
    afterSession: 'Run a canvassing session of your own and enter the data the same day.',
    translations: {
      gd: {
        title: 'Eagrachadh san Raon (pàirt a dhà)',
        summary:
          'Stiùir sgioba de shaor-thoilich agus ruith seisean airson ìmpidh a chur air luchd-bhòtaidh.',
      },
      cy: {
        title: 'Trefnu Maes (rhan dau)',
        summary:
          'Arwain tîm o wirfoddolwyr a chynnal sesiwn perswadio pleidleiswyr.',
      },
    },
  },
  {
    id: 'digital-organising',
    title: 'Digital Organising',
    summary:
      'Use email, social media and Labour’s digital tools – Dialogue and Organise – to mobilise members and supporters to take action.',
    description:
      'Digital organising is about using digital technology and Labour Party digital tools to mobilise members and supporters to take action. Organising and mobilising our supporters is crucial to winning elections and making real change happen.\n\n' +
      'But organising isn’t the same as it was a few years ago. This session will teach you how you can get the most out of digital tools and channels, including email, social media, our online phone bank ‘Dialogue’ and our new volunteer management platform ‘Organise’, to mobilise our supporters.',
    strand: 'digital',
    prerequisites: [],
    audience: ['new-activists', 'activists', 'role-holders'],
    durationMinutes: 120,
    tools: ['Dialogue', 'Organise'],
    beforeYouCome: [
      'Check you can sign in to Dialogue and Organise; ask your CLP if not',
      'Bring a laptop if you can',
    ],
    afterSession: 'Set up your CLP’s next phone bank in Dialogue.',
    translations: {
      gd: {
        title: 'Eagrachadh Didseatach',
        summary:
          'Cleachd post-d, na meadhanan sòisealta agus innealan didseatach a’ Phàrtaidh Làbarach – Dialogue agus Organise – gus buill is luchd-taic a bhrosnachadh gu gnìomh.',
      },
      cy: {
        title: 'Trefnu Digidol',
        summary:
          'Defnyddio e-bost, y cyfryngau cymdeithasol ac offer digidol Llafur – Dialogue ac Organise – i ysgogi aelodau a chefnogwyr i weithredu.',
      },
    },
  },
  {
    id: 'community-organising',
    title: 'Community Organising',
    summary: 'An introduction to community organising: building winnable campaigns and winning in between elections.',
    description:
      'This session is an introduction to community organising and will cover building winnable campaigns and winning in between elections.',
    strand: 'community',
    prerequisites: [],
    audience: ['new-activists', 'activists', 'role-holders'],
    durationMinutes: 120,
    tools: [],
    beforeYouCome: [
      'Think of a local issue people near you care about',
    ],
    afterSession: 'Have a one-to-one conversation with someone in your community this week.',
    translations: {
      gd: {
        title: 'Eagrachadh Coimhearsnachd',
        summary:
          'Ro-ràdh do dh’eagrachadh coimhearsnachd: iomairtean a ghabhas buannachadh a thogail, agus buannachadh eadar taghaidhean.',
      },
      cy: {
        title: 'Trefnu Cymunedol',
        summary:
          'Cyflwyniad i drefnu cymunedol: adeiladu ymgyrchoedd y gellir eu hennill, ac ennill rhwng etholiadau.',
      },
    },
  },
  {
    id: 'message-digital-social',
    title: 'Delivering your message: digital (creating good social media content)',
    summary: 'Top tips for good social media content: engaging copy, good photos and simple graphics.',
    description:
      'Campaigning using digital channels must be an integral part of every Labour campaign.\n\n' +
      'This session will cover the importance of using digital in campaigning and top tips for producing good social media content, including writing engaging copy, taking good photos and producing simple graphics.',
    strand: 'message',
    series: 'message-digital',
    part: 1,
    prerequisites: [],
    audience: ['new-activists', 'activists', 'candidates'],
    durationMinutes: 120,
    tools: [],
    beforeYouCome: [
      'If you run your CLP’s social media, bring a phone or laptop signed in to its accounts',
    ],
    afterSession: 'Plan a week of posts for your CLP.',
    translations: {
      gd: {
        title: 'Do theachdaireachd a lìbhrigeadh: didseatach (susbaint mhath airson nam meadhanan sòisealta)',
        summary:
          'Molaidhean airson susbaint mhath air na meadhanan sòisealta: teacsa tarraingeach, dealbhan math agus grafaigean sìmplidh.',
      },
      cy: {
        title: 'Cyflwyno eich neges: digidol (creu cynnwys da ar gyfer y cyfryngau cymdeithasol)',
        summary:
          'Awgrymiadau ar gyfer cynnwys da ar y cyfryngau cymdeithasol: testun difyr, lluniau da a graffeg syml.',
      },
    },
  },
  {
    id: 'message-digital-advertising',
    title: 'Delivering your message: digital (targeting voters online, digital advertising)',
    summary: 'Create exciting, engaging digital advertising and get your message across on Facebook and other social media.',
    description:
      'Want to learn how to create exciting and engaging digital advertising to give your local campaigns an impressive online presence?\n\n' +
      'Come and learn how you can use digital advertising in your campaigns and how you and your local party can get your message across on Facebook and other social media channels.',
    strand: 'message',
    series: 'message-digital',
    part: 2,
    prerequisites: [],
    audience: ['activists', 'candidates', 'role-holders'],
    durationMinutes: 120,
    tools: [],
    beforeYouCome: [
      'Find out who manages your CLP’s advertising account',
    ],
    afterSession: 'Draft your first targeted advert and ask your CLP to approve it.',
    translations: {
      gd: {
        title: 'Do theachdaireachd a lìbhrigeadh: didseatach (cuimseachadh air luchd-bhòtaidh air loidhne, sanasachd dhidseatach)',
        summary:
          'Cruthaich sanasachd dhidseatach inntinneach, tharraingeach agus faigh do theachdaireachd thairis air Facebook is meadhanan sòisealta eile.',
      },
      cy: {
        title: 'Cyflwyno eich neges: digidol (targedu pleidleiswyr ar-lein, hysbysebu digidol)',
        summary:
          'Creu hysbysebion digidol cyffrous a difyr, a chyfleu eich neges ar Facebook a chyfryngau cymdeithasol eraill.',
      },
    },
  },
  {
    id: 'message-digital-video',
    title: 'Delivering your message: digital (video for social media)',
    summary: 'A hands-on workshop on producing quality video content for your online campaigns.',
    description:
      'Good videos add real impact to your online campaigns, and are a great way of getting your message out on social media.\n\n' +
      'Come along to this workshop and find out how to produce quality video content.',
    strand: 'message',
    series: 'message-digital',
    part: 3,
    prerequisites: [],
    audience: ['activists', 'candidates'],
    durationMinutes: 180,
    tools: [],
    beforeYouCome: [
      'Bring a phone with a camera and some free storage',
    ],
    afterSession: 'Film a 30-second video about a local campaign.',
    translations: {
      gd: {
        title: 'Do theachdaireachd a lìbhrigeadh: didseatach (bhidio airson nam meadhanan sòisealta)',
        summary:
          'Bùth-obrach phractaigeach air susbaint bhidio de dheagh chàileachd a dhèanamh airson nan iomairtean agad air loidhne.',
      },
      cy: {
        title: 'Cyflwyno eich neges: digidol (fideo ar gyfer y cyfryngau cymdeithasol)',
        summary:
          'Gweithdy ymarferol ar gynhyrchu cynnwys fideo o safon ar gyfer eich ymgyrchoedd ar-lein.',
      },
    },
  },
  {
    id: 'message-print',
    title: 'Delivering your message: print',
    summary: 'Tell your story in print: engaging copy, good photos, effective direct mail and managing local media.',
    description:
      'Being able to tell a story and articulate your message in printed materials is a fundamental part of every Labour campaign.\n\n' +
      'Writing engaging copy, taking good photos and delivering effective direct mail are central elements of a winning print plan. This session will also cover how to manage your message in the local media to ensure that you maximise all your print campaigning.',
    strand: 'message',
    prerequisites: [],
    audience: ['activists', 'candidates', 'role-holders'],
    durationMinutes: 120,
    tools: [],
    beforeYouCome: [
      'Bring a leaflet your CLP has used recently',
    ],
    afterSession: 'Redesign one of your CLP’s leaflets with what you learned.',
    translations: {
      gd: {
        title: 'Do theachdaireachd a lìbhrigeadh: clò',
        summary:
          'Innis do sgeulachd ann an clò: teacsa tarraingeach, dealbhan math, post dìreach èifeachdach agus dèiligeadh ris na meadhanan ionadail.',
      },
      cy: {
        title: 'Cyflwyno eich neges: print',
        summary:
          'Adrodd eich stori mewn print: testun difyr, lluniau da, post uniongyrchol effeithiol a rheoli’r cyfryngau lleol.',
      },
    },
  },
  {
    id: 'targeting-and-analysis',
    title: 'Targeting and Analysis',
    summary:
      'Run data-driven, targeted campaigns with Contact Creator selections, mosaic profiling and Labour’s targeting and reporting tool Insight.',
    description:
      'Come and learn how to run data-driven, targeted campaigns and better understand voters in your constituency.\n\n' +
      'You will learn how to use the advanced features of Contact Creator to build selections, and how to use mosaic profiling. You will also learn about Labour’s new targeting and reporting tool Insight to produce interactive visualisations and summaries of data on electors in your area.',
    strand: 'data',
    prerequisites: [],
    audience: ['activists', 'candidates', 'role-holders'],
    durationMinutes: 180,
    tools: ['Contact Creator', 'Mosaic', 'Insight'],
    beforeYouCome: [
      'Ask your CLP for Contact Creator access that can build selections',
      'Ask your CLP about access to Insight',
      'Bring a laptop: these tools are hard to use on a phone',
    ],
    afterSession: 'Build a target selection for your next campaign in Contact Creator.',
    translations: {
      gd: {
        title: 'Cuimseachadh agus Mion-sgrùdadh',
        summary:
          'Ruith iomairtean cuimsichte stèidhichte air dàta le taghaidhean Contact Creator, pròifileadh Mosaic agus Insight, inneal cuimseachaidh is aithris a’ Phàrtaidh Làbarach.',
      },
      cy: {
        title: 'Targedu a Dadansoddi',
        summary:
          'Cynnal ymgyrchoedd wedi’u targedu ac wedi’u seilio ar ddata gyda detholiadau Contact Creator, proffilio Mosaic ac Insight, offeryn targedu ac adrodd Llafur.',
      },
    },
  },
  {
    id: 'working-with-trade-unions',
    title: 'Working with Trade Unions',
    summary: 'Build relationships with local trade union branches: the Labour link, TULO and the CLP trade union co-ordinator.',
    description:
      'Building relationships with local trade union branches is essential for building a broad, grassroots, people-powered movement.\n\n' +
      'In this session you will learn more about the history of the Labour link, the role of TULO, the role of a CLP co-ordinator and how you can make the most of the union connection.',
    strand: 'unions',
    prerequisites: [],
    audience: ['activists', 'role-holders'],
    durationMinutes: 120,
    tools: [],
    beforeYouCome: [
      'Find out which trade unions are affiliated to your CLP',
    ],
    afterSession: 'Get in touch with your CLP’s trade union liaison officer (TULO).',
    translations: {
      gd: {
        title: 'Ag obair le Aonaidhean-ciùird',
        summary:
          'Tog dàimhean le meuran ionadail nan aonaidhean-ciùird: an ceangal Làbarach, TULO agus co-òrdanaiche aonaidhean-ciùird a’ CLP.',
      },
      cy: {
        title: 'Gweithio gydag Undebau Llafur',
        summary:
          'Meithrin perthynas â changhennau lleol undebau llafur: y cyswllt Llafur, TULO a chydlynydd undebau llafur y CLP.',
      },
    },
  },
  {
    id: 'building-your-clp',
    title: 'Building your CLP',
    summary:
      'Make your CLP more engaging: effective local meetings, member mobilisation, safeguarding, and equality and diversity.',
    description:
      'During this session we give you top tips on how to make CLPs more engaging for members. We will share best practice for Labour Party role holders, including how to hold effective local meetings and member mobilisation to get more people involved locally.\n\n' +
      'The session will also cover safeguarding and how you can embed equality and diversity in your CLP to ensure your meetings are safe, inclusive and accessible.',
    strand: 'clp',
    prerequisites: [],
    audience: ['role-holders', 'activists'],
    durationMinutes: 120,
    tools: [],
    beforeYouCome: [
      'Bring your CLP’s latest membership figures if you have them',
    ],
    afterSession: 'Share one idea from the session at your next CLP meeting.',
    translations: {
      gd: {
        title: 'A’ togail a’ CLP agad',
        summary:
          'Dèan an CLP agad nas tarraingiche: coinneamhan ionadail èifeachdach, buill a ghluasad gu gnìomh, dìon, agus co-ionannachd is iomadachd.',
      },
      cy: {
        title: 'Adeiladu eich CLP',
        summary:
          'Gwneud eich CLP yn fwy deniadol: cyfarfodydd lleol effeithiol, ysgogi aelodau, diogelu, a chydraddoldeb ac amrywiaeth.',
      },
    },
  },
];
