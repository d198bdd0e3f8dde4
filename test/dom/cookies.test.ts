import { expect } from '@open-wc/testing';
import { cookieNames, forgetVendorData, parentDomains } from '../../src/dom/cookies.js';
import { clearBrowserStorage, cookieGone } from '../helpers/page-state.js';

describe('forgetVendorData', () => {
  afterEach(clearBrowserStorage);

  it('names every parent domain down to the registrable one, and none for IPs and single-label hosts', () => {
    expect(parentDomains('shop.eu.example.co.uk')).to.deep.equal(['shop.eu.example.co.uk', 'eu.example.co.uk', 'example.co.uk', 'co.uk']);
    expect(parentDomains('example.com')).to.deep.equal(['example.com']);
    expect(parentDomains('localhost')).to.deep.equal([]);
    expect(parentDomains('127.0.0.1')).to.deep.equal([]);
  });

  it('expires matching cookies and removes matching localStorage keys, by name or pattern, and nothing else', async () => {
    for (const name of ['_ga', '_ga_ABC', '_gab', 'ajs_user_id', 'session']) document.cookie = `${name}=1; Path=/`;
    localStorage.setItem('ajs_user_traits', '{}');
    localStorage.setItem('theme', 'dark');
    forgetVendorData(['_ga', /^_ga_/, /^ajs_/]);
    await cookieGone(/(^|; )(_ga|_ga_ABC|ajs_user_id)=/);
    expect(cookieNames(document).sort()).to.deep.equal(['_gab', 'session']);
    expect(Object.keys(localStorage)).to.deep.equal(['theme']);
  });
});

/** A page as `forgetVendorData` sees it: a fixed cookie jar whose writes are recorded, and a storage object. */
function fakePage(hostname: string, protocol: string, jar: string, items: Record<string, string>) {
  const writes: string[] = [];
  const storage: Record<string, string> = { ...items };
  // Not enumerable, so that Object.keys lists only the stored keys, as with localStorage.
  Object.defineProperty(storage, 'removeItem', { value: (key: string) => delete storage[key] });
  const win = {
    document: {
      get cookie() {
        return jar;
      },
      set cookie(value: string) {
        writes.push(value);
      },
    },
    location: { hostname, protocol },
    localStorage: storage,
  } as unknown as Window;
  return { win, writes, storage };
}

interface CookieWrite {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Splits a `document.cookie` assignment into its name and its attributes, keyed in lower case. */
function parseWrite(write: string): CookieWrite {
  const [pair, ...parts] = write.split(';').map((part) => part.trim());
  const attributes: Record<string, string> = {};
  for (const part of parts) {
    const at = part.indexOf('=');
    attributes[(at < 0 ? part : part.slice(0, at)).toLowerCase()] = at < 0 ? '' : part.slice(at + 1);
  }
  return { name: pair!.slice(0, pair!.indexOf('=')), attributes };
}

function expires(write: CookieWrite): boolean {
  const { 'max-age': maxAge, expires: date } = write.attributes;
  return (maxAge !== undefined && Number(maxAge) <= 0) || (date !== undefined && Date.parse(date) < Date.now());
}

/** The domains each cookie was expired on, `host-only` for a write without `Domain`. */
function expiredDomains(writes: readonly CookieWrite[]): Record<string, string[]> {
  const byName: Record<string, string[]> = {};
  for (const write of writes) if (expires(write)) (byName[write.name] ??= []).push(write.attributes.domain ?? 'host-only');
  return byName;
}

describe('forgetVendorData on a given window', () => {
  it('expires each matching cookie host-only and on every parent domain, Secure on https, and leaves other cookies alone', () => {
    const page = fakePage('a.shop.example.co.uk', 'https:', '_ga=1; _ga_ABC=2; _gab=3; session=4', {});
    forgetVendorData(['_ga', /^_ga_/], page.win);
    const writes = page.writes.map(parseWrite);
    expect(expiredDomains(writes)).to.deep.equal({
      _ga: ['host-only', 'a.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk', 'co.uk'],
      _ga_ABC: ['host-only', 'a.shop.example.co.uk', 'shop.example.co.uk', 'example.co.uk', 'co.uk'],
    });
    expect(writes.filter((write) => !expires(write))).to.deep.equal([], 'every write is an expiry');
    // A Secure cookie can be overwritten only by a write that is Secure itself.
    expect(writes.every((write) => 'secure' in write.attributes && write.attributes.path === '/')).to.equal(true);

    const short = fakePage('www.example.com', 'https:', '_fbp=fb.1; theme=dark', {});
    forgetVendorData(['_fbp'], short.win);
    const shortWrites = short.writes.map(parseWrite);
    expect(expiredDomains(shortWrites)).to.deep.equal({ _fbp: ['host-only', 'www.example.com', 'example.com'] });
    expect(shortWrites.every((write) => 'secure' in write.attributes)).to.equal(true);
  });

  it('writes no Secure attribute on http, where a Secure write would be refused', () => {
    const page = fakePage('www.example.com', 'http:', '_fbp=fb.1', {});
    forgetVendorData(['_fbp'], page.win);
    const writes = page.writes.map(parseWrite);
    expect(expiredDomains(writes)).to.deep.equal({ _fbp: ['host-only', 'www.example.com', 'example.com'] });
    expect(writes.some((write) => 'secure' in write.attributes)).to.equal(false);
  });

  it("removes the window's matching localStorage keys and keeps the others", () => {
    const page = fakePage('www.example.com', 'https:', '', { ajs_user_traits: '{}', ajs_anonymous_id: '"x"', theme: 'dark', 'my-ajs_note': '1' });
    forgetVendorData([/^ajs_/], page.win);
    expect(Object.keys(page.storage)).to.deep.equal(['theme', 'my-ajs_note']);
    expect(page.writes).to.deep.equal([], 'no cookie matched');
  });
});
