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
