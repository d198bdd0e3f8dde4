// What `npm run bench` (scripts/bench.mjs) and `scripts/bench-ab.mjs` share, so that both take
// their figures the same way: the page's instrument, the throttled tab, and the median.

/** The CPU slowdown of every measured tab, as a mid-range phone. */
export const CPU_THROTTLE = 4;

/** Runs in every page before its scripts: records CLS, when the banner first shows, and consent. */
export function instrument({ banner, consent }) {
  const state = { cls: 0, bannerAt: null, consentAt: null };
  window.__bench = state;
  // Resolved by the page itself, so waiting for the banner adds no polling to the page's script time.
  window.__benchBannerShown = new Promise((resolve) => (state.resolveBanner = resolve));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) state.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const find = ({ host, selector }) => (host ? document.querySelector(host)?.shadowRoot : document)?.querySelector(selector) ?? null;
  const visible = (element) => {
    if (!element?.isConnected) return false;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
  };
  window.__benchFind = find;
  window.__benchVisible = visible;
  const watch = () => {
    if (visible(find(banner))) {
      state.bannerAt = performance.now();
      state.resolveBanner();
    } else {
      requestAnimationFrame(watch);
    }
  };
  requestAnimationFrame(watch);
  if (consent?.event) addEventListener(consent.event, () => (state.consentAt ??= performance.now()));
}

/** A new tab of `context`, its CPU throttled, with the network and performance domains on. */
export async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** The median of the values that are not null; null if none is. */
export const median = (values) => {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
