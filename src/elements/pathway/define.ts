import { register } from '../shared/define.js';
import { MobilisePathway } from './pathway.js';

register('mobilise-pathway', MobilisePathway);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-pathway': MobilisePathway;
  }
}
