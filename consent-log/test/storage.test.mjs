// Tamper evidence and retention against each database, with the server's clock moved by the test.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../src/database.mjs';
import { listPartitions } from '../src/partitions.mjs';
import { digestDay, sealOf } from '../src/seals.mjs';
import { hashNotice } from 'consent-manager-element/core';
import { ADMIN, backends, count, makeRecord, NOTICE, NOTICE_HASH, post, POSTGRES_URL, startLog } from './helpers.mjs';

const at = (iso) => Date.parse(iso);

for (const backend of backends()) {
  describe(`daily seals on ${backend.name}`, { skip: backend.skip }, () => {
    let database;
    let log;
    const ids = {};
    const verify = async (query = 'from=2026-03-01&to=2026-03-31') => (await log.app.inject({ url: `/v1/verify?${query}`, headers: ADMIN })).json();
    /** Runs `tamper`, checks verify names `day` and `reason`, then runs `undo` and checks verify passes again. */
    async function expectDetected(tamper, undo, day, reason) {
      await database.db.exec(tamper);
      const result = await verify();
      await database.db.exec(undo);
      assert.equal(result.ok, false, JSON.stringify(result));
      assert.equal(result.day, day);
      assert.match(result.reason, reason);
      assert.equal((await verify()).ok, true, 'undoing the change makes the log verify again');
    }

    before(async () => {
      database = await backend.open();
      log = await startLog(database.db, { now: at('2026-03-10T09:00:00Z') });
      for (const [day, hours] of [['2026-03-10', [9, 13, 23]], ['2026-03-11', [0, 12]], ['2026-03-12', [8, 23]]]) {
        for (const hour of hours) {
          log.clock.now = at(`${day}T${String(hour).padStart(2, '0')}:30:00Z`);
          const records = [makeRecord(), makeRecord({ granted: ['necessary'], denied: ['analytics', 'marketing'], notice: { hash: NOTICE_HASH } })];
          ids[`${day}T${hour}`] = records.map((record) => record.recordId);
          assert.equal((await post(log.app, { records })).statusCode, 202);
        }
      }
      await database.db.exec('CREATE TABLE tamper_saved AS SELECT * FROM consent_records WITH NO DATA');
      await database.db.exec('CREATE TABLE notices_saved AS SELECT * FROM consent_notices');
    });
    after(async () => {
      await log?.app.close();
      await database?.drop();
    });

    it('seals each day once it has closed, and not before', async () => {
      log.clock.now = at('2026-03-12T23:59:00Z');
      assert.deepEqual((await log.runJobs()).sealed, ['2026-03-10', '2026-03-11']);
      log.clock.now = at('2026-03-13T00:02:00Z');
      assert.deepEqual((await log.runJobs()).sealed, [], 'a day is sealed a few minutes after it ends, when its last batches have committed');
      log.clock.now = at('2026-03-13T00:10:00Z');
      assert.deepEqual((await log.runJobs()).sealed, ['2026-03-12']);
      const seals = (await database.db.query('SELECT day::text AS day, record_count::int AS count, previous_seal, seal FROM consent_seals ORDER BY day')).rows;
      assert.deepEqual(seals.map((seal) => [seal.day, seal.count]), [['2026-03-10', 6], ['2026-03-11', 4], ['2026-03-12', 4]]);
      assert.equal(seals[0].previous_seal, '0'.repeat(64));
      assert.equal(seals[1].previous_seal, seals[0].seal, 'each seal is chained to the one before');
      assert.equal(seals[2].previous_seal, seals[1].seal);
    });

    it('verifies an untouched log, and returns the latest seal to keep elsewhere', async () => {
      const result = await verify();
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.equal(result.daysVerified, 3);
      assert.equal(result.sealedThrough, '2026-03-12');
      assert.equal(result.latestSeal.day, '2026-03-12');
      assert.match(result.latestSeal.seal, /^[0-9a-f]{64}$/);
    });

    it('seals once when several instances run the jobs together', async () => {
      log.clock.now = at('2026-03-15T00:10:00Z');
      const second = await startLog(database.db, { now: log.clock.now });
      try {
        const results = await Promise.all([log.runJobs(), second.runJobs(), log.runJobs()]);
        assert.deepEqual(results.flatMap((result) => result.sealed).sort(), ['2026-03-13', '2026-03-14'], 'empty days are sealed too, each by one instance');
      } finally {
        await second.app.close();
      }
      assert.equal((await verify()).ok, true);
    });

    it('fails verification on the day a sealed record was edited', async () => {
      const [id] = ids['2026-03-11T12'];
      await expectDetected(
        `UPDATE consent_records SET granted = '{necessary,analytics,marketing}', denied = '{}' WHERE record_id = '${id}'`,
        `UPDATE consent_records SET granted = '{necessary,analytics}', denied = '{marketing}' WHERE record_id = '${id}'`,
        '2026-03-11',
        /changed after the day was sealed/,
      );
    });

    it('fails verification on the day a record was deleted from or inserted into', async () => {
      const [id] = ids['2026-03-10T13'];
      await expectDetected(
        `INSERT INTO tamper_saved SELECT * FROM consent_records WHERE record_id = '${id}'; DELETE FROM consent_records WHERE record_id = '${id}'`,
        `INSERT INTO consent_records SELECT * FROM tamper_saved; DELETE FROM tamper_saved`,
        '2026-03-10',
        /6 records were sealed, 5 are stored/,
      );
      await expectDetected(
        `INSERT INTO consent_records SELECT received_at + interval '1 second', 'forged-record-000000', consent_id, action, granted, denied, method, revision, language, gpc, given_at, changed_at, url,
           notice_hash, component_name, component_version, origin, ua_browser, ua_major, ua_device, ip_prefix FROM consent_records WHERE record_id = '${id}'`,
        `DELETE FROM consent_records WHERE record_id = 'forged-record-000000'`,
        '2026-03-10',
        /6 records were sealed, 7 are stored/,
      );
    });

    it('fails verification when a record is moved to another day, or added before the first seal', async () => {
      const [id] = ids['2026-03-12T8'];
      await expectDetected(
        `UPDATE consent_records SET received_at = received_at - interval '1 day' WHERE record_id = '${id}'`,
        `UPDATE consent_records SET received_at = received_at + interval '1 day' WHERE record_id = '${id}'`,
        '2026-03-11',
        /4 records were sealed, 5 are stored/,
      );
      await expectDetected(
        `INSERT INTO consent_records SELECT received_at - interval '3 days', 'backdated-record-0000', consent_id, action, granted, denied, method, revision, language, gpc, given_at, changed_at, url,
           notice_hash, component_name, component_version, origin, ua_browser, ua_major, ua_device, ip_prefix FROM consent_records WHERE record_id = '${id}'`,
        `DELETE FROM consent_records WHERE record_id = 'backdated-record-0000'`,
        '2026-03-09',
        /before the first sealed day/,
      );
    });

    it('fails verification when a seal is edited, deleted or re-chained', async () => {
      await expectDetected(
        `UPDATE consent_seals SET seal = repeat('a', 64) WHERE day = '2026-03-11'`,
        `UPDATE consent_seals SET seal = (SELECT previous_seal FROM consent_seals WHERE day = '2026-03-12') WHERE day = '2026-03-11'`,
        '2026-03-11',
        /does not match what it seals/,
      );
      await expectDetected(
        `INSERT INTO tamper_saved (received_at, record_id, consent_id, action, granted, denied, method, revision, language, gpc, given_at, changed_at, url, notice_hash, component_name, component_version, origin)
           SELECT sealed_at, seal, records_hash, previous_seal, missing_notices, '{}', 'x', record_count, 'x', false, 0, 0, 'x', 'x', 'x', 'x', day::text FROM consent_seals WHERE day = '2026-03-11';
         DELETE FROM consent_seals WHERE day = '2026-03-11'`,
        `INSERT INTO consent_seals SELECT origin::date, revision, consent_id, action, record_id, received_at, granted FROM tamper_saved; DELETE FROM tamper_saved`,
        '2026-03-11',
        /seal of this day is missing/,
      );
      // Editing a record and sealing its day again, correctly, breaks the link from the next day.
      const [id] = ids['2026-03-11T0'];
      const sealed = (await database.db.query(`SELECT records_hash, previous_seal, seal, missing_notices FROM consent_seals WHERE day = '2026-03-11'`)).rows[0];
      await database.db.exec(`UPDATE consent_records SET language = 'fr' WHERE record_id = '${id}'`);
      const { count: resealedCount, recordsHash } = await digestDay(database.db, '2026-03-11');
      await database.db.query('UPDATE consent_seals SET records_hash = $1, seal = $2 WHERE day = $3', [
        recordsHash, sealOf(sealed.previous_seal, '2026-03-11', resealedCount, recordsHash, sealed.missing_notices), '2026-03-11',
      ]);
      const result = await verify();
      await database.db.query('UPDATE consent_seals SET records_hash = $1, seal = $2 WHERE day = $3', [sealed.records_hash, sealed.seal, '2026-03-11']);
      await database.db.exec(`UPDATE consent_records SET language = 'en' WHERE record_id = '${id}'`);
      assert.deepEqual([result.ok, result.day], [false, '2026-03-12']);
      assert.match(result.reason, /chain is broken/);
      assert.equal((await verify()).ok, true);
    });

    it('fails verification against a seal kept elsewhere when the seals were deleted from a day on, records edited and the days sealed again', async () => {
      const { latestSeal } = await verify();
      const kept = `${latestSeal.day}:${latestSeal.seal}`;
      assert.equal((await verify(`kept=${kept}`)).ok, true, 'an untouched log matches the seal kept elsewhere');
      const saved = (await database.db.query(`SELECT * FROM consent_seals WHERE day >= '2026-03-11' ORDER BY day`)).rows;
      const [id] = ids['2026-03-11T12'];
      const original = (await database.db.query('SELECT granted, denied FROM consent_records WHERE record_id = $1', [id])).rows[0];
      // The attack: one DELETE, a refusal edited into a grant, and the log's own job seals the days again.
      await database.db.exec(`DELETE FROM consent_seals WHERE day >= '2026-03-11'`);
      await database.db.exec(`UPDATE consent_records SET granted = '{necessary,analytics,marketing}', denied = '{}' WHERE record_id = '${id}'`);
      await log.runJobs();
      try {
        assert.equal((await verify()).ok, true, 'the log alone cannot tell: its chain is whole again');
        const resealed = await verify(`kept=${kept}`);
        assert.deepEqual([resealed.ok, resealed.day], [false, latestSeal.day], JSON.stringify(resealed));
        assert.match(resealed.reason, /sealed again from this day on/);
        await database.db.exec(`DELETE FROM consent_seals WHERE day >= '2026-03-11'`);
        const deleted = await verify(`kept=${kept}`);
        assert.deepEqual([deleted.ok, deleted.day], [false, latestSeal.day]);
        assert.match(deleted.reason, /not in the log: its seals were deleted/);
      } finally {
        await database.db.exec(`DELETE FROM consent_seals WHERE day >= '2026-03-11'`);
        await database.db.query('UPDATE consent_records SET granted = $1, denied = $2 WHERE record_id = $3', [original.granted, original.denied, id]);
        for (const row of saved) {
          await database.db.query('INSERT INTO consent_seals (day, record_count, records_hash, previous_seal, seal, sealed_at, missing_notices) VALUES ($1, $2, $3, $4, $5, $6, $7)', [row.day, row.record_count, row.records_hash, row.previous_seal, row.seal, row.sealed_at, row.missing_notices]);
        }
      }
      assert.equal((await verify()).ok, true, 'restored');
      for (const bad of ['2026-03-12', `2026-03-12:${'g'.repeat(64)}`, `2026-02-30:${'a'.repeat(64)}`]) {
        assert.equal((await log.app.inject({ url: `/v1/verify?kept=${bad}`, headers: ADMIN })).statusCode, 400, bad);
      }
    });

    it('fails verification on the first day whose records name a notice that was edited or deleted, naming the notice', async () => {
      const restore = `DELETE FROM consent_notices; INSERT INTO consent_notices SELECT * FROM notices_saved`;
      await expectDetected(
        `UPDATE consent_notices SET content = jsonb_set(content, '{texts,bannerTitle}', '"By browsing on you accept every cookie"') WHERE hash = '${NOTICE_HASH}'`,
        restore,
        '2026-03-10',
        new RegExp(`notice ${NOTICE_HASH}, which records of this day name, was changed: its content no longer hashes to its hash`),
      );
      await expectDetected(`DELETE FROM consent_notices WHERE hash = '${NOTICE_HASH}'`, restore, '2026-03-10', new RegExp(`notice ${NOTICE_HASH}, which records of this day name, was deleted after the day was sealed`));
      // Moving the content to another key: the records' hash names nothing, the new key names no record.
      await expectDetected(`UPDATE consent_notices SET hash = repeat('e', 64)`, restore, '2026-03-10', /was deleted after the day was sealed/);
      // The seal lists the notices missing when it was written: adding one there to excuse a deletion breaks it.
      await expectDetected(
        `DELETE FROM consent_notices; UPDATE consent_seals SET missing_notices = ARRAY['${NOTICE_HASH}'] WHERE day = '2026-03-10'`,
        `${restore}; UPDATE consent_seals SET missing_notices = '{}' WHERE day = '2026-03-10'`,
        '2026-03-10',
        /the seal does not match what it seals/,
      );
    });

    it('verifies a day whose records name a notice the log never received, as its seal says, and still checks that notice once it arrives', async () => {
      const unsent = { ...NOTICE, texts: { ...NOTICE.texts, bannerTitle: 'Cookies, briefly' } };
      const unsentHash = await hashNotice(unsent);
      log.clock.now = at('2026-03-15T10:00:00Z');
      assert.equal((await post(log.app, makeRecord({ notice: { hash: unsentHash } }))).statusCode, 202);
      log.clock.now = at('2026-03-16T00:10:00Z');
      assert.deepEqual((await log.runJobs()).sealed, ['2026-03-15']);
      assert.deepEqual((await database.db.query(`SELECT missing_notices FROM consent_seals WHERE day = '2026-03-15'`)).rows[0].missing_notices, [unsentHash]);
      assert.equal((await verify()).ok, true, 'a notice missing when the day was sealed was not deleted since');
      log.clock.now = at('2026-03-16T10:00:00Z');
      assert.equal((await post(log.app, makeRecord({ notice: { hash: unsentHash, content: unsent } }))).statusCode, 202);
      assert.equal((await verify()).ok, true);
      await expectDetected(
        `UPDATE consent_notices SET content = jsonb_set(content, '{texts,bannerTitle}', '"Cookies, all of them"') WHERE hash = '${unsentHash}'`,
        `UPDATE consent_notices SET content = jsonb_set(content, '{texts,bannerTitle}', '"Cookies, briefly"') WHERE hash = '${unsentHash}'`,
        '2026-03-15',
        /was changed: its content no longer hashes to its hash/,
      );
    });

    it('verifies a seal written before seals listed missing notices as it was written, and then takes any missing notice as a failure', async () => {
      const day = '2026-03-15';
      const sealed = (await database.db.query('SELECT previous_seal, seal, missing_notices FROM consent_seals WHERE day = $1', [day])).rows[0];
      const { count: recordCount, recordsHash } = await digestDay(database.db, day);
      await database.db.query('UPDATE consent_seals SET missing_notices = NULL, seal = $1 WHERE day = $2', [sealOf(sealed.previous_seal, day, recordCount, recordsHash, null), day]);
      try {
        const legacy = await verify('from=2026-03-10&to=2026-03-15');
        assert.equal(legacy.ok, true, JSON.stringify(legacy));
        await database.db.exec(`CREATE TABLE unsent_saved AS SELECT * FROM consent_notices WHERE hash <> '${NOTICE_HASH}'; DELETE FROM consent_notices WHERE hash <> '${NOTICE_HASH}'`);
        const missing = await verify('from=2026-03-10&to=2026-03-15');
        await database.db.exec('INSERT INTO consent_notices SELECT * FROM unsent_saved; DROP TABLE unsent_saved');
        assert.deepEqual([missing.ok, missing.day], [false, day]);
        assert.match(missing.reason, /which records of this day name, is not stored/);
      } finally {
        await database.db.query('UPDATE consent_seals SET missing_notices = $1, seal = $2 WHERE day = $3', [sealed.missing_notices, sealed.seal, day]);
      }
      assert.equal((await verify()).ok, true);
    });

    it("serves a consent's proof with each day checked against its seal: an edited record is said so, an unsealed day too", async () => {
      const [recordId] = ids['2026-03-11T12'];
      const { consent_id: consentId } = (await database.db.query('SELECT consent_id FROM consent_records WHERE record_id = $1', [recordId])).rows[0];
      const proof = async () => (await log.app.inject({ url: `/v1/consents/${consentId}`, headers: ADMIN })).json();
      assert.deepEqual((await proof()).days, [{ day: '2026-03-11', sealed: true, ok: true }]);
      await database.db.exec(`UPDATE consent_records SET language = 'fr' WHERE record_id = '${recordId}'`);
      try {
        const edited = await proof();
        assert.equal(edited.records[0].language, 'fr', 'the record as stored');
        assert.deepEqual([edited.days[0].ok, edited.days[0].sealed], [false, true]);
        assert.match(edited.days[0].reason, /records were changed after the day was sealed/);
      } finally {
        await database.db.exec(`UPDATE consent_records SET language = 'en' WHERE record_id = '${recordId}'`);
      }
      // A later record of the same consent, on a day not sealed yet.
      const later = makeRecord({ consentId, action: 'changed' });
      assert.equal((await post(log.app, later)).statusCode, 202);
      const today = new Date(log.clock.now).toISOString().slice(0, 10);
      assert.deepEqual((await proof()).days, [{ day: '2026-03-11', sealed: true, ok: true }, { day: today, sealed: false }]);
    });
  });

  describe(`retention on ${backend.name}`, { skip: backend.skip }, () => {
    let database;
    let log;
    before(async () => {
      database = await backend.open();
      log = await startLog(database.db, { env: { CONSENT_LOG_RETENTION_MONTHS: '2' }, now: at('2026-01-15T10:00:00Z') });
    });
    after(async () => {
      await log?.app.close();
      await database?.drop();
    });

    it('drops whole months past retention and the rows before the cutoff, keeps the rest, and still verifies', async () => {
      const written = {};
      // A notice only the records of 15 January name: it goes with them.
      const january = { ...NOTICE, texts: { ...NOTICE.texts, bannerTitle: 'January cookies' } };
      const januaryHash = await hashNotice(january);
      for (const day of ['2026-01-15', '2026-01-31', '2026-02-05', '2026-02-15', '2026-03-15']) {
        log.clock.now = at(`${day}T10:00:00Z`);
        const record = day === '2026-01-15' ? makeRecord({ notice: { hash: januaryHash, content: january } }) : makeRecord();
        written[day] = record.recordId;
        assert.equal((await post(log.app, record)).statusCode, 202);
        await log.runJobs();
      }
      const names = (await listPartitions(database.db)).map((partition) => partition.name);
      assert.deepEqual(names, ['consent_records_2026_01', 'consent_records_2026_02', 'consent_records_2026_03', 'consent_records_2026_04'], 'the next month is ready before it starts');

      log.clock.now = at('2026-04-10T12:00:00Z');
      const result = await log.runJobs();
      assert.deepEqual(result.dropped, ['consent_records_2026_01']);
      assert.equal(result.deleted, 1, 'the record of 5 February, two months and five days old, is deleted from its partition');
      const kept = (await database.db.query('SELECT record_id FROM consent_records ORDER BY received_at')).rows.map((row) => row.record_id);
      assert.deepEqual(kept, [written['2026-02-15'], written['2026-03-15']]);
      assert.equal(await count(database.db, 'consent_record_ids'), 2, 'the idempotency keys of deleted records go too');
      assert.equal(result.deletedNotices, 1);
      assert.equal(await count(database.db, 'consent_notices', 'hash = $1', [januaryHash]), 0, 'a notice no retained record names goes');
      assert.equal(await count(database.db, 'consent_notices', 'hash = $1', [NOTICE_HASH]), 1, 'the notice retained records name stays');

      const verified = (await log.app.inject({ url: '/v1/verify?from=2026-01-01&to=2026-04-09', headers: ADMIN })).json();
      assert.equal(verified.ok, true, JSON.stringify(verified));
      assert.equal(verified.from, '2026-02-11', 'days cut by retention are not verified');
      const everything = (await log.app.inject({ url: '/v1/verify', headers: ADMIN })).json();
      assert.deepEqual([everything.ok, everything.from, everything.to, everything.sealedThrough], [true, '2026-02-11', '2026-04-10', '2026-04-09'], 'by default, everything retained');
      const exported = await log.app.inject({ url: '/v1/export?from=2026-01-01&to=2026-04-10', headers: ADMIN });
      assert.equal(JSON.parse(exported.body.split('\n')[0]).retentionMonths, 2);
      assert.equal(exported.body.trim().split('\n').length, 4, 'the first line, two records, the last line');
    });
  });
}

// A server whose timezone is behind UTC read the partitions' bare-date bounds in its own time: a
// record received on 1 April 03:00 UTC went into March's partition, which retention then dropped
// hours early. Sessions now run in UTC, whatever the server's or the database's timezone.
describe('partitions on a PostgreSQL database whose timezone is not UTC', { skip: POSTGRES_URL ? false : 'set DATABASE_URL to a PostgreSQL server (a role that may create databases) to run these' }, () => {
  let admin;
  let name;
  let db;
  let log;
  before(async () => {
    name = `consentlog_tz_${randomBytes(6).toString('hex')}`;
    admin = await openDatabase({ url: POSTGRES_URL, poolSize: 1 });
    await admin.exec(`CREATE DATABASE ${name}`);
    await admin.exec(`ALTER DATABASE ${name} SET timezone TO 'America/Los_Angeles'`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    db = await openDatabase({ url: url.href, poolSize: 2 });
    log = await startLog(db, { env: { CONSENT_LOG_RETENTION_MONTHS: '1' }, now: at('2026-03-15T10:00:00Z') });
  });
  after(async () => {
    await log?.app.close();
    await db?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  it('files a record by its UTC month, and retention keeps it until its UTC cutoff', async () => {
    await log.runJobs();
    log.clock.now = at('2026-04-01T03:00:00Z');
    const record = makeRecord();
    assert.equal((await post(log.app, record)).statusCode, 202);
    const { rows } = await db.query('SELECT tableoid::regclass::text AS partition FROM consent_records WHERE record_id = $1', [record.recordId]);
    assert.deepEqual(rows, [{ partition: 'consent_records_2026_04' }]);
    // One month's retention: at 1 May 01:00 UTC the record of 1 April 03:00 UTC is still within it.
    log.clock.now = at('2026-05-01T01:00:00Z');
    await log.runJobs();
    assert.equal(await count(db, 'consent_records'), 1, 'not deleted before its retention ended');
  });
});
