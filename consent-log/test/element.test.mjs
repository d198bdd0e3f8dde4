// The element and the log together, in Chromium: a visitor's choice reaches the database with
// the notice they saw, survives the log being down, and survives navigating away at once.
// Runs once the element has a consent log client (the `consentLog` config), and says so if not.
/* global document -- used inside functions the browser runs (page.evaluate) */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hashNotice } from 'consent-manager-element/core';
import { startStaticServer, STRICT_CSP } from '../../scripts/serve.mjs';
import { launchBrowser, openRecordedPage } from '../../test/e2e/helpers.mjs';
import { closeSharedPglite, sharedPglite, startLog } from './helpers.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const bundle = await readFile(join(DIST, 'consent-manager.js'), 'utf8').catch(() => '');
const hasClient = /consentLog/.test(bundle) || (await readFile(join(DIST, '..', 'lib', 'src', 'core', 'config.js'), 'utf8').catch(() => '')).includes('consentLog');

describe('the element logging to the consent log', { skip: hasClient ? false : 'the built element has no consentLog client yet (npm run build)' }, () => {
  let db;
  let log;
  let logUrl;
  let site;
  let pages;
  let browser;

  /** Starts (or restarts, on the same port and database) the log server for the test site's origin. */
  async function startLogServer(port = 0) {
    log = await startLog(db, { env: { CONSENT_LOG_ORIGINS: site.url } });
    log.clock.now = Date.now();
    setInterval(() => (log.clock.now = Date.now()), 200).unref();
    logUrl = (await log.app.listen({ host: '127.0.0.1', port })).replace(/\/$/, '');
  }

  async function records(where = 'true', params = []) {
    return (await db.query(`SELECT record_id, consent_id, action, granted, denied, method, url, notice_hash, origin FROM consent_records WHERE ${where}`, params)).rows;
  }

  async function waitFor(check, what) {
    for (let attempt = 0; attempt < 150; attempt++) {
      const value = await check();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`timed out waiting for ${what}`);
  }

  before(async () => {
    db = await sharedPglite();
    pages = await mkdtemp(join(tmpdir(), 'consent-log-pages-'));
    // The strict policy, plus the log's origin for connect-src (the port is known once it listens).
    let connect = '';
    site = await startStaticServer({ mounts: { '/dist/': DIST, '/': pages }, csp: () => `${STRICT_CSP}; connect-src 'self' ${connect}` });
    site.url = site.url.replace(/\/$/, '');
    await startLogServer();
    connect = logUrl;
    const page = (title) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
<script type="module" src="/dist/consent-manager.js"></script></head><body><h1>${title}</h1><a id="next" href="/next.html">next</a>
<consent-manager><script type="application/json">${JSON.stringify({
      policyUrl: '/privacy',
      categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }],
      consentLog: { endpoint: `${logUrl}/v1/records` },
    })}</script></consent-manager></body></html>`;
    await writeFile(join(pages, 'index.html'), page('Shop'));
    await writeFile(join(pages, 'next.html'), page('Next page'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await log?.app.close();
    await site?.close?.();
    await closeSharedPglite();
    if (pages) await rm(pages, { recursive: true, force: true });
  });

  it('stores the choice a visitor makes in the banner, with the notice they saw', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    await page.goto(`${site.url}/index.html`);
    await page.locator('[part="accept-all"]').click();
    // A click on the first layer's banner before the element runs is made once it does.
    const consentId = await page.evaluate(() => document.defaultView.customElements.whenDefined('consent-manager').then(async () => {
      const element = document.querySelector('consent-manager');
      while (!element.decided) await new Promise((resolve) => setTimeout(resolve, 20));
      return element.record?.id;
    }));
    const [row] = await waitFor(async () => {
      const rows = await records(`origin = $1 AND action = 'given'`, [site.url]);
      return rows.length > 0 && rows;
    }, 'the record');
    assert.equal(row.consent_id, consentId, 'the record carries the consent id the visitor can see');
    assert.deepEqual([row.granted, row.denied, row.method, row.url], [['necessary', 'analytics', 'marketing'], [], 'banner', `${site.url}/index.html`]);
    const notice = (await db.query('SELECT content FROM consent_notices WHERE hash = $1', [row.notice_hash])).rows[0];
    assert.ok(notice, 'the notice content is stored');
    assert.equal(await hashNotice(notice.content), row.notice_hash);
    assert.deepEqual(notice.content.categories.map((category) => category.id), ['necessary', 'analytics', 'marketing']);
    assert.deepEqual(problems.violations, []);
    await context.close();
  });

  it('keeps a choice made while the log is down, and delivers it once on the next page', async () => {
    const context = await browser.newContext();
    const { page } = await openRecordedPage(context);
    await page.goto(`${site.url}/index.html`);
    const port = Number(new URL(logUrl).port);
    await log.app.close();
    await page.locator('[part="reject-all"]').click();
    // The failed request leaves the record queued in localStorage.
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => /queue/i.test(key) && /"records":\[\{/.test(localStorage.getItem(key) ?? '')));
    await startLogServer(port);
    await page.goto(`${site.url}/next.html`);
    const rows = await waitFor(async () => {
      const found = await records(`origin = $1 AND granted = '{necessary}'`, [site.url]);
      return found.length > 0 && found;
    }, 'the queued record');
    await page.reload();
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal((await records('record_id = $1', [rows[0].record_id])).length, 1, 'stored once');
    await context.close();
  });

  it('delivers the record when the visitor navigates away right after the click', async () => {
    const context = await browser.newContext();
    const { page } = await openRecordedPage(context);
    await page.goto(`${site.url}/index.html`);
    const before = (await records(`origin = $1`, [site.url])).length;
    // Once the element has adopted the first layer's banner: a click before then waits for it,
    // and a page left in that moment records nothing (README, "Where the script tag goes").
    await page.waitForFunction(() => document.defaultView.customElements.get('consent-manager') && document.querySelector('consent-manager').shadowRoot.adoptedStyleSheets.length >= 3);
    await page.locator('[part="accept-all"]').click({ noWaitAfter: true });
    await page.goto('about:blank');
    await waitFor(async () => (await records(`origin = $1`, [site.url])).length > before, 'the record sent as the page closed');
    await context.close();
  });
});
