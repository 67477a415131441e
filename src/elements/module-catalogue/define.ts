import { define } from '../shared/define.js';
import { MobiliseModuleCatalogue } from './module-catalogue.js';

define('mobilise-module-catalogue', MobiliseModuleCatalogue);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-module-catalogue': MobiliseModuleCatalogue;
  }
}
