// Faults in real Chromium: two copies of the bundle, cookies disabled in the browser, the
// element taken out of the page and put back, and a vendor script that never arrives. None may
// lose the choice or grant anything.
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';
import { routeVendors } from './vendor-routes.mjs';

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
  await customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready);
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

describe('a vendor script that never arrives', () => {
  // loadScript gives up after 15 seconds and the adapter runner offers no way to shorten that, so
  // the page runs on Playwright's clock, which is moved past the deadline instead of waited out.
  const LOAD_TIMEOUT_MS = 15_000;
  const GTAG = /^https:\/\/www\.googletagmanager\.com\/gtag\/js/;

  async function openAdapters(context) {
    const recorded = await openRecordedPage(context);
    await recorded.page.clock.install();
    await recorded.page.goto(`${server.url}/open/adapters/index.html`);
    await ready(recorded.page);
    // The adapters are chunks of their own: wait until they have started.
    await recorded.page.waitForFunction(() => (window.dataLayer ?? []).some((entry) => entry.event === 'consent_update'));
    return recorded;
  }

  const eventsOf = (page, name) => page.evaluate((wanted) => window.events.filter((event) => event.name === wanted).map(({ id, reason, src }) => ({ id, reason, src })), name);

  it('is reported as a timeout, the other vendors load, and the choice is stored with nothing more granted', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const hung = [];
    // Registered after routeVendors, so it is asked first; the request is held and never answered.
    await context.route(GTAG, (route) => hung.push(route.request().url()));
    const { page, problems } = await openAdapters(context);
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true, marketing: false }));
    await until(() => hung.length === 1);
    await page.waitForFunction(() => ['segment', 'stripe'].every((id) => window.events.some((event) => event.name === 'consent-adapter-load' && event.id === id)));
    assert.deepEqual(await eventsOf(page, 'consent-adapter-error'), [], 'no verdict before the deadline');

    await page.clock.fastForward(LOAD_TIMEOUT_MS);
    await page.waitForFunction(() => window.events.some((event) => event.name === 'consent-adapter-error'));
    assert.deepEqual(await eventsOf(page, 'consent-adapter-error'), [{ id: 'google-analytics', reason: 'timeout', src: hung[0] }]);
    assert.deepEqual((await eventsOf(page, 'consent-adapter-load')).map((event) => event.id).sort(), ['segment', 'stripe']);
    assert.ok((await page.evaluate(() => window.vendorRan)).includes('stripe.js'), "Stripe's script ran");

    const granted = () => page.evaluate(() => ({
      consent: document.querySelector('consent-manager').consent,
      adStorage: window.dataLayer.filter((entry) => entry[0] === 'consent').map((entry) => entry[2].ad_storage),
      fbq: typeof window.fbq,
    }));
    assert.deepEqual(await granted(), { consent: { necessary: true, analytics: true, marketing: false }, adStorage: ['denied', 'denied'], fbq: 'undefined' });

    await page.reload();
    await ready(page);
    await page.waitForFunction(() => (window.dataLayer ?? []).some((entry) => entry.event === 'consent_update'));
    assert.equal(await page.evaluate(() => document.querySelector('consent-manager').decided), true, 'the choice survived the reload');
    assert.deepEqual(await granted(), { consent: { necessary: true, analytics: true, marketing: false }, adStorage: ['denied', 'denied'], fbq: 'undefined' });
    assert.deepEqual(log.requests.filter((url) => /facebook/.test(url)), [], 'the Meta Pixel, never granted, was never asked for');
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });
});
