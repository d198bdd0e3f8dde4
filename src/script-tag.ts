/**
 * The entry of `dist/consent-manager.js`, the file a site loads with one script tag (issue 15).
 * Small and without Lit, so that it runs as soon as the page is parsed and decides what the
 * visitor needs first:
 * - a new visitor: the banner, painted by the first layer (src/first-layer.ts), at once in
 *   English, in another language once its texts' small chunk has come; then the element (Lit, the
 *   session, the gate) once that has been painted (src/first-paint-loader.ts), which adopts the
 *   banner and fetches the banner's chunk for its behaviour;
 * - anyone else (a stored choice, a banner the first layer cannot be sure of, a server's): the
 *   element at once; for a visitor whose record grants something optional, the gate started at
 *   once (src/early-gate.ts), with the code that judges and runs gated scripts already here.
 */
import type { BannerMessages } from './core/generated/banner-messages.js';
import { rememberBundleUrl } from './dom/page.js';
import { startEarlyGate } from './early-gate.js';
import { firstLayerLanguage, firstLayerMessages, paintFirstLayer } from './first-layer.js';
import { importAfterFirstPaint } from './first-paint-loader.js';
import { type ScriptTagHost, scriptTagHost } from './script-tag-host.js';

// The nonce of the script tag that loaded this entry is found by its URL, not the element chunk's.
rememberBundleUrl(import.meta.url);

/**
 * Whether `DOMContentLoaded` has been dispatched. A module script in `<head>` runs just before it,
 * with the page already `interactive`, so the ready state alone cannot say; where the browser
 * cannot tell either, not yet (the gate then waits for an event that may have passed, and the
 * element gates: the safe side).
 */
function parsed(doc: Document): boolean {
  if (doc.readyState === 'complete') return true;
  const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return doc.readyState === 'interactive' && (navigation?.domContentLoadedEventStart ?? 0) > 0;
}

/** How long a new visitor's banner waits for its language's texts before the element shows it instead. */
const LANGUAGE_WAIT_MS = 3000;

const loadElement = (): void => {
  import('./script-tag-element.js').catch((error: unknown) => console.error('consent-manager: the element did not load', error));
};

/** The element at once: no first layer to paint for `found`. */
function startElement(found: ScriptTagHost | null): void {
  // A visitor whose stored choice allows something: their allowed scripts wait for neither Lit
  // nor the element (src/early-gate.ts). The gate starts when the element would, once the page
  // is parsed: until then the page's own scripts (later module scripts, an `async` entry's rest
  // of the page) may still set the element's config, or add a second element, or another tab
  // change the stored choice, and the page and the choice are read again then.
  if (parsed(document)) startEarlyGate(found);
  else document.addEventListener('DOMContentLoaded', () => startEarlyGate(scriptTagHost(document, found)), { once: true });
  loadElement();
}

/** Paints the first layer for `found` in `language`, then loads the element; the element at once where it cannot. */
function paintOrStart(found: ScriptTagHost | null, language: string, messages: BannerMessages): void {
  if (paintFirstLayer(found, language, messages)) {
    // A click on the painted banner before its buttons work is kept, a script's too: opt-out tools
    // (autoconsent) find the banner by its ids and press its buttons by script as soon as they see
    // it, and once the element has adopted the banner it takes a script's clicks anyway.
    importAfterFirstPaint('', loadElement, true);
  } else startElement(found);
}

// What the entry knows of the page's element, read once for the first layer and the early gate.
const found = scriptTagHost(document);
const language = firstLayerLanguage(found);
const messages = language === undefined ? undefined : firstLayerMessages(language);

if (language === undefined || messages === undefined) startElement(found);
else if (!(messages instanceof Promise)) paintOrStart(found, language, messages);
else {
  // Another language's texts come in a chunk of their own, meanwhile the page may have changed
  // (its config set from code, a choice made in another tab): it is read again once they are here.
  // A chunk that fails, or has not come within LANGUAGE_WAIT_MS (a stalled request), gets the
  // element at once, and texts that come later paint nothing.
  let settled = false;
  const settle = (then: () => void) => (): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    then();
  };
  const timer = setTimeout(settle(() => startElement(scriptTagHost(document))), LANGUAGE_WAIT_MS);
  messages.then(
    (loaded) => settle(() => paintOrStart(scriptTagHost(document), language, loaded))(),
    settle(() => startElement(scriptTagHost(document))),
  );
}
