/**
 * The embed bundle: one <script type="module"> registers every element.
 * Safe to include twice: each registration is guarded.
 *
 * It exports nothing: a script-tag page talks to the elements through attributes
 * and DOM events, and re-exporting the API (schemas, client, ICS helpers) would
 * keep all of it in the bundle whether a page used it or not (0.8 KB gzip).
 * npm users import the API from `mobilise-widgets`.
 */
// The style sheets first, side by side: gzip's 32 KB window then finds what they share (0.3 KB).
import './elements/shared/base.styles.js';
import './elements/module-catalogue/module-catalogue.styles.js';
import './elements/session-calendar/session-calendar.styles.js';
import './elements/signup-form/signup-form.styles.js';
import { MobiliseProvider } from './context/provider.js';
import { MobiliseModuleCatalogue } from './elements/module-catalogue/module-catalogue.js';
import { MobiliseSessionCalendar } from './elements/session-calendar/session-calendar.js';
import { register } from './elements/shared/define.js';
import { MobiliseSignupForm } from './elements/signup-form/signup-form.js';

// The provider first: every element then upgrades inside a provider that already answers, so no
// context request is left waiting and this bundle needs no ContextRoot (the one-element scripts attach one).
register('mobilise-provider', MobiliseProvider);
register('mobilise-module-catalogue', MobiliseModuleCatalogue);
register('mobilise-session-calendar', MobiliseSessionCalendar);
register('mobilise-signup-form', MobiliseSignupForm);
