/**
 * The entry of `dist/consent-manager-ssr.js`: the script a page whose server rendered the banner
 * (`renderConsentManager`, src/core/server-render.ts) loads in place of `consent-manager.js`, with
 * that bundle preloaded (README, "A server-rendered first layer"):
 *
 *     <link rel="modulepreload" href="/consent/consent-manager.js">
 *     <script type="module" src="/consent/consent-manager-ssr.js"></script>
 *
 * A module script that has arrived by the end of parsing runs before the page's first frame, and
 * evaluating the bundle (Lit, the element, the gate) would then hold the first paint of a banner
 * that needs no script to be seen (BENCHMARKS.md, "server-rendered first layer"). This file is a
 * few hundred bytes: it imports the bundle once the first contentful paint has been presented and
 * a frame rendered after it (where the browser has no paint timing: once a frame has been
 * rendered), so that neither the bundle's download nor its evaluation comes before the banner's
 * paint; at once on a page without a served banner (a visitor with a choice: their allowed
 * scripts wait for nothing), in a hidden page (which renders no frames) or when no paint comes
 * within 3 s (an off-screen frame the browser throttles). It must import nothing else: a module
 * shared with the bundle would become a chunk of its own, fetched by every page.
 */
let loading = false;
const load = (): void => {
  if (loading) return;
  loading = true;
  // The built file beside this one, by URL rather than by module: a bundler-resolved import would
  // make the bundle export its own namespace for this file's sake, bytes every visitor would load.
  import(new URL('consent-manager.js', import.meta.url).href).catch((error: unknown) => console.error('consent-manager: the bundle did not load', error));
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

export {};
