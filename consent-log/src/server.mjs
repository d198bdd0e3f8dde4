// The consent log server: Fastify routes over the record writer, the seals, the retention job
// and the read queries. `createConsentLog` builds it without listening, for tests and embedding.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { MAX_LOG_BATCH, validateConsentLogRecord } from 'consent-manager-element/core';
import Fastify from 'fastify';
import { Counter, Gauge, Histogram, collectDefaultMetrics, Registry } from 'prom-client';
import { isDatabaseUnavailable, migrate, openDatabase } from './database.mjs';
import { noticeHashOf } from './notices.mjs';
import { enforceRetention, ensurePartitions, retentionCutoff } from './partitions.mjs';
import { consentProof, dailyStats, exportLines, latestRecords } from './queries.mjs';
import { lastClosedDay, sealClosedDays, verifySeals } from './seals.mjs';
import { addDays, DAY_MS, dayOf, isDay } from './time.mjs';
import { reduceUserAgent, truncateIp } from './visitor.mjs';
import { QueueFullError, RecordWriter } from './writer.mjs';

export { readSettings, SettingsError, settingsWarnings, USAGE } from './settings.mjs';

/** How often each instance runs the partition, seal and retention jobs. */
const JOB_INTERVAL_MS = 10 * 60_000;
/** The longest range the read endpoints take at once. */
const MAX_RANGE_DAYS = 3700;
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
const CONSENT_ID = /^[A-Za-z0-9_-]{22}$/;

const require = createRequire(import.meta.url);
const DASHBOARD_DIR = new URL('../dashboard/', import.meta.url);
/** The dashboard's files, all served from this process: no CDN, nothing inline. */
const ASSETS = {
  '/': [new URL('index.html', DASHBOARD_DIR).pathname, 'text/html; charset=utf-8'],
  '/dashboard.js': [new URL('dashboard.js', DASHBOARD_DIR).pathname, 'text/javascript; charset=utf-8'],
  '/dashboard.css': [new URL('dashboard.css', DASHBOARD_DIR).pathname, 'text/css; charset=utf-8'],
  '/vendor/uplot.js': [require.resolve('uplot/dist/uPlot.iife.min.js'), 'text/javascript; charset=utf-8'],
  '/vendor/uplot.css': [require.resolve('uplot/dist/uPlot.min.css'), 'text/css; charset=utf-8'],
};
/** The dashboard's policy: its own scripts, styles and API, nothing else (uPlot styles through the CSSOM, which CSP allows). */
export const DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function sha256(text) {
  return createHash('sha256').update(text).digest();
}

/**
 * Whether a record's notice content, when it carries one, hashes to its hash.
 * @param {import('consent-manager-element/core').ConsentLogRecord} record
 */
function noticeMatchesHash(record) {
  return record.notice.content === undefined || noticeHashOf(record.notice.content) === record.notice.hash;
}

/** What a client is told to wait before it sends again when the write queue is full, in seconds. */
const QUEUE_FULL_RETRY_S = 2;

/**
 * @param {import('./settings.mjs').Settings} settings
 * @param {{ clock?: () => number, db?: import('./database.mjs').Database, logger?: boolean | object, jobs?: boolean, maxQueued?: number }} [options]
 *   `clock` gives the time in ms (tests move it); `jobs: false` leaves the periodic jobs to the caller;
 *   `maxQueued` bounds the records waiting to be written (see RecordWriter).
 */
export async function createConsentLog(settings, { clock = Date.now, db: givenDb, logger = false, jobs = true, maxQueued } = {}) {
  const db = givenDb ?? (await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir }));
  await migrate(db);
  await ensurePartitions(db, clock());

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = {
    records: new Counter({ name: 'consent_log_records_total', help: 'Records received, by outcome', labelNames: ['outcome'], registers: [registry] }),
    requests: new Histogram({
      name: 'consent_log_http_request_duration_seconds', help: 'Request duration by route and status', labelNames: ['route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [registry],
    }),
    batchSize: new Histogram({ name: 'consent_log_batch_records', help: 'Records per database batch', buckets: [1, 5, 10, 50, 100, 250, 500, 1000], registers: [registry] }),
    batchSeconds: new Histogram({ name: 'consent_log_batch_duration_seconds', help: 'Time to commit one batch', buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5], registers: [registry] }),
    jobFailures: new Counter({ name: 'consent_log_job_failures_total', help: 'Failed runs of the partition, seal and retention jobs', registers: [registry] }),
  };
  const writer = new RecordWriter({
    db,
    maxQueued,
    onBatch(size, seconds) {
      metrics.batchSize.observe(size);
      metrics.batchSeconds.observe(seconds);
    },
  });
  new Gauge({ name: 'consent_log_queue_records', help: 'Records waiting for a batch', registers: [registry], collect() { this.set(writer.depth); } });
  new Gauge({ name: 'consent_log_retention_months', help: 'Months records are kept', registers: [registry] }).set(settings.retentionMonths);

  const app = Fastify({ logger, trustProxy: settings.trustProxy, bodyLimit: settings.bodyLimit, return503OnClosing: true });

  /** @param {string | undefined} origin */
  const originAllowed = (origin) => !!origin && (settings.origins === 'loopback' ? LOOPBACK_ORIGIN.test(origin) : settings.origins.includes(origin));

  // Browsers post with `keepalive` when a page closes; a text/plain body needs no CORS preflight there.
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: settings.bodyLimit }, (_request, body, done) => {
    try {
      done(null, JSON.parse(/** @type {string} */ (body)));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }));
    }
  });

  await app.register(rateLimit, { global: false, errorResponseBuilder: (_request, context) => ({ statusCode: 429, error: `too many requests: at most ${context.max} a minute; retry later` }) });
  // CORS only for the write endpoint: the admin endpoints answer no other origin.
  await app.register(cors, {
    delegator: (request, callback) => {
      const isWrite = request.url.split('?')[0] === '/v1/records';
      callback(null, isWrite && originAllowed(request.headers.origin) ? { origin: request.headers.origin, methods: ['POST'], allowedHeaders: ['content-type'], maxAge: 86_400 } : { origin: false });
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    metrics.requests.observe({ route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.setErrorHandler((error, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error(error);
    // The database down or not answering: the request may succeed later (the write route says so itself).
    if (status === 500 && isDatabaseUnavailable(error)) return void reply.code(503).header('retry-after', '5').send({ error: "the log's database could not answer; retry later" });
    const messages = { 413: `the body is larger than ${settings.bodyLimit} bytes`, 415: 'send JSON (application/json or text/plain)' };
    void reply.code(status).send({ error: status === 500 ? 'internal error' : (messages[status] ?? error.message) });
  });

  const expectedToken = settings.adminToken ? sha256(settings.adminToken) : null;
  /** Admin routes: a bearer token, compared in constant time (both sides hashed to one length). */
  const requireAdmin = async (request, reply) => {
    if (!expectedToken) return reply.code(401).send({ error: 'the read endpoints are disabled: set CONSENT_LOG_ADMIN_TOKEN' });
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(sha256(match[1]), expectedToken)) return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'a valid admin token is required' });
  };
  const adminRoute = { preHandler: requireAdmin, config: { rateLimit: { max: 300, timeWindow: '1 minute' } } };

  /** 503 while the write queue is full; the client keeps its records and sends them again later. */
  const queueFull = (reply, records = 1) => {
    metrics.records.inc({ outcome: 'overloaded' }, records);
    return reply.code(503).header('retry-after', String(QUEUE_FULL_RETRY_S)).send({ error: 'the log is busy; retry later' });
  };

  /** `from` and `to` as YYYY-MM-DD, `to` on or after `from`; by default the last 30 days. */
  const dayRange = (query, reply) => {
    const today = dayOf(clock());
    const from = query.from ?? addDays(today, -29);
    const to = query.to ?? today;
    const errors = [];
    // From 1970 to 9998: the day after the last must still be a date, and year 0 is none.
    const inCalendar = (day) => isDay(day) && day >= '1970-01-01' && day <= '9998-12-31';
    if (!inCalendar(from)) errors.push('from: expected a day, YYYY-MM-DD, from 1970-01-01 to 9998-12-31');
    if (!inCalendar(to)) errors.push('to: expected a day, YYYY-MM-DD, from 1970-01-01 to 9998-12-31');
    if (errors.length === 0 && to < from) errors.push('to: earlier than from');
    if (errors.length === 0 && (Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_RANGE_DAYS) errors.push(`to: at most ${MAX_RANGE_DAYS} days after from`);
    if (errors.length > 0) {
      void reply.code(400).send({ error: 'bad query', errors });
      return null;
    }
    return { from, to };
  };

  app.post(
    '/v1/records',
    {
      config: { rateLimit: { max: settings.rateLimit, timeWindow: '1 minute' } },
      // The origin is judged before the body is read: another site's records cost one header check.
      onRequest: async (request, reply) => {
        if (!originAllowed(request.headers.origin)) {
          metrics.records.inc({ outcome: 'forbidden' });
          // Readable by the refused page, so that its console says 403 rather than a bare CORS
          // failure: the answer holds no data, only why.
          if (request.headers.origin) void reply.header('access-control-allow-origin', String(request.headers.origin)).header('vary', 'Origin');
          return reply.code(403).send({ error: request.headers.origin ? `origin ${String(request.headers.origin).slice(0, 200)} may not write to this log` : 'an Origin header is required' });
        }
        // Overloaded: refuse before reading and checking a body that could not be queued anyway.
        if (writer.full) return queueFull(reply);
      },
    },
    async (request, reply) => {
      const body = request.body;
      const isBatch = body !== null && typeof body === 'object' && !Array.isArray(body) && Object.hasOwn(body, 'records');
      let items;
      if (isBatch) {
        const extra = Object.keys(body).filter((key) => key !== 'records');
        if (!Array.isArray(body.records) || body.records.length === 0 || body.records.length > MAX_LOG_BATCH || extra.length > 0) {
          metrics.records.inc({ outcome: 'rejected' });
          return reply.code(400).send({
            error: 'bad records',
            errors: extra.length > 0 ? extra.slice(0, 10).map((key) => `${key.slice(0, 64)}: unknown field`) : [`records: expected an array of 1 to ${MAX_LOG_BATCH} records`],
          });
        }
        items = body.records;
      } else {
        items = [body];
      }
      const errors = [];
      const records = [];
      items.forEach((item, index) => {
        const result = validateConsentLogRecord(item, isBatch ? `records[${index}]` : '');
        if (result.ok) records.push(result.record);
        else errors.push(...result.errors);
      });
      if (errors.length === 0) {
        for (const [index, record] of records.entries()) {
          if (!noticeMatchesHash(record)) errors.push(`${isBatch ? `records[${index}].` : ''}notice.content: does not hash to notice.hash`);
        }
      }
      if (errors.length > 0) {
        metrics.records.inc({ outcome: 'rejected' }, items.length);
        return reply.code(400).send({ error: 'bad records', errors: errors.slice(0, 100) });
      }
      const receivedAt = new Date(clock()).toISOString();
      const agent = reduceUserAgent(request.headers['user-agent']);
      const ipPrefix = settings.ip === 'truncate' ? truncateIp(request.ip) : null;
      const notices = new Map();
      const rows = records.map((record) => {
        if (record.notice.content) notices.set(record.notice.hash, record.notice.content);
        return {
          received_at: receivedAt, record_id: record.recordId, consent_id: record.consentId, action: record.action, granted: record.granted, denied: record.denied,
          method: record.method, revision: record.revision, language: record.language, gpc: record.gpc, given_at: record.givenAt, changed_at: record.changedAt,
          url: record.url, notice_hash: record.notice.hash, component_name: record.component.name, component_version: record.component.version,
          origin: request.headers.origin, ua_browser: agent.browser, ua_major: agent.major, ua_device: agent.device, ip_prefix: ipPrefix,
        };
      });
      let counts;
      try {
        counts = await writer.submit(rows, notices);
      } catch (error) {
        if (error instanceof QueueFullError) return queueFull(reply, rows.length);
        request.log.error(error);
        metrics.records.inc({ outcome: 'failed' }, rows.length);
        return reply.code(503).header('retry-after', '5').send({ error: 'the records could not be stored; retry later' });
      }
      metrics.records.inc({ outcome: 'accepted' }, counts.accepted);
      metrics.records.inc({ outcome: 'duplicate' }, counts.duplicates);
      return reply.code(202).send(counts);
    },
  );

  /** The first day whose records retention still keeps whole. */
  const firstRetainedDay = () => dayOf(retentionCutoff(clock(), settings.retentionMonths) + DAY_MS - 1);

  app.get('/v1/consents/:consentId', adminRoute, async (request, reply) => {
    const { consentId } = request.params;
    if (!CONSENT_ID.test(consentId)) return reply.code(400).send({ error: 'bad consent id', errors: ['consentId: expected 22 base64url characters'] });
    const proof = await consentProof(db, consentId);
    if (proof.records.length === 0) return reply.code(404).send({ error: 'no record of this consent id', consentId });
    // Each day the records were received on, checked against its seal as /v1/verify checks it, so
    // that a record edited in the database is not served as proof without saying so.
    const retainedFrom = firstRetainedDay();
    const days = [];
    for (const day of new Set(proof.records.map((record) => record.receivedAt.slice(0, 10)))) {
      const verified = await verifySeals(db, { from: day, to: day, retainedFrom });
      days.push(verified.ok ? (verified.daysVerified === 0 ? { day, sealed: false } : { day, sealed: true, ok: true }) : { day, sealed: true, ok: false, reason: verified.reason });
    }
    return { ...proof, days };
  });

  app.get('/v1/latest', adminRoute, async (request, reply) => {
    const limit = request.query.limit === undefined ? 50 : Number(request.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) return reply.code(400).send({ error: 'bad query', errors: ['limit: expected 1 to 500'] });
    return { records: await latestRecords(db, limit) };
  });

  app.get('/v1/stats', adminRoute, async (request, reply) => {
    const range = dayRange(request.query, reply);
    return range && dailyStats(db, range.from, range.to);
  });

  app.get('/v1/verify', adminRoute, async (request, reply) => {
    const retainedFrom = firstRetainedDay();
    // Without `from`, everything still retained is verified.
    const range = dayRange({ from: retainedFrom, ...request.query }, reply);
    if (!range) return reply;
    // `kept=DAY:SEAL`, a seal kept outside the database (from an earlier answer's latestSeal).
    let kept;
    if (request.query.kept !== undefined) {
      const match = /^(\d{4}-\d{2}-\d{2}):([0-9a-f]{64})$/.exec(String(request.query.kept));
      if (!match || !isDay(match[1])) return reply.code(400).send({ error: 'bad query', errors: ['kept: expected DAY:SEAL, a day and its 64 hex digits, as latestSeal gives them'] });
      if (match[1] < retainedFrom) return reply.code(400).send({ error: 'bad query', errors: [`kept: ${match[1]} is past retention (records from ${retainedFrom} are kept); keep a later seal`] });
      kept = { day: match[1], seal: match[2] };
    }
    return verifySeals(db, { ...range, retainedFrom, kept });
  });

  app.get('/v1/export', adminRoute, async (request, reply) => {
    const range = dayRange(request.query, reply);
    if (!range) return reply;
    const format = request.query.format ?? 'ndjson';
    if (format !== 'ndjson' && format !== 'csv') return reply.code(400).send({ error: 'bad query', errors: ['format: expected ndjson or csv'] });
    void reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="consent-log-${range.from}-${range.to}.${format}"`)
      .header('x-consent-log-retention-months', String(settings.retentionMonths));
    return reply.send(Readable.from(exportLines(db, { ...range, format, retentionMonths: settings.retentionMonths })));
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await db.quickQuery('SELECT 1');
      return { ok: true, database: db.kind };
    } catch {
      return reply.code(503).send({ ok: false, database: db.kind });
    }
  });

  app.get('/metrics', async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));

  const assets = Object.fromEntries(await Promise.all(Object.entries(ASSETS).map(async ([path, [file, type]]) => [path, { body: await readFile(file), type }])));
  for (const [path, { body, type }] of Object.entries(assets)) {
    app.get(path, async (_request, reply) =>
      reply.type(type).header('content-security-policy', DASHBOARD_CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('cache-control', 'no-cache').send(body),
    );
  }

  /** Partitions ahead, seals of closed days, retention: safe to run from every instance at once. */
  const runJobs = async () => {
    const now = clock();
    await ensurePartitions(db, now);
    const sealed = await sealClosedDays(db, now);
    const retention = await enforceRetention(db, now, settings.retentionMonths);
    return { sealed, ...retention };
  };
  let timer = null;
  if (jobs) {
    const tick = () =>
      runJobs().catch((error) => {
        metrics.jobFailures.inc();
        app.log.error(error);
      });
    await tick();
    timer = setInterval(tick, JOB_INTERVAL_MS);
    timer.unref();
  }

  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await writer.drain();
    if (!givenDb) await db.close();
  });

  return { app, db, writer, runJobs, lastClosedDay: () => lastClosedDay(clock()) };
}
