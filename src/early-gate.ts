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

/**
 * Starts the page's gate for `found` (see `scriptTagHost`) if the state the element will apply
 * allows an optional category; returns whether it did. Never throws.
 */
export function startEarlyGate(found: ScriptTagHost | null): boolean {
  try {
    if (!found) return false;
    const { host, config, state } = found;
    // Another copy of the bundle on the page started one already: one gate, not two.
    if (hasOfferedGate(host.ownerDocument)) return false;
    if (!config.categories.some(({ id, required }) => !required && state.categories[id] === true)) return false;
    const gate = new ConsentGate(host.ownerDocument, {
      nonce: () => pageNonce(host),
      // The attribute the element's `scriptSources` property reflects (none was set from code: scriptTagHost).
      scriptSources: () => host.getAttribute('script-sources')?.split(/\s+/).filter(Boolean),
      warn: (diagnostic) => report('warn', diagnostic),
    });
    gate.start(state.categories);
    offerGate(host, gate);
    return true;
  } catch {
    // A browser without what the gate needs: the element gates, a moment later.
    return false;
  }
}
