/** What the component reads from the page it runs on. */

import { settingsLinkText } from '../core/partners.js';

/**
 * Whether the browser sends Global Privacy Control. Only `true` counts: the property exists
 * with `false` in browsers that support GPC but where the visitor has not turned it on.
 */
export function readGlobalPrivacyControl(navigatorLike: Navigator = navigator): boolean {
  return (navigatorLike as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
}

/**
 * The URL of the script that loaded this bundle, as the first entry module to run reports it.
 * Kept on the page's global object under a registered symbol (which markup cannot reach), not in
 * this module: the bundle can run as two module instances in one page, when the script tag's URL
 * carries a query (WordPress's `?ver=`) and the chunks import the entry by its URL without one,
 * and the second instance's URL matches no `<script>` in the page.
 */
const BUNDLE_URL = Symbol.for('consent-manager.bundle-url');
const holder = globalThis as { [BUNDLE_URL]?: string };

/**
 * Records the entry module's `import.meta.url`, so that the nonce of the `<script>` that loaded
 * the bundle can be found. Called once by the entry; later calls are ignored.
 */
export function rememberBundleUrl(url: string): void {
  holder[BUNDLE_URL] ??= url;
}

/**
 * The CSP nonce that vouches for scripts this component inserts, from sources markup injected
 * into the page cannot set first: the element's own `nonce` (attribute or property), else the
 * nonce of the `<script>` that loaded the bundle, found by the bundle's URL, and only when exactly
 * one script element on the page has that URL (an injected copy with a made-up nonce makes it
 * ambiguous, and then there is none). Browsers hide the nonce attribute after parsing, so it is
 * read from the `nonce` property. Never the nonce of some other script: injected markup can come
 * first in the page.
 */
export function pageNonce(element: HTMLElement): string | undefined {
  if (element.nonce) return element.nonce;
  const url = holder[BUNDLE_URL];
  if (!url) return undefined;
  const loaders = [...element.ownerDocument.getElementsByTagName('script')].filter((script) => script.hasAttribute('src') && script.src === url);
  return loaders.length === 1 ? loaders[0]!.nonce || undefined : undefined;
}

/**
 * The text of the page's first settings link (`data-consent-open`), or its `aria-label`, for the
 * banner to say where the choice can be changed later; undefined when the page has none.
 */
export function settingsLabel(doc: Document): string | undefined {
  const opener = doc.querySelector('[data-consent-open]');
  return settingsLinkText(opener?.textContent?.trim() || opener?.getAttribute('aria-label'));
}

/**
 * The language tags a visitor wants for `host`'s UI, most wanted first: the `lang` of the element
 * or an ancestor, the page's, the browser's, then the config's `language`. The element's language
 * and the script tag's first layer both start from these, so that they pick the same language.
 */
export function wantedLanguageTags(host: Element, configLanguage: string): string[] {
  const doc = host.ownerDocument;
  return [host.closest('[lang]')?.getAttribute('lang'), doc.documentElement.lang, ...(doc.defaultView?.navigator.languages ?? []), configLanguage].filter(Boolean) as string[];
}
