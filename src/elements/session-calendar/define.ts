import { define } from '../shared/define.js';
import { MobiliseSessionCalendar } from './session-calendar.js';

define('mobilise-session-calendar', MobiliseSessionCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-session-calendar': MobiliseSessionCalendar;
  }
}
