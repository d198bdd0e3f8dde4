// Headless mode from the built bundle under the strict Content Security Policy: the site's own
// banner drives the element, and no chunk of the element's UI is ever requested. The request log
// sees every request the page starts, including dynamic imports that never finish.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';

/** The chunks of the element's own UI: banner, messages runtime, preferences, placeholders, cookie tables, localization. */
const UI_CHUNK = /\/dist\/chunks\/(banner|install|preferences-dialog|placeholder|category-texts|cookie-table|cookie-table-view|localization|locale-status-event)-[\w-]+\.js$/;

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

async function openLogged(path) {
  const context = await browser.newContext();
  const { page, problems } = await openRecordedPage(context);
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(`${server.url}${path}`);
  return { context, page, problems, requested };
}

describe('headless mode in a real page', () => {
  it('the request log sees the UI chunks of an element with a UI (the control)', async () => {
    const { context, page, requested } = await openLogged('/strict/gated.html');
    await page.locator('[part="banner"]').waitFor();
    // The first layer paints the banner before the element and its UI chunks are requested: once
    // the element has adopted it, the banner's chunk has arrived.
    await page.waitForFunction(() => customElements.get('consent-manager') && document.querySelector('consent-manager').shadowRoot.adoptedStyleSheets.length >= 3);
    assert.ok(requested.some((path) => UI_CHUNK.test(path)), `UI chunks among ${requested.join(', ')}`);
    await context.close();
  });

  it("fetches no UI chunk, in German, before or after the site's own buttons decide; data-consent-open asks the site", async () => {
    const { context, page, problems, requested } = await openLogged('/strict/headless.html');
    await page.locator('#site-banner').waitFor({ state: 'visible' });
    assert.deepEqual(await page.evaluate(() => window.siteLog), ['ready:false']);
    assert.equal(await page.locator('consent-manager [part]').count(), 0);
    assert.equal(await page.locator('consent-placeholder').count(), 0);

    await page.locator('#site-accept').click();
    // The gated script and frame are requested after anything the element asked for on start.
    await page.waitForFunction(() => window.e2eLog?.includes('analytics'));
    await page.waitForFunction(() => document.querySelector('iframe[data-consent]')?.getAttribute('src') === '/strict/embed.html');
    await page.locator('#site-banner').waitFor({ state: 'hidden' });
    const record = await page.evaluate(() => document.querySelector('consent-manager').record);
    assert.equal(record.method, 'api');

    await page.locator('a[data-consent-open]').click();
    await page.locator('#site-banner').waitFor({ state: 'visible' });
    assert.deepEqual(await page.evaluate(() => window.siteLog), ['ready:false', 'consent-change:true', 'consent-ui-request:preferences']);
    assert.equal(new URL(page.url()).hash, '', 'the link did not navigate');
    await page.locator('#site-reject').click();
    await page.waitForFunction(() => document.querySelector('consent-manager').consent.analytics === false);

    assert.ok(requested.some((path) => path === '/strict/gated-log.js'), 'the request log works');
    assert.deepEqual(requested.filter((path) => UI_CHUNK.test(path)), []);
    assert.equal(await page.locator('consent-manager [part]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});
