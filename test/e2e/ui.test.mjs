// The visitor's UI in real pages under the strictest Content Security Policy: the banner, the
// preferences dialog, an embed placeholder and a cookie table, in German, from the built bundle.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

describe('the UI under strict Content Security Policies with Trusted Types', () => {
  for (const [policy, path, prefix] of [
    ["script-src and style-src 'self'", '/strict/ui.html', '/strict/'],
    // Every chunk the bundle imports later inherits the nonce of the script that loaded it.
    ["a nonce-based script-src", '/nonce/ui-nonce.html', '/nonce/'],
  ]) {
  it(`shows every part, translated, with no policy violation, under ${policy}`, async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    const response = await page.goto(`${server.url}${path}`);
    assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);

    await page.locator('[part="banner"]').waitFor();
    assert.equal((await page.locator('[part="title"]').textContent()).trim(), 'Diese Website verwendet Cookies');
    assert.equal(await page.locator('[part="banner"]').getAttribute('lang'), 'de');

    // The placeholder stands in for the blocked frame; the cookie table lists the categories.
    // (Playwright's CSS locators look into open shadow roots.)
    await page.locator('consent-placeholder [part="placeholder"]').waitFor();
    assert.match(await page.locator('consent-placeholder [part="placeholder"]').textContent(), /Inhalt von VideoCo/);
    await page.locator('consent-cookie-table [part="cookie-table"]').first().waitFor();
    assert.match(await page.locator('consent-cookie-table [part="cookie-table"]').first().textContent(), /Anmeldung/);

    // The footer link opens the dialog; saving a choice closes it and the banner.
    await page.locator('a[data-consent-open]').click();
    await page.locator('[part="preferences"]').waitFor();
    await page.locator('input[data-category="analytics"]').check();
    await page.locator('[part="save"]').click();
    await page.locator('[part="preferences"]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('[part="banner"]').count(), 0);
    assert.deepEqual(await page.evaluate(() => document.querySelector('consent-manager').consent), { necessary: true, analytics: true, marketing: false });

    // The placeholder's button allows marketing and loads the frame.
    await page.locator('consent-placeholder button').click();
    await page.waitForFunction((expected) => document.querySelector('iframe[data-consent]')?.getAttribute('src') === expected, `${prefix}embed.html`);
    assert.equal(await page.locator('consent-placeholder').count(), 0);

    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
  }

  it('loads the banner for an undecided visitor only, and no language chunk for an English page', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    const chunks = [];
    page.on('request', (request) => {
      if (request.url().includes('/dist/chunks/')) chunks.push(request.url().replace(/.*\/chunks\/(.+)-[\w-]{8}\.js$/, '$1'));
    });
    await page.goto(`${server.url}/strict/plain.html`);
    await page.locator('[part="banner"]').waitFor();
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    await page.waitForFunction(() => document.querySelector('consent-manager').shadowRoot.adoptedStyleSheets.length >= 3);
    // The element's chunk and the shared ones it imports are not the UI's.
    const uiChunks = chunks.filter((chunk) => !['script-tag-element', 'gating', 'script-url'].includes(chunk));
    assert.deepEqual(uiChunks.sort(), ['banner', 'install'], `the banner, and msg beside it: ${chunks}`);
    await page.locator('[part="reject-all"]').click();

    chunks.length = 0;
    await page.reload();
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    await page.waitForTimeout(200);
    assert.ok(!chunks.includes('banner'), `a returning visitor loads no banner: ${chunks}`);
    assert.deepEqual(problems.violations, []);
    await context.close();
  });
});
