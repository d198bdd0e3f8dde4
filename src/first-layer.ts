/**
 * The script tag's first layer (issue 15): a new visitor's banner, painted by the small entry of
 * `dist/consent-manager.js` as soon as the page is parsed, before Lit and the element are even
 * fetched. It is the banner the server renderer writes (src/core/banner-markup.ts), built into the
 * element's shadow root with the banner's styles as a constructed stylesheet (which no
 * `style-src` policy governs); the element, loaded once it has been painted
 * (src/first-paint-loader.ts), adopts it as it adopts a server's (src/ui/banner.ts).
 *
 * It paints only where it can be sure of painting the banner the element would show; everywhere
 * else it paints nothing and the element shows its own, as before:
 * - exactly one `<consent-manager>` in the page, not `headless`, without a shadow root (a server
 *   rendered one) and not yet defined, and given its config as JSON in its child script (without
 *   one the config may come from code, later), a config without errors;
 * - the visitor wants English (the language the element would pick: the `lang` of the element or
 *   an ancestor, the page's, the browser's, the config's): the other languages' texts are not in
 *   the entry;
 * - no valid stored choice, read from the cookie and its copies by the element's own store
 *   (`scriptTagHost`);
 * - a browser with constructed stylesheets, and a page whose markup shadows none of the
 *   document's own properties (the element could not start there).
 * It builds the banner's nodes from the same description the server writes out as markup, so it
 * parses no markup: no text of the config can become an element, and a page under Trusted Types
 * has no sink to refuse.
 * Adapters the page gives the element from code can change the partner sentence; the element
 * then replaces the painted banner with its own, as it does a served one that differs.
 */

import { type BannerNode, bannerTree } from './core/banner-markup.js';
import { ENGLISH_BANNER_MESSAGES } from './core/generated/banner-messages.js';
import { BANNER_STYLES } from './core/generated/inline-first-layer.js';
import { settingsLabel } from './dom/page.js';
import type { ScriptTagHost } from './script-tag-host.js';

/**
 * `nodes` built in `doc` as a fragment: no markup is parsed, so no HTML sink is used (Trusted
 * Types have nothing to refuse) and no text can become an element. Adjacent texts are joined, as
 * a parser joins them.
 */
function bannerNodes(doc: Document, nodes: readonly BannerNode[]): DocumentFragment {
  const build = (node: BannerNode): Node => {
    if (typeof node === 'string') return doc.createTextNode(node);
    const [name, attributes, ...children] = node;
    const element = doc.createElement(name);
    for (const [attribute, value] of Object.entries(attributes)) if (value !== null) element.setAttribute(attribute, value);
    element.append(...children.map(build));
    return element;
  };
  const fragment = doc.createDocumentFragment();
  fragment.append(...nodes.map(build));
  fragment.normalize();
  return fragment;
}

/**
 * Paints the banner into the page's `<consent-manager>` (`found`, see `scriptTagHost`) if a new
 * visitor is due one and it can be painted as the element would show it (see above). Returns
 * whether it did; never throws.
 */
export function paintFirstLayer(found: ScriptTagHost | null): boolean {
  try {
    if (!found || found.state.decided) return false;
    const { host, win, config, state } = found;
    const doc = host.ownerDocument;
    if (host.shadowRoot || host.hasAttribute('headless')) return false;
    if (typeof win.CSSStyleSheet !== 'function' || !('replaceSync' in win.CSSStyleSheet.prototype)) return false;
    const wanted = [host.closest('[lang]')?.getAttribute('lang'), doc.documentElement.lang, ...win.navigator.languages, config.language].find(Boolean);
    if (wanted && !/^en\b/i.test(wanted)) return false;
    const gpc = state.gpc && config.gpcDenies.length > 0;
    const banner = bannerNodes(doc, bannerTree(config, 'en', ENGLISH_BANNER_MESSAGES, gpc, host.hasAttribute('blocking'), { settingsLabel: settingsLabel(doc), adapters: [] }));
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(BANNER_STYLES);
    const root = host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.append(banner);
    host.setAttribute('showing', 'banner');
    // The element keeps this stylesheet until its own banner shows, and then removes it (src/ui/consent-manager.ts).
    return true;
  } catch {
    // The element reports what needs reporting.
    return false;
  }
}
