/**
 * Delivers consent log records to the site's log server without losing any. Each record is
 * written to a queue in localStorage before it is sent, and leaves the queue only once the
 * server has accepted it; whatever fails (offline, server down, 5xx, 429, timeout) stays queued
 * and is sent again with backoff, on a timer, when the browser comes back `online`, and on the
 * next page. Sending twice is harmless: the server ignores a `recordId` it already has.
 *
 * Requests use `keepalive`, so a record sent just before the visitor navigates away still goes
 * out, and no credentials: the log needs no cookie of the site. Nothing here throws or waits on
 * the UI; problems become console diagnostics.
 */

import { type ConsentLogRecord, MAX_LOG_BATCH } from '../core/consent-log-record.js';
import type { Diagnostic } from '../diagnostics/report.js';

/** Records kept while the server cannot be reached; past it the oldest are dropped. */
export const MAX_QUEUED_RECORDS = 200;
/** Notice hashes remembered as known to the server; older ones are sent with their content again. */
export const MAX_REMEMBERED_NOTICES = 20;
/**
 * Browsers refuse a `keepalive` request whose body, with the others in flight, passes 64 KiB:
 * batches stay under this, and a single record above it is sent without `keepalive`.
 */
export const MAX_KEEPALIVE_BODY = 60_000;
/** First retry delay after a failure, doubled at each further failure up to `MAX_RETRY_DELAY`. */
export const FIRST_RETRY_DELAY = 5_000;
export const MAX_RETRY_DELAY = 3_600_000;
/** How long a request may take before it counts as failed. */
export const REQUEST_TIMEOUT = 15_000;

/** The part of the Web Storage API the queue uses. */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface ConsentLogClientOptions {
  /** The absolute URL records are POSTed to. */
  readonly endpoint: string;
  /** The queue's localStorage keys (`logQueueKey`, `logNoticesKey`). */
  readonly keys: { readonly queue: string; readonly notices: string };
  /** localStorage; may throw when storage is blocked, and then the queue lives in memory. */
  readonly storage: () => QueueStorage;
  readonly fetch: typeof fetch;
  readonly warn: (diagnostic: Diagnostic) => void;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  readonly setTimeout?: (callback: () => void, milliseconds: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
  /** In [0, 1): spreads retries so that many visitors do not return at the same moment. */
  readonly random?: () => number;
}

/** What the queue holds: records not yet accepted, and when to try again. */
interface QueueState {
  records: ConsentLogRecord[];
  /** Failed attempts in a row. */
  attempts: number;
  /** Milliseconds since the epoch before which no retry is made (except on `online`). */
  retryAt: number;
}

/** `split`: the server found the batch too large, so it goes again in smaller ones. */
type Outcome = 'sent' | 'retry' | 'dropped' | 'split';

function isQueueState(value: unknown): value is QueueState {
  const state = value as QueueState;
  return typeof value === 'object' && value !== null && Array.isArray(state.records) && Number.isFinite(state.attempts) && Number.isFinite(state.retryAt);
}

/** The delay before retry number `attempts` (1 after the first failure), with jitter in [50 %, 100 %]. */
export function retryDelay(attempts: number, random: number): number {
  const full = Math.min(MAX_RETRY_DELAY, FIRST_RETRY_DELAY * 2 ** Math.max(0, attempts - 1));
  return Math.round(full * (0.5 + random / 2));
}

export class ConsentLogClient {
  readonly #options: ConsentLogClientOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  /** Used once localStorage has failed: kept for the life of the page. */
  #memory: { queue: QueueState; notices: string[] } | undefined;
  #timer: unknown;
  /** The flush running now: one at a time, so no record is sent twice by this page at once. */
  #flushing: Promise<void> | undefined;
  #flushAgain = false;
  /** Records per request, halved when the server says a batch is too large (413). */
  #batchSize = MAX_LOG_BATCH;
  readonly #warned = new Set<string>();

  constructor(options: ConsentLogClientOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
  }

  /** Whether the server is known to have the notice with this hash, so its content need not be sent. */
  hasNotice(hash: string): boolean {
    return this.#readNotices().includes(hash);
  }

  /** The records waiting to be sent, oldest first. */
  get queued(): readonly ConsentLogRecord[] {
    return this.#readQueue().records;
  }

  /** Queues a record and sends the queue at once, whatever the backoff says: a new decision is worth a try. */
  send(record: ConsentLogRecord): Promise<void> {
    const state = this.#readQueue();
    state.records.push(record);
    if (state.records.length > MAX_QUEUED_RECORDS) {
      const dropped = state.records.splice(0, state.records.length - MAX_QUEUED_RECORDS);
      this.#warnOnce({ code: 'consent-log-dropped', count: dropped.length, limit: MAX_QUEUED_RECORDS });
    }
    state.retryAt = 0;
    this.#writeQueue(state);
    return this.flush();
  }

  /**
   * Sends what is queued, in batches, if the backoff allows (or `force`); schedules the next
   * attempt when something fails. Resolves when this round is over; never rejects.
   */
  flush(force = false): Promise<void> {
    if (this.#flushing) {
      this.#flushAgain = true;
      return this.#flushing;
    }
    const run = async (): Promise<void> => {
      do {
        this.#flushAgain = false;
        await this.#sendQueued(force);
      } while (this.#flushAgain);
    };
    this.#flushing = run()
      .catch((error: unknown) => this.#options.warn({ code: 'consent-log-failed', error }))
      .finally(() => {
        this.#flushing = undefined;
      });
    return this.#flushing;
  }

  /** Retries at once when the browser says it is back online. Returns a function that stops listening. */
  listen(win: Window): () => void {
    const online = (): void => void this.flush(true);
    win.addEventListener('online', online);
    return () => win.removeEventListener('online', online);
  }

  async #sendQueued(force: boolean): Promise<void> {
    for (;;) {
      const state = this.#readQueue();
      if (state.records.length === 0) return;
      const wait = state.retryAt - this.#now();
      if (wait > 0 && !force) {
        this.#schedule(wait);
        return;
      }
      const batch = this.#nextBatch(state.records);
      const outcome = await this.#post(batch);
      if (outcome === 'split') continue;
      const after = this.#readQueue();
      if (outcome === 'retry') {
        after.attempts += 1;
        const delay = retryDelay(after.attempts, this.#random());
        after.retryAt = this.#now() + delay;
        this.#writeQueue(after);
        this.#schedule(delay);
        return;
      }
      // Read again: another tab may have queued records meanwhile, and they stay.
      const done = new Set(batch.map(({ recordId }) => recordId));
      after.records = after.records.filter(({ recordId }) => !done.has(recordId));
      after.attempts = 0;
      after.retryAt = 0;
      this.#writeQueue(after);
      if (outcome === 'sent') this.#rememberNotices(batch);
      force = false;
    }
  }

  /** The oldest records that fit in one request: at most the batch size, and a `keepalive` body when they can. */
  #nextBatch(records: readonly ConsentLogRecord[]): ConsentLogRecord[] {
    const batch: ConsentLogRecord[] = [];
    let size = 20;
    for (const record of records.slice(0, this.#batchSize)) {
      size += JSON.stringify(record).length + 1;
      if (batch.length > 0 && size > MAX_KEEPALIVE_BODY) break;
      batch.push(record);
    }
    return batch;
  }

  async #post(batch: readonly ConsentLogRecord[]): Promise<Outcome> {
    const body = JSON.stringify(batch.length === 1 ? batch[0] : { records: batch });
    let status: number;
    try {
      const response = await this.#options.fetch(this.#options.endpoint, {
        method: 'POST',
        // JSON as text/plain, a "simple" request: no CORS preflight, which a keepalive request
        // sent as the page unloads may not get to make. The log server parses it as JSON.
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body,
        keepalive: body.length <= MAX_KEEPALIVE_BODY,
        credentials: 'omit',
        mode: 'cors',
        cache: 'no-store',
        ...(typeof AbortSignal.timeout === 'function' ? { signal: AbortSignal.timeout(REQUEST_TIMEOUT) } : {}),
      });
      status = response.status;
    } catch {
      // Offline, refused, blocked by CSP or CORS, or timed out: the browser does not say which.
      return 'retry';
    }
    if (status >= 200 && status < 300) return 'sent';
    if (status === 413 && batch.length > 1) {
      this.#batchSize = Math.max(1, Math.floor(batch.length / 2));
      return 'split';
    }
    if (status === 400 && batch.length > 1) {
      // One bad record refuses the whole batch: one at a time, only that one is lost.
      this.#batchSize = 1;
      return 'split';
    }
    if (status === 400 || status === 413) {
      // The server will refuse these records however often they come: keeping them would block the queue.
      this.#options.warn({ code: 'consent-log-refused', status, count: batch.length, endpoint: this.#options.endpoint, dropped: true });
      return 'dropped';
    }
    // 5xx, 429, 408, and refusals a fix on the server can lift (403 for an origin not yet allowed, 404).
    if (status < 500 && status !== 429 && status !== 408) this.#warnOnce({ code: 'consent-log-refused', status, count: batch.length, endpoint: this.#options.endpoint, dropped: false });
    return 'retry';
  }

  #schedule(delay: number): void {
    const { setTimeout: set = globalThis.setTimeout.bind(globalThis), clearTimeout: clear = globalThis.clearTimeout.bind(globalThis) } = this.#options;
    if (this.#timer !== undefined) clear(this.#timer as number);
    this.#timer = set(() => {
      this.#timer = undefined;
      void this.flush();
    }, delay);
  }

  #rememberNotices(batch: readonly ConsentLogRecord[]): void {
    const notices = this.#readNotices();
    for (const { notice } of batch) {
      if (!notice.content) continue;
      const at = notices.indexOf(notice.hash);
      if (at >= 0) notices.splice(at, 1);
      notices.push(notice.hash);
    }
    this.#write(this.#options.keys.notices, notices.slice(-MAX_REMEMBERED_NOTICES), (memory, value) => (memory.notices = value ?? []));
  }

  #readQueue(): QueueState {
    const empty = (): QueueState => ({ records: [], attempts: 0, retryAt: 0 });
    const raw = this.#memory ? undefined : this.#read(this.#options.keys.queue);
    if (raw === undefined) return structuredClone(this.#memory!.queue);
    try {
      const value: unknown = raw === null ? null : JSON.parse(raw);
      return isQueueState(value) ? value : empty();
    } catch {
      // Someone else's value under our key: start afresh rather than fail forever.
      return empty();
    }
  }

  #readNotices(): string[] {
    const raw = this.#memory ? undefined : this.#read(this.#options.keys.notices);
    if (raw === undefined) return [...this.#memory!.notices];
    try {
      const value: unknown = raw === null ? [] : JSON.parse(raw);
      return Array.isArray(value) ? value.filter((hash): hash is string => typeof hash === 'string') : [];
    } catch {
      return [];
    }
  }

  #writeQueue(state: QueueState): void {
    this.#write(this.#options.keys.queue, state.records.length > 0 ? state : null, (memory, value) => (memory.queue = value ?? { records: [], attempts: 0, retryAt: 0 }));
  }

  /** Reads a key; `undefined` when storage is blocked (and from then on memory is used). */
  #read(key: string): string | null | undefined {
    try {
      return this.#options.storage().getItem(key);
    } catch {
      this.#useMemory();
      return undefined;
    }
  }

  #write<Value>(key: string, value: Value | null, toMemory: (memory: { queue: QueueState; notices: string[] }, value: Value | null) => void): void {
    if (!this.#memory) {
      try {
        const storage = this.#options.storage();
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify(value));
        return;
      } catch {
        // Blocked, or full: the records stay in memory for the life of the page.
        this.#useMemory();
      }
    }
    toMemory(this.#memory!, value === null ? null : structuredClone(value));
  }

  #useMemory(): void {
    if (this.#memory) return;
    this.#memory = { queue: { records: [], attempts: 0, retryAt: 0 }, notices: [] };
    this.#warnOnce({ code: 'consent-log-memory' });
  }

  #warnOnce(diagnostic: Diagnostic): void {
    if (this.#warned.has(diagnostic.code)) return;
    this.#warned.add(diagnostic.code);
    this.#options.warn(diagnostic);
  }
}
