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
 * (which renders no frames) or when no paint comes within 3 s (an off-screen frame the browser
 * throttles). It must import nothing: a module shared with the bundle would become a chunk of its
 * own, fetched by every page, and the inline copy cannot import at all.
 */
export function importAfterFirstPaint(bundleUrl: string): void {
  let loading = false;
  const load = (): void => {
    if (loading) return;
    loading = true;
    import(bundleUrl).catch((error: unknown) => console.error('consent-manager: the bundle did not load', error));
  };
  const afterFrame = (): void => void requestAnimationFrame(() => setTimeout(load));
  if (document.visibilityState === 'visible' && document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner')) {
    if (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      new PerformanceObserver((entries, observer) => {
        if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        afterFrame();
      }).observe({ type: 'paint', buffered: true });
    } else afterFrame();
    setTimeout(load, 3000);
  } else {
    load();
  }
}
