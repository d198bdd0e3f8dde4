/**
 * Imports the script-tag bundle once a server-rendered banner has been painted. Shared by
 * `dist/consent-manager-ssr.js` (src/script-tag-ssr.ts) and the inline loader that
 * `renderConsentManager({ inline })` writes into the page (src/core/generated/inline-first-layer.ts,
 * generated from this file by scripts/inline-first-layer.mjs), so the two cannot drift apart.
 *
 * A module script that has arrived by the end of parsing runs before the page's first frame, and
 * evaluating the bundle (Lit, the element, the gate) would then hold the first paint of a banner
 * that needs no script to be seen (BENCHMARKS.md, "server-rendered first layer"). So the bundle is
 * imported once the first contentful paint has been presented and a frame rendered after it (where
 * the browser has no paint timing: once a frame has been rendered); at once on a page without a
 * served banner (a visitor with a choice: their allowed scripts wait for nothing), in a hidden page
 * (which renders no frames), when no paint comes within 3 s (an off-screen frame the browser
 * throttles), or when the visitor clicks one of the banner's buttons. It must import nothing: a
 * module shared with the bundle would become a chunk of its own, fetched by every page, and the
 * inline copy cannot import at all.
 *
 * The served banner shows before its buttons work. The button the visitor clicks last in that
 * time (a trusted click; a script's is ignored, unless `keepScriptClicks`: the script tag's first
 * layer keeps it, as the opt-out tools that find its banner click by script, but never in place of
 * the visitor's own), Reject all for an
 * Escape the visitor presses in the banner, is clicked again
 * once the element has adopted the banner (`consent-banner-adopted`, src/ui/banner.ts), so the
 * choice is not lost and is recorded as made in the banner, which it was. The last, not the
 * first: a visitor who pressed Accept all, saw nothing happen and pressed Reject all has rejected.
 * Once per served banner, whatever the number of loaders on the page: markup injected into a page
 * whose policy allows the inline loader by hash can repeat it, and each copy keeps the same click.
 * `loadBundle` loads the bundle once it is due: `importModule`, or `insertModuleScript` for the
 * inline loader of a page without a nonce.
 */
export function importAfterFirstPaint(bundleUrl: string, loadBundle: (url: string) => void, keepScriptClicks = false): void {
  let loading = false;
  const load = (): void => {
    if (loading) return;
    loading = true;
    try {
      loadBundle(bundleUrl);
    } catch (error) {
      failed(error);
    }
  };
  const afterFrame = (): void => void requestAnimationFrame(() => setTimeout(load));
  const root = find('consent-manager')?.shadowRoot;
  const served = root?.querySelector('.banner');
  if (!root || !served) return load();
  let clicked: string | undefined;
  let visitorClicked = false;
  const keepClick = (event: Event): void => {
    const part = (event.target as Element).closest('button')?.getAttribute('part');
    if ((!event.isTrusted && !keepScriptClicks) || (part !== 'accept-all' && part !== 'reject-all' && part !== 'customize')) return;
    // A script's click never overrides the visitor's: an opt-out tool clicks as soon as it sees
    // the banner, so a script's click after the visitor's is some other script's.
    if (!event.isTrusted && visitorClicked) return;
    visitorClicked ||= event.isTrusted;
    clicked = part;
    load();
  };
  // Escape in the banner means Reject all, as it will once adopted (src/ui/banner.ts): only the
  // visitor's key, as opt-out tools click buttons.
  const keepEscape = (event: Event): void => {
    if (!event.isTrusted || (event as KeyboardEvent).key !== 'Escape') return;
    visitorClicked = true;
    clicked = 'reject-all';
    load();
  };
  served.addEventListener('click', keepClick);
  served.addEventListener('keydown', keepEscape);
  served.addEventListener(
    'consent-banner-adopted',
    () => {
      // From now on the element's own listeners answer clicks and keys.
      served.removeEventListener('click', keepClick);
      served.removeEventListener('keydown', keepEscape);
      // After the element's update, in which the banner was adopted, has finished; in the adopted
      // banner itself, which the element checked node for node, not anywhere in the root.
      const replayed = Symbol.for('consent-manager.early-click');
      if (!clicked || replayed in served) return;
      Object.defineProperty(served, replayed, { value: true });
      setTimeout(() => [...served.querySelectorAll('button')].find((button) => button.getAttribute('part') === clicked)?.click());
    },
    { once: true },
  );
  if (document.visibilityState !== 'visible') return load();
  if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((entries, observer) => {
      if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      afterFrame();
    }).observe({ type: 'paint', buffered: true });
  } else afterFrame();
  setTimeout(load, 3000);
}

const failed = (error: unknown): void => console.error('consent-manager: the bundle did not load', error);

// The document's own methods, not whatever its named properties hold: markup on the page such as
// <img name="querySelector"> or <iframe name="head"> shadows document.querySelector or document.head.
const find = (selector: string): Element | null => Document.prototype.querySelector.call(document, selector);

/** Loads the bundle with `import()`, which carries the nonce of the script that calls it. */
export function importModule(url: string): void {
  import(url).catch(failed);
}

/**
 * Loads the bundle with a module script element. Under a hash-based `'strict-dynamic'` policy an
 * `import()` from the parser's inline script counts as parser-inserted and has no nonce to carry,
 * so it is refused, while an element inserted by an allowed script is allowed. Under Trusted Types
 * its URL comes from the `consent-manager-loader` policy, which returns this URL and nothing else;
 * where the page's `trusted-types` directive does not allow that name, `import()` is used instead.
 */
export function insertModuleScript(url: string): void {
  let src = url;
  const types = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(): string }): { createScriptURL(input: string): string } } }).trustedTypes;
  try {
    if (types) src = types.createPolicy('consent-manager-loader', { createScriptURL: () => url }).createScriptURL('');
  } catch {
    return importModule(url);
  }
  const script = Document.prototype.createElement.call(document, 'script') as HTMLScriptElement;
  script.type = 'module';
  script.src = src;
  script.addEventListener('error', () => failed(new Error(`${url} could not be loaded`)));
  (find('head') ?? find(':root'))!.append(script);
}
