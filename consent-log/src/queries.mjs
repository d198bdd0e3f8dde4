// The read side: the proof for one consent id, the latest records, daily statistics and exports.
import { readNotices } from './notices.mjs';
import { readRecords } from './seals.mjs';
import { DAY_MS, dayStart } from './time.mjs';

/** How a record reads in the API and the exports. */
const API_COLUMNS = `record_id, consent_id, action, granted, denied, method, revision::float8 AS revision, language, gpc,
  given_at::float8 AS given_at, changed_at::float8 AS changed_at, url, notice_hash, component_name, component_version,
  to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS received_at, origin, ua_browser, ua_major, ua_device, ip_prefix`;

/** @param {Record<string, any>} row */
export function apiRecord(row) {
  return {
    recordId: row.record_id,
    consentId: row.consent_id,
    action: row.action,
    granted: row.granted,
    denied: row.denied,
    method: row.method,
    revision: row.revision,
    language: row.language,
    gpc: row.gpc,
    givenAt: row.given_at,
    changedAt: row.changed_at,
    url: row.url,
    noticeHash: row.notice_hash,
    component: { name: row.component_name, version: row.component_version },
    receivedAt: row.received_at,
    origin: row.origin,
    userAgent: { browser: row.ua_browser, major: row.ua_major, device: row.ua_device },
    ...(row.ip_prefix ? { ipPrefix: row.ip_prefix } : {}),
  };
}

/**
 * Every record of one consent id, oldest first, and the notices they reference: for each, its
 * content and when it was first stored, null for a notice whose content never reached the log,
 * or, for stored content that no longer hashes to its hash (it was edited after it was stored, so
 * it is not what the visitor was shown), `contentMatchesHash: false` and that content as
 * `storedContent`, never as `content`.
 * @param {import('./database.mjs').Queryable} db @param {string} consentId
 */
export async function consentProof(db, consentId) {
  const { rows } = await db.query(`SELECT ${API_COLUMNS} FROM consent_records WHERE consent_id = $1 ORDER BY received_at, record_id`, [consentId]);
  const hashes = [...new Set(rows.map((row) => row.notice_hash))];
  const stored = await readNotices(db, hashes);
  const notices = Object.fromEntries(
    hashes.map((hash) => {
      const notice = stored.get(hash);
      if (!notice) return [hash, null];
      if (!notice.matchesHash) {
        return [hash, { contentMatchesHash: false, error: 'the stored content does not hash to this hash: it was changed after it was stored, so it is not what the visitor was shown', storedContent: notice.content, firstSeenAt: notice.firstSeenAt }];
      }
      return [hash, { contentMatchesHash: true, content: notice.content, firstSeenAt: notice.firstSeenAt }];
    }),
  );
  return { consentId, records: rows.map(apiRecord), notices };
}

/** @param {import('./database.mjs').Queryable} db @param {number} limit */
export async function latestRecords(db, limit) {
  const { rows } = await db.query(`SELECT ${API_COLUMNS} FROM consent_records ORDER BY received_at DESC, record_id DESC LIMIT $1`, [limit]);
  return rows.map(apiRecord);
}

/**
 * Per day: records, accept all (nothing denied), reject all (something denied and nothing granted
 * but the notice's required categories), custom (the rest), each category's grants and denials
 * with its grant rate, and records per language.
 * @param {import('./database.mjs').Queryable} db @param {string} from @param {string} to
 */
export async function dailyStats(db, from, to) {
  const range = [new Date(dayStart(from)).toISOString(), new Date(dayStart(to) + DAY_MS).toISOString()];
  const day = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  const [totals, categories, languages] = await Promise.all([
    db.query(
      `WITH required AS (
         SELECT hash, coalesce(array_agg(category->>'id') FILTER (WHERE (category->>'required')::boolean), '{}') AS ids
         FROM consent_notices, jsonb_array_elements(content->'categories') AS category
         -- Only the notices the range's records name: any client of an allowed origin can store notices.
         WHERE hash IN (SELECT notice_hash FROM consent_records WHERE received_at >= $1 AND received_at < $2) GROUP BY hash)
       SELECT ${day} AS day, count(*)::int AS records,
         count(*) FILTER (WHERE cardinality(denied) = 0)::int AS accept_all,
         count(*) FILTER (WHERE cardinality(denied) > 0 AND granted <@ coalesce(required.ids, '{}'))::int AS reject_all
       FROM consent_records LEFT JOIN required ON required.hash = consent_records.notice_hash
       WHERE received_at >= $1 AND received_at < $2 GROUP BY 1 ORDER BY 1`,
      range,
    ),
    db.query(
      `SELECT ${day} AS day, category, count(*) FILTER (WHERE granted_flag)::int AS granted, count(*) FILTER (WHERE NOT granted_flag)::int AS denied
       FROM (SELECT received_at, unnest(granted) AS category, true AS granted_flag FROM consent_records WHERE received_at >= $1 AND received_at < $2
             UNION ALL SELECT received_at, unnest(denied), false FROM consent_records WHERE received_at >= $1 AND received_at < $2) AS choices
       GROUP BY 1, 2 ORDER BY 1, 2`,
      range,
    ),
    db.query(`SELECT ${day} AS day, language, count(*)::int AS records FROM consent_records WHERE received_at >= $1 AND received_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`, range),
  ]);
  const days = new Map(
    totals.rows.map((row) => [
      row.day,
      { day: row.day, records: row.records, acceptAll: row.accept_all, rejectAll: row.reject_all, custom: row.records - row.accept_all - row.reject_all, categories: {}, languages: {} },
    ]),
  );
  for (const row of categories.rows) {
    const entry = days.get(row.day);
    if (entry) entry.categories[row.category] = { granted: row.granted, denied: row.denied, grantRate: row.granted / (row.granted + row.denied) };
  }
  for (const row of languages.rows) {
    const entry = days.get(row.day);
    if (entry) entry.languages[row.language] = row.records;
  }
  return { from, to, days: [...days.values()] };
}

const CSV_FIELDS = ['receivedAt', 'recordId', 'consentId', 'action', 'granted', 'denied', 'method', 'revision', 'language', 'gpc', 'givenAt', 'changedAt', 'url', 'noticeHash', 'component', 'origin', 'browser', 'browserMajor', 'device', 'ipPrefix'];

/**
 * A CSV field: quoted when it holds a separator, and defused when a spreadsheet would run it as a
 * formula. Letters, digits, "-" and "_" alone make no call and no link (a consent id may start
 * with "-"), so such a field is kept as it is: a prefixed id would no longer be the visitor's.
 */
function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^[\w-]+$/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** @param {ReturnType<typeof apiRecord>} record */
function csvLine(record) {
  return [
    record.receivedAt, record.recordId, record.consentId, record.action, record.granted.join(' '), record.denied.join(' '), record.method, record.revision, record.language,
    record.gpc, record.givenAt, record.changedAt, record.url, record.noticeHash, `${record.component.name}@${record.component.version}`, record.origin,
    record.userAgent.browser, record.userAgent.major, record.userAgent.device, record.ipPrefix,
  ].map(csvField).join(',');
}

/**
 * The export, one line at a time: first what it is (range and retention), then each record,
 * oldest first, then a last line with the count, so that an export cut short (the database gone
 * mid-stream, after the 200 was sent) cannot pass for a whole one. Read page by page, so an export
 * of millions of records streams.
 * @param {import('./database.mjs').Queryable} db
 * @param {{ from: string, to: string, format: 'ndjson' | 'csv', retentionMonths: number }} options
 */
export async function* exportLines(db, { from, to, format, retentionMonths }) {
  const about = { export: 'consent-manager-log', from, to, retentionMonths, retention: `records are deleted ${retentionMonths} months after they are received`, generatedAt: new Date().toISOString() };
  if (format === 'ndjson') yield `${JSON.stringify(about)}\n`;
  else yield `# consent log export ${from} to ${to}; ${about.retention}\r\n${CSV_FIELDS.join(',')}\r\n`;
  let count = 0;
  for await (const row of readRecords(db, dayStart(from), dayStart(to) + DAY_MS, API_COLUMNS)) {
    const record = apiRecord(row);
    count++;
    yield format === 'ndjson' ? `${JSON.stringify(record)}\n` : `${csvLine(record)}\r\n`;
  }
  yield format === 'ndjson' ? `${JSON.stringify({ end: true, records: count })}\n` : `# end: ${count} records\r\n`;
}
