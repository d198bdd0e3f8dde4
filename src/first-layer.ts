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
 * - in the language the element would pick (the `lang` of the element or an ancestor, the
 *   page's, the browser's, the config's): English at once, any other shipped language once its
 *   texts have come in a small chunk of their own (`BANNER_MESSAGE_LOADERS`), read again then;
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
import { BANNER_MESSAGE_LOADERS } from './core/generated/banner-message-loaders.js';
import { type BannerMessages, ENGLISH_BANNER_MESSAGES } from './core/generated/banner-messages.js';
import { BANNER_STYLES } from './core/generated/inline-first-layer.js';
import { pickLanguageIn } from './core/language-match.js';
import { settingsLabel, wantedLanguageTags } from './dom/page.js';
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

/** The shipped languages: English and those with loaders (test/ui/first-layer.test.ts checks they are the element's). */
const SHIPPED_LANGUAGES = ['en', ...Object.keys(BANNER_MESSAGE_LOADERS)];

/**
 * The language the first layer would paint `found`'s banner in, the one the element will speak;
 * `undefined` where it paints nothing whatever the language (see above). Never throws.
 */
export function firstLayerLanguage(found: ScriptTagHost | null): string | undefined {
  try {
    if (!found || found.state.decided) return undefined;
    const { host, win, config } = found;
    if (host.shadowRoot || host.hasAttribute('headless')) return undefined;
    if (typeof win.CSSStyleSheet !== 'function' || !('replaceSync' in win.CSSStyleSheet.prototype)) return undefined;
    // The element's rule (src/ui/controllers/language-controller.ts, `pickLanguage`): English when
    // the most wanted tag is, else the first tag that gets a shipped language, else English.
    const tags = wantedLanguageTags(host, config.language);
    return /^en\b/i.test(tags[0] ?? '') ? 'en' : pickLanguageIn(tags, SHIPPED_LANGUAGES, 'en');
  } catch {
    return undefined;
  }
}

/**
 * The banner's messages in `language`: English's at once, any other's from its chunk. Rejects
 * when that chunk cannot be loaded, or the language is not shipped.
 */
export function firstLayerMessages(language: string): BannerMessages | Promise<BannerMessages> {
  if (language === 'en') return ENGLISH_BANNER_MESSAGES;
  const load = Object.hasOwn(BANNER_MESSAGE_LOADERS, language) ? BANNER_MESSAGE_LOADERS[language] : undefined;
  return load ? load().then(({ MESSAGES }) => MESSAGES) : Promise.reject(new Error(`no banner messages for ${language}`));
}

/**
 * Paints the banner into the page's `<consent-manager>` (`found`, see `scriptTagHost`) in
 * `language`, with its `messages`, if a new visitor is due one there and it can be painted as the
 * element would show it (see above). Returns whether it did; never throws.
 */
export function paintFirstLayer(found: ScriptTagHost | null, language: string, messages: BannerMessages): boolean {
  try {
    if (firstLayerLanguage(found) !== language) return false;
    const { host, win, config, state } = found!;
    const doc = host.ownerDocument;
    const gpc = state.gpc && config.gpcDenies.length > 0;
    const banner = bannerNodes(doc, bannerTree(config, language, messages, gpc, host.hasAttribute('blocking'), { settingsLabel: settingsLabel(doc), adapters: [] }));
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
