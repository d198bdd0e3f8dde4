/**
 * The first code of `dist/consent-manager.js` to run (issue 15). It requests the chunk the visitor
 * is about to need before the rest of the bundle (Lit, the element, the gate) is even evaluated,
 * so that it arrives while they run and needs no second round trip once they have:
 * - no consent record in the cookies (a new visitor): the banner's chunk, unless the element,
 *   already parsed, is `headless`. An `async` script can run before the element is parsed: the
 *   chunk is then fetched on the guess that it shows a banner (a `headless` site loads the script
 *   without `async`);
 * - a record that grants more than one category (a returning visitor who allowed something
 *   optional): the chunk that runs gated scripts, which the gate imports as soon as it starts,
 *   and the Trusted Types chunk it imports;
 * - a record that grants one category (required ones only, as a rejection does): nothing.
 * The store reads the record properly later; a wrong guess costs one cached request.
 */
import { loadBannerPart } from './ui/banner-part.js';

let record: string | undefined;
try {
  record = /=v=1&id=[^;]*/.exec(document.cookie)?.[0] ?? '';
} catch {
  // Cookies are blocked (a sandboxed frame): the store decides what to show, a moment later.
}
const ignore = (): undefined => undefined;
if (record === '') {
  if (!document.querySelector('consent-manager[headless]')) loadBannerPart().catch(ignore);
} else if (record && /&g=[^&]*\./.test(record)) {
  // The chunk's one static import, requested alongside it: found only once the chunk is parsed,
  // it would wait for the main thread, busy with the rest of this bundle, and cost a round trip
  // of its own before the first allowed script (issue 15: 644 ms against 426 ms in a trace).
  import('./dom/trusted-types.js').catch(ignore);
  import('./dom/gated-script.js').catch(ignore);
}
