import { define } from '../elements/shared/define.js';
import { MobiliseProvider } from './provider.js';

define('mobilise-provider', MobiliseProvider);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-provider': MobiliseProvider;
  }
}
