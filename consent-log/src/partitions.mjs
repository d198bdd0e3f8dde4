// Monthly partitions of consent_records: created ahead of the writes, and dropped whole once
// past retention, which costs nothing like deleting the rows one by one.
import { monthStart, monthsBefore } from './time.mjs';

/** Any fixed number: it names the lock instances take while they change partitions. */
const PARTITION_LOCK = 7_263_002;

/** @param {number} start @returns {string} */
function partitionName(start) {
  const date = new Date(start);
  return `consent_records_${date.getUTCFullYear()}_${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The instant `ms` as a timestamptz literal in UTC, whatever the session's timezone. @param {number} ms */
function utcInstant(ms) {
  return `${new Date(ms).toISOString().slice(0, 10)} 00:00:00+00`;
}

/**
 * Creates the partitions of the months holding `ms` and the `ahead` months after it, if missing.
 * @param {import('./database.mjs').Database} db
 */
export async function ensurePartitions(db, ms, ahead = 1) {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
    for (let offset = 0; offset <= ahead; offset++) {
      const start = monthStart(ms, offset);
      // Names and bounds are computed from a number here, never taken from input.
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${partitionName(start)} PARTITION OF consent_records FOR VALUES FROM ('${utcInstant(start)}') TO ('${utcInstant(monthStart(start, 1))}')`,
      );
    }
  });
}

/**
 * The partitions of consent_records, oldest first, with the first instant each holds.
 * @param {import('./database.mjs').Queryable} db
 * @returns {Promise<{ name: string, start: number }[]>}
 */
export async function listPartitions(db) {
  const { rows } = await db.query(
    `SELECT child.relname AS name FROM pg_inherits JOIN pg_class child ON child.oid = pg_inherits.inhrelid
     JOIN pg_class parent ON parent.oid = pg_inherits.inhparent WHERE parent.relname = 'consent_records'`,
  );
  return rows
    .map(({ name }) => ({ name, match: /^consent_records_(\d{4})_(\d{2})$/.exec(name) }))
    .filter(({ match }) => match)
    .map(({ name, match }) => ({ name, start: Date.UTC(Number(match[1]), Number(match[2]) - 1, 1) }))
    .sort((a, b) => a.start - b.start);
}

/** The first instant still within retention: anything received before it is deleted. */
export function retentionCutoff(ms, retentionMonths) {
  return monthsBefore(ms, retentionMonths);
}

/**
 * Enforces retention: drops every partition that ends before the cutoff, deletes the few rows
 * before the cutoff in the partition that straddles it (so nothing is kept a day longer than
 * promised), and forgets the idempotency keys of what is gone.
 * @param {import('./database.mjs').Database} db
 * @returns {Promise<{ dropped: string[], deleted: number }>}
 */
export async function enforceRetention(db, ms, retentionMonths) {
  const cutoff = retentionCutoff(ms, retentionMonths);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
    const dropped = [];
    for (const { name, start } of await listPartitions(tx)) {
      if (monthStart(start, 1) <= cutoff) {
        await tx.query(`DROP TABLE ${name}`);
        dropped.push(name);
      }
    }
    const cutoffAt = new Date(cutoff).toISOString();
    const { rows } = await tx.query('WITH gone AS (DELETE FROM consent_records WHERE received_at < $1 RETURNING 1) SELECT count(*)::int AS deleted FROM gone', [cutoffAt]);
    await tx.query('DELETE FROM consent_record_ids WHERE received_at < $1', [cutoffAt]);
    // The notices no retained record names go too, or any client of an allowed origin could grow
    // them without bound. A notice is stored in the statement that stores its first record, so none
    // waits for a record still on its way. Once a month, as a partition goes: the check reads
    // every record.
    if (dropped.length === 0) return { dropped, deleted: rows[0].deleted, deletedNotices: 0 };
    const notices = await tx.query('WITH gone AS (DELETE FROM consent_notices WHERE NOT EXISTS (SELECT 1 FROM consent_records WHERE consent_records.notice_hash = consent_notices.hash) RETURNING 1) SELECT count(*)::int AS deleted FROM gone');
    return { dropped, deleted: rows[0].deleted, deletedNotices: notices.rows[0].deleted };
  });
}
