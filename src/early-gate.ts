/**
 * The script tag's early gate (issue 15): for a visitor whose stored choice allows an optional
 * category, the entry of `dist/consent-manager.js` starts the gate itself, at once, rather than
 * leaving it to the element, which first has to be fetched, evaluated with Lit and started. The
 * element's session then takes this very gate over (src/dom/gate-handoff.ts).
 *
 * It allows exactly what the element will: the state comes from the element's own store, loaded
 * from the same storage under the same config, Global Privacy Control included (its override is
 * stored by the element, not here: `scriptTagHost`), and the gate vouches for scripts by the same
 * nonce and `script-sources`. Where the entry cannot be sure of the config (`scriptTagHost`), or
 * where only required categories are allowed, it does nothing and the element gates as before.
 */

import { report } from './diagnostics/report.js';
import { hasOfferedGate, offerGate } from './dom/gate-handoff.js';
import { ConsentGate } from './dom/gating.js';
import { pageNonce } from './dom/page.js';
import type { ScriptTagHost } from './script-tag-host.js';

/** Whether the state the element will apply for `found` allows an optional category. */
function allowsOptional(found: ScriptTagHost | null): boolean {
  return found?.config.categories.some(({ id, required }) => !required && found.state.categories[id] === true) ?? false;
}

/**
 * Whether an open shadow root in `root` holds a `<consent-manager>`: the element counts those
 * (none allows anything optional while there are two), and the entry's query does not see them.
 */
function managerInShadowRoots(root: Document | ShadowRoot): boolean {
  for (const element of root.querySelectorAll('*')) {
    const shadow = element.shadowRoot;
    if (shadow && (shadow.querySelector('consent-manager') || managerInShadowRoots(shadow))) return true;
  }
  return false;
}

/**
 * Starts the page's gate for `found` (see `scriptTagHost`, read once the page is parsed) if the
 * state the element will apply allows an optional category; returns whether it did. Never throws.
 */
export function startEarlyGate(found: ScriptTagHost | null): boolean {
  try {
    if (!found || !allowsOptional(found)) return false;
    const { host, state } = found;
    const doc = host.ownerDocument;
    // Another copy of the bundle on the page started one already (one gate, not two), or a second
    // element in a shadow root will keep the element from allowing anything optional.
    if (hasOfferedGate(doc) || managerInShadowRoots(doc)) return false;
    const gate = new ConsentGate(doc, {
      nonce: () => pageNonce(host),
      // The attribute the element's `scriptSources` property reflects (none was set from code: scriptTagHost).
      scriptSources: () => host.getAttribute('script-sources')?.split(/\s+/).filter(Boolean),
      warn: (diagnostic) => report('warn', diagnostic),
    });
    gate.start(state.categories);
    offerGate(host, gate, state.categories);
    return true;
  } catch {
    // A browser without what the gate needs: the element gates, a moment later.
    return false;
  }
}
