// The back/forward cache: a page with the element stays eligible for it, and a page restored from
// it shows the choice as it is now, not as it was when the visitor left. Playwright turns the
// cache off by default; it is turned back on here, and pages are served `no-cache` (not
// `no-store`, which keeps a page out of it). Chromium only: playwright-core drives no other
// engine here, and web-test-runner's pages cannot navigate away.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { renderConsentManager } from 'consent-manager-element/core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { startStaticServer, STRICT_CSP } from '../../scripts/serve.mjs';
import { encodeRecord } from '../../lib/src/core/record.js';

let browser;
let server;
let site;

/**
 * A server-rendered page as the README's Express recipe serves it (`private, no-cache`, which the
 * cache allows): the inline first layer under a fresh nonce, rendered from the request's cookie;
 * and the built bundle under /dist/.
 */
function startServedSite() {
  const config = { categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };
  const http = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (/^\/dist\/[\w-]+(\/[\w.-]+)?\.js$/.test(pathname)) {
      readFile(pathname.slice(1)).then(
        (body) => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(body),
        () => response.writeHead(404).end(),
      );
      return;
    }
    if (pathname !== '/served') return response.writeHead(404).end();
    const nonce = randomBytes(16).toString('base64');
    const element = renderConsentManager({ config, cookieHeader: request.headers.cookie, inline: { bundle: '/dist/consent-manager.js', nonce } });
    const policy = STRICT_CSP.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`).replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy, 'Cache-Control': 'private, no-cache', Vary: 'Cookie' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Shop</title></head><body><h1>Shop</h1>${element}</body></html>`);
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${http.address().port}`, close: () => new Promise((done) => http.close(done)) })));
}

before(async () => {
  [browser, server] = await Promise.all([
    chromium.launch({ executablePath: process.env.CHROME_PATH ?? findBrowser(), headless: true, args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
    startStaticServer({ mounts: { '/strict/': 'test/e2e/pages', '/dist/': 'dist' }, cacheControl: () => 'no-cache' }),
  ]);
  site = await startServedSite();
});

after(async () => {
  await Promise.all([browser?.close(), server?.close(), site?.close()]);
});

const NOTHING_OPTIONAL = { necessary: true, analytics: false, marketing: false };

/** A well-formed record for the test pages' categories, written as now. */
function record(granted, denied) {
  const now = Math.floor(Date.now() / 1000);
  return encodeRecord({ version: 1, id: 'BFBFBFBFBFBFBFBFBFBFBF', revision: 0, createdAt: now, updatedAt: now, granted, denied, method: 'banner', gpc: false, language: 'en' });
}

/**
 * A page that records each `pageshow` (whether it came from the cache) and each `consent-change`,
 * and a CDP session that records why Chromium did not restore it from the cache, if it did not.
 */
async function openRecordingPage(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.e2eShows = [];
    window.e2eChanges = [];
    addEventListener('pageshow', (event) => window.e2eShows.push(event.persisted));
    document.addEventListener('consent-change', (event) => window.e2eChanges.push({ source: event.detail.source, reloadRecommended: event.detail.reloadRecommended, analytics: event.detail.categories.analytics }));
  });
  const notRestored = [];
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  cdp.on('Page.backForwardCacheNotUsed', (event) => notRestored.push(...event.notRestoredExplanations.map((explanation) => explanation.reason)));
  return { page, notRestored };
}

async function open(page, path) {
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
  await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
}

/** Goes back; a page restored from the cache fires no `load`, so only the commit is awaited. */
async function back(page) {
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState === 'complete' && window.e2eShows?.length > 0);
}

const stateOf = (page) =>
  page.evaluate(() => {
    const element = document.querySelector('consent-manager');
    return { decided: element.decided, consent: element.consent, banner: element.shadowRoot.querySelector('[part="banner"]') !== null };
  });

/** The page's own marker survives only when the page came back from the cache. */
const markPage = (page) => page.evaluate(() => (window.e2eMarker = 'before leaving'));
const markerOf = (page) => page.evaluate(() => window.e2eMarker ?? null);

describe('the back/forward cache', () => {
  it('keeps a page with the banner, and one whose allowed scripts ran, eligible for it', async () => {
    const context = await browser.newContext();
    const { page, notRestored } = await openRecordingPage(context);

    await open(page, '/strict/gated.html');
    await page.locator('[part="banner"]').waitFor();
    await markPage(page);
    await page.goto(`${server.url}/strict/embed.html`);
    await back(page);
    assert.deepEqual(notRestored, [], 'Chromium gave no reason to keep the page out of the cache');
    assert.equal(await markerOf(page), 'before leaving', 'the banner page came back from the cache');
    assert.deepEqual(await page.evaluate(() => window.e2eShows), [false, true]);
    assert.equal((await stateOf(page)).banner, true, 'the banner is still there for an undecided visitor');

    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.e2eLog?.includes('analytics'));
    // Past the time in which the tab's own write may still be read back stale, so that what follows is not waiting on it.
    await page.waitForTimeout(1600);
    await markPage(page);
    await page.goto(`${server.url}/strict/embed.html`);
    await back(page);
    assert.deepEqual(notRestored, []);
    assert.equal(await markerOf(page), 'before leaving', 'the page whose allowed scripts ran came back from the cache');
    assert.deepEqual((await stateOf(page)).consent, { ...NOTHING_OPTIONAL, analytics: true, marketing: true });
    await context.close();
  });

  it('applies, on a page restored from it, a withdrawal made while the page was away (a sibling subdomain or the server: no message from a tab)', async () => {
    const context = await browser.newContext();
    const { page, notRestored } = await openRecordingPage(context);
    await context.addCookies([{ name: 'consent', value: record(['necessary', 'analytics', 'marketing'], []), url: server.url }]);

    await open(page, '/strict/gated.html');
    await page.waitForFunction(() => window.e2eLog?.includes('analytics'));
    assert.deepEqual((await stateOf(page)).consent, { ...NOTHING_OPTIONAL, analytics: true, marketing: true });
    await markPage(page);

    await page.goto(`${server.url}/strict/embed.html`);
    await page.evaluate((value) => (document.cookie = `consent=${value}; Path=/`), record(['necessary'], ['analytics', 'marketing']));
    await back(page);
    assert.deepEqual(notRestored, []);
    assert.equal(await markerOf(page), 'before leaving', 'the page came back from the cache, with its allowed scripts already run');

    // Bounded, so that a page that never applies it fails on the state below, which it names.
    await page.waitForFunction(() => document.querySelector('consent-manager').consent.analytics === false, null, { timeout: 5000 }).catch(() => undefined);
    assert.deepEqual(await stateOf(page), { decided: true, consent: NOTHING_OPTIONAL, banner: false }, 'the withdrawal is applied');
    assert.deepEqual(await page.evaluate(() => window.e2eChanges), [{ source: 'sync', reloadRecommended: true, analytics: false }], 'one change, which says the analytics script that already ran needs a reload');
    await context.close();
  });

  it('closes the banner of a page restored from it when the visitor chose on another page meanwhile', async () => {
    const context = await browser.newContext();
    const { page } = await openRecordingPage(context);

    await open(page, '/strict/gated.html');
    await page.locator('[part="banner"]').waitFor();
    // The visitor goes to another page of the site, chooses there, and comes back. Chromium
    // may restore the page, or drop it from the cache as the choice's message reached it there:
    // either way the page must show the choice, not the banner.
    await open(page, '/strict/gated.html?second-page');
    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    await back(page);
    await page.waitForFunction(() => document.querySelector('consent-manager').decided, null, { timeout: 5000 }).catch(() => undefined);
    assert.deepEqual(await stateOf(page), { decided: true, consent: NOTHING_OPTIONAL, banner: false }, 'the choice made on the other page is shown');
    assert.equal(await page.evaluate(() => window.e2eLog?.includes('analytics') ?? false), false, 'nothing optional ran on the page come back');
    await context.close();
  });

  it('closes the served banner of a server-rendered page restored from it, once a choice was made meanwhile elsewhere', async () => {
    const context = await browser.newContext();
    const { page, notRestored } = await openRecordingPage(context);

    await page.goto(`${site.url}/served`);
    await page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    assert.equal((await stateOf(page)).banner, true, 'the served banner, adopted by the element');
    await markPage(page);

    // Another page, without the element; meanwhile the choice is written as a sibling subdomain would.
    await page.goto(`${server.url}/strict/embed.html`);
    await context.addCookies([{ name: 'consent', value: record(['necessary', 'analytics', 'marketing'], []), url: site.url }]);
    await back(page);
    assert.deepEqual(notRestored, []);
    assert.equal(await markerOf(page), 'before leaving', 'the server-rendered page came back from the cache, banner and all');
    await page.waitForFunction(() => document.querySelector('consent-manager').decided, null, { timeout: 5000 }).catch(() => undefined);
    assert.deepEqual(await stateOf(page), { decided: true, consent: { ...NOTHING_OPTIONAL, analytics: true, marketing: true }, banner: false }, 'the choice is applied and the served banner is gone');
    await context.close();
  });
});
