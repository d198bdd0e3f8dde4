/**
 * The entry of `dist/consent-manager.js`, the file a site loads with one script tag (issue 15).
 * Small and without Lit, so that it runs as soon as the page is parsed and decides what the
 * visitor needs first:
 * - a new visitor: the banner, painted at once by the first layer (src/first-layer.ts), then the
 *   element (Lit, the session, the gate) once that has been painted (src/first-paint-loader.ts),
 *   which adopts the banner and fetches the banner's chunk for its behaviour;
 * - anyone else (a stored choice, a banner the first layer cannot be sure of, a server's): the
 *   element at once, and for a visitor whose record grants something optional, the chunk that
 *   runs gated scripts and the Trusted Types chunk it imports, requested alongside rather than
 *   found later.
 */
import { rememberBundleUrl } from './dom/page.js';
import { paintFirstLayer } from './first-layer.js';
import { importAfterFirstPaint } from './first-paint-loader.js';

// The nonce of the script tag that loaded this entry is found by its URL, not the element chunk's.
rememberBundleUrl(import.meta.url);

const ignore = (): undefined => undefined;
const loadElement = (): void => {
  import('./script-tag-element.js').catch((error: unknown) => console.error('consent-manager: the element did not load', error));
};

if (paintFirstLayer(document)) {
  // A click on the painted banner before its buttons work is kept, a script's too: opt-out tools
  // (autoconsent) find the banner by its ids and press its buttons by script as soon as they see
  // it, and once the element has adopted the banner it takes a script's clicks anyway.
  importAfterFirstPaint('', loadElement, true);
} else {
  let record: string | undefined;
  try {
    record = /=v=1&id=[^;]*/.exec(document.cookie)?.[0];
  } catch {
    // Cookies are blocked (a sandboxed frame): the element decides, a moment later.
  }
  if (record && /&g=[^&]*\./.test(record)) {
    // The chunk's one static import, requested alongside it: found only once the chunk is parsed,
    // it would wait for the main thread and cost a round trip of its own before the first allowed
    // script (issue 15: 644 ms against 426 ms in a trace).
    import('./dom/trusted-types.js').catch(ignore);
    import('./dom/gated-script.js').catch(ignore);
  }
  loadElement();
}
