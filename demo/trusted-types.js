// The site's `default` Trusted Types policy. The pages enforce Trusted Types
// (`require-trusted-types-for 'script'`), and vendors' own loaders insert scripts with plain
// strings: Stripe's loader inserts Stripe.js, Segment and Meta fetch more of their code. Only a
// policy named `default` is consulted for those. This one lets through script URLs on exactly the
// hosts that the page's `script-src` names for its vendors (DEMO_VENDOR_SOURCES in
// scripts/serve.mjs, compared by test/e2e/demo.test.mjs) and refuses everything else: no HTML, no
// script text. The consent manager itself needs none of this; it has its own named policy.

/** Host patterns of the vendors' scripts; `*.` matches any subdomain. */
export const VENDOR_SCRIPT_HOSTS = ['*.googletagmanager.com', 'connect.facebook.net', 'cdn.segment.com', 'js.stripe.com', '*.js.stripe.com'];

/** Whether `url` is an https URL on one of the vendors' script hosts. */
export function isVendorScriptUrl(url) {
  let parsed;
  try {
    parsed = new URL(url, document.baseURI);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return VENDOR_SCRIPT_HOSTS.some((pattern) => (pattern.startsWith('*.') ? parsed.hostname.endsWith(pattern.slice(1)) : parsed.hostname === pattern));
}

export function createDefaultPolicy() {
  if (!globalThis.trustedTypes?.createPolicy) return;
  try {
    globalThis.trustedTypes.createPolicy('default', {
      // Returning null refuses the value: the browser blocks the sink and reports it.
      createScriptURL: (url) => (isVendorScriptUrl(url) ? url : null),
    });
  } catch {
    // A page whose policy does not list `default` (the tests' strictest one) refuses it: the
    // vendors' own loaders are then blocked, and the adapters report it as `consent-adapter-error`.
  }
}
