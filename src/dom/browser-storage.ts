import type { StorageConfig } from '../core/config.js';
import { CookieStorage, copyKey, FallbackStorage, MemoryStorage, type RecordStorage, WebStorage } from '../core/storage.js';
import { parentDomains, pathPrefixes } from './cookie-reach.js';

/**
 * The cookie, then localStorage, then memory, bound to this page's `document` and `window`. A
 * host-only cookie is also copied to localStorage (see `FallbackStorage`'s copy).
 */
export function createBrowserStorage(config: StorageConfig, win: Window = window): FallbackStorage {
  const doc = win.document;
  const cookie = new CookieStorage(
    {
      get: () => doc.cookie,
      set: (value) => {
        doc.cookie = value;
      },
    },
    {
      name: config.cookieName,
      path: config.path,
      ...(config.domain ? { domain: config.domain } : {}),
      expiresDays: config.expiresDays,
      secure: win.location.protocol === 'https:',
      // Copies on other domains and paths are expired on every write and reset.
      reach: { domains: parentDomains(win.location.hostname ?? ''), paths: pathPrefixes(win.location.pathname ?? '/') },
    },
  );
  const copy = new WebStorage(() => win.localStorage, copyKey(config.cookieName));
  // A choice shared across subdomains (`domain`) may be changed on any of them, which this
  // origin's copy would outvote: none is kept, and one left from a host-only cookie is never
  // read and goes with the next write (it cannot be written, so it is cleared).
  const sharedCopy: RecordStorage = { kind: 'localStorage', read: () => [], write: () => false, clear: () => copy.clear() };
  return new FallbackStorage([cookie, new WebStorage(() => win.localStorage, config.cookieName), new MemoryStorage()], config.domain ? sharedCopy : copy);
}
