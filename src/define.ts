/** Registers `<consent-manager>`. The only module of the package with a side effect. */
import { ConsentManagerElement } from './ui/consent-manager.js';

ConsentManagerElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'consent-manager': ConsentManagerElement;
  }
}
