/**
 * dist/admin/admin.js: the organiser console, served by the reference backend at /admin.
 * Its own build (vite.config.ts), never part of the embed (dist/mobilise.js) or its budget.
 */
import './elements/admin-console/define.js';
