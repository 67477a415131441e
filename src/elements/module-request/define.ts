import { register } from '../shared/define.js';
import { MobiliseModuleRequest } from './module-request.js';

register('mobilise-module-request', MobiliseModuleRequest);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-module-request': MobiliseModuleRequest;
  }
}
