// Multi-page flows in real Chromium: two tabs, reloads, and pages under strict Content Security Policies.
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

async function ready(page) {
  await page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
  await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
}

const consentOf = (page) => page.evaluate(() => document.querySelector('consent-manager').consent);
const logOf = (page) => page.evaluate(() => window.e2eLog ?? []);

describe('two tabs of the same site', () => {
  it('apply a choice made in either tab to the other within a second, without a reload', async () => {
    const context = await browser.newContext();
    const first = await openRecordedPage(context);
    const second = await openRecordedPage(context);
    await first.page.goto(`${server.url}/strict/gated.html`);
    await second.page.goto(`${server.url}/strict/gated.html`);
    await Promise.all([ready(first.page), ready(second.page)]);
    const secondUrlBefore = second.page.url();
    await second.page.evaluate(() => {
      window.changes = [];
      document.addEventListener('consent-change', (event) => window.changes.push(event.detail));
    });

    await first.page.locator('[part="accept-all"]').click();
    await second.page.waitForFunction(() => document.querySelector('consent-manager').isAllowed('analytics marketing'), null, { timeout: 1000 });
    assert.deepEqual(await second.page.evaluate(() => window.changes.map((change) => change.source)), ['sync']);
    await second.page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'), null, { timeout: 2000 });
    assert.equal(second.page.url(), secondUrlBefore, 'the second tab was not reloaded');
    assert.equal(await second.page.locator('[part="banner"]').count(), 0, 'the banner left the second tab too');

    await second.page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    // The first tab chose a moment ago: it reads storage once its own write has settled (1.5 s, README "Across tabs").
    await first.page.waitForFunction(() => !document.querySelector('consent-manager').isAllowed('analytics'), null, { timeout: 3000 });
    assert.deepEqual(await consentOf(first.page), { necessary: true, analytics: false, marketing: false });

    assert.deepEqual([...first.problems.violations, ...second.problems.violations], []);
    assert.deepEqual([...first.problems.errors, ...second.problems.errors], []);
    await context.close();
  });
});

describe('a returning visitor', () => {
  it('finds the choice applied on the next page load, from a first-party cookie the server receives', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    await page.goto(`${server.url}/strict/gated.html`);
    await ready(page);
    assert.equal(await page.locator('[part="banner"]').count(), 1);
    assert.deepEqual(await logOf(page), [], 'nothing gated ran before the choice');
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true }));

    const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === 'consent');
    assert.ok(cookie, 'the consent cookie was written');
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.httpOnly, false);
    const days = (cookie.expires - Date.now() / 1000) / 86_400;
    assert.ok(days > 181.9 && days <= 182, `the cookie lives 182 days (got ${days})`);
    const record = new URLSearchParams(cookie.value);
    assert.equal(record.get('v'), '1');
    assert.deepEqual(record.get('g').split('.'), ['necessary', 'analytics']);
    assert.deepEqual(record.get('d').split('.'), ['marketing']);
    assert.equal(record.get('m'), 'api');

    const request = page.waitForRequest((candidate) => candidate.url().endsWith('/strict/gated.html'));
    await page.reload();
    assert.match((await (await request).allHeaders()).cookie ?? '', /(^|; )consent=v=1&/, 'the server receives the record');
    await ready(page);
    assert.deepEqual(await consentOf(page), { necessary: true, analytics: true, marketing: false });
    assert.equal(await page.evaluate(() => document.querySelector('consent-manager').decided), true);
    assert.equal(await page.locator('[part="banner"]').count(), 0);
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'), null, { timeout: 2000 });
    assert.equal(await page.locator('iframe').getAttribute('src'), null, 'marketing stays blocked');
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('who declined never loads gated content, on any page load', async () => {
    const context = await browser.newContext();
    const { page } = await openRecordedPage(context);
    const gatedRequests = [];
    page.on('request', (request) => {
      if (/gated-log\.js|embed\.html/.test(request.url())) gatedRequests.push(request.url());
    });
    await page.goto(`${server.url}/strict/gated.html`);
    await ready(page);
    await page.locator('[part="reject-all"]').click();
    await page.reload();
    await ready(page);
    await page.waitForTimeout(200);
    assert.deepEqual(gatedRequests, []);
    await context.close();
  });
});

describe('reload-on-revoke without adapters', () => {
  it('reloads after withdrawing a category whose gated script ran, without fetching the adapter runner', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/strict/gated-reload.html`);
    await ready(page);
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true }));
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'), null, { timeout: 2000 });
    const navigation = page.waitForEvent('framenavigated');
    await page.evaluate(() => {
      sessionStorage.setItem('before-reload', 'yes');
      document.querySelector('consent-manager').save({ analytics: false });
    });
    await navigation;
    await ready(page);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('before-reload')), 'yes', 'the same tab reloaded');
    assert.deepEqual(await consentOf(page), { necessary: true, analytics: false, marketing: false });
    assert.deepEqual(
      requested.filter((path) => path.includes('adapter-runner')),
      [],
      'the adapter runner chunk was never requested',
    );
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});

describe('strict Content Security Policy', () => {
  it("works under script-src 'self', style-src 'self' and Trusted Types, with no violation", async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    const response = await page.goto(`${server.url}/strict/gated.html`);
    assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);
    await ready(page);
    const banner = page.locator('[part="banner"]');
    assert.equal(await banner.evaluate((element) => getComputedStyle(element).position), 'fixed', 'the shadow styles applied');
    await page.locator('[part="accept-all"]').click();
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await page.waitForFunction(() => document.querySelector('iframe').contentDocument?.title === 'embedded');
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it("works under a nonce-based script-src, and runs only the gated scripts that carry the nonce", async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const response = await page.goto(`${server.url}/nonce/gated-nonce.html`);
    assert.match(response.headers()['content-security-policy'], /script-src 'nonce-/);
    await ready(page);
    await page.locator('[part="accept-all"]').click();
    await page.waitForFunction(() => (window.e2eLog ?? []).length === 2);
    await page.waitForTimeout(100);
    assert.deepEqual(await logOf(page), ['inline with nonce', 'external with nonce']);
    assert.equal(warnings.filter((warning) => warning.includes('must carry the nonce')).length, 1);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});

// The demo site has its own tests, under the policy the demo server sends it: test/e2e/demo.test.mjs.
