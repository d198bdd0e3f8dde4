import type { StorageConfig } from '../core/config.js';
import { CookieStorage, FallbackStorage, MemoryStorage, WebStorage } from '../core/storage.js';
import { parentDomains, pathPrefixes } from './cookie-reach.js';

/** The cookie, then localStorage, then memory, bound to this page's `document` and `window`. */
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
  return new FallbackStorage([cookie, new WebStorage(() => win.localStorage, config.cookieName), new MemoryStorage()]);
}
