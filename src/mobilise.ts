/**
 * The embed bundle: one <script type="module"> registers every element.
 * Safe to include twice: each registration is guarded.
 *
 * It exports nothing: a script-tag page talks to the elements through attributes
 * and DOM events, and re-exporting the API (schemas, client, ICS helpers) would
 * keep all of it in the bundle whether a page used it or not (0.8 KB gzip).
 * npm users import the API from `mobilise-widgets`.
 */
import './context/define.js';
import './elements/module-catalogue/define.js';
import './elements/session-calendar/define.js';
import './elements/signup-form/define.js';
