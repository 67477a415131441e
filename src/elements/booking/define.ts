import { register } from '../shared/define.js';
import { MobiliseBooking } from './booking.js';

register('mobilise-booking', MobiliseBooking);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-booking': MobiliseBooking;
  }
}
