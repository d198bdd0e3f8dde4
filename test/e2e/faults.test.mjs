// Faults in real Chromium: two copies of the bundle, cookies disabled in the browser, and the
// element taken out of the page and put back. None may lose the choice or grant anything.
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';

let browser;
let server;

before(async () => {
  // A second copy of the bundle at another URL, as when a theme and a plugin both include it.
  await rm('.tmp/e2e-second-copy', { recursive: true, force: true });
  await cp('dist', '.tmp/e2e-second-copy', { recursive: true });
  [browser, server] = await Promise.all([launchBrowser(), startTestServer({ '/second-copy/': '.tmp/e2e-second-copy' })]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** Waits, in this process, until `condition` holds: console messages arrive asynchronously. */
async function until(condition, timeoutMs = 3000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ready = (page) => page.evaluate(async () => {
  await customElements.whenDefined('consent-manager');
  await document.querySelector('consent-manager').ready;
});

describe('two copies of the bundle on one page', () => {
  async function openTwoCopies(prefix) {
    const context = await browser.newContext();
    const recorded = await openRecordedPage(context);
    const warnings = [];
    recorded.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await recorded.page.goto(`${server.url}${prefix}two-copies.html`);
    await ready(recorded.page);
    await recorded.page.locator('[part="accept-all"]').click();
    await recorded.page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await recorded.page.waitForTimeout(200);
    assert.deepEqual(await recorded.page.evaluate(() => window.e2eLog), ['analytics'], 'the gated script ran once, not once per copy');
    return { context, warnings, ...recorded };
  }

  for (const [label, prefix] of [
    ['without a Content Security Policy', '/open/'],
    ["under a Trusted Types allow-list with 'allow-duplicates'", '/strict-duplicates/'],
    // Lit's templates (and their "lit-html" policy) load only with the preferences, and only in
    // the copy that runs the element, so the policy is created once even without 'allow-duplicates'.
    ["under a Trusted Types allow-list without 'allow-duplicates'", '/strict/'],
  ]) {
    it(`run one element, warn once, and throw nothing, ${label}`, async () => {
      const { context, page, warnings, problems } = await openTwoCopies(prefix);
      await page.evaluate(() => document.querySelector('consent-manager').showPreferences());
      await page.locator('[part="preferences"]').waitFor();
      await until(() => warnings.some((warning) => warning.includes('already defined')));
      assert.equal(warnings.filter((warning) => warning.includes('already defined')).length, 1);
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.violations, []);
      await context.close();
    });
  }
});

describe('cookies disabled in the browser', () => {
  it('keep the choice in localStorage across pages, with one warning and nothing granted before', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${server.url}/strict/gated.html`);
    await ready(page);
    assert.equal(await page.evaluate(() => document.cookie), '', 'cookies really are disabled');
    assert.deepEqual(await page.evaluate(() => document.querySelector('consent-manager').consent), { necessary: true, analytics: false, marketing: false });
    await page.locator('[part="accept-all"]').click();
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    assert.match(await page.evaluate(() => localStorage.getItem('consent')), /^v=1&/);
    await page.reload();
    await ready(page);
    assert.equal(await page.evaluate(() => document.querySelector('consent-manager').decided), true, 'the choice survived the reload');
    await until(() => warnings.some((warning) => warning.includes('localStorage')));
    assert.equal(warnings.filter((warning) => warning.includes('localStorage')).length, 1, 'one warning, when the choice was stored');
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});

describe('the element removed and added again', () => {
  it('keeps the choice, keeps gating, and announces no second ready', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    await page.goto(`${server.url}/strict/gated.html`);
    await ready(page);
    await page.evaluate(() => {
      window.readyEvents = 0;
      document.addEventListener('consent-ready', () => window.readyEvents++);
      const element = document.querySelector('consent-manager');
      element.remove();
      document.body.append(element);
      element.save({ analytics: true });
    });
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await page.evaluate(() => {
      const element = document.querySelector('consent-manager');
      const parent = element.parentElement;
      element.remove();
      // Added while the element is out of the page: gated, but nothing to run it yet.
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.consent = 'marketing';
      script.dataset.src = '/strict/gated-log.js';
      script.dataset.name = 'marketing';
      document.body.append(script);
      parent.append(element);
      element.save({ marketing: true });
    });
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('marketing'));
    assert.equal(await page.evaluate(() => window.readyEvents), 0);
    await page.reload();
    await ready(page);
    assert.deepEqual(await page.evaluate(() => document.querySelector('consent-manager').consent), { necessary: true, analytics: true, marketing: true });
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});
