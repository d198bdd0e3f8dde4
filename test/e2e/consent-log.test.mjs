// Proof of consent end to end: the built element on a page under the strict Content Security
// Policy (connect-src naming the log), and the real consent log server (consent-log/, PGlite in
// a temporary folder) on another origin. Each record is looked up in the server's database
// through its admin API.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConsentLog, readSettings } from '../../consent-log/src/server.mjs';
import { hashNotice } from '../../lib/src/core/consent-log-record.js';
import { startStaticServer, STRICT_CSP } from '../../scripts/serve.mjs';
import { launchBrowser, openRecordedPage } from './helpers.mjs';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

let browser;
let site;
let siteFolder;
let dataDir;
let log;
let logPort;
let slowProxy;

/**
 * A slow network in front of the log: each request is held back a moment before it is passed
 * on, and dropped if the browser gave up on it meanwhile, as an ordinary request is given up when
 * its page is left. Only a keepalive request survives the page that sent it.
 */
function startSlowProxy() {
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      setTimeout(() => {
        if (request.socket.destroyed) return;
        const upstream = httpRequest(`http://127.0.0.1:${logPort}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
          response.writeHead(answer.statusCode, answer.headers);
          answer.pipe(response);
        });
        upstream.on('error', () => response.destroy());
        upstream.end(Buffer.concat(chunks));
      }, 500);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) })));
}

/** Starts the log on `port` (0: any free port), on the same database folder each time. */
async function startLog(port) {
  const settings = readSettings({}, ['--port', String(port), '--host', '127.0.0.1', '--origins', site.url, '--admin-token', ADMIN_TOKEN, '--data-dir', dataDir]);
  const { app } = await createConsentLog(settings, { jobs: false });
  const address = await app.listen({ port: settings.port, host: settings.host });
  logPort = Number(new URL(address).port);
  log = app;
  return `http://127.0.0.1:${logPort}`;
}

/** Every record the log holds for a consent id, oldest first, with the notices they reference. */
async function proof(consentId) {
  const response = await fetch(`http://127.0.0.1:${logPort}/v1/consents/${consentId}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (response.status === 404) return { records: [], notices: {} };
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function eventually(read, test, what) {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (test(value)) return value;
    if (Date.now() - started > 10_000) assert.fail(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function page(title, endpoint) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <link rel="icon" href="data:,">
    <title>${title}</title>
    <script type="module" src="/dist/consent-manager.js"></script>
  </head>
  <body>
    <h1>${title}</h1>
    <a id="next" href="/next.html?from=${title}">Next page</a>
    <a id="away" href="/plain.html">A page without the consent manager</a>
    <consent-manager>
      <script type="application/json">
        {
          "policyUrl": "/policy.html",
          "texts": { "bannerTitle": "Cookies at the e2e shop" },
          "categories": [{ "id": "necessary", "required": true }, { "id": "analytics" }, { "id": "marketing" }],
          "consentLog": { "endpoint": "${endpoint}" }
        }
      </script>
    </consent-manager>
  </body>
</html>`;
}

before(async () => {
  siteFolder = await mkdtemp(join(tmpdir(), 'consent-log-site-'));
  dataDir = await mkdtemp(join(tmpdir(), 'consent-log-data-'));
  // The log's origin is known only once it listens, and the page's CSP must name it.
  const logOrigins = [];
  site = await startStaticServer({ mounts: { '/': siteFolder, '/dist/': 'dist' }, csp: () => `${STRICT_CSP}; connect-src 'self' ${logOrigins.join(' ')}` });
  const logOrigin = await startLog(0);
  slowProxy = await startSlowProxy();
  logOrigins.push(logOrigin, slowProxy.origin);
  const endpoint = `${logOrigin}/v1/records`;
  await Promise.all([
    writeFile(join(siteFolder, 'index.html'), page('Home', endpoint)),
    writeFile(join(siteFolder, 'next.html'), page('Next', endpoint)),
    writeFile(join(siteFolder, 'slow.html'), page('Slow', `${slowProxy.origin}/v1/records`)),
    writeFile(join(siteFolder, 'plain.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain</title></head><body><h1>Plain</h1></body></html>'),
  ]);
  browser = await launchBrowser();
});

after(async () => {
  await Promise.all([browser?.close(), site?.close(), log?.close(), slowProxy?.close()]);
  await Promise.all([rm(siteFolder, { recursive: true, force: true }), rm(dataDir, { recursive: true, force: true })]);
});

/** The visitor's consent id, from the stored cookie. */
async function consentIdOf(context) {
  // None yet while a click on the first layer's banner waits for the element to adopt it.
  const cookie = (await context.cookies()).find(({ name }) => name === 'consent');
  return cookie && new URLSearchParams(decodeURIComponent(cookie.value)).get('id');
}

describe('the consent log, from a click in the browser to the database', () => {
  it('stores the record of a visitor who accepts, with the notice the visitor saw, under the strict CSP', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    await tab.goto(`${site.url}/index.html?campaign=spring#top`);
    await tab.locator('[part="accept-all"]').click();
    const consentId = await eventually(() => consentIdOf(context), Boolean, 'the stored choice');
    const { records, notices } = await eventually(() => proof(consentId), ({ records: found }) => found.length === 1, 'the record in the log');
    const [record] = records;
    assert.equal(record.action, 'given');
    assert.equal(record.method, 'banner');
    assert.deepEqual(record.granted, ['necessary', 'analytics', 'marketing']);
    assert.equal(record.url, `${site.url}/index.html`);
    const notice = notices[record.noticeHash ?? record.notice?.hash];
    assert.ok(notice, `the notice is stored: ${JSON.stringify({ record, notices })}`);
    assert.equal(notice.content.texts.bannerTitle, 'Cookies at the e2e shop');
    assert.equal(notice.content.policyUrl, `${site.url}/policy.html`);
    assert.equal(await hashNotice(notice.content), record.noticeHash ?? record.notice?.hash);
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('delivers a record made while the log was down, exactly once, on the next page once it is back', async () => {
    const context = await browser.newContext();
    const { page: tab } = await openRecordedPage(context);
    await tab.goto(`${site.url}/index.html`);
    await tab.locator('[part="banner"]').waitFor();
    const port = logPort;
    await log.close();
    await tab.locator('[part="reject-all"]').click();
    const consentId = await eventually(() => consentIdOf(context), Boolean, 'the stored choice');
    // The failed attempt leaves the record queued in the browser.
    await eventually(() => tab.evaluate(() => localStorage.getItem('consent.log-queue')), Boolean, 'the queued record');
    await startLog(port);
    await tab.goto(`${site.url}/next.html`);
    const { records } = await eventually(() => proof(consentId), ({ records: found }) => found.length >= 1, 'the queued record in the log');
    assert.equal(records.length, 1);
    assert.equal(records[0].action, 'given');
    assert.deepEqual(records[0].denied, ['analytics', 'marketing']);
    await eventually(() => tab.evaluate(() => localStorage.getItem('consent.log-queue')), (value) => value === null, 'the queue to empty');
    // Another page load sends nothing more.
    await tab.goto(`${site.url}/index.html`);
    await tab.locator('h1').waitFor();
    assert.equal((await proof(consentId)).records.length, 1);
    await context.close();
  });

  it('delivers the record of a click followed at once by a navigation to a page without the element', async () => {
    const context = await browser.newContext();
    const { page: tab } = await openRecordedPage(context);
    await tab.goto(`${site.url}/slow.html`);
    await tab.locator('[part="accept-all"]').waitFor();
    // Until the element has adopted the first layer's banner, a click is kept for it and made once
    // it has (test/ui/first-layer.test.ts): a page left before then records nothing.
    await tab.waitForFunction(() => customElements.get('consent-manager') && document.querySelector('consent-manager').shadowRoot.adoptedStyleSheets.length >= 3);
    // Both clicks in one task of the page: the navigation starts before any log request could,
    // and the next page has no element to send a queued record: only keepalive can deliver it.
    await tab.evaluate(() => {
      document.querySelector('consent-manager').shadowRoot.querySelector('[part="accept-all"]').click();
      document.getElementById('away').click();
    });
    await tab.waitForURL(/plain\.html/);
    const consentId = await eventually(() => consentIdOf(context), Boolean, 'the stored choice');
    const { records } = await eventually(() => proof(consentId), ({ records: found }) => found.length >= 1, 'the record in the log');
    assert.equal(records.length, 1);
    assert.equal(records[0].action, 'given');
    await context.close();
  });

  it("still shows the banner when the log's chunk cannot load, says so once, and stores the choice", async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    // A deploy that removed the chunk, or a network that drops it: the banner waits for the log only while it loads.
    let refused = 0;
    await tab.route(/\/dist\/chunks\/consent-log-[^/]*\.js$/, (route) => {
      refused += 1;
      return route.fulfill({ status: 503, body: 'unavailable' });
    });
    await tab.goto(`${site.url}/index.html`);
    await tab.locator('[part="reject-all"]').click();
    await eventually(() => consentIdOf(context), Boolean, 'the stored choice');
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').decided), true);
    await eventually(() => problems.errors.filter((text) => text.startsWith('consent-manager:')), (found) => found.length > 0, 'the error');
    // The decision tried the chunk again; once that second failure is in, its report (if any) follows within moments.
    await eventually(() => refused, (count) => count >= 2, 'the decision to try the chunk again');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ours = problems.errors.filter((text) => text.startsWith('consent-manager:'));
    assert.equal(ours.length, 1, ours.join('\n'));
    assert.match(ours[0], /consent log client could not be loaded, so choices made on this page are stored but not logged/);
    await context.close();
  });

  it('does not load the log client on a page that only applies a stored choice', async () => {
    const context = await browser.newContext();
    const { page: tab } = await openRecordedPage(context);
    await tab.goto(`${site.url}/index.html`);
    await tab.locator('[part="accept-all"]').click();
    const consentId = await eventually(() => consentIdOf(context), Boolean, 'the stored choice');
    await eventually(() => proof(consentId), ({ records: found }) => found.length === 1, 'the record in the log');
    await eventually(() => tab.evaluate(() => localStorage.getItem('consent.log-queue')), (value) => value === null, 'the queue to empty');
    const requested = [];
    tab.on('request', (request) => requested.push(request.url()));
    await tab.goto(`${site.url}/next.html`);
    await tab.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    assert.ok(requested.some((url) => url.endsWith('/dist/consent-manager.js')));
    assert.deepEqual(requested.filter((url) => /consent-log|v1\/records/.test(url)), []);
    assert.equal((await proof(consentId)).records.length, 1);
    await context.close();
  });
});
