/** Registers `<consent-manager>` and `<consent-cookie-table>`. The only module of the package with a side effect. */
import { rememberBundleUrl } from './dom/page.js';
import { ConsentCookieTableElement } from './ui/consent-cookie-table.js';
import { ConsentManagerElement } from './ui/consent-manager.js';

// The nonce of the script that loaded the bundle is found by this module's URL (it is the
// bundle's entry, or part of it).
rememberBundleUrl(import.meta.url);

// A second copy of the script (another version, say) warns once and leaves both tags to the
// first: its cookie table would not find the first copy's manager state anyway.
if (ConsentManagerElement.define()) ConsentCookieTableElement.define();

declare global {
  interface HTMLElementTagNameMap {
    'consent-manager': ConsentManagerElement;
    'consent-cookie-table': ConsentCookieTableElement;
  }
}
