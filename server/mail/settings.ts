/** Who the emails come from and what they promise; parsed from the environment in config.ts. */
export interface MailSettings {
  /** "Name <address>" or an address. */
  from: string;
  replyTo?: string;
  /** Who processes the data, named in every footer. */
  controller: string;
  /** Privacy notice linked from every footer; else the one the form showed. */
  privacyUrl?: string;
  /** An unconfirmed hold lapses after this long (never after the session starts). */
  holdHours: number;
  /** A reminder goes this long before the session; 0 sends none. */
  reminderHours: number;
  /** The "My Mobilise pathway" page (`<server>/pathway`): every member email links to it. None without it. */
  pathwayUrl?: string;
  /**
   * The "Ask for this module near me" page (`<server>/request`): a request's confirmation link leads
   * there (`#mobilise-request=<token>`). Without it, back to the page the member asked from.
   */
  requestUrl?: string;
  /**
   * The booking page (`<server>/booking`): every confirm and manage link leads there
   * (`#mobilise-confirm=…`, `#mobilise-booking=…`). Without it, to the page the member signed up on.
   */
  bookingUrl?: string;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  from: 'Mobilise training <training@mobilise.invalid>',
  controller: 'The training organisers',
  holdHours: 24,
  reminderHours: 24,
};
