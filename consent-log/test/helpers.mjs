// Shared set-up for the consent log's tests: the databases to run against (PGlite in memory
// always; PostgreSQL when DATABASE_URL names a server, in a throwaway database per suite), a
// log server around one, and realistic records.
import { randomBytes } from 'node:crypto';
import { hashNotice } from 'consent-manager-element/core';
import { openDatabase } from '../src/database.mjs';
import { createConsentLog } from '../src/server.mjs';
import { readSettings } from '../src/settings.mjs';

export const ORIGIN = 'https://shop.example';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };
export const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The PostgreSQL server the tests may create databases on, if any. */
export const POSTGRES_URL = process.env.CONSENT_LOG_TEST_DATABASE_URL || process.env.DATABASE_URL || '';

/**
 * The databases every storage test runs against. Each `open()` gives a fresh, empty database and
 * a `drop()` that removes it.
 * @returns {{ name: string, skip: string | false, open: () => Promise<{ db: import('../src/database.mjs').Database, url?: string, drop: () => Promise<void> }> }[]}
 */
export function backends() {
  return [
    {
      name: 'PGlite',
      skip: false,
      async open() {
        const db = await openDatabase({ dataDir: 'memory://' });
        return { db, drop: () => db.close() };
      },
    },
    {
      name: 'PostgreSQL',
      skip: POSTGRES_URL ? false : 'set DATABASE_URL to a PostgreSQL server (a role that may create databases) to run these',
      async open() {
        const name = `consentlog_test_${randomBytes(6).toString('hex')}`;
        const admin = await openDatabase({ url: POSTGRES_URL, poolSize: 1 });
        await admin.exec(`CREATE DATABASE ${name}`);
        const url = new URL(POSTGRES_URL);
        url.pathname = `/${name}`;
        const db = await openDatabase({ url: url.href, poolSize: 8 });
        return {
          db,
          url: url.href,
          async drop() {
            await db.close();
            await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            await admin.close();
          },
        };
      },
    },
  ];
}

let shared;
/**
 * One in-memory PGlite for the suites of a file that need only a few records of their own:
 * starting PGlite (WebAssembly) takes seconds on a busy machine.
 */
export function sharedPglite() {
  shared ??= openDatabase({ dataDir: 'memory://' });
  return shared;
}

/** Closes the shared PGlite, if a suite opened it. */
export async function closeSharedPglite() {
  if (shared) await (await shared).close();
  shared = undefined;
}

/**
 * A log server on `db`, not listening (tests use `app.inject`), with a clock the test moves.
 * @param {import('../src/database.mjs').Database} db
 */
export async function startLog(db, { env = {}, now = Date.parse('2026-03-10T12:00:00Z'), jobs = false, maxQueued = undefined } = {}) {
  const clock = { now };
  const settings = readSettings({ CONSENT_LOG_ORIGINS: ORIGIN, CONSENT_LOG_ADMIN_TOKEN: ADMIN_TOKEN, ...env }, []);
  const log = await createConsentLog(settings, { db, clock: () => clock.now, jobs, maxQueued });
  return { ...log, clock, settings };
}

export const NOTICE = {
  language: 'en',
  texts: { bannerTitle: 'We use cookies', bannerDescription: 'Analytics helps us improve the shop; marketing pays for it.', policyLink: 'Cookie policy' },
  categories: [
    { id: 'necessary', required: true, label: 'Necessary', description: 'Sign-in, basket and this choice.' },
    { id: 'analytics', required: false, label: 'Analytics', description: 'Counting visits, anonymously.' },
    { id: 'marketing', required: false, label: 'Marketing', description: 'Ads on other sites.' },
  ],
  policyUrl: 'https://shop.example/cookies',
};
export const NOTICE_HASH = await hashNotice(NOTICE);

/** A random id as the client makes them. */
export function randomId(bytes = 16) {
  return randomBytes(bytes).toString('base64url');
}

/** A valid record, as the element sends it, with `overrides`. */
export function makeRecord(overrides = {}) {
  return {
    recordId: randomId(),
    consentId: randomId(),
    action: 'given',
    granted: ['necessary', 'analytics'],
    denied: ['marketing'],
    method: 'banner',
    revision: 1,
    language: 'en',
    gpc: false,
    givenAt: 1_773_144_000,
    changedAt: 1_773_144_000,
    url: 'https://shop.example/products/teapot',
    notice: { hash: NOTICE_HASH, content: NOTICE },
    component: { name: 'consent-manager-element', version: '0.1.0' },
    ...overrides,
  };
}

/** POSTs a body to /v1/records from the allowed origin (or `headers` given). */
export function post(app, payload, headers = {}) {
  return app.inject({ method: 'POST', url: '/v1/records', headers: { origin: ORIGIN, 'user-agent': CHROME_UA, ...headers }, payload });
}

/** A fingerprint of everything the log stores: equal fingerprints, equal contents. */
export async function snapshot(db) {
  const tables = ['consent_records', 'consent_record_ids', 'consent_notices', 'consent_seals'];
  const parts = [];
  for (const table of tables) {
    const { rows } = await db.query(`SELECT count(*)::int AS count, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`);
    parts.push(`${table}:${rows[0].count}:${rows[0].digest}`);
  }
  return parts.join(' ');
}

/** Number of rows in a table. */
export async function count(db, table, where = 'true', params = []) {
  return (await db.query(`SELECT count(*)::int AS count FROM ${table} WHERE ${where}`, params)).rows[0].count;
}
