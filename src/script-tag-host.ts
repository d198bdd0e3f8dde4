/**
 * The page's `<consent-manager>` as the script tag's entry may act for it before the element is
 * defined (the first layer, src/first-layer.ts; the early gate, src/early-gate.ts): only where it
 * knows the config the element will start from, and the element will be able to start. Read once
 * for both, with the state the element's own store will apply.
 */

import { type ConsentConfig, parseConfig } from './core/config.js';
import { FallbackStorage, MemoryStorage } from './core/storage.js';
import { type ConsentState, ConsentStore } from './core/store.js';
import { createBrowserStorage } from './dom/browser-storage.js';
import { readGlobalPrivacyControl } from './dom/page.js';

export interface ScriptTagHost {
  readonly host: HTMLElement;
  readonly win: Window & typeof globalThis;
  /** The text of the element's JSON child, and the config it gives, without errors. */
  readonly configText: string;
  readonly config: ConsentConfig;
  /**
   * The state the element's store will apply: the stored choice (the cookie and its copies) under
   * `config`, Global Privacy Control included. Read only: a GPC override is the element's to
   * store and announce.
   */
  readonly state: ConsentState;
}

/**
 * Whether markup in the page shadows one of the document's own properties by name
 * (`<img name="querySelectorAll">`, `<iframe name="documentElement">`): the element reads them by
 * name and then cannot start, so what the entry did for it would never be taken over.
 */
function clobbered(doc: Document): boolean {
  return [...Document.prototype.querySelectorAll.call(doc, 'embed[name], form[name], iframe[name], img[name], object[name], object[id]')].some((element) => {
    const name = element.getAttribute('name') ?? element.id;
    return name in Document.prototype || name in Node.prototype || name in EventTarget.prototype;
  });
}

/**
 * The page's one `<consent-manager>`, not yet defined, with its config as JSON in its child
 * script (without one the config may come from code, later) and no property set on it from code
 * (`config`, `scriptSources`: the element would start from those); `null` anywhere else, or when
 * the JSON is malformed, the config has errors (the element reports them) or storage cannot be
 * read. `known`, read earlier in this page, gives its config when it still describes the element
 * and its JSON, rather than parsed again; the stored choice is always read anew. Never throws.
 */
export function scriptTagHost(doc: Document, known?: ScriptTagHost | null): ScriptTagHost | null {
  try {
    const hosts = Document.prototype.querySelectorAll.call(doc, 'consent-manager');
    if (hosts.length !== 1 || clobbered(doc)) return null;
    const host = hosts[0] as HTMLElement;
    const win = doc.defaultView;
    if (!win || win.customElements.get('consent-manager') || Object.hasOwn(host, 'config') || Object.hasOwn(host, 'scriptSources')) return null;
    const script = host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    if (!script) return null;
    const configText = script.text;
    const { config, errors } = known?.host === host && known.configText === configText ? { config: known.config, errors: [] } : parseConfig(JSON.parse(configText));
    if (errors.length > 0) return null;
    // The stored choice is read each time: another tab may have changed it since `known` was read.
    const store = new ConsentStore({ config, storage: new FallbackStorage([new MemoryStorage()]), gpc: readGlobalPrivacyControl(win.navigator), language: config.language });
    const { state } = store.load(createBrowserStorage(config.storage, win).read());
    return { host, win, configText, config, state };
  } catch {
    return null;
  }
}
