import type { StorageConfig } from '../core/config.js';
import { CookieStorage, FallbackStorage, MemoryStorage, WebStorage } from '../core/storage.js';
import { parentDomains, pathPrefixes } from './cookie-reach.js';

/**
 * The cookie, then localStorage, then memory, bound to this page's `document` and `window`. A
 * host-only cookie is also copied to localStorage (see `FallbackStorage`'s witness).
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
  const local = new WebStorage(() => win.localStorage, config.cookieName);
  // A choice shared across subdomains (`domain`) may be changed on any of them, which this
  // origin's copy would outvote; a host-only cookie's choice is changed on this origin only.
  return new FallbackStorage([cookie, local, new MemoryStorage()], config.domain ? undefined : local);
}
