/**
 * Consent state: what is allowed now, whether the visitor has decided, and the record that says
 * so. The store decides and persists; it does not touch the page. Each operation returns the
 * change it made so the caller can announce it.
 */

import { type ConsentConfig, isLanguageTag } from './config.js';
import { type ConsentMethod, type ConsentRecord, createConsentId, decodeRecord, encodeRecord, RECORD_SCHEMA_VERSION } from './record.js';
import type { FallbackStorage, StorageKind } from './storage.js';

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

/** Why a stored record was not applied. */
export type StaleReason = 'expired' | 'revision' | 'new-category';

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

const DAY_SECONDS = 86_400;

function defaultRandomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
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
    return this.#current.categories[category] === true;
  }

  /** Reads the stored choice and applies it. */
  load(): LoadResult {
    const { record, stale } = this.#readStored();
    if (!record) {
      this.#current = this.#undecidedState();
      return { state: this.#current, gpcChange: null, stale };
    }
    this.#current = this.#stateFromRecord(record);
    const overridden = this.#gpcOverrides(record);
    if (overridden.length === 0) return { state: this.#current, gpcChange: null, stale: null };
    // GPC arrived after the visitor granted a category it covers: the signal wins until the
    // visitor confirms otherwise, and the record says why the choice changed.
    const choice = Object.fromEntries(overridden.map((id) => [id, false]));
    const gpcChange = this.decide({ ...this.#current.categories, ...choice }, 'gpc');
    return { state: this.#current, gpcChange, stale: null };
  }

  /**
   * Applies a change another tab made. `remoteValue` is the record value that tab stored (`null`
   * after a reset); it is validated like a stored value. Without it, or when it does not decode,
   * storage is read again.
   * Returns the change, or `null` when this tab already shows that state.
   */
  refresh(remoteValue?: string | null): ConsentChange | null {
    const before = this.#current;
    // Another tab's cookie write can reach this document's cookie jar after its message does,
    // so the value in the message is preferred to reading storage.
    // A value that does not decode says nothing reliable: storage, the source of truth, is read instead.
    const known = remoteValue === null || (remoteValue !== undefined && decodeRecord(remoteValue) !== null);
    const values = !known ? this.#storage.read() : remoteValue === null ? [] : [remoteValue];
    const { record } = this.#readStored(values);
    const unchanged = record && before.record ? encodeRecord(record) === encodeRecord(before.record) : record === before.record;
    if (unchanged) return null;
    this.#current = record ? this.#stateFromRecord(record) : this.#undecidedState();
    return this.#changeFrom(before, 'sync');
  }

  acceptAll(method: ConsentMethod): ConsentChange {
    return this.decide(Object.fromEntries(this.config.categories.map(({ id }) => [id, true])), method);
  }

  rejectAll(method: ConsentMethod): ConsentChange {
    return this.decide(Object.fromEntries(this.config.categories.map(({ id }) => [id, false])), method);
  }

  /**
   * Records a choice. Categories missing from `choice` keep their current value; required
   * categories stay on whatever `choice` says.
   */
  decide(choice: Readonly<Record<string, boolean>>, method: ConsentMethod): ConsentChange {
    const before = this.#current;
    const categories: Record<string, boolean> = {};
    for (const { id, required } of this.config.categories) {
      categories[id] = required || (choice[id] ?? before.categories[id] ?? false);
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
    const categories: Record<string, boolean> = {};
    for (const { id, required } of this.config.categories) {
      categories[id] = required || (optionalDefault && !(this.#gpc && this.config.gpcDenies.includes(id)));
    }
    return Object.freeze({ categories: Object.freeze(categories), decided: false, record: null, gpc: this.#gpc });
  }

  #stateFromRecord(record: ConsentRecord): ConsentState {
    const categories: Record<string, boolean> = {};
    for (const { id, required } of this.config.categories) {
      categories[id] = required || record.granted.includes(id);
    }
    return Object.freeze({ categories: Object.freeze(categories), decided: true, record, gpc: this.#gpc });
  }

  /** Unix seconds, never negative: a clock set before 1970 must not write a record no one can read. */
  #nowSeconds(): number {
    return Math.max(0, Math.floor(this.#now() / 1000));
  }

  /** The newest valid record among `values`, and why it cannot be used if it cannot. */
  #readStored(values: readonly string[] = this.#storage.read()): { record: ConsentRecord | null; stale: StaleReason | null } {
    if (this.#safeMode) return { record: null, stale: null };
    let newest: ConsentRecord | null = null;
    for (const raw of values) {
      const record = decodeRecord(raw);
      if (record && (!newest || record.updatedAt > newest.updatedAt)) newest = record;
    }
    if (!newest) return { record: null, stale: null };
    const stale = this.#staleReason(newest);
    return stale ? { record: null, stale } : { record: newest, stale: null };
  }

  #staleReason(record: ConsentRecord): StaleReason | null {
    const ageSeconds = this.#nowSeconds() - record.updatedAt;
    if (ageSeconds > this.config.storage.expiresDays * DAY_SECONDS) return 'expired';
    if (record.revision !== this.config.revision) return 'revision';
    const answered = new Set([...record.granted, ...record.denied]);
    if (this.config.categories.some(({ id, required }) => !required && !answered.has(id))) return 'new-category';
    return null;
  }

  #gpcOverrides(record: ConsentRecord): string[] {
    // A choice made while GPC was on is the visitor's explicit answer to it, and wins.
    if (!this.#gpc || record.gpc) return [];
    return this.config.gpcDenies.filter((id) => this.#current.categories[id]);
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
