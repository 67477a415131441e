/**
 * Every user-facing string in one place, ready for localisation.
 * Validation messages follow the GOV.UK pattern: say what to do, not what went wrong.
 * This module is pure data so the contract (and so the server) can share it.
 */
export const en = {
  validation: {
    sessionId: 'Choose a session to sign up for',
    firstName: 'Enter your first name',
    lastName: 'Enter your last name',
    nameTooLong: 'Name must be 100 characters or fewer',
    email: 'Enter an email address in the correct format, like name@example.com',
    phone: 'Enter a telephone number, like 07700 900 982 or +44 7700 900 982',
    postcode: 'Enter a real postcode, like G1 1AA',
    membership: 'Select whether you are a Labour member',
    clp: 'Constituency Labour Party must be 120 characters or fewer',
    accessNeeds: 'Access needs must be 1,000 characters or fewer',
    consentContact: 'Tick the box to agree to be contacted about this session, or we cannot sign you up',
    honeypot: 'Leave this field empty',
    idempotencyKey: 'Something went wrong preparing your signup. Reload the page and try again.',
  },
  state: {
    loading: 'Loading…',
    retry: 'Try again',
    missingEndpoint:
      'This widget is not set up yet: it needs an endpoint. Add endpoint="https://…" to the element or to <mobilise-provider>.',
    invalidEndpoint: (value: string) =>
      `This widget's endpoint "${value}" is not a valid web address. Use a full https:// URL or a path such as /mobilise.json.`,
    network: 'We could not reach the training server. Check your connection and try again.',
    timeout: 'The training server took too long to answer. Try again in a moment.',
    badResponse: 'The training server sent something we could not understand. Try again later.',
    server: 'The training server had a problem. Try again in a moment.',
    partialData: (dropped: number) =>
      `${dropped} item${dropped === 1 ? '' : 's'} could not be shown because the server sent incomplete details.`,
  },
  catalogue: {
    heading: 'Training modules',
    empty: 'No modules match your search.',
    none: 'No training modules are published yet.',
    seeSessions: 'See upcoming sessions',
    upcoming: (n: number) => (n === 0 ? 'No sessions scheduled' : `${n} upcoming session${n === 1 ? '' : 's'}`),
    follows: (title: string) => `Follows ${title}`,
    duration: (minutes: number) => {
      const h = Math.floor(minutes / 60);
      const m = minutes % 60;
      return [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minutes` : ''].filter(Boolean).join(' ');
    },
    tools: 'Tools covered',
    details: 'Details',
  },
  calendar: {
    heading: 'Upcoming sessions',
    empty: 'No upcoming sessions match.',
    signUp: 'Sign up',
    joinWaitlist: 'Join the waiting list',
    spacesLeft: (n: number) => `${n} space${n === 1 ? '' : 's'} left`,
    fewLeft: (n: number) => `Only ${n} left`,
    full: 'Full',
    fullWaitlist: 'Full – waiting list open',
    cancelled: 'Cancelled',
    closed: 'Signups closed',
    online: 'Online',
    inPerson: 'In person',
    hybrid: 'In person or online',
    trainer: (name: string) => `Trainer: ${name}`,
    addToCalendar: 'Add to calendar',
    showingFor: (title: string) => `Showing sessions for ${title}`,
    showAll: 'Show all modules',
  },
  signup: {
    heading: (title: string) => `Sign up: ${title}`,
    chooseSession: 'Choose a session from the calendar to sign up.',
    unavailable: 'Online signup is not available for this session. Please contact your local party to book a place.',
    externalSignup: 'Sign up on our booking page',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email address',
    phone: 'Phone number (optional)',
    postcode: 'Postcode',
    membership: 'Are you a Labour member?',
    member: 'Yes, I am a member',
    supporter: 'I am a registered supporter',
    notYet: 'Not yet',
    clp: 'Your Constituency Labour Party (optional)',
    accessNeeds: 'Access needs (optional)',
    accessHint: 'Tell us anything we should arrange so you can take part fully.',
    consentContact: 'I agree to be contacted about this training session',
    consentMarketing: 'Keep me updated about other training and campaigns (optional)',
    privacy: 'How we use your information',
    honeypot: 'Leave this field empty',
    submit: 'Sign up',
    submitWaitlist: 'Join the waiting list',
    submitting: 'Signing you up…',
    errorSummary: 'There is a problem',
    confirmed: 'You are signed up',
    waitlisted: 'You are on the waiting list',
    reference: (ref: string) => `Your reference is ${ref}`,
    confirmedNext: 'We have sent a confirmation email with joining details. Add the session to your calendar so you do not miss it.',
    waitlistNext: 'We will email you if a place becomes available.',
    full: 'Sorry, this session is now full and has no waiting list. Choose another session.',
    closed: 'Signups for this session have closed. Choose another session.',
    rateLimited: 'Too many signups from this connection. Wait a minute, then try again. Your answers are kept.',
    networkRetry: 'We could not reach the server. Your answers are kept – try again.',
  },
} as const;

export type Strings = typeof en;
