import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeRecord } from '../../src/core/record.js';
import { CookieStorage, type CookieJar, FallbackStorage, type KeyValueStore, MemoryStorage, readCookieValues, type RecordStorage, WebStorage, withCopy } from '../../src/core/storage.js';

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

/** What localStorage offers, kept in a Map. */
class MapStore implements KeyValueStore {
  readonly #items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
}

describe('readCookieValues', () => {
  it('finds every value of a name and nothing of similar names', () => {
    assert.deepEqual(readCookieValues('a=1; consent=x; xconsent=y; consent=z; consent_old=w', 'consent'), ['x', 'z']);
    assert.deepEqual(readCookieValues('', 'consent'), []);
    assert.deepEqual(readCookieValues('consent', 'consent'), []);
    assert.deepEqual(readCookieValues('consent=v=1&id=x', 'consent'), ['v=1&id=x']);
  });
});

describe('CookieStorage', () => {
  it('writes a first-party cookie with SameSite=Lax, the path and the lifetime, after expiring any other copy', () => {
    const jar = new RecordingJar();
    assert.equal(new CookieStorage(jar, options).write('v=1'), true);
    assert.deepEqual(jar.writes, ['consent=; Path=/; Max-Age=0; SameSite=Lax', 'consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax']);
  });

  it('adds Domain and Secure when asked', () => {
    const jar = new RecordingJar();
    new CookieStorage(jar, { ...options, domain: 'example.com', secure: true }).write('v=1');
    assert.equal(jar.writes.at(-1), 'consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax; Domain=example.com; Secure');
  });

  it('clears both the host-only and the domain cookie', () => {
    const jar = new RecordingJar();
    new CookieStorage(jar, { ...options, domain: 'example.com' }).clear();
    assert.deepEqual(jar.writes, ['consent=; Path=/; Max-Age=0; SameSite=Lax', 'consent=; Path=/; Max-Age=0; SameSite=Lax; Domain=example.com']);
  });

  it('expires every copy it can reach, on every domain and path, on a write and on clear', () => {
    const reach = { domains: ['www.example.com', 'example.com'], paths: ['/', '/shop', '/shop/'] };
    const every = ['', '; Domain=www.example.com', '; Domain=example.com'].flatMap((domain) => ['/', '/shop', '/shop/'].map((path) => `consent=; Path=${path}; Max-Age=0; SameSite=Lax${domain}`));
    const clearing = new RecordingJar();
    new CookieStorage(clearing, { ...options, reach }).clear();
    assert.deepEqual([...clearing.writes].sort(), [...every].sort());
    const writing = new RecordingJar();
    new CookieStorage(writing, { ...options, reach }).write('v=1');
    assert.deepEqual(writing.writes.slice(0, -1).sort(), [...every].sort(), 'every copy expired first');
    assert.equal(writing.writes.at(-1), 'consent=v=1; Path=/; Max-Age=15724800; SameSite=Lax', 'then the one copy written');
  });

  it('on a secure page also expires partitioned (CHIPS) copies, which only a Partitioned write removes', () => {
    const reach = { domains: ['www.example.com', 'example.com'], paths: ['/'] };
    const jar = new RecordingJar();
    new CookieStorage(jar, { ...options, secure: true, reach }).clear();
    const plain = ['', '; Domain=www.example.com', '; Domain=example.com'].map((domain) => `consent=; Path=/; Max-Age=0; SameSite=Lax${domain}; Secure`);
    assert.deepEqual([...jar.writes].sort(), [...plain, ...plain.map((write) => `${write}; Partitioned`)].sort());
    const insecure = new RecordingJar();
    new CookieStorage(insecure, { ...options, reach }).clear();
    assert.equal(insecure.writes.filter((write) => write.includes('Partitioned')).length, 0, 'Partitioned needs Secure: none on an http page');
  });

  it('reports a write the browser ignored', () => {
    const ignoring: CookieJar = { get: () => '', set: () => undefined };
    assert.equal(new CookieStorage(ignoring, options).write('v=1'), false);
  });

  it('never throws when cookies are blocked', () => {
    const storage = new CookieStorage(throwingJar, options);
    assert.deepEqual(storage.read(), []);
    assert.equal(storage.write('v=1'), false);
    assert.doesNotThrow(() => storage.clear());
  });
});

describe('WebStorage', () => {
  it('never throws when storage is blocked or full', () => {
    const blocked = new WebStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    }, 'consent');
    assert.deepEqual(blocked.read(), []);
    assert.equal(blocked.write('v=1'), false);
    assert.doesNotThrow(() => blocked.clear());

    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    assert.equal(new WebStorage(() => full, 'consent').write('v=1'), false);
  });
});

const record = (granted: string[]): string =>
  encodeRecord({ version: 1, id: 'CCCCCCCCCCCCCCCCCCCCCC', revision: 0, createdAt: 1_700_000_000, updatedAt: 1_700_000_000, granted: ['necessary', ...granted], denied: [], method: 'banner', gpc: false, language: 'en' });
const RECORD = record([]);
const OTHER_RECORD = record(['analytics']);

describe('FallbackStorage', () => {
  it('keeps a copy of what the first storage holds, and clears it when a write lands anywhere else or the copy cannot be written', () => {
    const first = new MemoryStorage();
    const copy = new MemoryStorage();
    const last = new MemoryStorage();
    last.write('old');
    const storage = new FallbackStorage([first, last], copy);
    assert.equal(storage.write(RECORD), 'memory');
    assert.deepEqual([first.read(), copy.read(), last.read()], [[RECORD], [RECORD], []]);

    const refusing: RecordStorage = { kind: 'cookie', read: () => [], write: () => false, clear: () => undefined };
    const staleCopy = new MemoryStorage();
    staleCopy.write(RECORD);
    const fallback = new MemoryStorage();
    assert.equal(new FallbackStorage([refusing, fallback], staleCopy).write(OTHER_RECORD), 'memory');
    assert.deepEqual([fallback.read(), staleCopy.read()], [[OTHER_RECORD], []], 'beside a fallback copy, an older copy would take away a newer grant');

    let cleared = false;
    const full: RecordStorage = { kind: 'localStorage', read: () => [RECORD], write: () => false, clear: () => (cleared = true) };
    new FallbackStorage([new MemoryStorage()], full).write(OTHER_RECORD);
    assert.equal(cleared, true, 'a copy that cannot be written is cleared, not left older');

    storage.clear();
    assert.deepEqual(copy.read(), []);
  });

  it('reads the copy only beside a record: alone it is no choice, as when a server deleted the cookie', () => {
    const first = new MemoryStorage();
    const copy = new MemoryStorage();
    const storage = new FallbackStorage([first], copy);
    storage.write(RECORD);
    assert.deepEqual(storage.read(), [RECORD, RECORD]);
    first.clear();
    assert.deepEqual(storage.read(), [], 'the cookie is gone: the copy alone is not read');
    first.write('deleted');
    assert.deepEqual(storage.read(), ['deleted'], 'nor beside a value that is no record');
    first.write(OTHER_RECORD);
    assert.deepEqual(storage.read(), [OTHER_RECORD, RECORD], 'beside a record (a planted one, say), it is read and takes away');
    assert.deepEqual(withCopy(['x'], [RECORD]), ['x']);
  });

  it('writes to the cookie when it works and removes older fallback copies', () => {
    const jar = new RecordingJar();
    const local = new MemoryStorage();
    local.write('old');
    const storage = new FallbackStorage([new CookieStorage(jar, options), local]);
    assert.equal(storage.write('new'), 'cookie');
    assert.equal(storage.kind, 'cookie');
    assert.deepEqual(local.read(), []);
    assert.deepEqual(storage.read(), ['new']);
  });

  it('falls back to localStorage, then to memory', () => {
    const blockedLocal = new WebStorage(() => null, 'consent');
    const memory = new MemoryStorage();
    const storage = new FallbackStorage([new CookieStorage(throwingJar, options), blockedLocal, memory]);
    assert.equal(storage.kind, null);
    assert.equal(storage.write('v=1'), 'memory');
    assert.deepEqual(storage.read(), ['v=1']);

    // The real localStorage is tested in test/dom/core-storage.test.ts; the order is what counts here.
    const local = new MapStore();
    const withLocal = new FallbackStorage([new CookieStorage(throwingJar, options), new WebStorage(() => local, 'fallback_test'), memory]);
    assert.equal(withLocal.write('v=2'), 'localStorage');
    assert.equal(local.getItem('fallback_test'), 'v=2');
  });

  it('reads from every storage and clears them all', () => {
    const first = new MemoryStorage();
    const second = new MemoryStorage();
    first.write('a');
    second.write('b');
    const storage = new FallbackStorage([first, second]);
    assert.deepEqual(storage.read(), ['a', 'b']);
    storage.clear();
    assert.deepEqual(storage.read(), []);
  });
});
