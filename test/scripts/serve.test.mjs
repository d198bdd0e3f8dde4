// `npm start`'s server, run as that command runs it: `node scripts/serve.mjs` on the PORT it is
// given, serving the demo and the built bundle (scripts/test.mjs builds dist/ first).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEMO_CONSENT_LOG, DEMO_CSP } from '../../scripts/serve.mjs';

let server;
let port;
let resolveLog;
let rejectLog;
/** The consent log's URL, once the server announces it (it starts after the demo: PGlite takes a few seconds). */
const logAnnounced = new Promise((resolve, reject) => {
  resolveLog = resolve;
  rejectLog = reject;
});
// Without a catch until the test awaits it, a rejection before then would end the run.
logAnnounced.catch(() => undefined);
let baseUrl;

/** A port nothing listens on now: the system picks it, and it is given back at once. */
async function freePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port: free } = probe.address();
  probe.close();
  await once(probe, 'close');
  return free;
}

/** Resolves with the URL the server says it runs at; rejects if it exits or stays silent. */
function announcedUrl(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no announcement within 10 s: ${output}`)), 10_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      output += text;
      const logFailure = /The consent log did not start.*/.exec(output)?.[0];
      if (logFailure) rejectLog(new Error(logFailure));
    });
    child.stdout.on('data', (text) => {
      output += text;
      const logUrl = /Consent log taking records at (\S+)\/v1\/records/.exec(output)?.[1];
      if (logUrl) resolveLog(logUrl);
      const logFailure = /The consent log did not start.*/.exec(output)?.[0];
      if (logFailure) rejectLog(new Error(logFailure));
      const url = /Demo running at (\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rejectLog(new Error(`the server exited with ${code} before the consent log started: ${output}`));
      reject(new Error(`the server exited with ${code}: ${output}`));
    });
  });
}

before(async () => {
  port = await freePort();
  // The consent log beside the demo: on a free port and in memory, as tests run side by side.
  const env = { ...process.env, PORT: String(port), CONSENT_LOG_PORT: '0', CONSENT_LOG_DATA_DIR: 'memory://' };
  delete env.HOST;
  // `npm start`'s own default, the embedded database: a DATABASE_URL that CI exports for the consent
  // log's suites would otherwise win over CONSENT_LOG_DATA_DIR.
  delete env.DATABASE_URL;
  server = spawn(process.execPath, ['scripts/serve.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  baseUrl = await announcedUrl(server);
});

after(async () => {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill();
  await exited;
});

describe('node scripts/serve.mjs', () => {
  it('listens on PORT', () => {
    assert.equal(new URL(baseUrl).port, String(port));
  });

  it('serves the demo page at /, under the demo policy', async () => {
    // Once the log has started, the policy names it where it listens (see the last test).
    const logOrigin = `http://localhost:${new URL(await logAnnounced).port}`;
    const response = await fetch(`${baseUrl}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/html\b/);
    assert.equal(response.headers.get('content-security-policy'), DEMO_CSP.replace(DEMO_CONSENT_LOG, logOrigin));
    const page = await response.text();
    assert.equal(page, await readFile('demo/index.html', 'utf8'));
    assert.match(page, /<consent-manager[\s>]/);
  });

  it('serves the built bundle at /dist/consent-manager.js', async () => {
    const response = await fetch(`${baseUrl}/dist/consent-manager.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/javascript\b/);
    assert.equal(await response.text(), await readFile('dist/consent-manager.js', 'utf8'));
  });

  it('starts the consent log beside the demo, taking records from the demo origin only', async () => {
    const logUrl = await Promise.race([
      logAnnounced,
      new Promise((resolve, reject) => setTimeout(() => reject(new Error('the consent log did not announce itself within 2 minutes')), 120_000).unref()),
    ]);
    assert.equal((await fetch(`${logUrl}/healthz`)).status, 200);
    const demoOrigin = new URL(baseUrl).origin;
    const preflight = { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } };
    const allowed = await fetch(`${logUrl}/v1/records`, { ...preflight, headers: { ...preflight.headers, origin: demoOrigin } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), demoOrigin);
    const other = await fetch(`${logUrl}/v1/records`, { method: 'POST', headers: { origin: 'http://localhost:1', 'content-type': 'application/json' }, body: '{}' });
    assert.equal(other.status, 403);
  });

  it('points the demo at the consent log where CONSENT_LOG_PORT put it: its config and its policy', async () => {
    const logUrl = await logAnnounced;
    const logOrigin = `http://localhost:${new URL(logUrl).port}`;
    // The test moved the log off its default port (CONSENT_LOG_PORT=0), so the default must be gone.
    assert.notEqual(logOrigin, DEMO_CONSENT_LOG);
    const config = await (await fetch(`${baseUrl}/config.js`)).text();
    assert.match(config, new RegExp(`endpoint: '${logOrigin}/v1/records'`));
    assert.ok(!config.includes(DEMO_CONSENT_LOG), 'the config still names the default port');
    const page = await fetch(`${baseUrl}/`);
    const connectSources = /connect-src ([^;]*)/.exec(page.headers.get('content-security-policy'))?.[1].split(' ');
    assert.ok(connectSources?.includes(logOrigin), `connect-src is ${connectSources}`);
    assert.ok(!connectSources?.includes(DEMO_CONSENT_LOG));
  });
});
