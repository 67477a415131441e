import { define } from '../shared/define.js';
import { MobiliseSignupForm } from './signup-form.js';

define('mobilise-signup-form', MobiliseSignupForm);

declare global {
  interface HTMLElementTagNameMap {
    'mobilise-signup-form': MobiliseSignupForm;
  }
}
