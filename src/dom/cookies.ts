/**
 * Removing what a vendor left behind once its category is withdrawn. Vendors do not delete their
 * own cookies on a consent update, and a script cannot read the domain a cookie was set on, so
 * each matching cookie is expired host-only and on every parent domain. Browsers ignore the
 * attempt on a public suffix (`co.uk`), which makes the registrable domain the widest one that
 * takes effect, without shipping the Public Suffix List.
 */

import { parentDomains } from './cookie-reach.js';

export { parentDomains };

function matches(name: string, names: readonly (string | RegExp)[]): boolean {
  return names.some((pattern) => (typeof pattern === 'string' ? pattern === name : pattern.test(name)));
}

/** Cookie names visible to scripts on this page, once each. */
export function cookieNames(doc: Document): string[] {
  const names = doc.cookie
    .split(';')
    .map((part) => (part.includes('=') ? part.slice(0, part.indexOf('=')) : part).trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/**
 * Expires every cookie whose name matches (by exact name or pattern) on this host and its parent
 * domains, at path `/` where vendors set them, and removes matching localStorage keys.
 */
export function forgetVendorData(names: readonly (string | RegExp)[], win: Window = window): void {
  const doc = win.document;
  const secure = win.location.protocol === 'https:' ? '; Secure' : '';
  try {
    for (const name of cookieNames(doc)) {
      if (!matches(name, names)) continue;
      const expired = `${name}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure}`;
      doc.cookie = expired;
      for (const domain of parentDomains(win.location.hostname)) doc.cookie = `${expired}; Domain=${domain}`;
    }
  } catch {
    // Cookies blocked (sandboxed frame): there is nothing to remove.
  }
  try {
    const storage = win.localStorage;
    for (const key of Object.keys(storage)) if (matches(key, names)) storage.removeItem(key);
  } catch {
    // localStorage blocked: the same.
  }
}
