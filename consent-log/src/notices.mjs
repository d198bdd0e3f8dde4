// Notices are stored once each, under their hash: the SHA-256 of their canonical JSON, as the
// element computes it. That makes them self-checking: content edited after it was stored no
// longer hashes to the hash the records name, whatever else was edited with it.
import { createHash } from 'node:crypto';
import { canonicalNoticeJson } from 'consent-manager-element/core';

/**
 * The hash of notice content: the element's `hashNotice`, computed with node:crypto rather than
 * through WebCrypto's async digest, which costs a trip through libuv's thread pool for a few
 * hundred bytes.
 * @param {import('consent-manager-element/core').ConsentNoticeContent} content
 * @returns {string} lower-case hex SHA-256
 */
export function noticeHashOf(content) {
  return createHash('sha256').update(canonicalNoticeJson(content)).digest('hex');
}

/**
 * @typedef {{ content: import('consent-manager-element/core').ConsentNoticeContent, firstSeenAt: string, matchesHash: boolean }} StoredNotice
 */

/**
 * The stored notices with these hashes, each with whether its content still hashes to its hash.
 * A hash with no stored notice is absent from the map.
 * @param {import('./database.mjs').Queryable} db
 * @param {string[]} hashes
 * @returns {Promise<Map<string, StoredNotice>>}
 */
export async function readNotices(db, hashes) {
  const notices = new Map();
  if (hashes.length === 0) return notices;
  const { rows } = await db.query(
    `SELECT hash, content, to_char(first_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first_seen_at FROM consent_notices WHERE hash = ANY($1)`,
    [hashes],
  );
  for (const row of rows) notices.set(row.hash, { content: row.content, firstSeenAt: row.first_seen_at, matchesHash: noticeHashOf(row.content) === row.hash });
  return notices;
}
