// Write-behind batching: requests that arrive within a few milliseconds of each other are stored
// in one transaction (one INSERT for all their records), which is what lets one PostgreSQL take
// thousands of records a second. Each request is answered only after its batch has committed:
// nothing is acknowledged that is not stored. The queue is bounded: past it, `submit` refuses at
// once (the server answers 503 with Retry-After and the client keeps the record), so an overload
// sheds requests instead of growing memory and latency without end.
import { ensurePartitions } from './partitions.mjs';
import { monthStart } from './time.mjs';

const RECORD_COLUMNS = [
  ['received_at', 'timestamptz'], ['record_id', 'text'], ['consent_id', 'text'], ['action', 'text'], ['granted', 'text[]'], ['denied', 'text[]'],
  ['method', 'text'], ['revision', 'bigint'], ['language', 'text'], ['gpc', 'boolean'], ['given_at', 'bigint'], ['changed_at', 'bigint'], ['url', 'text'],
  ['notice_hash', 'text'], ['component_name', 'text'], ['component_version', 'text'], ['origin', 'text'], ['ua_browser', 'text'], ['ua_major', 'text'],
  ['ua_device', 'text'], ['ip_prefix', 'text'],
];
const NAMES = RECORD_COLUMNS.map(([name]) => name).join(', ');
/**
 * The batch's notices are stored (each once); new ids go into consent_record_ids; only the records whose id was new are inserted, so a
 * retried record is stored once even across partitions and instances.
 */
const INSERT_RECORDS = `WITH notices AS (INSERT INTO consent_notices (hash, content, first_seen_at) SELECT key, value, $3 FROM jsonb_each($2::jsonb) ON CONFLICT (hash) DO NOTHING),
input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS input(${RECORD_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})),
fresh AS (INSERT INTO consent_record_ids (record_id, received_at) SELECT record_id, received_at FROM input ON CONFLICT (record_id) DO NOTHING RETURNING record_id)
INSERT INTO consent_records (${NAMES}) SELECT ${RECORD_COLUMNS.map(([name]) => `input.${name}`).join(', ')} FROM input JOIN fresh USING (record_id) RETURNING record_id`;

/**
 * PostgreSQL error classes that come from what was written, not from the database being
 * unavailable: data exceptions, integrity constraints, program limits (SQLSTATE 22, 23, 54).
 */
const DATA_ERROR = /^(22|23|54)/;

/** Refusal of `submit` when the queue is full: nothing of the request was stored. */
export class QueueFullError extends Error {
  constructor(limit) {
    super(`the write queue is full (${limit} records waiting)`);
    this.name = 'QueueFullError';
  }
}

/**
 * @typedef {{ [column: string]: unknown, record_id: string, received_at: string }} RecordRow
 * @typedef {{ rows: RecordRow[], notices: Map<string, unknown>, resolve: (counts: { accepted: number, duplicates: number }) => void, reject: (error: unknown) => void }} Pending
 */

export class RecordWriter {
  /**
   * @param {{ db: import('./database.mjs').Database, maxBatch?: number, maxDelayMs?: number, maxQueued?: number,
   *   onBatch?: (size: number, seconds: number) => void }} options
   *   `maxQueued`: records that may wait for a batch (those being written not counted) before `submit` refuses.
   */
  constructor({ db, maxBatch = 1000, maxDelayMs = 4, maxQueued = 10_000, onBatch = () => undefined }) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.maxDelayMs = maxDelayMs;
    this.maxQueued = maxQueued;
    this.onBatch = onBatch;
    /** @type {Pending[]} */
    this.queue = [];
    this.queuedRows = 0;
    this.inFlight = 0;
    /** @type {Set<Promise<void>>} */
    this.running = new Set();
    /** @type {NodeJS.Timeout | null} */
    this.timer = null;
    /** Months whose partition this process has made sure of. */
    this.months = new Set();
  }

  /** Records waiting for a batch: a gauge for /metrics. */
  get depth() {
    return this.queuedRows;
  }

  /** Whether the queue is full: a request arriving now would be refused. */
  get full() {
    return this.queuedRows >= this.maxQueued;
  }

  /**
   * Queues one request's records (already validated) and the notices they bring; resolves once
   * they are committed, with how many were new and how many were already stored. Rejects with
   * `QueueFullError` at once when they would not fit in the queue.
   * @param {RecordRow[]} rows @param {Map<string, unknown>} notices
   * @returns {Promise<{ accepted: number, duplicates: number }>}
   */
  submit(rows, notices) {
    return new Promise((resolve, reject) => {
      if (this.queuedRows + rows.length > this.maxQueued) return reject(new QueueFullError(this.maxQueued));
      this.queue.push({ rows, notices, resolve, reject });
      this.queuedRows += rows.length;
      if (this.queuedRows >= this.maxBatch) this.pump();
      else this.timer ??= setTimeout(() => this.pump(), this.maxDelayMs);
    });
  }

  pump() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length > 0 && this.inFlight < this.db.maxConcurrentWrites) {
      const batch = [];
      let size = 0;
      while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0].rows.length <= this.maxBatch)) {
        const next = /** @type {Pending} */ (this.queue.shift());
        batch.push(next);
        size += next.rows.length;
      }
      this.queuedRows -= size;
      this.inFlight++;
      const run = this.write(batch).finally(() => {
        this.inFlight--;
        this.running.delete(run);
        if (this.queue.length > 0) this.pump();
      });
      this.running.add(run);
    }
  }

  /** @param {Pending[]} batch */
  async write(batch) {
    const started = process.hrtime.bigint();
    try {
      /** @type {Map<string, { owner: Pending }>} */
      const firstSeen = new Map();
      const rows = [];
      const notices = {};
      for (const pending of batch) {
        for (const row of pending.rows) {
          if (firstSeen.has(row.record_id)) continue;
          firstSeen.set(row.record_id, { owner: pending });
          rows.push(row);
        }
        for (const [hash, content] of pending.notices) notices[hash] = content;
      }
      for (const month of new Set(rows.map((row) => monthStart(Date.parse(row.received_at))))) {
        if (this.months.has(month)) continue;
        await ensurePartitions(this.db, month);
        this.months.add(month);
      }
      // One statement, so one round trip and its own transaction: the notices, the ids and the records commit together.
      // A quick query: a hung database fails the batch (503, sent again) instead of holding it. Should
      // the statement still commit after the log gave up, the record sent again is a duplicate.
      const { rows: inserted } = await this.db.quickQuery(INSERT_RECORDS, [JSON.stringify(rows), JSON.stringify(notices), new Date().toISOString()]);
      const fresh = new Set(inserted.map((row) => row.record_id));
      for (const pending of batch) {
        let accepted = 0;
        for (const row of pending.rows) {
          // The first copy of a new id in this batch counts as accepted; every other copy is a duplicate.
          if (fresh.has(row.record_id) && firstSeen.get(row.record_id)?.owner === pending) {
            accepted++;
            fresh.delete(row.record_id);
          }
        }
        pending.resolve({ accepted, duplicates: pending.rows.length - accepted });
      }
      this.onBatch(rows.length, Number(process.hrtime.bigint() - started) / 1e9);
    } catch (error) {
      // One request's records made the statement fail (a value the database cannot take): halve
      // the batch until that request fails alone, so the others' records are still stored.
      if (batch.length > 1 && DATA_ERROR.test(String(/** @type {{ code?: unknown }} */ (error)?.code ?? ''))) {
        const middle = Math.ceil(batch.length / 2);
        await this.write(batch.slice(0, middle));
        await this.write(batch.slice(middle));
        return;
      }
      for (const pending of batch) pending.reject(error);
    }
  }

  /** Writes what is queued and waits for every batch in flight. */
  async drain() {
    while (this.queue.length > 0 || this.running.size > 0) {
      this.pump();
      await Promise.allSettled([...this.running]);
    }
  }
}
