/**
 * The banner's chunk, and the guess that a page will need it, which the element makes as it
 * connects, before its start has read the stored choice.
 */

/**
 * Loads the banner's chunk. `msg` is in a chunk of its own (the localization runtime shares it):
 * fetched alongside, not after.
 */
export const loadBannerPart = () => (void import('@lit/localize/init/install.js'), import('./banner.js'));

/**
 * Whether the page's cookies hold a consent record at all (any record begins `v=1&id=`, whatever
 * the cookie's name). Without one the visitor will most likely see the banner. A wrong guess
 * costs one cached request; the stored state decides what is shown.
 */
export function cookieHoldsRecord(doc: Document): boolean {
  try {
    return doc.cookie.includes('=v=1&id=');
  } catch {
    // Cookies are blocked (a sandboxed frame): no banner is fetched early; the store decides, a moment later.
    return true;
  }
}
