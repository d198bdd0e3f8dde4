import { expect } from '@open-wc/testing';
import { CookieStorage, type CookieJar, FallbackStorage, type KeyValueStore, MemoryStorage, readCookieValues, WebStorage } from '../../src/core/storage.js';
import { clearBrowserStorage } from '../helpers/page-state.js';

/** A jar that records what was written and behaves like a browser that keeps cookies. */
class RecordingJar implements CookieJar {
  readonly writes: string[] = [];
  readonly cookies = new Map<string, string>();

  get(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  set(cookie: string): void {
    this.writes.push(cookie);
    const [pair = '', ...attributes] = cookie.split('; ');
    const [name = '', value = ''] = pair.split(/=(.*)/);
    if (attributes.includes('Max-Age=0')) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

const throwingJar: CookieJar = {
  get: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  set: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

const options = { name: 'consent', path: '/', expiresDays: 182, secure: false };

describe('readCookieValues', () => {
  it('finds every value of a name and nothing of similar names', () => {
    expect(readCookieValues('a=1; consent=x; xconsent=y; consent=z; consent_old=w', 'consent')).to.deep.equal(['x', 'z']);
    expect(readCookieValues('', 'consent')).to.deep.equal([]);
    expect(readCookieValues('consent', 'consent')).to.deep.equal([]);
    expect(readCookieValues('consent=v=1&id=x', 'consent')).to.deep.equal(['v=1&id=x']);
  });
});

describe('CookieStorage', () => {
  it('writes a first-party cookie with SameSite=Lax, the path and the lifetime, after expiring any other copy', () => {
    const jar = new RecordingJar();
    expect(new CookieStorage(jar, options).write('v=1')).to.equal(true);
    expect(jar.writes).to.deep.equal(['consent=; Path=/; Max-Age=0; SameSite=Lax', 'consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax']);
  });

  it('adds Domain and Secure when asked', () => {
    const jar = new RecordingJar();
    new CookieStorage(jar, { ...options, domain: 'example.com', secure: true }).write('v=1');
    expect(jar.writes.at(-1)).to.equal('consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax; Domain=example.com; Secure');
  });

  it('clears both the host-only and the domain cookie', () => {
    const jar = new RecordingJar();
    new CookieStorage(jar, { ...options, domain: 'example.com' }).clear();
    expect(jar.writes).to.deep.equal(['consent=; Path=/; Max-Age=0; SameSite=Lax', 'consent=; Path=/; Max-Age=0; SameSite=Lax; Domain=example.com']);
  });

  it('expires every copy it can reach, on every domain and path, on a write and on clear', () => {
    const reach = { domains: ['www.example.com', 'example.com'], paths: ['/', '/shop', '/shop/'] };
    const every = ['', '; Domain=www.example.com', '; Domain=example.com'].flatMap((domain) => ['/', '/shop', '/shop/'].map((path) => `consent=; Path=${path}; Max-Age=0; SameSite=Lax${domain}`));
    const clearing = new RecordingJar();
    new CookieStorage(clearing, { ...options, reach }).clear();
    expect([...clearing.writes].sort()).to.deep.equal([...every].sort());
    const writing = new RecordingJar();
    new CookieStorage(writing, { ...options, reach }).write('v=1');
    expect(writing.writes.slice(0, -1).sort(), 'every copy expired first').to.deep.equal([...every].sort());
    expect(writing.writes.at(-1), 'then the one copy written').to.equal('consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax');
  });

  it('reports a write the browser ignored', () => {
    const ignoring: CookieJar = { get: () => '', set: () => undefined };
    expect(new CookieStorage(ignoring, options).write('v=1')).to.equal(false);
  });

  it('never throws when cookies are blocked', () => {
    const storage = new CookieStorage(throwingJar, options);
    expect(storage.read()).to.deep.equal([]);
    expect(storage.write('v=1')).to.equal(false);
    expect(() => storage.clear()).not.to.throw();
  });

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

  it('never throws when storage is blocked or full', () => {
    const blocked = new WebStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    }, 'consent');
    expect(blocked.read()).to.deep.equal([]);
    expect(blocked.write('v=1')).to.equal(false);
    expect(() => blocked.clear()).not.to.throw();

    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(new WebStorage(() => full, 'consent').write('v=1')).to.equal(false);
  });
});

describe('FallbackStorage', () => {
  it('writes to the cookie when it works and removes older fallback copies', () => {
    const jar = new RecordingJar();
    const local = new MemoryStorage();
    local.write('old');
    const storage = new FallbackStorage([new CookieStorage(jar, options), local]);
    expect(storage.write('new')).to.equal('cookie');
    expect(storage.kind).to.equal('cookie');
    expect(local.read()).to.deep.equal([]);
    expect(storage.read()).to.deep.equal(['new']);
  });

  it('falls back to localStorage, then to memory', () => {
    const blockedLocal = new WebStorage(() => null, 'consent');
    const memory = new MemoryStorage();
    const storage = new FallbackStorage([new CookieStorage(throwingJar, options), blockedLocal, memory]);
    expect(storage.kind).to.equal(null);
    expect(storage.write('v=1')).to.equal('memory');
    expect(storage.read()).to.deep.equal(['v=1']);

    const withLocal = new FallbackStorage([new CookieStorage(throwingJar, options), new WebStorage(() => localStorage, 'fallback_test'), memory]);
    expect(withLocal.write('v=2')).to.equal('localStorage');
    expect(localStorage.getItem('fallback_test')).to.equal('v=2');
    localStorage.removeItem('fallback_test');
  });

  it('reads from every storage and clears them all', () => {
    const first = new MemoryStorage();
    const second = new MemoryStorage();
    first.write('a');
    second.write('b');
    const storage = new FallbackStorage([first, second]);
    expect(storage.read()).to.deep.equal(['a', 'b']);
    storage.clear();
    expect(storage.read()).to.deep.equal([]);
  });
});
