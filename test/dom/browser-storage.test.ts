import { expect } from '@open-wc/testing';
import { parseConfig } from '../../src/core/config.js';
import { encodeRecord } from '../../src/core/record.js';
import { ConsentStore } from '../../src/core/store.js';
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
    expect(https.writes.at(-1)).to.equal('site_consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax; Domain=example.com; Secure');
    const http = fakeWindow('http:');
    createBrowserStorage(config.storage, http.win).write('v=1');
    expect(http.writes[0]).not.to.contain('Secure');
  });

  it('uses this page\'s cookie first, with a copy in its localStorage for a host-only cookie', () => {
    const { config } = parseConfig({ storage: { cookieName: 'browser_storage_test' } });
    const storage = createBrowserStorage(config.storage);
    expect(storage.write('v=1')).to.equal('cookie');
    expect(document.cookie).to.contain('browser_storage_test=v=1');
    expect(localStorage.getItem('browser_storage_test.copy'), 'the copy a sibling subdomain cannot reach').to.equal('v=1');
    expect(localStorage.getItem('browser_storage_test'), 'no fallback copy while the cookie works').to.equal(null);
  });

  it('keeps no localStorage copy of a cookie shared across subdomains, and removes an old one', () => {
    localStorage.setItem('browser_storage_test.copy', 'v=0');
    const { config } = parseConfig({ storage: { cookieName: 'browser_storage_test', domain: 'example.com' } });
    const https = fakeWindow('https:');
    expect(createBrowserStorage(config.storage, https.win).write('v=1')).to.equal('cookie');
    // A choice made on another subdomain changes the shared cookie only: a copy here would outvote it.
    expect(localStorage.getItem('browser_storage_test.copy')).to.equal(null);
  });
});

/**
 * A cookie jar as a browser keeps one for one page: cookies are told apart by name, domain
 * (host-only or not) and path, and `document.cookie` lists those whose domain and path match the
 * page. A sibling subdomain's write is a cookie put in the jar with its own domain.
 */
class CookieJarModel {
  readonly cookies: { name: string; value: string; domain: string; hostOnly: boolean; path: string }[] = [];
  constructor(readonly host: string, readonly pathname: string) {}

  /** A `document.cookie` assignment on this page, or, with `from`, on a sibling host. */
  set(assignment: string, from = this.host): void {
    const [pair, ...attributes] = assignment.split(';').map((part) => part.trim());
    const name = pair!.slice(0, pair!.indexOf('='));
    const value = pair!.slice(pair!.indexOf('=') + 1);
    let domain = from;
    let hostOnly = true;
    let path = '/';
    let expired = false;
    for (const attribute of attributes) {
      const [key = '', given = ''] = attribute.split('=');
      if (key.toLowerCase() === 'domain') {
        domain = given.replace(/^\./, '');
        hostOnly = false;
        if (from !== domain && !from.endsWith(`.${domain}`)) return;
      } else if (key.toLowerCase() === 'path') path = given;
      else if (key.toLowerCase() === 'max-age' && Number(given) <= 0) expired = true;
    }
    const at = this.cookies.findIndex((cookie) => cookie.name === name && cookie.domain === domain && cookie.hostOnly === hostOnly && cookie.path === path);
    if (at >= 0) this.cookies.splice(at, 1);
    if (!expired) this.cookies.push({ name, value, domain, hostOnly, path });
  }

  get(): string {
    const pathMatches = (path: string): boolean => this.pathname === path || (this.pathname.startsWith(path) && (path.endsWith('/') || this.pathname[path.length] === '/'));
    return this.cookies
      .filter((cookie) => (cookie.hostOnly ? cookie.domain === this.host : this.host === cookie.domain || this.host.endsWith(`.${cookie.domain}`)) && pathMatches(cookie.path))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  named(name: string): number {
    return this.cookies.filter((cookie) => cookie.name === name).length;
  }
}

describe('copies of the record a sibling subdomain wrote on the parent domain', () => {
  const host = 'www.example.test';
  const config = parseConfig({ categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] }).config;
  let jar: CookieJarModel;
  let items: Map<string, string>;
  let now: number;

  function page(): Window {
    const storage = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => items.set(key, value), removeItem: (key: string) => items.delete(key) };
    const document = {
      get cookie() {
        return jar.get();
      },
      set cookie(value: string) {
        jar.set(value);
      },
    };
    return { location: { protocol: 'http:', hostname: host, pathname: '/shop/cart' }, localStorage: storage, document } as unknown as Window;
  }

  const open = (): ConsentStore => {
    const store = new ConsentStore({ config, storage: createBrowserStorage(config.storage, page()), gpc: false, language: 'en', now: () => now * 1000 });
    store.load();
    return store;
  };

  const allGranted = (updatedAt: number): string =>
    encodeRecord({ version: 1, id: 'EEEEEEEEEEEEEEEEEEEEEE', revision: 0, createdAt: updatedAt, updatedAt, granted: ['necessary', 'analytics', 'marketing'], denied: [], method: 'banner', gpc: false, language: 'en' });

  beforeEach(() => {
    jar = new CookieJarModel(host, '/shop/cart');
    items = new Map();
    now = Math.floor(Date.UTC(2026, 10, 22) / 1000);
  });

  it('ignores a future-dated copy, and a rejection expires every copy it can reach and holds on the next page', () => {
    jar.set(`consent=${allGranted(now + 365 * 86_400)}; Domain=example.test; Path=/`, 'evil.example.test');
    expect(open().state.decided, 'a year ahead: no choice').to.equal(false);

    // Dated now, it cannot be told from a choice the site shares across subdomains (see SECURITY.md).
    jar.set(`consent=${allGranted(now)}; Domain=example.test; Path=/`, 'evil.example.test');
    jar.set(`consent=${allGranted(now)}; Domain=example.test; Path=/shop`, 'evil.example.test');
    const store = open();
    expect(store.isAllowed('marketing')).to.equal(true);
    store.rejectAll('banner');
    expect(jar.named('consent'), 'only the rejection is left').to.equal(1);
    expect(jar.cookies[0]).to.include({ domain: host, hostOnly: true, path: '/' });
    now += 60;
    expect(open().isAllowed('marketing'), 'the next page').to.equal(false);
  });

  it("keeps a rejection when a sibling has pushed the visitor's cookie out of the jar and planted a grant dated now", () => {
    open().rejectAll('banner');
    now += 60;
    // Browsers evict a domain's least recently used cookies when a site (any subdomain) sets too many.
    jar.cookies.splice(0, jar.cookies.length);
    jar.set(`consent=${allGranted(now)}; Domain=example.test; Path=/`, 'evil.example.test');
    const store = open();
    expect(store.state.decided).to.equal(true);
    expect(store.isAllowed('analytics') || store.isAllowed('marketing'), "the origin's own copy still denies them").to.equal(false);
    store.reset();
    expect(items.size, 'reset() removed the localStorage copy too').to.equal(0);
    expect(open().state.decided).to.equal(false);
  });

  it('asks again when the cookie was deleted (by the site\'s server, or expired): the copy alone is no choice', () => {
    open().acceptAll('banner');
    expect(items.get('consent.copy'), 'the copy was written').to.not.equal(undefined);
    now += 60;
    jar.set('consent=; Path=/; Max-Age=0');
    const store = open();
    expect(store.state.decided).to.equal(false);
    expect(store.isAllowed('analytics') || store.isAllowed('marketing')).to.equal(false);
  });

  it('never lets a copy written after a rejection grant what the rejection denies, and reset() removes every copy', () => {
    open().rejectAll('banner');
    now += 60;
    jar.set(`consent=${allGranted(now + 300)}; Domain=example.test; Path=/`, 'evil.example.test');
    const store = open();
    expect(store.state.decided).to.equal(true);
    expect(store.isAllowed('analytics') || store.isAllowed('marketing'), 'the copies disagree: nothing optional').to.equal(false);
    store.reset();
    expect(jar.named('consent'), 'reset() expired the sibling copy too').to.equal(0);
    expect(open().state.decided).to.equal(false);
  });
});
