/** Side-effect-free API for npm users; import 'mobilise-widgets/define' (or dist/mobilise.js) to register the elements. */
export * from './contract/index.js';
export * from './client/index.js';
export * from './context/index.js';
export { MobiliseModuleCatalogue } from './elements/module-catalogue/module-catalogue.js';
export { MobiliseSessionCalendar } from './elements/session-calendar/session-calendar.js';
export { MobiliseSignupForm } from './elements/signup-form/signup-form.js';
