/**
 * dist/request/request.js: "Ask for this module near me", served by the reference backend at /request.
 * Its own build (vite.config.ts), never part of the embed (dist/mobilise.js) or its budget: the embed
 * only links here.
 */
import './elements/module-request/define.js';
