// `npm run bench:log`: the consent log under load on the loopback. The server runs as its own
// process (the `consent-manager-log` command), on PGlite in a temporary directory and on
// PostgreSQL when DATABASE_URL names a server (in a throwaway database); autocannon posts
// realistic single records, one per request as the element sends them, for a bounded time and
// count. It reports sustained records per second and p50/p99 latency, checks that every
// acknowledged record is stored, and writes the table to BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { hashNotice } from '../lib/src/core/index.js';

const DURATION_S = Number(process.env.BENCH_LOG_SECONDS ?? 15);
const MAX_REQUESTS = Number(process.env.BENCH_LOG_MAX_REQUESTS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_LOG_CONNECTIONS ?? 32);
/** Requests a second across all connections (autocannon's overallRate); unset, each connection sends as fast as it is answered. */
const RATE = process.env.BENCH_LOG_RATE ? Number(process.env.BENCH_LOG_RATE) : undefined;
const ORIGIN = 'https://bench.example';
const TOKEN = randomBytes(18).toString('base64url');
const TARGET = { recordsPerSecond: 2000, p99Ms: 50 };
/** A directory for a CPU profile of each server run (`node --cpu-prof`), to see where its time goes. */
const PROFILE_DIR = process.env.BENCH_LOG_PROFILE;
/** `postgresql` measures PostgreSQL only (quicker while tuning); the table then has no PGlite row. */
const ONLY = process.env.BENCH_LOG_ONLY;

const LANGUAGES = [['en', 0.55], ['de', 0.2], ['fr', 0.15], ['pt-BR', 0.1]];
const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
];
const PAGES = ['/', '/products/teapot', '/products/kettle', '/blog/brewing-guide', '/checkout', '/account/privacy'];

/** The notice of each language, as the element renders it: the texts and the categories. */
const notices = Object.fromEntries(
  await Promise.all(
    LANGUAGES.map(async ([language]) => {
      const content = {
        language,
        texts: { bannerTitle: `Cookies (${language})`, bannerDescription: 'We use cookies for analytics and marketing. You choose which.', acceptAll: 'Accept all', rejectAll: 'Reject all', preferences: 'Preferences' },
        categories: [
          { id: 'necessary', required: true, label: 'Necessary', description: 'Sign-in, basket and this choice.' },
          { id: 'analytics', required: false, label: 'Analytics', description: 'Counting visits and pages.' },
          { id: 'marketing', required: false, label: 'Marketing', description: 'Ads and their measurement.' },
          { id: 'preferences', required: false, label: 'Preferences', description: 'Remembering your settings.' },
        ],
        policyUrl: 'https://bench.example/privacy',
      };
      return [language, { content, hash: await hashNotice(content) }];
    }),
  ),
);

function pick(weighted) {
  let roll = Math.random();
  for (const [value, weight] of weighted) if ((roll -= weight) <= 0) return value;
  return weighted[0][0];
}

/** A decision as visitors make them: mostly accept all, then reject all, then a custom choice. */
function realisticRecord() {
  const language = pick(LANGUAGES);
  const optional = ['analytics', 'marketing', 'preferences'];
  const choice = pick([['accept', 0.6], ['reject', 0.3], ['custom', 0.1]]);
  const granted = ['necessary', ...(choice === 'accept' ? optional : choice === 'custom' ? optional.filter(() => Math.random() < 0.5) : [])];
  const now = Math.floor(Date.now() / 1000);
  const notice = notices[language];
  return {
    recordId: randomBytes(16).toString('base64url'),
    consentId: randomBytes(16).toString('base64url'),
    action: Math.random() < 0.85 ? 'given' : 'changed',
    granted,
    denied: optional.filter((id) => !granted.includes(id)),
    method: pick([['banner', 0.85], ['preferences', 0.12], ['placeholder', 0.03]]),
    revision: 3,
    language,
    gpc: Math.random() < 0.05,
    givenAt: now,
    changedAt: now,
    url: `https://bench.example${PAGES[Math.floor(Math.random() * PAGES.length)]}`,
    // A browser sends the notice's content the first time it sends its hash: about 1 in 20 here.
    notice: Math.random() < 0.05 ? { hash: notice.hash, content: notice.content } : { hash: notice.hash },
    component: { name: 'consent-manager-element', version: '0.1.0' },
  };
}

async function startServer(env) {
  const child = spawn(process.execPath, [...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []), 'consent-log/bin/consent-manager-log.mjs'], {
    env: { PATH: process.env.PATH, PORT: '0', CONSENT_LOG_ORIGINS: ORIGIN, CONSENT_LOG_ADMIN_TOKEN: TOKEN, CONSENT_LOG_RATE_LIMIT: '10000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+) \(/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the log server exited with ${code}: ${output}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

/** The server process's CPU seconds and its database batches so far, from its own /metrics. */
async function serverCounters(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { cpuSeconds: value('process_cpu_seconds_total'), batches: value('consent_log_batch_records_count'), batchedRecords: value('consent_log_batch_records_sum') };
}

async function storedToday(url) {
  const today = new Date().toISOString().slice(0, 10);
  const stats = await (await fetch(`${url}/v1/stats?from=${today}&to=${today}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
  return stats.days.reduce((sum, day) => sum + day.records, 0);
}

/** @param {number} amount @returns {string[]} */
function makeBodies(amount) {
  return Array.from({ length: amount }, () => JSON.stringify(realisticRecord()));
}

const HEADERS = USER_AGENTS.map((agent) => ({ origin: ORIGIN, 'content-type': 'application/json', 'user-agent': agent }));

/**
 * Posts for `seconds`, stopping early after `amount` responses (autocannon's own `amount` would ignore the time).
 * Every request carries a new record; they are made before the run, so that making them takes no CPU from it.
 */
function load(url, seconds, amount, bodies = makeBodies(amount)) {
  let sent = 0;
  const instance = autocannon({
    url: `${url}/v1/records`,
    connections: CONNECTIONS,
    ...(RATE ? { overallRate: RATE } : {}),
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest(request) {
          // Requests in flight when the run stops may go past `amount`: those get a record made now.
          let body;
          if (sent < bodies.length) {
            body = bodies[sent];
            bodies[sent] = '';
          } else {
            body = JSON.stringify(realisticRecord());
          }
          sent++;
          return { ...request, headers: HEADERS[Math.floor(Math.random() * HEADERS.length)], body };
        },
      },
    ],
  });
  let responses = 0;
  instance.on('response', () => {
    if (++responses === amount) instance.stop();
  });
  return instance;
}

/** CPU seconds of a process so far, from /proc (Linux; NaN elsewhere or once it has exited). @param {number} pid */
async function processCpuSeconds(pid) {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * The CPU seconds the PostgreSQL backends serving `database` have spent so far (its background
 * writers are not included), by backend pid.
 * @param {pg.Client} admin @param {string} database
 */
async function backendCpuSeconds(admin, database) {
  const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  return new Map(await Promise.all(rows.map(async ({ pid }) => [pid, await processCpuSeconds(pid)])));
}

/** @param {Map<number, number>} before @param {Map<number, number>} after */
function cpuSpentBetween(before, after) {
  let total = 0;
  for (const [pid, seconds] of after) if (Number.isFinite(seconds)) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/**
 * @param {string} name @param {Record<string, string>} env
 * @param {() => Promise<Map<number, number>>} [databaseCpu] CPU seconds of the database's processes, by pid
 */
/** @param {number} seconds @param {number} records @returns {number | null} */
function perRecordMs(seconds, records) {
  return Number.isFinite(seconds) ? Math.round((seconds * 1000 * 100) / Math.max(1, records)) / 100 : null;
}

async function bench(name, env, databaseCpu) {
  const server = await startServer(env);
  try {
    await load(server.url, 2, 2000);
    const before = await storedToday(server.url);
    const countersBefore = await serverCounters(server.url);
    const databaseBefore = databaseCpu ? await databaseCpu() : null;
    const bodies = makeBodies(MAX_REQUESTS);
    const loadCpuBefore = process.cpuUsage();
    const result = await load(server.url, DURATION_S, MAX_REQUESTS, bodies);
    const loadCpu = process.cpuUsage(loadCpuBefore);
    const countersAfter = await serverCounters(server.url);
    const cpuSeconds = countersAfter.cpuSeconds - countersBefore.cpuSeconds;
    const databaseSeconds = databaseBefore ? cpuSpentBetween(databaseBefore, await databaseCpu()) : NaN;
    const stored = (await storedToday(server.url)) - before;
    const acknowledged = result['2xx'];
    const row = {
      name,
      requests: result.requests.total,
      acknowledged,
      stored,
      non2xx: result.non2xx + result.errors + result.timeouts,
      recordsPerSecond: Math.round(acknowledged / (result.duration || DURATION_S)),
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      // CPU the log server itself spent per record (the database's own CPU is not included).
      cpuMsPerRecord: perRecordMs(cpuSeconds, stored),
      // The database backends' CPU (PostgreSQL only; PGlite's is inside the log server's).
      databaseCpuMsPerRecord: perRecordMs(databaseSeconds, stored),
      // autocannon and the records it builds run in this process: a core they take is not the server's.
      recordsPerBatch: Math.round((countersAfter.batchedRecords - countersBefore.batchedRecords) / Math.max(1, countersAfter.batches - countersBefore.batches)),
      loadGeneratorCores: Math.round(((loadCpu.user + loadCpu.system) / 1e6 / (result.duration || DURATION_S)) * 100) / 100,
    };
    console.log(
      `${name}: ${row.recordsPerSecond} records/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.non2xx} errors; ${acknowledged} acknowledged, ${stored} stored; ` +
        `${row.recordsPerBatch} records a batch; CPU a record: server ${row.cpuMsPerRecord} ms, database ${row.databaseCpuMsPerRecord ?? '-'} ms; load generator ${row.loadGeneratorCores} cores`,
    );
    return row;
  } finally {
    await server.stop();
  }
}

const loadBefore = loadavg()[0];
const rows = [];
if (ONLY !== 'postgresql') {
  const dataDir = await mkdtemp(join(tmpdir(), 'consent-log-bench-'));
  try {
    rows.push(await bench('PGlite (embedded, one process)', { CONSENT_LOG_DATA_DIR: dataDir }));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const postgresUrl = process.env.DATABASE_URL;

if (postgresUrl) {
  const name = `consentlog_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  const postgresVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    rows.push(await bench(`PostgreSQL ${postgresVersion} (same machine)`, { DATABASE_URL: url.href }, () => backendCpuSeconds(admin, name)));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log('DATABASE_URL is not set: PostgreSQL is not measured.');
}

const postgres = rows.find((row) => row.name.startsWith('PostgreSQL'));
const verdict = postgres
  ? `${postgres.recordsPerSecond >= TARGET.recordsPerSecond && postgres.p99 < TARGET.p99Ms ? 'met' : 'MISSED'}: with PostgreSQL, at least ${TARGET.recordsPerSecond} records/s with p99 under ${TARGET.p99Ms} ms (${postgres.recordsPerSecond} records/s, p99 ${postgres.p99} ms)`
  : 'not measured: PostgreSQL (set DATABASE_URL)';
// Requests cut off when the run stops may be stored without their answer being counted: more stored is fine, fewer is a loss.
const lost = rows.filter((row) => row.stored < row.acknowledged);
const section = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}.`,
  `autocannon on 127.0.0.1: ${CONNECTIONS} connections${RATE ? ` sending ${RATE} requests a second in all` : ', each sending its next request when answered'}, ${DURATION_S} s (at most ${MAX_REQUESTS} requests) after a 2 s warm-up; one realistic record per request (4 languages, 60% accept all, 30% reject all, 10% custom, 1 in 20 with its notice's content). Server, database and load generator share the machine; its 1-minute load average was ${loadBefore.toFixed(1)} before the run and ${loadavg()[0].toFixed(1)} after (other work on the machine takes cores from the run).`,
  '',
  '| database | records/s (sustained) | p50 (ms) | p99 (ms) | max (ms) | errors | acknowledged | stored | records per batch | CPU per record: log server (ms) | CPU per record: PostgreSQL backends (ms) | load generator (cores) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (row) =>
      `| ${row.name} | ${row.recordsPerSecond} | ${row.p50} | ${row.p99} | ${row.max} | ${row.non2xx} | ${row.acknowledged} | ${row.stored} | ${row.recordsPerBatch} | ${row.cpuMsPerRecord} | ${row.databaseCpuMsPerRecord ?? '-'} | ${row.loadGeneratorCores} |`,
  ),
  '',
  'Targets:',
  `- ${verdict}`,
  `- ${lost.length === 0 ? 'met' : 'MISSED'}: every acknowledged record is stored${lost.length ? ` (${lost.map((row) => row.name).join(', ')})` : ''}`,
].join('\n');

const START = '<!-- bench:log:start (written by npm run bench:log; edit outside these markers) -->';
const END = '<!-- bench:log:end -->';
let markdown = await readFile('BENCHMARKS.md', 'utf8');
if (!markdown.includes(START)) markdown = `${markdown.trimEnd()}\n\n## Consent log\n\n\`npm run bench:log\` measures the consent log server (\`consent-log/\`); see \`scripts/bench-log.mjs\`.\n\n${START}\n${END}\n`;
markdown = markdown.replace(new RegExp(`${START.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?${END}`), `${START}\n${section}\n${END}`);
await writeFile('BENCHMARKS.md', markdown);
console.log(section);
