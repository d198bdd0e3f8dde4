import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config.js';
import { createBrowserStorage } from '../../src/dom/browser-storage.js';
import { clearBrowserStorage } from '../helpers/page-state.js';

/** A window whose cookie jar records writes, on the given protocol. */
function fakeWindow(protocol: string) {
  const writes: string[] = [];
  const win = {
    location: { protocol },
    localStorage,
    document: {
      get cookie() {
        return writes.at(-1)?.split(';')[0] ?? '';
      },
      set cookie(value: string) {
        writes.push(value);
      },
    },
  };
  return { win: win as unknown as Window, writes };
}

describe('createBrowserStorage', () => {
  afterEach(clearBrowserStorage);

  it('marks the cookie Secure on https pages, and not on http', () => {
    const { config } = parseConfig({ storage: { cookieName: 'site_consent', domain: 'example.com' } });
    const https = fakeWindow('https:');
    createBrowserStorage(config.storage, https.win).write('v=1');
    expect(https.writes).to.deep.equal(['site_consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax; Domain=example.com; Secure']);
    const http = fakeWindow('http:');
    createBrowserStorage(config.storage, http.win).write('v=1');
    expect(http.writes[0]).not.to.contain('Secure');
  });

  it('uses this page\'s cookie first, then its localStorage', () => {
    const { config } = parseConfig({ storage: { cookieName: 'browser_storage_test' } });
    const storage = createBrowserStorage(config.storage);
    expect(storage.write('v=1')).to.equal('cookie');
    expect(document.cookie).to.contain('browser_storage_test=v=1');
    expect(localStorage.getItem('browser_storage_test')).to.equal(null);
  });
});
