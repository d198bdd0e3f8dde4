// Tamper evidence. Each closed UTC day is sealed: a SHA-256 over that day's records, read in a
// fixed order and written in a fixed form, and the notices those records name that the log did
// not hold, chained to the previous day's seal. Editing, adding or deleting a sealed record, or a
// seal, changes what `verifySeals` recomputes. The notices need no hash of their own in the seal:
// each is stored under the hash of its content, which the sealed records name, so an edited
// notice no longer matches its hash, and a deleted one is missing without the seal saying so.
// Anyone who can rewrite the whole database can also rewrite the chain: keep the latest seal
// somewhere else too (`/v1/verify` returns it) to anchor it.
import { createHash } from 'node:crypto';
import { readNotices } from './notices.mjs';
import { addDays, dayOf, dayStart, DAY_MS } from './time.mjs';

export const GENESIS_SEAL = '0'.repeat(64);
/** A day is sealed this long after it ends, so batches accepted at 23:59:59 have committed. */
export const SEAL_GRACE_MS = 5 * 60_000;
const SEAL_LOCK = 7_263_003;
const PAGE = 2000;

/** The columns of a record, in the order they are hashed. */
const COLUMNS = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_at, record_id, consent_id, action,
  granted, denied, method, revision::text AS revision, language, gpc, given_at::text AS given_at, changed_at::text AS changed_at, url,
  notice_hash, component_name, component_version, origin, ua_browser, ua_major, ua_device, ip_prefix`;

/**
 * The records received in [from, to), in (received_at, record_id) order, read a page at a time so
 * a busy day never sits in memory whole.
 * @param {import('./database.mjs').Queryable} db
 * @param {number} from @param {number} to
 * @returns {AsyncGenerator<Record<string, unknown>>}
 */
export async function* readRecords(db, from, to, columns = COLUMNS) {
  let after = null;
  for (;;) {
    const { rows } = after
      ? await db.query(
          `SELECT ${columns} FROM consent_records WHERE received_at >= $1 AND received_at < $2 AND (received_at, record_id) > ($3::timestamptz, $4)
           ORDER BY received_at, record_id LIMIT ${PAGE}`,
          [new Date(from).toISOString(), new Date(to).toISOString(), after.at, after.id],
        )
      : await db.query(`SELECT ${columns} FROM consent_records WHERE received_at >= $1 AND received_at < $2 ORDER BY received_at, record_id LIMIT ${PAGE}`, [
          new Date(from).toISOString(),
          new Date(to).toISOString(),
        ]);
    yield* rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = { at: last.received_at, id: last.record_id };
  }
}

/** @param {Record<string, unknown>} row */
function line(row) {
  return JSON.stringify([
    row.received_at, row.record_id, row.consent_id, row.action, row.granted, row.denied, row.method, row.revision, row.language, row.gpc,
    row.given_at, row.changed_at, row.url, row.notice_hash, row.component_name, row.component_version, row.origin, row.ua_browser, row.ua_major,
    row.ua_device, row.ip_prefix,
  ]);
}

/**
 * The number of records received on `day` and the SHA-256 over them, as a seal holds them, and
 * the hashes of the notices they name, sorted.
 * @param {import("./database.mjs").Queryable} db @param {string} day
 * @returns {Promise<{ count: number, recordsHash: string, noticeHashes: string[] }>}
 */
export async function digestDay(db, day) {
  const hash = createHash('sha256');
  const noticeHashes = new Set();
  let count = 0;
  for await (const row of readRecords(db, dayStart(day), dayStart(day) + DAY_MS)) {
    hash.update(`${line(row)}\n`);
    noticeHashes.add(row.notice_hash);
    count++;
  }
  return { count, recordsHash: hash.digest('hex'), noticeHashes: [...noticeHashes].sort() };
}

/**
 * A day's seal. `missingNotices`: the sorted hashes of the notices the day's records name that
 * the log did not hold when it sealed the day; null for seals written before seals listed them,
 * which are computed as they were then.
 * @param {string} previous @param {string} day @param {number} count @param {string} recordsHash @param {string[] | null} missingNotices
 */
export function sealOf(previous, day, count, recordsHash, missingNotices) {
  const sealed = `${previous}\n${day}\n${count}\n${recordsHash}`;
  return createHash('sha256').update(missingNotices ? `${sealed}\n${missingNotices.join(',')}` : sealed).digest('hex');
}

/** The last day that has closed, grace included, at `now`. */
export function lastClosedDay(now) {
  return dayOf(now - SEAL_GRACE_MS - DAY_MS);
}

/**
 * Seals every closed day after the last seal (from the first record's day when nothing is sealed
 * yet), one transaction per day. Another instance sealing at the same time waits, then finds the
 * day sealed. Returns the days sealed.
 * @param {import('./database.mjs').Database} db
 * @param {number} now
 * @returns {Promise<string[]>}
 */
export async function sealClosedDays(db, now) {
  const sealed = [];
  const until = lastClosedDay(now);
  for (;;) {
    const day = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK]);
      const last = (await tx.query('SELECT day::text AS day, seal FROM consent_seals ORDER BY day DESC LIMIT 1')).rows[0];
      let next;
      if (last) {
        next = addDays(last.day, 1);
      } else {
        const first = (await tx.query(`SELECT to_char(min(received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM consent_records`)).rows[0]?.day;
        if (!first) return null;
        next = first;
      }
      if (next > until) return null;
      const { count, recordsHash, noticeHashes } = await digestDay(tx, next);
      const stored = await readNotices(tx, noticeHashes);
      const missingNotices = noticeHashes.filter((hash) => !stored.has(hash));
      const previous = last?.seal ?? GENESIS_SEAL;
      await tx.query('INSERT INTO consent_seals (day, record_count, records_hash, previous_seal, seal, sealed_at, missing_notices) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        next, count, recordsHash, previous, sealOf(previous, next, count, recordsHash, missingNotices), new Date(now).toISOString(), missingNotices,
      ]);
      return next;
    });
    if (!day) return sealed;
    sealed.push(day);
  }
}

/**
 * Recomputes the seals of the days from `from` to `to` and checks the chain, and that every notice
 * their records name is stored with content that hashes to its hash, unless the seal says it was
 * missing already. Each notice is read and hashed once however many days name it. Days before
 * `retainedFrom` (records deleted by retention) are skipped; days after the last seal are not
 * sealed yet (`sealedThrough` says how far the seals go).
 * @param {import('./database.mjs').Queryable} db
 * @param {{ from: string, to: string, retainedFrom: string, kept?: { day: string, seal: string } }} range
 * @returns {Promise<{ ok: true, from: string, to: string, daysVerified: number, sealedThrough: string | null, latestSeal: { day: string, seal: string } | null }
 *   | { ok: false, day: string, reason: string }>}
 */
export async function verifySeals(db, { from, to, retainedFrom, kept }) {
  // A seal kept outside the database anchors the chain: the log's own seals can be deleted from a
  // day on, the records of those days edited, and the days sealed again, which only a seal kept
  // elsewhere shows.
  if (kept) {
    const stored = (await db.query('SELECT seal FROM consent_seals WHERE day = $1', [kept.day])).rows[0]?.seal;
    if (stored === undefined) return { ok: false, day: kept.day, reason: 'the seal kept elsewhere for this day is not in the log: its seals were deleted' };
    if (stored !== kept.seal) return { ok: false, day: kept.day, reason: 'the seal kept elsewhere for this day differs from the log\'s: the log was sealed again from this day on, after its records or seals were changed' };
  }
  const start = from < retainedFrom ? retainedFrom : from;
  const bounds = (await db.query('SELECT min(day)::text AS first, max(day)::text AS last FROM consent_seals')).rows[0] ?? {};
  const firstSealed = bounds.first ?? null;
  const lastSealed = bounds.last ?? null;
  const result = { ok: true, from: start, to, daysVerified: 0, sealedThrough: lastSealed, latestSeal: null };
  if (!firstSealed || start > to) return result;
  // Sealing starts at the first record's day, so a record on an earlier day was put there later.
  if (start < firstSealed) {
    const early = (await db.query(`SELECT to_char(min(received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM consent_records WHERE received_at >= $1 AND received_at < $2`, [
      new Date(dayStart(start)).toISOString(),
      new Date(dayStart(firstSealed)).toISOString(),
    ])).rows[0]?.day;
    if (early) return { ok: false, day: early, reason: 'records were added before the first sealed day' };
  }
  const first = start < firstSealed ? firstSealed : start;
  const last = to < lastSealed ? to : lastSealed;
  const seals = new Map(
    (await db.query('SELECT day::text AS day, record_count::text AS record_count, records_hash, previous_seal, seal, missing_notices FROM consent_seals WHERE day >= $1 AND day <= $2', [first, last])).rows.map(
      (row) => [row.day, row],
    ),
  );
  const before = (await db.query('SELECT day::text AS day, seal FROM consent_seals WHERE day < $1 ORDER BY day DESC LIMIT 1', [first])).rows[0];
  if (before && before.day !== addDays(first, -1)) return { ok: false, day: addDays(before.day, 1), reason: 'the seal of this day is missing' };
  let previous = before?.seal ?? GENESIS_SEAL;
  /** @type {Map<string, boolean | null>} each notice checked so far: whether it hashes to its hash, null when it is not stored */
  const noticeMatches = new Map();
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const seal = seals.get(day);
    if (!seal) return { ok: false, day, reason: 'the seal of this day is missing' };
    const { count, recordsHash, noticeHashes } = await digestDay(db, day);
    if (String(count) !== seal.record_count) return { ok: false, day, reason: `${seal.record_count} records were sealed, ${count} are stored: records were added or deleted` };
    if (recordsHash !== seal.records_hash) return { ok: false, day, reason: 'records were changed after the day was sealed' };
    if (seal.previous_seal !== previous) return { ok: false, day, reason: "the chain is broken: this seal does not follow the previous day's seal" };
    if (sealOf(previous, day, count, recordsHash, seal.missing_notices) !== seal.seal) return { ok: false, day, reason: 'the seal does not match what it seals' };
    const unread = noticeHashes.filter((hash) => !noticeMatches.has(hash));
    const stored = await readNotices(db, unread);
    for (const hash of unread) noticeMatches.set(hash, stored.get(hash)?.matchesHash ?? null);
    const missingWhenSealed = new Set(seal.missing_notices ?? []);
    for (const hash of noticeHashes) {
      const matches = noticeMatches.get(hash);
      if (matches === false) return { ok: false, day, reason: `the notice ${hash}, which records of this day name, was changed: its content no longer hashes to its hash` };
      if (matches === null && !missingWhenSealed.has(hash)) {
        return { ok: false, day, reason: seal.missing_notices ? `the notice ${hash}, which records of this day name, was deleted after the day was sealed` : `the notice ${hash}, which records of this day name, is not stored` };
      }
    }
    previous = seal.seal;
    result.latestSeal = { day, seal: seal.seal };
    result.daysVerified++;
  }
  return result;
}
