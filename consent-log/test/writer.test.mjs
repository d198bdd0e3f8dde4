// The batching writer under failure: a request the database refuses inside a shared batch, the
// database going away or hanging, and the bounded queue, directly and through the HTTP API.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { migrate, openDatabase } from '../src/database.mjs';
import { QueueFullError, RecordWriter } from '../src/writer.mjs';
import { ADMIN, backends, closeSharedPglite, count, makeRecord, post, sharedPglite, startLog } from './helpers.mjs';

after(closeSharedPglite);

const RECEIVED_AT = '2026-03-10T12:00:00.000Z';

/** A record as the server hands it to the writer (validation is the server's job, not the writer's). */
function row(overrides = {}) {
  const record = makeRecord();
  return {
    received_at: RECEIVED_AT, record_id: record.recordId, consent_id: record.consentId, action: 'given', granted: record.granted, denied: record.denied,
    method: 'banner', revision: 1, language: 'en', gpc: false, given_at: record.givenAt, changed_at: record.changedAt, url: record.url,
    notice_hash: record.notice.hash, component_name: 'consent-manager-element', component_version: '0.1.0', origin: 'https://shop.example',
    ua_browser: 'Chrome', ua_major: '131', ua_device: 'desktop', ip_prefix: null, ...overrides,
  };
}

const isRecordInsert = (text) => text.startsWith('WITH notices');

/**
 * `db` with its record inserts held until `release()`, or failing with `failure` while it is set.
 * @param {import('../src/database.mjs').Database} db
 */
function controlled(db) {
  const control = { failure: null, inserts: 0, held: null, release: () => undefined };
  control.hold = () => {
    control.held = new Promise((resolve) => (control.release = resolve));
  };
  const query = async (text, params) => {
    if (isRecordInsert(text)) {
      control.inserts++;
      if (control.failure) throw control.failure;
      if (control.held) await control.held;
    }
    return db.query(text, params);
  };
  return { db: { ...db, query, quickQuery: query }, control };
}

/**
 * A "PostgreSQL" on 127.0.0.1 that hangs: with `answers: 0` it accepts connections and never
 * says a word; with `answers: n` it lets a client in (no password asked) and answers its first
 * n simple queries with an empty result, then nothing more, as a server stuck on a lock or a
 * full disk does.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
async function unansweringPostgres({ answers }) {
  const sockets = new Set();
  const message = (type, body = Buffer.alloc(0)) => {
    const header = Buffer.alloc(5);
    header.write(type, 0, 'latin1');
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  };
  const readyForQuery = message('Z', Buffer.from('I'));
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (answers === 0) return;
    let pending = Buffer.alloc(0);
    let started = false;
    let answered = 0;
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        // The startup message has no type byte; every later message has one before its length.
        const offset = started ? 1 : 0;
        if (pending.length < offset + 4) return;
        const length = pending.readInt32BE(offset);
        if (pending.length < offset + length) return;
        const type = started ? String.fromCharCode(pending[0]) : null;
        pending = pending.subarray(offset + length);
        if (!started) {
          started = true;
          // AuthenticationOk, then ready for a query.
          socket.write(Buffer.concat([message('R', Buffer.from([0, 0, 0, 0])), readyForQuery]));
        } else if (type === 'Q' && answered < answers) {
          answered++;
          socket.write(Buffer.concat([message('C', Buffer.from('SELECT 0\0')), readyForQuery]));
        }
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `postgres://consentlog:unused@127.0.0.1:${server.address().port}/consentlog`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A connection refused by a database that is down, as `pg` reports it. */
const connectionRefused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

for (const backend of backends()) {
  describe(`record writer on ${backend.name}`, { skip: backend.skip }, () => {
    let database;
    before(async () => {
      database = await backend.open();
      await migrate(database.db);
    });
    after(() => database?.drop());

    it('stores the other requests of a batch when the database refuses one request in it', async () => {
      const { db, control } = controlled(database.db);
      const writer = new RecordWriter({ db, maxDelayMs: 20 });
      // PostgreSQL cannot store U+0000 in text: the one statement for the whole batch fails.
      const poisoned = [row({ url: 'https://shop.example/a\u0000b' })];
      const good = [[row()], [row(), row()], [row()], [row()], [row()]];
      const requests = [good[0], good[1], poisoned, good[2], good[3], good[4]];
      const outcomes = await Promise.allSettled(requests.map((rows) => writer.submit(rows, new Map())));
      assert.equal(outcomes[2].status, 'rejected');
      assert.match(String(outcomes[2].reason?.code), /^22/);
      for (const index of [0, 1, 3, 4, 5]) assert.equal(outcomes[index].status, 'fulfilled', `request ${index}: ${outcomes[index].reason}`);
      assert.deepEqual(outcomes[1].value, { accepted: 2, duplicates: 0 });
      for (const rows of good) for (const { record_id } of rows) assert.equal(await count(database.db, 'consent_records', 'record_id = $1', [record_id]), 1);
      assert.equal(await count(database.db, 'consent_record_ids', 'record_id = $1', [poisoned[0].record_id]), 0, 'nothing of the refused request is kept');
      // One statement for all six, then halves until the refused request stood alone: far fewer than one a request.
      assert.ok(control.inserts > 1 && control.inserts <= 6, `${control.inserts} inserts`);
    });

    it('fails every request of a batch while the database is down, stores nothing, and stores each record once when they are sent again', async () => {
      const { db, control } = controlled(database.db);
      const writer = new RecordWriter({ db, maxDelayMs: 20 });
      const requests = [[row()], [row(), row()], [row()]];
      control.failure = connectionRefused();
      const outcomes = await Promise.allSettled(requests.map((rows) => writer.submit(rows, new Map())));
      assert.deepEqual(outcomes.map((outcome) => outcome.status), ['rejected', 'rejected', 'rejected']);
      assert.equal(outcomes[0].reason.code, 'ECONNREFUSED');
      assert.equal(control.inserts, 1, 'an outage is not retried request by request');
      control.failure = null;
      const answers = await Promise.all(requests.map((rows) => writer.submit(rows, new Map())));
      assert.deepEqual(answers, [{ accepted: 1, duplicates: 0 }, { accepted: 2, duplicates: 0 }, { accepted: 1, duplicates: 0 }]);
      for (const rows of requests) for (const { record_id } of rows) assert.equal(await count(database.db, 'consent_records', 'record_id = $1', [record_id]), 1);
    });
  });
}

describe('record writer queue bound', () => {
  it('refuses at once what does not fit while a batch is being written, and writes what it queued', async () => {
    const shared = await sharedPglite();
    await migrate(shared);
    const { db, control } = controlled(shared);
    const writer = new RecordWriter({ db, maxDelayMs: 1, maxQueued: 10 });
    control.hold();
    const first = writer.submit([row(), row(), row()], new Map());
    // Once the first batch is being written (held), new requests wait in the queue.
    while (control.inserts === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const queued = [writer.submit([row(), row(), row(), row(), row()], new Map()), writer.submit([row(), row(), row(), row()], new Map())];
    assert.equal(writer.depth, 9);
    assert.equal(writer.full, false);
    const refusedRows = [row(), row()];
    await assert.rejects(writer.submit(refusedRows, new Map()), QueueFullError);
    const last = writer.submit([row()], new Map());
    assert.equal(writer.full, true);
    await assert.rejects(writer.submit([row()], new Map()), QueueFullError);
    control.release();
    assert.deepEqual(await first, { accepted: 3, duplicates: 0 });
    assert.deepEqual(await Promise.all([...queued, last]), [{ accepted: 5, duplicates: 0 }, { accepted: 4, duplicates: 0 }, { accepted: 1, duplicates: 0 }]);
    assert.equal(writer.depth, 0);
    for (const { record_id } of refusedRows) assert.equal(await count(shared, 'consent_record_ids', 'record_id = $1', [record_id]), 0);
  });
});

describe('consent log API under overload and outage', () => {
  it('answers 503 with Retry-After while the queue is full, stores what it acknowledged, and takes the refused record when it comes again', async () => {
    const shared = await sharedPglite();
    const { db, control } = controlled(shared);
    const log = await startLog(db, { maxQueued: 2 });
    try {
      control.hold();
      const inFlight = post(log.app, makeRecord());
      while (control.inserts === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      const waiting = [post(log.app, makeRecord()), post(log.app, makeRecord())];
      while (log.writer.depth < 2) await new Promise((resolve) => setTimeout(resolve, 1));
      const refusedRecord = makeRecord();
      const refused = await post(log.app, refusedRecord);
      assert.equal(refused.statusCode, 503, refused.body);
      assert.equal(refused.headers['retry-after'], '2');
      assert.match(refused.json().error, /busy; retry later/);
      control.release();
      assert.deepEqual((await Promise.all([inFlight, ...waiting])).map((answer) => answer.statusCode), [202, 202, 202]);
      assert.equal(await count(shared, 'consent_record_ids', 'record_id = $1', [refusedRecord.recordId]), 0);
      const again = await post(log.app, refusedRecord);
      assert.deepEqual([again.statusCode, again.json()], [202, { accepted: 1, duplicates: 0 }]);
      const metrics = (await log.app.inject({ url: '/metrics' })).body;
      assert.match(metrics, /consent_log_records_total\{outcome="overloaded"\} 1/);
    } finally {
      await log.app.close();
    }
  });

  it('answers the read endpoints 503 with Retry-After while the database is down, not 500', async () => {
    const shared = await sharedPglite();
    let down = false;
    const query = async (text, params) => {
      if (down) throw connectionRefused();
      return shared.query(text, params);
    };
    const log = await startLog({ ...shared, query, quickQuery: query });
    try {
      down = true;
      for (const url of ['/v1/latest', '/v1/verify', '/v1/stats', `/v1/consents/${makeRecord().consentId}`]) {
        const response = await log.app.inject({ url, headers: ADMIN });
        assert.equal(response.statusCode, 503, `${url}: ${response.body}`);
        assert.equal(response.headers['retry-after'], '5', url);
        assert.match(response.json().error, /database could not answer; retry later/, url);
      }
      down = false;
      assert.equal((await log.app.inject({ url: '/v1/latest', headers: ADMIN })).statusCode, 200);
    } finally {
      await log.app.close();
    }
  });

  it('answers 503 with Retry-After while the database is down, then stores the record sent again once', async () => {
    const shared = await sharedPglite();
    const { db, control } = controlled(shared);
    const log = await startLog(db);
    try {
      const record = makeRecord();
      control.failure = connectionRefused();
      const down = await post(log.app, record);
      assert.equal(down.statusCode, 503, down.body);
      assert.equal(down.headers['retry-after'], '5');
      assert.match(down.json().error, /could not be stored; retry later/);
      control.failure = null;
      assert.deepEqual((await post(log.app, record)).json(), { accepted: 1, duplicates: 0 });
      assert.deepEqual((await post(log.app, record)).json(), { accepted: 0, duplicates: 1 });
      assert.equal(await count(shared, 'consent_records', 'record_id = $1', [record.recordId]), 1);
    } finally {
      await log.app.close();
    }
  });
});

describe('the log on a PostgreSQL that does not answer', () => {
  // Short timeouts, so the test does not wait the real ones; each timeout fires because nothing is
  // ever answered, not because time ran short. The bounds only say "not forever".
  const timeouts = { connectMs: 300, quickQueryMs: 300, statementMs: 60_000 };

  it('fails to open in bounded time when the server accepts the connection and never answers', async () => {
    const postgres = await unansweringPostgres({ answers: 0 });
    const started = Date.now();
    try {
      await assert.rejects(openDatabase({ url: postgres.url, timeouts }), /timeout/i);
      assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    } finally {
      await postgres.close();
    }
  });

  it('answers a write 503 with Retry-After in bounded time, and /healthz 503, then stores the record sent again once', async () => {
    const postgres = await unansweringPostgres({ answers: 1 });
    const hung = await openDatabase({ url: postgres.url, timeouts });
    const shared = await sharedPglite();
    // Everything else on PGlite, so the log starts; the writes and the health check go to the hung server.
    const db = { ...shared, quickQuery: hung.quickQuery };
    const log = await startLog(db);
    try {
      const record = makeRecord();
      const started = Date.now();
      const [down, health] = await Promise.all([post(log.app, record), log.app.inject({ url: '/healthz' })]);
      assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
      assert.equal(down.statusCode, 503, down.body);
      assert.equal(down.headers['retry-after'], '5');
      assert.match(down.json().error, /could not be stored; retry later/);
      assert.equal(health.statusCode, 503, health.body);
      assert.equal(await count(shared, 'consent_record_ids', 'record_id = $1', [record.recordId]), 0);
      db.quickQuery = shared.quickQuery;
      assert.deepEqual((await post(log.app, record)).json(), { accepted: 1, duplicates: 0 });
      assert.deepEqual((await post(log.app, record)).json(), { accepted: 0, duplicates: 1 });
    } finally {
      await log.app.close();
      await hung.close();
      await postgres.close();
    }
  });
});
