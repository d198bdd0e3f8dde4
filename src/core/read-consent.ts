/**
 * The stored choice read on a server (or in the consent log) by the element's own rules: the
 * same decoder, checksum, expiry, revision and category checks, the same choice among several
 * copies of the cookie, and the same Global Privacy Control override, because it runs the
 * element's `ConsentStore` over the values given instead of the browser's storage.
 */

import { type ConfigError, type ConsentConfig, parseConfig } from './config.js';
import type { ConsentRecord } from './record.js';
import { FallbackStorage, readCookieValues, type RecordStorage } from './storage.js';
import { type ConsentCategories, ConsentStore } from './store.js';
import type { StaleReason } from './stored-choice.js';

/**
 * Why there is no choice to apply: no value under the cookie's name (`missing`), none that
 * decodes as a record (`invalid`), the newest one is too old (`expired`), from another config
 * revision (`revision`) or does not answer an optional category the config has now
 * (`new-category`), or the config itself is invalid (`config`), in which case the element too
 * ignores stored choices and grants nothing optional.
 */
export type ConsentReadFailure = 'missing' | 'invalid' | StaleReason | 'config';

/** What `readConsent` found: the choice in effect, or `null` with the reason there is none. */
export type ConsentReading =
  | {
      /** Every configured category, allowed or not, as the element would apply it. */
      readonly categories: ConsentCategories;
      readonly record: ConsentRecord;
      readonly reason: null;
    }
  | {
      readonly categories: null;
      readonly record: null;
      readonly reason: ConsentReadFailure;
      /** With reason `config`: what is wrong with it. */
      readonly configErrors?: readonly ConfigError[];
    };

export interface ReadConsentOptions {
  /** The time to judge expiry by (milliseconds or a `Date`); now by default, and instead of an invalid one. */
  readonly now?: number | Date;
  /** Whether the request carries Global Privacy Control (`Sec-GPC: 1`): it overrides stored grants as on the page. */
  readonly gpc?: boolean;
}

/** Parsed configs by the object given, so a server that passes the same object each time parses it once. */
const parsedConfigs = new WeakMap<object, { config: ConsentConfig; errors: readonly ConfigError[] }>();

/**
 * The config a server was given (an object or its JSON text), validated as the element does;
 * objects are parsed once and remembered. Invalid input gives the defaults with the errors.
 */
export function readConfig(input: unknown): { config: ConsentConfig; errors: readonly ConfigError[] } {
  if (typeof input === 'string') {
    try {
      return parseConfig(JSON.parse(input));
    } catch (error) {
      return { config: parseConfig(undefined).config, errors: [{ path: '(config)', problem: 'json', got: error instanceof Error ? error.message : 'parse error' }] };
    }
  }
  if (typeof input !== 'object' || input === null) return parseConfig(input);
  let parsed = parsedConfigs.get(input);
  if (!parsed) parsedConfigs.set(input, (parsed = parseConfig(input)));
  return parsed;
}

/**
 * Reads the visitor's consent from a request: `cookie` is the `Cookie` header, the cookie's
 * value alone (as a framework's cookie parser gives it, decoded or not), or a list of values.
 * Prefer the header, which is read exactly as the browser reads the cookie: a value a framework
 * has decoded cannot be told from one that was never encoded, so a doubly encoded value, which
 * the browser refuses, reads as a choice here.
 * A header without the cookie that starts `v=` is read as such a value: a header whose only
 * cookie is named `v` cannot be told from one, so pass the value itself when you have it.
 * `config` is what the page's element is given: the object or its JSON text. An object is parsed
 * once and remembered, so give a new object rather than changing one already used.
 *
 *     const { categories } = readConsent(request.headers.cookie, config, { gpc: request.headers['sec-gpc'] === '1' });
 *     if (categories?.marketing) { … }
 *
 * Never throws: anything malformed is no choice, with the reason.
 */
export function readConsent(cookie: string | readonly string[] | null | undefined, config: unknown, passed: ReadConsentOptions | null = {}): ConsentReading {
  // An untyped caller's null, or anything not an object, is no options.
  const options: ReadConsentOptions = typeof passed === 'object' && passed !== null ? passed : {};
  const { config: parsed, errors } = readConfig(config);
  if (errors.length > 0) return { categories: null, record: null, reason: 'config', configErrors: errors };
  const values = valuesOf(cookie, parsed.storage.cookieName);
  if (values.length === 0) return { categories: null, record: null, reason: 'missing' };
  const given: RecordStorage = { kind: 'cookie', read: () => values, write: () => false, clear: () => undefined };
  // An invalid date (NaN, a string from an untyped caller) would make every record unexpired.
  const at = options.now instanceof Date ? options.now.getTime() : options.now;
  const now = typeof at === 'number' && Number.isFinite(at) ? at : Date.now();
  const store = new ConsentStore({ config: parsed, storage: new FallbackStorage([given]), gpc: options.gpc === true, language: parsed.language, now: () => now });
  const { state, stale } = store.load();
  if (!state.decided || !state.record) return { categories: null, record: null, reason: stale ?? 'invalid' };
  // A plain object for servers, whatever the store keeps internally.
  return { categories: { ...state.categories }, record: state.record, reason: null };
}

function valuesOf(cookie: string | readonly string[] | null | undefined, name: string): string[] {
  if (Array.isArray(cookie)) return cookie.filter((value): value is string => typeof value === 'string');
  if (typeof cookie !== 'string' || cookie === '') return [];
  const named = readCookieValues(cookie, name);
  if (named.length > 0) return named;
  // Not a header with the cookie: a record's value itself starts with its version field.
  return /^v(=|%3D)/i.test(cookie.trim()) ? [cookie.trim()] : [];
}
