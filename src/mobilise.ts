/**
 * The embed bundle: one <script type="module"> registers every element.
 * Safe to include twice: each registration is guarded.
 */
import './context/define.js';
import './elements/module-catalogue/define.js';
import './elements/session-calendar/define.js';
import './elements/signup-form/define.js';

export * from './index.js';
