// The core's storage against the browser's own cookie jar and localStorage; the rest of its
// tests run in Node (test/core/storage.test.ts).
import { expect } from '@open-wc/testing';
import { CookieStorage, type CookieJar, WebStorage } from '../../src/core/storage.js';
import { clearBrowserStorage } from '../helpers/page-state.js';

const options = { name: 'consent', path: '/', expiresDays: 182, secure: false };

describe('CookieStorage', () => {
  describe('against the real document.cookie', () => {
    const jar: CookieJar = {
      get: () => document.cookie,
      set: (value) => {
        document.cookie = value;
      },
    };
    afterEach(clearBrowserStorage);

    it('writes, reads and clears a cookie the browser keeps', () => {
      const storage = new CookieStorage(jar, { ...options, name: 'storage_test' });
      expect(storage.write('v=1&x=2')).to.equal(true);
      expect(document.cookie).to.contain('storage_test=v=1&x=2');
      expect(storage.read()).to.deep.equal(['v=1&x=2']);
      storage.clear();
      expect(storage.read()).to.deep.equal([]);
    });

    it('reports failure when the browser refuses the domain', () => {
      // A page on localhost cannot set a cookie for another domain.
      const storage = new CookieStorage(jar, { ...options, name: 'storage_test', domain: 'example.com' });
      expect(storage.write('v=1')).to.equal(false);
    });
  });
});

describe('WebStorage', () => {
  afterEach(clearBrowserStorage);

  it('writes, reads and clears under its key', () => {
    const storage = new WebStorage(() => localStorage, 'consent');
    expect(storage.write('v=1')).to.equal(true);
    expect(localStorage.getItem('consent')).to.equal('v=1');
    expect(storage.read()).to.deep.equal(['v=1']);
    storage.clear();
    expect(localStorage.getItem('consent')).to.equal(null);
  });
});
