/**
 * Consent state: what is allowed now, whether the visitor has decided, and the record that says
 * so. The store decides and persists; it does not touch the page. Each operation returns the
 * change it made so the caller can announce it.
 */

import { type ConsentConfig, isLanguageTag } from './config.js';
import { type ConsentMethod, type ConsentRecord, createConsentId, encodeRecord, RECORD_SCHEMA_VERSION } from './record.js';
import type { FallbackStorage, StorageKind } from './storage.js';
import { readStoredChoice, type RecordRules, type StaleReason, type StoredChoice } from './stored-choice.js';

/**
 * What caused a change: the visitor in the banner or the preferences, code, Global Privacy
 * Control, or (`sync`) a choice made in another tab of the same site.
 */
export type ChangeSource = ConsentMethod | 'sync';

/** `{ [category id]: allowed }` for every configured category. */
export type ConsentCategories = Readonly<Record<string, boolean>>;

export interface ConsentState {
  readonly categories: ConsentCategories;
  /** True once the visitor has given a choice that is still valid. */
  readonly decided: boolean;
  /** The stored record behind `categories`, or `null` while undecided. */
  readonly record: ConsentRecord | null;
  /** Whether the browser sends Global Privacy Control. */
  readonly gpc: boolean;
}

export interface ConsentChange extends ConsentState {
  /** Ids of the categories whose value changed. */
  readonly changed: readonly string[];
  readonly source: ChangeSource;
}

export interface ConsentStoreOptions {
  readonly config: ConsentConfig;
  readonly storage: FallbackStorage;
  /** `navigator.globalPrivacyControl === true`. */
  readonly gpc: boolean;
  /** The language the visitor sees, kept in the record. */
  readonly language: string;
  /**
   * Set when the configuration was invalid: stored choices are neither read nor overwritten until
   * the visitor chooses again, and every optional category stays denied, even in opt-out mode.
   */
  readonly safeMode?: boolean;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
  readonly randomBytes?: (length: number) => Uint8Array;
}

export interface LoadResult {
  readonly state: ConsentState;
  /** Set when Global Privacy Control overrode a stored grant on this load. */
  readonly gpcChange: ConsentChange | null;
  /** Set when a stored record existed but asks again. */
  readonly stale: StaleReason | null;
}

function defaultRandomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/**
 * An object keyed by category id with no prototype, so that an id such as `constructor` is
 * never found on `Object.prototype`.
 */
function byCategory<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, Object.fromEntries(entries));
}

/** The rules a stored record must meet under `config` (shared with `dist/consent-defaults.js`). */
export function recordRules(config: ConsentConfig): RecordRules {
  return {
    revision: config.revision,
    expiresDays: config.storage.expiresDays,
    optionalCategories: config.categories.filter(({ required }) => !required).map(({ id }) => id),
  };
}

export class ConsentStore {
  readonly config: ConsentConfig;
  /** The language recorded with the next choice; one that is not a language tag records the config's default. */
  language: string;
  readonly #storage: FallbackStorage;
  readonly #gpc: boolean;
  readonly #safeMode: boolean;
  readonly #now: () => number;
  readonly #randomBytes: (length: number) => Uint8Array;
  #current: ConsentState;

  constructor(options: ConsentStoreOptions) {
    this.config = options.config;
    this.#storage = options.storage;
    this.#gpc = options.gpc;
    this.language = options.language;
    this.#safeMode = options.safeMode ?? false;
    this.#now = options.now ?? Date.now;
    this.#randomBytes = options.randomBytes ?? defaultRandomBytes;
    this.#current = this.#undecidedState();
  }

  get state(): ConsentState {
    return this.#current;
  }

  /** Where the last write landed (`null` before the first write on this page). */
  get storageKind(): StorageKind | null {
    return this.#storage.kind;
  }

  isAllowed(category: string): boolean {
    return Object.hasOwn(this.#current.categories, category) && this.#current.categories[category] === true;
  }

  /**
   * Reads the stored choice and applies it; `stored`, when given, stands for what storage holds
   * (the values it would read), for a caller that knows better than the browser's answer.
   */
  load(stored?: readonly string[]): LoadResult {
    const { stale, gpcChange } = this.#apply(stored);
    return { state: this.#current, gpcChange, stale };
  }

  /**
   * Applies what storage holds now, after another tab said it changed the choice. The message
   * is only a hint (any same-origin script can send one): storage is read again and applied by
   * exactly the rules of `load`, Global Privacy Control included.
   * Returns the change, or `null` when this tab already shows that state.
   */
  refresh(): ConsentChange | null {
    const before = this.#current;
    const { gpcChange } = this.#apply();
    const unchanged = before.decided === this.#current.decided && (before.record && this.#current.record ? encodeRecord(before.record) === encodeRecord(this.#current.record) : before.record === this.#current.record);
    if (unchanged) return null;
    return this.#changeFrom(before, gpcChange ? 'gpc' : 'sync');
  }

  /** Applies the stored choice, or the defaults without a valid one; a GPC override is stored. */
  #apply(stored?: readonly string[]): { stale: StaleReason | null; gpcChange: ConsentChange | null } {
    const { record, stale } = this.#readStored(stored);
    if (!record) {
      this.#current = this.#undecidedState();
      return { stale, gpcChange: null };
    }
    this.#current = this.#stateFromRecord(record);
    const overridden = this.#gpcOverrides(record);
    if (overridden.length === 0) return { stale: null, gpcChange: null };
    // GPC arrived after the visitor granted a category it covers: the signal wins until the
    // visitor confirms otherwise, and the record says why the choice changed.
    const choice = byCategory(overridden.map((id) => [id, false] as const));
    return { stale: null, gpcChange: this.decide(choice, 'gpc') };
  }

  acceptAll(method: ConsentMethod): ConsentChange {
    return this.decide(byCategory(this.config.categories.map(({ id }) => [id, true] as const)), method);
  }

  rejectAll(method: ConsentMethod): ConsentChange {
    return this.decide(byCategory(this.config.categories.map(({ id }) => [id, false] as const)), method);
  }

  /**
   * Records a choice. Categories missing from `choice` keep their current value; required
   * categories stay on whatever `choice` says.
   */
  decide(choice: Readonly<Record<string, boolean>>, method: ConsentMethod): ConsentChange {
    const before = this.#current;
    const categories = byCategory<boolean>([]);
    for (const { id, required } of this.config.categories) {
      categories[id] = required || (Object.hasOwn(choice, id) ? choice[id] === true : before.categories[id] === true);
    }
    const nowSeconds = this.#nowSeconds();
    const previous = before.record;
    const record: ConsentRecord = Object.freeze({
      version: RECORD_SCHEMA_VERSION,
      id: previous?.id ?? createConsentId(this.#randomBytes),
      revision: this.config.revision,
      createdAt: previous ? Math.min(previous.createdAt, nowSeconds) : nowSeconds,
      updatedAt: nowSeconds,
      granted: Object.freeze(Object.keys(categories).filter((id) => categories[id])),
      denied: Object.freeze(Object.keys(categories).filter((id) => !categories[id])),
      method,
      gpc: this.#gpc,
      language: isLanguageTag(this.language) ? this.language : this.config.language,
    });
    this.#storage.write(encodeRecord(record));
    this.#current = Object.freeze({ categories: Object.freeze(categories), decided: true, record, gpc: this.#gpc });
    return this.#changeFrom(before, method);
  }

  /** Forgets the stored choice: everything optional returns to its default and the visitor is asked again. */
  reset(): ConsentChange {
    const before = this.#current;
    this.#storage.clear();
    this.#current = this.#undecidedState();
    return this.#changeFrom(before, 'api');
  }

  /** The default state before a choice: required on, optional off (opt-in) or on unless GPC says no (opt-out). */
  #undecidedState(): ConsentState {
    const optionalDefault = this.config.mode === 'opt-out' && !this.#safeMode;
    const categories = byCategory<boolean>([]);
    for (const { id, required } of this.config.categories) {
      categories[id] = required || (optionalDefault && !(this.#gpc && this.config.gpcDenies.includes(id)));
    }
    return Object.freeze({ categories: Object.freeze(categories), decided: false, record: null, gpc: this.#gpc });
  }

  #stateFromRecord(record: ConsentRecord): ConsentState {
    const categories = byCategory<boolean>([]);
    for (const { id, required } of this.config.categories) {
      categories[id] = required || record.granted.includes(id);
    }
    return Object.freeze({ categories: Object.freeze(categories), decided: true, record, gpc: this.#gpc });
  }

  /** Unix seconds, never negative: a clock set before 1970 must not write a record no one can read. */
  #nowSeconds(): number {
    return Math.max(0, Math.floor(this.#now() / 1000));
  }

  /** The stored choice, by the rules `readStoredChoice` documents; none in safe mode. */
  #readStored(stored: readonly string[] = this.#storage.read()): StoredChoice {
    if (this.#safeMode) return { record: null, stale: null };
    return readStoredChoice(stored, recordRules(this.config), this.#nowSeconds());
  }

  #gpcOverrides(record: ConsentRecord): string[] {
    // A choice made while GPC was on is the visitor's explicit answer to it, and wins.
    if (!this.#gpc || record.gpc) return [];
    return this.config.gpcDenies.filter((id) => this.#current.categories[id] === true);
  }

  #changeFrom(before: ConsentState, source: ChangeSource): ConsentChange {
    return describeChange(this.config, before, this.#current, source);
  }
}

/** The change from `before` to `after`, listing the configured categories whose value differs. */
export function describeChange(config: ConsentConfig, before: ConsentState, after: ConsentState, source: ChangeSource): ConsentChange {
  const changed = config.categories.map(({ id }) => id).filter((id) => before.categories[id] !== after.categories[id]);
  return Object.freeze({ ...after, changed: Object.freeze(changed), source });
}
