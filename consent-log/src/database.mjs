// One small interface over the two databases the log runs on: PostgreSQL through `pg` (a pool,
// so several requests and instances write at once) and PGlite, PostgreSQL compiled to WebAssembly
// and embedded in the process (one connection, no server to run). The SQL is the same for both.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * @typedef {object} Queryable
 * @property {(text: string, params?: unknown[]) => Promise<{ rows: any[] }>} query
 *
 * @typedef {Queryable & {
 *   kind: 'postgresql' | 'pglite',
 *   quickQuery: (text: string, params?: unknown[]) => Promise<{ rows: any[] }>,
 *   exec: (sql: string) => Promise<void>,
 *   transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>,
 *   close: () => Promise<void>,
 *   maxConcurrentWrites: number,
 * }} Database
 *   `quickQuery`: a statement that takes milliseconds when the database is well (a batch of
 *   records, a health check), given up after `timeouts.quickQueryMs`.
 *
 * @typedef {{ connectMs: number, quickQueryMs: number, statementMs: number }} Timeouts
 */

/**
 * How long the log waits on PostgreSQL. A hung database must fail a write well within the
 * element's 15 s request timeout (connecting, then the insert: 12 s at most), so the request is
 * answered 503 and the record stays in the visitor's queue to be sent again; without these a
 * write waited forever, and so did the batch behind it. Reads over months of records may take
 * longer than a write: every statement gets `statementMs`, enforced by PostgreSQL itself (which
 * then also releases the statement's locks), and the client stops waiting a little after that in
 * case the server does not answer at all. PGlite runs in the process and has none of these.
 * @type {Timeouts}
 */
export const DEFAULT_TIMEOUTS = { connectMs: 4_000, quickQueryMs: 8_000, statementMs: 60_000 };
/** How much longer than the server's statement_timeout the client waits for an answer. */
const UNANSWERED_MARGIN_MS = 5_000;

/**
 * Whether `error` says the database could not answer (refused, reset or timed-out connections,
 * PostgreSQL shutting down or out of connections), rather than that the request or the code was
 * wrong: such a request may succeed later, so it is answered 503 with Retry-After, not 500.
 * @param {unknown} error
 */
export function isDatabaseUnavailable(error) {
  const { code, message } = /** @type {{ code?: unknown, message?: unknown }} */ (error ?? {});
  if (typeof code === 'string' && /^(E[A-Z]+|08\w{3}|57P0[123]|53300)$/.test(code)) return true;
  return typeof message === 'string' && /timeout exceeded when trying to connect|Query read timeout|Connection terminated/i.test(message);
}

/**
 * Opens PostgreSQL when `url` is given, else PGlite in `dataDir` (`memory://` keeps it in memory).
 * @param {{ url?: string | undefined, dataDir?: string, poolSize?: number, timeouts?: Partial<Timeouts> }} options
 *   `timeouts`: PostgreSQL only; each one not given is its `DEFAULT_TIMEOUTS` value.
 * @returns {Promise<Database>}
 */
export async function openDatabase({ url, dataDir = './consent-log-data', poolSize = 10, timeouts: givenTimeouts = {} }) {
  if (url) {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...givenTimeouts };
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      // Also bounds the wait for a free connection when the pool is busy.
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.statementMs + UNANSWERED_MARGIN_MS,
      // Notices a connection whose server vanished without closing it.
      keepAlive: true,
      // Days, months and partition bounds are UTC's, whatever the server's or the database's
      // timezone (PGlite runs in UTC): in a timezone behind UTC, a partition's bounds were read
      // in local time, and retention dropped records hours early.
      options: '-c TimeZone=UTC',
    });
    let closing = false;
    // An idle client that loses its connection emits here; without a listener it would crash the process.
    pool.on('error', (error) => {
      if (!closing) console.error(`consent-log: idle database connection failed: ${error.message}`);
    });
    await pool.query('SELECT 1');
    return {
      kind: 'postgresql',
      maxConcurrentWrites: Math.max(1, Math.min(4, poolSize - 2)),
      query: (text, params) => pool.query(text, params),
      // A query that fails this way releases its connection with the error, so the pool closes it
      // rather than lend out a connection that may still be waiting on the unanswered query.
      quickQuery: (text, params) => pool.query({ text, values: params, query_timeout: timeouts.quickQueryMs }),
      exec: async (sql) => void (await pool.query(sql)),
      async transaction(work) {
        const client = await pool.connect();
        /** Set when the connection cannot even roll back: the pool must close it, not lend it again. */
        let broken;
        try {
          await client.query('BEGIN');
          const result = await work({ query: (text, params) => client.query(text, params) });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          // The connection may be what failed; the original error is the one worth reporting.
          await client.query('ROLLBACK').catch((rollbackError) => {
            broken = rollbackError;
          });
          throw error;
        } finally {
          client.release(broken);
        }
      },
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    // PGlite runs one query at a time: more concurrent batches would only queue inside it.
    maxConcurrentWrites: 1,
    query: (text, params) => db.query(text, params),
    quickQuery: (text, params) => db.query(text, params),
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (work) => db.transaction((tx) => work({ query: (text, params) => tx.query(text, params) })),
    close: () => db.close(),
  };
}

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);
/** Any fixed number: it names the lock every instance takes while it migrates. */
const MIGRATION_LOCK = 7_263_001;

/**
 * Applies `migrations/NNN_*.sql` in order, each in its own transaction, and records each in
 * `consent_log_migrations`. Instances starting together take turns on an advisory lock.
 * @param {Database} db
 * @returns {Promise<string[]>} the versions applied now
 */
export async function migrate(db) {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name)).sort();
  const applied = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS consent_log_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query('SELECT version FROM consent_log_migrations')).rows.map((row) => row.version));
    for (const file of files) {
      const version = file.slice(0, -'.sql'.length);
      if (done.has(version)) continue;
      const sql = await readFile(join(MIGRATIONS_DIR.pathname, file), 'utf8');
      // Statements are split on lines ending in `;`: the migrations are written that way, and it
      // keeps them inside this transaction on both drivers.
      for (const statement of sql.split(/;\s*$/m).map((part) => part.trim()).filter((part) => part && !/^(--[^\n]*\n?)*$/.test(part))) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO consent_log_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
  });
  return applied;
}
