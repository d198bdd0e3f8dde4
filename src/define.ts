/** Registers `<consent-manager>` and `<consent-cookie-table>`. The only module of the package with a side effect. */
import { ConsentCookieTableElement } from './ui/consent-cookie-table.js';
import { ConsentManagerElement } from './ui/consent-manager.js';

ConsentManagerElement.define();
ConsentCookieTableElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'consent-manager': ConsentManagerElement;
    'consent-cookie-table': ConsentCookieTableElement;
  }
}
