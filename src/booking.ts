/**
 * dist/booking/booking.js: "Your booking", served by the reference backend at /booking, where every
 * emailed confirm and manage link leads. Its own build (vite.config.ts), never part of the embed
 * (dist/mobilise.js) or its budget: the embed only forwards old links here.
 */
import './elements/booking/define.js';
