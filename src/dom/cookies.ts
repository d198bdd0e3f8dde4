/**
 * Removing what a vendor left behind once its category is withdrawn. Vendors do not delete their
 * own cookies on a consent update, and a script cannot read the domain a cookie was set on, so
 * each matching cookie is expired host-only and on every parent domain. Browsers ignore the
 * attempt on a public suffix (`co.uk`), which makes the registrable domain the widest one that
 * takes effect, without shipping the Public Suffix List.
 */

import type { ConsentConfig } from '../core/config.js';
import type { ConsentCategories } from '../core/store.js';
import { parentDomains } from './cookie-reach.js';

export { parentDomains };

function matches(name: string, names: readonly (string | RegExp)[], keep: string | undefined): boolean {
  return name !== keep && names.some((pattern) => (typeof pattern === 'string' ? pattern === name : pattern.test(name)));
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
 * domains, at path `/` where vendors set them, and removes matching localStorage keys. `keep`,
 * the element's own cookie and key, is never removed, whatever a pattern matches: a withdrawal
 * must not erase the record of it.
 */
export function forgetVendorData(names: readonly (string | RegExp)[], win: Window = window, keep?: string): void {
  const doc = win.document;
  const secure = win.location.protocol === 'https:' ? '; Secure' : '';
  try {
    for (const name of cookieNames(doc)) {
      if (!matches(name, names, keep)) continue;
      const expired = `${name}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure}`;
      doc.cookie = expired;
      for (const domain of parentDomains(win.location.hostname)) doc.cookie = `${expired}; Domain=${domain}`;
    }
  } catch {
    // Cookies blocked (sandboxed frame): there is nothing to remove.
  }
  try {
    const storage = win.localStorage;
    for (const key of Object.keys(storage)) if (matches(key, names, keep)) storage.removeItem(key);
  } catch {
    // localStorage blocked: the same.
  }
}

/**
 * Expires the cookies (and storage keys) the site declared for each category `categories`
 * denies. Loaded by the element only when some denied category declares cookies, so pages
 * without declarations, and visitors who allow everything, never fetch this module.
 */
export function forgetDeclared(config: ConsentConfig, categories: ConsentCategories, win: Window): void {
  const names: (string | RegExp)[] = [];
  for (const category of config.categories) {
    if (categories[category.id]) continue;
    // Whatever a declaration's party, only cookies on this site's domains are visible to remove.
    for (const cookie of category.cookies) {
      if (cookie.name) names.push(cookie.name);
      else if (cookie.pattern) names.push(new RegExp(cookie.pattern));
    }
  }
  if (names.length > 0) forgetVendorData(names, win, config.storage.cookieName);
}
