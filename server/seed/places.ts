import type { AccessFeature, Venue } from '../../src/contract/index.js';

/** Demo venues per area: community halls and trade union rooms of the kind CLPs book. */
export const VENUES: Record<string, Venue[]> = {
  Glasgow: [
    { name: 'Partick Burgh Hall', address: '9 Burgh Hall Street, Glasgow', postcode: 'G11 5LW' },
    { name: 'Clydeside Trades Union Centre, Room 3', address: '84 Carlton Place, Glasgow', postcode: 'G5 9TD' },
  ],
  Edinburgh: [
    { name: 'Leith Community Hall', address: '24 Ferry Road, Leith, Edinburgh', postcode: 'EH6 4AE' },
    { name: 'Edinburgh Trades Council Rooms', address: '12 Picardy Place, Edinburgh', postcode: 'EH1 3JT' },
  ],
  Aberdeen: [{ name: 'Aberdeen Trades Union Centre', address: '13 Adelphi, Aberdeen', postcode: 'AB11 5BL' }],
  Dundee: [{ name: 'Lochee Community Hall', address: '165 High Street, Lochee, Dundee', postcode: 'DD2 3DB' }],
  Inverness: [{ name: 'Merkinch Community Centre', address: 'Coronation Park, Inverness', postcode: 'IV3 8AN' }],
  Stirling: [{ name: 'Raploch Community Hall', address: 'Drip Road, Stirling', postcode: 'FK8 1RD' }],
  Paisley: [{ name: 'Paisley Town Hall, Committee Room 2', address: 'Abbey Close, Paisley', postcode: 'PA1 1JF' }],
  Falkirk: [{ name: 'Falkirk Trades Council Hall', address: '21 Cow Wynd, Falkirk', postcode: 'FK1 1PU' }],
  Ayrshire: [{ name: 'Kilmarnock Miners’ Welfare Hall', address: '30 Portland Road, Kilmarnock', postcode: 'KA1 2DL' }],
  Fife: [
    { name: 'Kirkcaldy Trades Hall', address: '50 Esplanade, Kirkcaldy', postcode: 'KY1 1SE' },
    { name: 'Dunfermline Carnegie Hall, Studio 1', address: 'East Port, Dunfermline', postcode: 'KY12 7JA' },
  ],
};

/** The area name used for sessions run online for everyone. */
export const ONLINE_AREA = 'Scotland-wide';

export const TRAINERS = [
  'Morag Henderson',
  'Callum MacLeod',
  'Aisha Rahman',
  'Jamie Dougan',
  'Siobhán O’Neill',
  'Euan Fraser',
  'Priya Nair',
  'Kirsty Boyle',
  'Tomasz Nowak',
  'Fiona Campbell',
];

/** A venue's or a call's access: the features members can filter on, and a note for what they cannot say. */
export interface Access {
  features: AccessFeature[];
  note: string;
}

/** Features in ACCESS_FEATURES' order, as the server stores them. */
export const IN_PERSON_ACCESS: Access[] = [
  {
    features: ['step-free', 'accessible-toilets', 'public-transport'],
    note: 'Step-free access throughout and an accessible toilet on the ground floor, five minutes’ walk from the station. BSL interpretation on request – tell us when you sign up.',
  },
  { features: ['step-free', 'hearing-loop'], note: 'Hearing loop in the main hall. Step-free entrance at the side door; ask at reception for the lift.' },
  {
    features: ['step-free', 'hearing-loop', 'quiet-room', 'accessible-toilets', 'parking'],
    note: 'Ground-floor room with step-free access, a hearing loop, an accessible toilet and a quiet room. Accessible parking for two cars.',
  },
  {
    features: ['step-free', 'hearing-loop', 'childcare', 'public-transport'],
    note: 'First-floor room reached by lift, next to the bus station. Large-print handouts and BSL on request. A crèche runs alongside: tell us your children’s ages when you sign up.',
  },
];

export const ONLINE_ACCESS: Access[] = [
  { features: ['bsl', 'captions'], note: 'Runs on Zoom with live captions and a BSL interpreter on screen. Slides sent in advance on request.' },
  { features: ['captions'], note: 'Live captions on. You can join by phone if video is difficult. Tell us about any access needs when you sign up.' },
];
