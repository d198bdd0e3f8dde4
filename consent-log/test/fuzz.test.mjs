// Hostile and random input to the write endpoint: never a 5xx, one clear error, nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { backends, makeRecord, NOTICE, NOTICE_HASH, post, snapshot, startLog } from './helpers.mjs';

const RUNS = { numRuns: 120 };
const FIELDS = Object.keys(makeRecord());

/** A value at a random place in a valid record, replaced by anything. */
const mutatedRecord = fc
  .record({
    path: fc.oneof(
      fc.constantFrom(...FIELDS).map((field) => [field]),
      fc.constantFrom(['notice', 'hash'], ['notice', 'content'], ['notice', 'content', 'texts'], ['notice', 'content', 'categories'], ['component', 'name'], ['granted', 0], ['denied', 5]),
      fc.string({ maxLength: 12 }).map((field) => [field]),
    ),
    value: fc.oneof(fc.jsonValue(), fc.string(), fc.constant(null), fc.array(fc.string(), { maxLength: 200 }), fc.integer(), fc.double(), fc.boolean()),
  })
  .map(({ path, value }) => {
    const record = JSON.parse(JSON.stringify(makeRecord()));
    let target = record;
    for (const key of path.slice(0, -1)) target = target[key] ??= {};
    target[path[path.length - 1]] = value;
    return record;
  });

for (const backend of backends()) {
  describe(`bad input on ${backend.name}`, { skip: backend.skip }, () => {
    let database;
    let log;
    before(async () => {
      database = await backend.open();
      log = await startLog(database.db, { env: { CONSENT_LOG_RATE_LIMIT: '100000' } });
      await post(log.app, makeRecord());
    });
    after(async () => {
      await log?.app.close();
      await database?.drop();
    });

    it('answers any JSON body that is not a record with 400 and an error, and stores nothing', async () => {
      const before = await snapshot(database.db);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ records: fc.array(fc.jsonValue(), { maxLength: 5 }) })), async (body) => {
          const response = await post(log.app, JSON.stringify(body), { 'content-type': 'application/json' });
          assert.equal(response.statusCode, 400, response.body);
          assert.equal(typeof response.json().error, 'string');
        }),
        RUNS,
      );
      assert.equal(await snapshot(database.db), before);
    });

    it('answers a record with a __proto__ key inside with 400 and one error, storing nothing', async () => {
      const before = await snapshot(database.db);
      const record = makeRecord();
      const body = JSON.stringify(record).replace('"hash":', '"hash":{"__proto__":[]},"spare":');
      const response = await post(log.app, body, { 'content-type': 'application/json' });
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(typeof response.json().error, 'string');
      assert.equal(await snapshot(database.db), before);
    });

    it('answers a record with one field replaced by anything with 202 or 400, and stores only what is valid', async () => {
      await fc.assert(
        fc.asyncProperty(mutatedRecord, async (record) => {
          const before = await snapshot(database.db);
          const response = await post(log.app, record);
          assert.ok([202, 400].includes(response.statusCode), `${response.statusCode} ${response.body}`);
          if (response.statusCode === 400) {
            // A bad field gets one message per field; a body the JSON parser refuses (a `__proto__`
            // key anywhere, for one) gets one error for the whole body.
            const answer = response.json();
            assert.ok(answer.errors?.length > 0 || (typeof answer.error === 'string' && answer.error.length > 0), response.body);
            assert.equal(await snapshot(database.db), before, 'a refused record changes nothing');
          }
        }),
        RUNS,
      );
    });

    it('answers random bytes and broken JSON with 400, never a 5xx', async () => {
      const before = await snapshot(database.db);
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.uint8Array().map((bytes) => Buffer.from(bytes).toString('latin1'))), fc.constantFrom('application/json', 'text/plain'), async (body, type) => {
          const response = await post(log.app, body, { 'content-type': type });
          assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${response.statusCode} for ${JSON.stringify(body)}`);
        }),
        RUNS,
      );
      for (const body of ['[', '['.repeat(200_000), `{"records":${'['.repeat(100_000)}`, '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}']) {
        for (const type of ['application/json', 'text/plain']) {
          const response = await post(log.app, body, { 'content-type': type });
          assert.equal(response.statusCode, 400, `${type} ${body.slice(0, 40)}: ${response.body}`);
        }
      }
      assert.equal({}.polluted, undefined);
      assert.equal(await snapshot(database.db), before);
    });

    it('refuses huge arrays, long strings and oversized notices with one clear error', async () => {
      const before = await snapshot(database.db);
      const many = Array.from({ length: 20_000 }, (_, index) => `c${index}`);
      const cases = [
        [{ records: Array.from({ length: 5000 }, () => 1) }, 400],
        [makeRecord({ granted: many, denied: [] }), 400],
        [makeRecord({ url: `https://shop.example/${'x'.repeat(5000)}` }), 400],
        [makeRecord({ notice: { hash: NOTICE_HASH, content: { ...NOTICE, texts: Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`t${index}`, 'x'])) } } }), 400],
        [makeRecord({ recordId: 'x'.repeat(100_000) }), 400],
        [{ records: Array.from({ length: 100 }, () => makeRecord({ notice: { hash: NOTICE_HASH, content: { ...NOTICE, texts: { bannerTitle: 'x'.repeat(10_000) } } } })) }, 413],
      ];
      for (const [body, status] of cases) {
        const response = await post(log.app, body);
        assert.equal(response.statusCode, status, response.body.slice(0, 200));
        assert.equal(typeof response.json().error, 'string');
        if (status === 400) assert.ok(response.json().errors.length <= 100, 'the error list is bounded too');
      }
      assert.equal(await snapshot(database.db), before);
    });

    it('refuses hostile headers without storing anything', async () => {
      const before = await snapshot(database.db);
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 300 }).filter((origin) => origin !== 'https://shop.example' && !/[\r\n\0]/.test(origin)), async (origin) => {
          const response = await post(log.app, makeRecord(), { origin });
          assert.equal(response.statusCode, 403);
        }),
        RUNS,
      );
      assert.equal(await snapshot(database.db), before);
      const response = await post(log.app, makeRecord(), { 'user-agent': 'Mozilla/5.0 '.repeat(2000) });
      assert.equal(response.statusCode, 202, 'a huge user agent is cut, not an error');
    });
  });
}
