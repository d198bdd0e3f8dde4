/**
 * The script tag's early gate (issue 15): for a visitor whose stored choice allows an optional
 * category, the entry of `dist/consent-manager.js` starts the gate itself, at once, rather than
 * leaving it to the element, which first has to be fetched, evaluated with Lit and started. The
 * element's session then takes this very gate over (src/dom/gate-handoff.ts).
 *
 * It allows exactly what the element will: the state comes from the element's own store, loaded
 * from the same storage under the same config, Global Privacy Control included (its override is
 * stored by the element, not here), and the gate vouches for scripts by the same nonce and
 * `script-sources`. Where the entry cannot be sure of the config (`scriptTagHost`), or where only
 * required categories are allowed, it does nothing and the element gates as before.
 */

import { FallbackStorage, MemoryStorage } from './core/storage.js';
import { ConsentStore } from './core/store.js';
import { report } from './diagnostics/report.js';
import { createBrowserStorage } from './dom/browser-storage.js';
import { offerGate } from './dom/gate-handoff.js';
import { ConsentGate } from './dom/gating.js';
import { pageNonce, readGlobalPrivacyControl } from './dom/page.js';
import { scriptTagHost } from './script-tag-host.js';

/** Starts the page's gate if the stored choice allows an optional category; returns whether it did. Never throws. */
export function startEarlyGate(doc: Document): boolean {
  try {
    const found = scriptTagHost(doc);
    if (!found) return false;
    const { host, win, config } = found;
    // Read-only: what the element's store would apply, without writing anything (a GPC override
    // is the element's to store and announce).
    const store = new ConsentStore({ config, storage: new FallbackStorage([new MemoryStorage()]), gpc: readGlobalPrivacyControl(win.navigator), language: config.language });
    const { categories } = store.load(createBrowserStorage(config.storage, win).read()).state;
    const optionalAllowed = config.categories.some(({ id, required }) => !required && categories[id] === true);
    if (!optionalAllowed) return false;
    const gate = new ConsentGate(doc, {
      nonce: () => pageNonce(host),
      // The attribute the element's `scriptSources` property reflects (none was set from code: scriptTagHost).
      scriptSources: () => host.getAttribute('script-sources')?.split(/\s+/).filter(Boolean),
      warn: (diagnostic) => report('warn', diagnostic),
    });
    gate.start(categories);
    offerGate(host, gate);
    return true;
  } catch {
    // Blocked storage, a browser without what the gate needs: the element gates, a moment later.
    return false;
  }
}
