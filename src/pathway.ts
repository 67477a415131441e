/**
 * dist/pathway/pathway.js: "My Mobilise pathway", served by the reference backend at /pathway.
 * Its own build (vite.config.ts), never part of the embed (dist/mobilise.js) or its budget.
 */
import './elements/pathway/define.js';
