// The write and read API against each database: what is stored, what is refused, who may read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashNotice } from 'consent-manager-element/core';
import { ADMIN, ADMIN_TOKEN, backends, CHROME_UA, count, makeRecord, NOTICE, NOTICE_HASH, ORIGIN, post, randomId, closeSharedPglite, sharedPglite, snapshot, startLog } from './helpers.mjs';

after(closeSharedPglite);

for (const backend of backends()) {
  describe(`consent log API on ${backend.name}`, { skip: backend.skip }, () => {
    let database;
    let log;
    before(async () => {
      database = await backend.open();
      log = await startLog(database.db, { env: { CONSENT_LOG_IP: 'drop' } });
    });
    after(async () => {
      await log?.app.close();
      await database?.drop();
    });

    it('stores one record with the time received, the origin and a reduced user agent, and its notice once', async () => {
      const record = makeRecord();
      const response = await post(log.app, record);
      assert.equal(response.statusCode, 202, response.body);
      assert.deepEqual(response.json(), { accepted: 1, duplicates: 0 });
      const proof = (await log.app.inject({ url: `/v1/consents/${record.consentId}`, headers: ADMIN })).json();
      assert.equal(proof.records.length, 1);
      const [stored] = proof.records;
      assert.equal(stored.recordId, record.recordId);
      assert.deepEqual([stored.granted, stored.denied, stored.method, stored.url], [record.granted, record.denied, 'banner', record.url]);
      assert.equal(stored.receivedAt, '2026-03-10T12:00:00.000000Z');
      assert.equal(stored.origin, ORIGIN);
      assert.deepEqual(stored.userAgent, { browser: 'Chrome', major: '131', device: 'desktop' });
      assert.deepEqual(proof.notices[NOTICE_HASH].content, NOTICE);
      assert.equal(await count(database.db, 'consent_notices'), 1);
      await post(log.app, makeRecord());
      assert.equal(await count(database.db, 'consent_notices'), 1, 'a notice sent again is not stored again');
    });

    it('keeps no IP address and no full user agent anywhere', async () => {
      const record = makeRecord();
      await post(log.app, record, { 'x-forwarded-for': '198.51.100.23' });
      const all = JSON.stringify((await database.db.query('SELECT * FROM consent_records')).rows);
      assert.ok(!all.includes('127.0.0.1') && !all.includes('198.51.100') && !all.includes('X11; Linux') && !all.includes('AppleWebKit'), all.slice(0, 400));
    });

    it("stores givenAt and changedAt as the visitor's device clock sent them, however wrong, beside its own receivedAt", async () => {
      // A 400 makes the element drop the record: a device clock set to 1970 or 2100 must not cost a real decision.
      for (const givenAt of [0, 4_102_444_800]) {
        const record = makeRecord({ givenAt, changedAt: givenAt });
        assert.equal((await post(log.app, record)).statusCode, 202);
        const [stored] = (await log.app.inject({ url: `/v1/consents/${record.consentId}`, headers: ADMIN })).json().records;
        assert.deepEqual([stored.givenAt, stored.changedAt, stored.receivedAt], [givenAt, givenAt, new Date(log.clock.now).toISOString().replace('Z', '000Z')]);
      }
    });

    it('stores a retried record once and says it was a duplicate', async () => {
      const record = makeRecord();
      assert.deepEqual((await post(log.app, record)).json(), { accepted: 1, duplicates: 0 });
      assert.deepEqual((await post(log.app, record)).json(), { accepted: 0, duplicates: 1 });
      assert.deepEqual((await post(log.app, { records: [record, makeRecord(), record] })).json(), { accepted: 1, duplicates: 2 });
      // The same record in two requests written in one batch.
      const twin = makeRecord();
      const answers = await Promise.all([post(log.app, twin), post(log.app, twin), post(log.app, twin)]);
      assert.deepEqual(answers.map((answer) => answer.json().accepted).sort(), [0, 0, 1]);
      assert.equal(await count(database.db, 'consent_records', 'record_id = $1', [twin.recordId]), 1);
      assert.equal(await count(database.db, 'consent_records', 'record_id = $1', [record.recordId]), 1);
    });

    it('takes a batch of up to 100 records, and refuses 101 naming the field', async () => {
      const consentId = randomId();
      const records = Array.from({ length: 100 }, (_, index) => makeRecord({ consentId, revision: index, notice: { hash: NOTICE_HASH } }));
      assert.deepEqual((await post(log.app, { records })).json(), { accepted: 100, duplicates: 0 });
      const before = await snapshot(database.db);
      const tooMany = await post(log.app, { records: [...records.map((record) => ({ ...record, recordId: randomId() })), makeRecord()] });
      assert.equal(tooMany.statusCode, 400);
      assert.deepEqual(tooMany.json().errors, ['records: expected an array of 1 to 100 records']);
      assert.equal(await snapshot(database.db), before);
    });

    it('answers 400 naming each bad field, and stores nothing of a batch with one bad record', async () => {
      const before = await snapshot(database.db);
      const response = await post(log.app, { records: [makeRecord(), makeRecord({ granted: 'analytics', gpc: 'yes' }), makeRecord({ consentId: 42 })] });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json().errors, ['records[1].granted: expected an array of category ids', 'records[1].gpc: expected true or false', 'records[2].consentId: expected a consent id (22 base64url characters)']);
      assert.equal(await snapshot(database.db), before);
    });

    it('refuses notice content that does not hash to its hash', async () => {
      const before = await snapshot(database.db);
      const forged = makeRecord({ notice: { hash: NOTICE_HASH, content: { ...NOTICE, texts: { ...NOTICE.texts, bannerTitle: 'We use no cookies at all' } } } });
      const response = await post(log.app, forged);
      assert.equal(response.statusCode, 400);
      assert.deepEqual(response.json().errors, ['notice.content: does not hash to notice.hash']);
      const inBatch = await post(log.app, { records: [makeRecord(), forged] });
      assert.deepEqual(inBatch.json().errors, ['records[1].notice.content: does not hash to notice.hash']);
      assert.equal(await snapshot(database.db), before);
    });

    it('refuses with 400 text the database cannot store (U+0000, an unpaired surrogate), and stores a request sent beside it', async () => {
      const poisons = [
        makeRecord({ url: 'https://shop.example/a\u0000b' }),
        { ...NOTICE, texts: { ...NOTICE.texts, bannerTitle: 'We use\u0000 cookies' } },
        { ...NOTICE, categories: [{ ...NOTICE.categories[0], label: 'Necessary \ud800' }] },
        { ...NOTICE, policyUrl: '/cookies\udc00' },
      ];
      for (const [index, poison] of poisons.entries()) {
        const record = poison.recordId ? poison : makeRecord({ notice: { hash: await hashNotice(poison), content: poison } });
        const beside = makeRecord();
        // Sent together, so both would be written in one statement if the first got that far.
        const [refused, stored] = await Promise.all([post(log.app, record), post(log.app, beside)]);
        assert.equal(refused.statusCode, 400, `poison ${index}: ${refused.body}`);
        assert.match(refused.json().errors.join(), /holds U\+0000 or an unpaired surrogate/);
        assert.equal(stored.statusCode, 202, `beside poison ${index}: ${stored.body}`);
        assert.equal(await count(database.db, 'consent_record_ids', 'record_id = $1', [record.recordId]), 0);
        assert.equal(await count(database.db, 'consent_records', 'record_id = $1', [beside.recordId]), 1);
      }
      // A surrogate pair (an emoji) is text like any other.
      const emoji = { ...NOTICE, texts: { ...NOTICE.texts, bannerTitle: 'Cookies \u{1F36A}' } };
      const withEmoji = await post(log.app, makeRecord({ notice: { hash: await hashNotice(emoji), content: emoji } }));
      assert.equal(withEmoji.statusCode, 202, withEmoji.body);
    });

    it('refuses other origins and requests without one with 403, before reading the body', async () => {
      const before = await snapshot(database.db);
      for (const headers of [{ origin: 'https://evil.example' }, { origin: 'https://shop.example.evil.example' }, { origin: 'http://shop.example' }, { origin: 'null' }, { origin: '' }]) {
        const response = await post(log.app, makeRecord(), headers);
        assert.equal(response.statusCode, 403, JSON.stringify(headers));
        // The refused page may read why (its console then says 403, not a bare CORS failure).
        assert.equal(response.headers['access-control-allow-origin'], headers.origin || undefined, JSON.stringify(headers));
      }
      const noOrigin = await log.app.inject({ method: 'POST', url: '/v1/records', payload: makeRecord() });
      assert.equal(noOrigin.statusCode, 403);
      assert.equal(await snapshot(database.db), before);
    });

    it('answers CORS for the allowed origin on the write endpoint only', async () => {
      const preflight = { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' };
      const allowed = await log.app.inject({ method: 'OPTIONS', url: '/v1/records', headers: preflight });
      assert.equal(allowed.headers['access-control-allow-origin'], ORIGIN);
      const other = await log.app.inject({ method: 'OPTIONS', url: '/v1/records', headers: { ...preflight, origin: 'https://evil.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      for (const url of ['/v1/stats', '/v1/export', `/v1/consents/${randomId()}`, '/v1/latest']) {
        const admin = await log.app.inject({ url, headers: { ...ADMIN, origin: ORIGIN } });
        assert.equal(admin.headers['access-control-allow-origin'], undefined, url);
        const adminPreflight = await log.app.inject({ method: 'OPTIONS', url, headers: { ...preflight, 'access-control-request-method': 'GET' } });
        assert.equal(adminPreflight.headers['access-control-allow-origin'], undefined, url);
      }
      const written = await post(log.app, makeRecord());
      assert.equal(written.headers['access-control-allow-origin'], ORIGIN);
    });

    it('reads a text/plain JSON body, as a keepalive request without preflight sends it', async () => {
      const record = makeRecord();
      const response = await post(log.app, JSON.stringify(record), { 'content-type': 'text/plain;charset=UTF-8' });
      assert.equal(response.statusCode, 202, response.body);
      const broken = await post(log.app, '{"recordId":', { 'content-type': 'text/plain' });
      assert.equal(broken.statusCode, 400);
      assert.match(broken.json().error, /not valid JSON/);
    });

    it('answers 413 for a body over the limit, and 415 for a body that is not JSON', async () => {
      const huge = await post(log.app, { records: [makeRecord({ url: `https://shop.example/${'a'.repeat(1_100_000)}` })] });
      assert.equal(huge.statusCode, 413);
      const form = await post(log.app, 'a=b', { 'content-type': 'application/x-www-form-urlencoded' });
      assert.equal(form.statusCode, 415);
    });

    it('refuses the read endpoints without the token, with a wrong one, or with another scheme', async () => {
      for (const authorization of [undefined, '', 'Bearer', 'Bearer wrong-token-0123456789', `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`, `Bearer ${ADMIN_TOKEN}x`, `bearer  ${ADMIN_TOKEN}`]) {
        for (const url of ['/v1/stats', '/v1/export', '/v1/verify', `/v1/consents/${randomId()}`, '/v1/latest']) {
          const response = await log.app.inject({ url, headers: authorization === undefined ? {} : { authorization } });
          assert.equal(response.statusCode, 401, `${url} with ${authorization}`);
          assert.ok(!response.body.includes('recordId'));
        }
      }
    });

    it('gives every record of a consent id oldest first, with the notices, and 404 for an unknown id', async () => {
      const consentId = randomId();
      const other = { ...NOTICE, language: 'de', texts: { bannerTitle: 'Wir verwenden Cookies' } };
      const { hashNotice } = await import('consent-manager-element/core');
      const otherHash = await hashNotice(other);
      log.clock.now += 1000;
      await post(log.app, makeRecord({ consentId, action: 'given' }));
      log.clock.now += 1000;
      await post(log.app, makeRecord({ consentId, action: 'changed', language: 'de', granted: ['necessary'], denied: ['analytics', 'marketing'], method: 'preferences', notice: { hash: otherHash, content: other } }));
      log.clock.now += 1000;
      await post(log.app, makeRecord({ consentId, action: 'withdrawn', granted: ['necessary'], denied: ['analytics', 'marketing'], method: 'api', notice: { hash: randomId(32).slice(0, 0) + 'f'.repeat(64) } }));
      const proof = (await log.app.inject({ url: `/v1/consents/${consentId}`, headers: ADMIN })).json();
      assert.deepEqual(proof.records.map((record) => record.action), ['given', 'changed', 'withdrawn']);
      assert.deepEqual(proof.notices[otherHash].content, other);
      assert.equal(proof.notices['f'.repeat(64)], null, 'a notice whose content never arrived is named, as missing');
      assert.equal(proof.notices[otherHash].contentMatchesHash, true);
    });

    it('flags a notice whose stored content no longer hashes to its hash, and never gives that content as the notice shown', async () => {
      const consentId = randomId();
      const edited = { ...NOTICE, language: 'it', texts: { bannerTitle: 'Usiamo i cookie' } };
      const editedHash = await hashNotice(edited);
      log.clock.now += 1000;
      assert.equal((await post(log.app, makeRecord({ consentId, language: 'it', notice: { hash: editedHash, content: edited } }))).statusCode, 202);
      await database.db.query(`UPDATE consent_notices SET content = jsonb_set(content, '{texts,bannerTitle}', '"Continuando accetti tutti i cookie"') WHERE hash = $1`, [editedHash]);
      const proof = (await log.app.inject({ url: `/v1/consents/${consentId}`, headers: ADMIN })).json();
      const notice = proof.notices[editedHash];
      assert.equal(notice.contentMatchesHash, false);
      assert.equal(notice.content, undefined, 'the edited text is not offered as what the visitor was shown');
      assert.equal(notice.storedContent.texts.bannerTitle, 'Continuando accetti tutti i cookie');
      assert.match(notice.error, /does not hash to this hash: it was changed after it was stored/);
      assert.equal(proof.records.length, 1);
      assert.equal((await log.app.inject({ url: `/v1/consents/${randomId()}`, headers: ADMIN })).statusCode, 404);
      assert.equal((await log.app.inject({ url: '/v1/consents/not-an-id', headers: ADMIN })).statusCode, 400);
    });

    it('counts per day accept all, reject all, custom, grant rates per category and languages', async () => {
      const day = '2026-03-11';
      log.clock.now = Date.parse(`${day}T08:00:00Z`);
      await post(log.app, { records: [
        makeRecord({ granted: ['necessary', 'analytics', 'marketing'], denied: [] }),
        makeRecord({ granted: ['necessary'], denied: ['analytics', 'marketing'] }),
        makeRecord({ granted: ['necessary', 'analytics'], denied: ['marketing'], language: 'de' }),
        makeRecord({ granted: ['necessary', 'analytics'], denied: ['marketing'], language: 'de' }),
      ] });
      const stats = (await log.app.inject({ url: `/v1/stats?from=${day}&to=${day}`, headers: ADMIN })).json();
      assert.deepEqual(stats.days, [{
        day, records: 4, acceptAll: 1, rejectAll: 1, custom: 2,
        categories: { analytics: { granted: 3, denied: 1, grantRate: 0.75 }, marketing: { granted: 1, denied: 3, grantRate: 0.25 }, necessary: { granted: 4, denied: 0, grantRate: 1 } },
        languages: { de: 2, en: 2 },
      }]);
      // Days the calendar has but the database's dates or the day after do not: year 0, year 9999's end.
      for (const query of ['from=2026-13-01', 'from=2026-03-12&to=2026-03-11', 'to=yesterday', 'from=2026-02-30', 'from=0000-01-01&to=0000-01-02', 'from=9999-12-30&to=9999-12-31']) {
        for (const path of ['/v1/stats', '/v1/export', '/v1/verify']) {
          const bad = await log.app.inject({ url: `${path}?${query}`, headers: ADMIN });
          assert.equal(bad.statusCode, 400, `${path}?${query}`);
          assert.ok(bad.json().errors.length > 0);
        }
      }
    });

    it('exports NDJSON and CSV, streamed, saying the retention', async () => {
      const day = '2026-03-12';
      log.clock.now = Date.parse(`${day}T09:00:00Z`);
      const records = Array.from({ length: 2500 }, (_, index) => makeRecord({ revision: index, notice: { hash: NOTICE_HASH }, url: index === 7 ? 'https://shop.example/=cmd' : 'https://shop.example/a,b' }));
      // About one random consent id in 64 starts with "-": it must come out as it is.
      records[9].consentId = `-${records[9].consentId.slice(1)}`;
      for (let index = 0; index < records.length; index += 100) assert.equal((await post(log.app, { records: records.slice(index, index + 100) })).statusCode, 202);
      const ndjson = await log.app.inject({ url: `/v1/export?from=${day}&to=${day}&format=ndjson`, headers: ADMIN });
      assert.equal(ndjson.statusCode, 200);
      assert.equal(ndjson.headers['x-consent-log-retention-months'], '24');
      const lines = ndjson.body.trim().split('\n').map((line) => JSON.parse(line));
      assert.equal(lines[0].retentionMonths, 24);
      assert.equal(lines.length, 2502, 'every record, across read pages of 2000, between the first line and the last');
      assert.deepEqual(lines.at(-1), { end: true, records: 2500 }, 'the last line counts the records: an export cut short has none');
      assert.deepEqual(new Set(lines.slice(1, -1).map((line) => line.recordId)), new Set(records.map((record) => record.recordId)));
      const csv = await log.app.inject({ url: `/v1/export?from=${day}&to=${day}&format=csv`, headers: ADMIN });
      assert.match(csv.headers['content-type'], /^text\/csv/);
      const rows = csv.body.trim().split('\r\n');
      assert.match(rows[0], /^# consent log export .* deleted 24 months after/);
      assert.equal(rows[1].split(',')[0], 'receivedAt');
      assert.equal(rows.length, 2503);
      assert.equal(rows.at(-1), '# end: 2500 records');
      assert.ok(rows.some((row) => row.includes('"https://shop.example/a,b"')), 'a comma is quoted');
      assert.ok(rows.some((row) => row.split(',')[2] === records[9].consentId), 'a consent id starting with "-" is kept as it is');
      assert.equal((await log.app.inject({ url: '/v1/export?format=xml', headers: ADMIN })).statusCode, 400);
    });

    it('reports health and Prometheus metrics', async () => {
      const health = await log.app.inject({ url: '/healthz' });
      assert.deepEqual(health.json(), { ok: true, database: database.db.kind });
      const metrics = await log.app.inject({ url: '/metrics' });
      assert.match(metrics.body, /consent_log_records_total\{outcome="accepted"\} \d+/);
      assert.match(metrics.body, /consent_log_records_total\{outcome="forbidden"\} \d+/);
      assert.match(metrics.body, /consent_log_batch_records_bucket/);
      assert.match(metrics.body, /consent_log_retention_months 24/);
    });

    it('serves the dashboard and its chart library from itself, under a strict CSP', async () => {
      for (const url of ['/', '/dashboard.js', '/vendor/uplot.js', '/vendor/uplot.css']) {
        const response = await log.app.inject({ url });
        assert.equal(response.statusCode, 200, url);
        assert.match(response.headers['content-security-policy'], /default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'/);
      }
    });
  });
}

describe('consent log with CONSENT_LOG_IP=truncate', () => {
  it('keeps the network, never the address', async () => {
    const database = { db: await sharedPglite() };
    const log = await startLog(database.db, { env: { CONSENT_LOG_IP: 'truncate', CONSENT_LOG_TRUST_PROXY: '127.0.0.1' } });
    try {
      const record = makeRecord();
      await post(log.app, record, { 'x-forwarded-for': '198.51.100.23', 'user-agent': CHROME_UA });
      const v6 = makeRecord();
      await post(log.app, v6, { 'x-forwarded-for': '2001:db8:85a3:8d3:1319:8a2e:370:7348' });
      const rows = (await database.db.query('SELECT record_id, ip_prefix FROM consent_records WHERE record_id = ANY($1)', [[record.recordId, v6.recordId]])).rows;
      assert.deepEqual(Object.fromEntries(rows.map((row) => [row.record_id, row.ip_prefix])), { [record.recordId]: '198.51.100.0/24', [v6.recordId]: '2001:db8:85a3::/48' });
      assert.ok(!JSON.stringify(rows).includes('.23') && !JSON.stringify(rows).includes('7348'));
    } finally {
      await log.app.close();
    }
  });
});

describe('consent log rate limit', () => {
  it('answers 429 past the per-client limit, and stores nothing more', async () => {
    const db = await sharedPglite();
    const log = await startLog(db, { env: { CONSENT_LOG_RATE_LIMIT: '3' } });
    try {
      const consentId = randomId();
      const statuses = [];
      for (let index = 0; index < 5; index++) statuses.push((await post(log.app, makeRecord({ consentId }))).statusCode);
      assert.deepEqual(statuses, [202, 202, 202, 429, 429]);
      assert.equal(await count(db, 'consent_records', 'consent_id = $1', [consentId]), 3);
    } finally {
      await log.app.close();
    }
  });
});
