/**
 * The booking endpoints' refusals as server/routes/bookings.ts words them: status, title, detail.
 * The booking view shows the title and detail, so the fake backend and the stories send the same words.
 */
export const tokenProblems = {
  'token-invalid': [404, 'This link does not work', 'Check that you used the whole link from your email. If it still does not work, sign up again.'],
  'token-used': [409, 'You have already confirmed', 'Your booking is confirmed. The email we sent when you confirmed has a link to see or cancel it.'],
  'token-expired': [410, 'This link has expired', 'The session it was for has finished.'],
  'session-started': [409, 'This session has already started', 'Bookings cannot be confirmed or cancelled once a session has started.'],
} as const;
export type TokenProblem = keyof typeof tokenProblems;
