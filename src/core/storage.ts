/**
 * Where the stored choice lives. The preferred place is a first-party cookie, so the site's
 * server can read it; when the browser refuses cookies it falls back to localStorage, and when
 * that is blocked too, to memory for the life of the page. The drivers reach the browser only
 * through the small interfaces below, which the element supplies.
 */

import { decodeRecord } from './record.js';

export const STORAGE_KINDS = ['cookie', 'localStorage', 'memory'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** One place a raw record can be kept. Implementations never throw. */
export interface RecordStorage {
  readonly kind: StorageKind;
  /** Every value found under the record's name: a cookie name can appear more than once. */
  read(): string[];
  /** Stores the value and reports whether it can be read back. */
  write(value: string): boolean;
  clear(): void;
}

/** Access to `document.cookie`, or anything that behaves like it. */
export interface CookieJar {
  get(): string;
  set(cookie: string): void;
}

/** The part of the Web Storage API the drivers use. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface CookieStorageOptions {
  readonly name: string;
  readonly path: string;
  readonly domain?: string;
  readonly expiresDays: number;
  /** Adds `Secure`; the element sets it on https pages. */
  readonly secure: boolean;
  /**
   * Every other domain (`Domain=` attribute) and path a copy of the cookie can have been written
   * on that this page can still remove: its host and parent domains, its path and the path's
   * parents. A cookie is only removed by a write with the same name, domain and path, and a
   * script cannot read which a copy has, so each pair is expired.
   */
  readonly reach?: { readonly domains: readonly string[]; readonly paths: readonly string[] };
}

/** The most a browser keeps of one cookie, in bytes: name, value and attributes (RFC 6265, section 6.1). */
export const MAX_COOKIE_BYTES = 4096;

const DAY_SECONDS = 86_400;

/** The `document.cookie` string that stores `value`, or expires the cookie when `maxAge` is 0. */
export function serializeCookie(name: string, value: string, options: { readonly path: string; readonly domain?: string | undefined; readonly maxAge: number; readonly secure: boolean }): string {
  const { path, domain, maxAge, secure } = options;
  return `${name}=${value}; Path=${path}; Max-Age=${maxAge}; SameSite=Lax${domain ? `; Domain=${domain}` : ''}${secure ? '; Secure' : ''}`;
}

function attempt<T>(operation: () => T, fallback: T): T {
  try {
    return operation();
  } catch {
    // Sandboxed frames and privacy settings make storage access throw (SecurityError).
    return fallback;
  }
}

/** Every value of the named cookie in a `document.cookie` string, in the order the browser lists them. */
export function readCookieValues(cookieString: string, name: string): string[] {
  const values: string[] = [];
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) values.push(part.slice(separator + 1).trim());
  }
  return values;
}

export class CookieStorage implements RecordStorage {
  readonly kind = 'cookie';

  readonly #jar: CookieJar;
  readonly #options: CookieStorageOptions;

  constructor(jar: CookieJar, options: CookieStorageOptions) {
    this.#jar = jar;
    this.#options = options;
  }

  read(): string[] {
    return attempt(() => readCookieValues(this.#jar.get(), this.#options.name), []);
  }

  /**
   * Stores the value in one cookie, after expiring every other copy this page can reach: a copy
   * left on another domain or path (a config change, or a sibling subdomain's write on the parent
   * domain) would otherwise disagree with the new choice.
   */
  write(value: string): boolean {
    const maxAge = this.#options.expiresDays * DAY_SECONDS;
    return attempt(() => {
      this.#expireCopies();
      this.#jar.set(this.#serialize(value, maxAge, this.#options.path, this.#options.domain));
      return this.read().includes(value);
    }, false);
  }

  clear(): void {
    attempt(() => this.#expireCopies(), undefined);
  }

  /**
   * Expires the cookie host-only and on every reachable domain, at every reachable path; on a
   * secure page also its partitioned (CHIPS) copies, which only a write marked `Partitioned`
   * removes: a sibling subdomain can plant one on the parent domain, and it would outlast every
   * choice and keep denying what the visitor grants.
   */
  #expireCopies(): void {
    const { path, domain, reach, secure } = this.#options;
    const domains = new Set<string | undefined>([undefined, domain, ...(reach?.domains ?? [])]);
    const paths = new Set([path, ...(reach?.paths ?? [])]);
    for (const everyDomain of domains) {
      for (const everyPath of paths) {
        const expired = this.#serialize('', 0, everyPath, everyDomain);
        this.#jar.set(expired);
        if (secure) this.#jar.set(`${expired}; Partitioned`);
      }
    }
  }

  #serialize(value: string, maxAge: number, path: string, domain: string | undefined): string {
    return serializeCookie(this.#options.name, value, { path, domain, maxAge, secure: this.#options.secure });
  }
}

export class WebStorage implements RecordStorage {
  readonly kind = 'localStorage';

  readonly #store: () => KeyValueStore | null;
  readonly #key: string;

  /** `store` is a getter because merely reading `window.localStorage` throws when it is blocked. */
  constructor(store: () => KeyValueStore | null, key: string) {
    this.#store = store;
    this.#key = key;
  }

  read(): string[] {
    return attempt(() => {
      const value = this.#store()?.getItem(this.#key);
      return typeof value === 'string' ? [value] : [];
    }, []);
  }

  write(value: string): boolean {
    return attempt(() => {
      const store = this.#store();
      if (!store) return false;
      store.setItem(this.#key, value);
      return store.getItem(this.#key) === value;
    }, false);
  }

  clear(): void {
    attempt(() => this.#store()?.removeItem(this.#key), undefined);
  }
}

export class MemoryStorage implements RecordStorage {
  readonly kind = 'memory';
  #value: string | null = null;

  read(): string[] {
    return this.#value === null ? [] : [this.#value];
  }

  write(value: string): boolean {
    this.#value = value;
    return true;
  }

  clear(): void {
    this.#value = null;
  }
}

/** The localStorage key of a host-only cookie's copy (see `FallbackStorage`'s `copy`). */
export const copyKey = (cookieName: string): string => `${cookieName}.copy`;

/** The localStorage key of the consent log records waiting to be sent. */
export const logQueueKey = (cookieName: string): string => `${cookieName}.log-queue`;

/** The localStorage key of the hashes of the notices this browser has sent to the consent log. */
export const logNoticesKey = (cookieName: string): string => `${cookieName}.log-notices`;

/** Every localStorage key the element may keep beside its cookie `cookieName`: the audit files them with it. */
export const ownStorageKeys = (cookieName: string): string[] => [copyKey(cookieName), logQueueKey(cookieName), logNoticesKey(cookieName)];

/**
 * `values`, and `copy` beside them when they hold a record: the copy only takes away. Alone it is
 * no choice, so that a cookie the site's server deleted, or the browser expired, asks again.
 */
export function withCopy(values: readonly string[], copy: readonly string[]): string[] {
  return values.some((value) => decodeRecord(value) !== null) ? [...values, ...copy] : [...values];
}

/**
 * Tries each storage in order. A write lands in the first that accepts it and clears the ones
 * after it, so that an old fallback copy never outlives a newer choice. `copy`, when given, keeps
 * a second copy of what the first storage holds, read beside it (`withCopy`).
 */
export class FallbackStorage {
  #lastWrittenTo: StorageKind | null = null;
  readonly #storages: readonly RecordStorage[];
  readonly #copy: RecordStorage | undefined;

  /**
   * The element passes a localStorage `copy` for a host-only cookie: a sibling subdomain can push
   * the cookie out of the browser's cookie jar (by filling it) and plant its own on the parent
   * domain, but cannot reach this origin's localStorage, so the visitor's own copy is still there
   * to take away what the planted one grants.
   */
  constructor(storages: readonly RecordStorage[], copy?: RecordStorage) {
    this.#storages = storages;
    this.#copy = copy;
  }

  /** Where the last write landed, or `null` before any write. */
  get kind(): StorageKind | null {
    return this.#lastWrittenTo;
  }

  read(): string[] {
    const values = this.#storages.flatMap((storage) => storage.read());
    return this.#copy ? withCopy(values, this.#copy.read()) : values;
  }

  write(value: string): StorageKind | null {
    const index = this.#storages.findIndex((storage) => storage.write(value));
    // A copy of the first storage only: beside a fallback, an older one would take away a newer grant.
    if (this.#copy && !(index === 0 && this.#copy.write(value))) this.#copy.clear();
    if (index < 0) return null;
    this.#storages.slice(index + 1).forEach((storage) => storage.clear());
    const kind = this.#storages[index]?.kind ?? null;
    this.#lastWrittenTo = kind;
    return kind;
  }

  clear(): void {
    this.#copy?.clear();
    this.#storages.forEach((storage) => storage.clear());
  }
}
