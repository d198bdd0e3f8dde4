// The settings and the `consent-manager-log` command: one clear error for a bad setting, and a
// server that starts on the embedded database, takes a record and stops cleanly.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSettings, SettingsError, settingsWarnings } from '../src/settings.mjs';
import { truncateIp, reduceUserAgent } from '../src/visitor.mjs';
import { ADMIN_TOKEN, makeRecord } from './helpers.mjs';

const BIN = fileURLToPath(new URL('../bin/consent-manager-log.mjs', import.meta.url));

describe('settings', () => {
  it('reads the documented defaults, and flags over the environment', () => {
    const settings = readSettings({ CONSENT_LOG_ORIGINS: 'https://shop.example, https://www.shop.example/' }, []);
    assert.deepEqual(
      [settings.port, settings.databaseUrl, settings.dataDir, settings.origins, settings.adminToken, settings.retentionMonths, settings.ip],
      [8787, undefined, './consent-log-data', ['https://shop.example', 'https://www.shop.example'], undefined, 24, 'drop'],
    );
    const flagged = readSettings({ PORT: '9000', CONSENT_LOG_ORIGINS: 'https://a.example' }, ['--port', '9100', '--ip', 'truncate', '--retention-months', '13']);
    assert.deepEqual([flagged.port, flagged.ip, flagged.retentionMonths], [9100, 'truncate', 13]);
  });

  it('reads the proxies to trust as Fastify takes them, and warns of a retention shorter than a consent lives', () => {
    const origins = { CONSENT_LOG_ORIGINS: 'https://shop.example' };
    assert.equal(readSettings(origins, []).trustProxy, false);
    assert.equal(readSettings({ ...origins, CONSENT_LOG_TRUST_PROXY: 'false' }, []).trustProxy, false);
    assert.equal(readSettings({ ...origins, CONSENT_LOG_TRUST_PROXY: 'true' }, []).trustProxy, true);
    assert.equal(readSettings({ ...origins, CONSENT_LOG_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16, ::1, fd00::/8, loopback' }, []).trustProxy, '10.0.0.1, 10.1.0.0/16, ::1, fd00::/8, loopback');
    assert.deepEqual(settingsWarnings(readSettings({ ...origins, CONSENT_LOG_RETENTION_MONTHS: '12' }, [])), [
      'CONSENT_LOG_RETENTION_MONTHS is 12: a consent stays in force up to 13 months, so the proof of a consent still in force will be deleted',
    ]);
    assert.deepEqual(settingsWarnings(readSettings(origins, [])), []);
  });

  it('requires the writing origins outside development, and allows loopback origins in development', () => {
    assert.throws(() => readSettings({}, []), (error) => error instanceof SettingsError && /CONSENT_LOG_ORIGINS is required/.test(error.message));
    assert.equal(readSettings({ NODE_ENV: 'development' }, []).origins, 'loopback');
    assert.equal(readSettings({}, ['--development']).origins, 'loopback');
  });

  it('refuses each bad value with one message naming the setting', () => {
    const origins = { CONSENT_LOG_ORIGINS: 'https://shop.example' };
    for (const [env, argv, message] of [
      [{ CONSENT_LOG_ORIGINS: 'shop.example' }, [], /CONSENT_LOG_ORIGINS: "shop.example"/],
      [{ CONSENT_LOG_ORIGINS: 'https://shop.example/path' }, [], /scheme, host and port only/],
      [{ ...origins, PORT: 'eighty' }, [], /PORT must be a whole number/],
      [{ ...origins, CONSENT_LOG_RETENTION_MONTHS: '0' }, [], /CONSENT_LOG_RETENTION_MONTHS must be a whole number from 1/],
      [{ ...origins, CONSENT_LOG_IP: 'keep' }, [], /CONSENT_LOG_IP must be drop or truncate/],
      [{ ...origins, CONSENT_LOG_ADMIN_TOKEN: 'short' }, [], /at least 16 characters/],
      [{ ...origins, DATABASE_URL: 'mysql://x' }, [], /DATABASE_URL must be a postgres:\/\/ URL/],
      [origins, ['--no-such-flag'], /Unknown option/],
      // Fastify trusts no hop it cannot check: a hop count would take every visitor for the proxy.
      [{ ...origins, CONSENT_LOG_TRUST_PROXY: '1' }, [], /CONSENT_LOG_TRUST_PROXY: a hop count \("1"\) is not supported/],
      [{ ...origins, CONSENT_LOG_TRUST_PROXY: 'yes' }, [], /CONSENT_LOG_TRUST_PROXY: "yes" is not an address/],
      [{ ...origins, CONSENT_LOG_TRUST_PROXY: '10.0.0.1/99' }, [], /CONSENT_LOG_TRUST_PROXY: "10.0.0.1\/99" is not an address/],
      [{ ...origins, CONSENT_LOG_TRUST_PROXY: '10.0.0.1, 300.1.1.1' }, [], /CONSENT_LOG_TRUST_PROXY: "300.1.1.1" is not an address/],
    ]) {
      assert.throws(() => readSettings(env, argv), (error) => error instanceof SettingsError && message.test(error.message), JSON.stringify([env, argv]));
    }
  });
});

describe('what is kept of the visitor', () => {
  it('reduces a user agent to family, major version and device class', () => {
    assert.deepEqual(reduceUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1'), {
      browser: 'Safari', major: '17', device: 'mobile',
    });
    assert.deepEqual(reduceUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'), { browser: 'Firefox', major: '128', device: 'desktop' });
    assert.deepEqual(reduceUserAgent(undefined), { browser: null, major: null, device: null });
  });

  it('truncates addresses to their /24 or /48 network, and gives nothing for what is not an address', () => {
    assert.equal(truncateIp('203.0.113.77'), '203.0.113.0/24');
    assert.equal(truncateIp('::ffff:203.0.113.77'), '203.0.113.0/24');
    assert.equal(truncateIp('2001:db8::1'), '2001:db8:0::/48');
    assert.equal(truncateIp('2001:0db8:00a0:1:2:3:4:5'), '2001:db8:a0::/48');
    for (const bad of ['', 'localhost', '1.2.3', '2001:db8::1::2', 'x:y:z:1:2:3:4:5']) assert.equal(truncateIp(bad), null, bad);
  });
});

describe('the consent-manager-log command', () => {
  it('exits 2 with one clear line for a bad setting', () => {
    const result = spawnSync(process.execPath, [BIN], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^consent-manager-log: CONSENT_LOG_ORIGINS is required/);
    assert.ok(!result.stderr.includes('    at '), 'no stack trace');
  });

  it('prints its usage for --help and exits 0, whatever the settings', () => {
    const result = spawnSync(process.execPath, [BIN, '--help'], { env: { PATH: process.env.PATH }, encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: consent-manager-log/);
    assert.equal(result.stderr, '');
  });

  it('exits 1 with one clear line when the database refuses it, or the port is taken', { timeout: 180_000 }, async () => {
    const refused = spawnSync(process.execPath, [BIN], { env: { PATH: process.env.PATH, CONSENT_LOG_ORIGINS: 'https://shop.example', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, encoding: 'utf8' });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^consent-manager-log: did not start: the database at DATABASE_URL could not be used \(connect ECONNREFUSED/);
    assert.ok(!refused.stderr.includes('    at '), 'no stack trace');

    const taken = createServer();
    await new Promise((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const dataDir = await mkdtemp(join(tmpdir(), 'consent-log-cli-'));
    try {
      const port = String(taken.address().port);
      const child = spawn(process.execPath, [BIN], { env: { PATH: process.env.PATH, PORT: port, CONSENT_LOG_ORIGINS: 'https://shop.example', CONSENT_LOG_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const status = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(status, 1);
      assert.equal(stderr.trim(), `consent-manager-log: did not start: port ${port} on 127.0.0.1 is in use: set PORT (or --port) to a free one`);
    } finally {
      taken.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('starts on the embedded database in a data directory, takes a record, keeps it across a restart', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'consent-log-cli-'));
    const env = { PATH: process.env.PATH, PORT: '0', CONSENT_LOG_ORIGINS: 'https://shop.example', CONSENT_LOG_ADMIN_TOKEN: ADMIN_TOKEN, CONSENT_LOG_DATA_DIR: dataDir };
    const start = async () => {
      const child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      const address = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /listening on (http:\/\/[^\s]+)/.exec(output);
          if (match) resolve(match[1]);
        });
        child.stderr.on('data', (chunk) => (output += chunk));
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      return { child, address, output: () => output };
    };
    const stop = ({ child }) =>
      new Promise((resolve) => {
        child.once('exit', (code, signal) => resolve({ code, signal }));
        child.kill('SIGTERM');
      });
    try {
      const first = await start();
      assert.match(first.output(), /embedded PGlite/);
      const record = makeRecord();
      const posted = await fetch(`${first.address}/v1/records`, { method: 'POST', headers: { origin: 'https://shop.example', 'content-type': 'application/json' }, body: JSON.stringify(record) });
      assert.equal(posted.status, 202);
      assert.deepEqual(await stop(first), { code: 0, signal: null });
      const second = await start();
      const proof = await fetch(`${second.address}/v1/consents/${record.consentId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal((await proof.json()).records[0].recordId, record.recordId);
      await stop(second);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
