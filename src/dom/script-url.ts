/**
 * `value` as an absolute URL if it is one a script may be loaded from: http or https only, as the
 * browser's URL parser reads it (so leading control characters or inner tabs cannot disguise a
 * `javascript:`, `data:` or `blob:` URL). Relative URLs resolve against `base`.
 */
export function scriptUrl(value: string, base: string = document.baseURI): URL | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
}

/**
 * The URL the site's own script sources (`'self'`, `/js/`) are read against: the document's own
 * address, never its base URL. Markup can set the base URL (an injected `<base href>`), and the
 * page's origin is what `'self'` means in CSP too. A `srcdoc` or `about:blank` frame has no
 * address of its own: its origin's root, where it has one.
 */
export function pageAddress(doc: Document): string {
  if (/^https?:/i.test(doc.URL)) return doc.URL;
  const origin = doc.defaultView?.origin;
  return origin && origin !== 'null' ? `${origin}/` : 'about:blank';
}
