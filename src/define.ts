/** Registers `<consent-manager>` and `<consent-cookie-table>`. The only module of the package with a side effect. */
import { rememberBundleUrl } from './dom/page.js';
import { ConsentCookieTableElement } from './ui/consent-cookie-table.js';
import { ConsentManagerElement } from './ui/consent-manager.js';

// The nonce of the script that loaded the bundle is found by this module's URL (it is the
// bundle's entry, or part of it).
rememberBundleUrl(import.meta.url);

let defined = false;
const defineAll = (): void => {
  if (defined) return;
  defined = true;
  // A second copy of the script (another version, say) warns once and leaves both tags to the
  // first: its cookie table would not find the first copy's manager state anyway.
  if (ConsentManagerElement.define()) ConsentCookieTableElement.define();
};

// A banner a server rendered (Declarative Shadow DOM, src/core/server-render.ts) needs no script
// to be seen, but a module script that has arrived by the end of parsing runs before the page's
// first frame, and defining the element starts it (config, stored choice, gate, Lit's first
// update): that would hold the banner's first paint (BENCHMARKS.md, "server-rendered"). So the
// element is defined once a frame has been rendered; it then adopts the painted banner. A hidden
// page renders no frames, and the timer covers a frame the browser never renders (an off-screen
// frame it throttles); it is long because a busy phone can take over a second to render the first.
if (document.visibilityState === 'visible' && document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner')) {
  requestAnimationFrame(() => setTimeout(defineAll));
  setTimeout(defineAll, 3000);
} else {
  defineAll();
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-manager': ConsentManagerElement;
    'consent-cookie-table': ConsentCookieTableElement;
  }
}
