// The script-tag entry (src/script-tag.ts; issue 15) in real pages under the strict Content
// Security Policy with Trusted Types:
// - With the recommended markup (README, Quick start: a module script in <head>, run once the page
//   is parsed), a new visitor's banner is painted by the entry itself (the first layer) before the
//   element's chunk is even requested, and the element, once it is defined, adopts that very
//   banner. A returning visitor who allowed analytics has its script requested by the entry before
//   the element is defined: the code that runs gated scripts is in the entry, no chunk of its own.
//   On a page in German the banner is painted in German from its texts' chunk, under a policy by
//   origin and by nonce, and adopted likewise.
// - With `async`, the entry can run before the element is parsed: it then paints nothing and
//   requests the element at once. That page holds its parser on a blocking script that the test
//   answers only once it has seen what it waits for, so the order of events is fixed by the test,
//   not by timing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';

const WATCHED_CHUNKS = /\/dist\/chunks\/(banner|install|gated-script|trusted-types|script-tag-element)-[\w-]+\.js$/;
/** How long the held script waits for the banner chunk before it gives up: a hang limit, not a measure. */
const HOLD_LIMIT_MS = 10_000;

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/**
 * Opens the page with its parser held before `<consent-manager>`, until the banner chunk is
 * requested or, with `untilDefined`, until the bundle has run (the element is defined); `events`
 * records, in order, each watched chunk's request and the moment the held script is answered.
 */
async function openHeldPage(context, { untilDefined = false } = {}) {
  const { page, problems } = await openRecordedPage(context);
  const events = [];
  let bannerRequested;
  const banner = new Promise((resolve) => (bannerRequested = resolve));
  page.on('request', (request) => {
    const chunk = WATCHED_CHUNKS.exec(request.url());
    if (!chunk) return;
    events.push(chunk[1]);
    if (chunk[1] === 'banner') bannerRequested();
  });
  await page.route('**/strict/parser-hold.js', async (route) => {
    const released = untilDefined ? page.waitForFunction(() => customElements.get('consent-manager') !== undefined, null, { timeout: HOLD_LIMIT_MS }).catch(() => undefined) : banner;
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, HOLD_LIMIT_MS))]);
    // The element being defined is seen in the page before the browser has reported the requests
    // the bundle started on its way there: a request sent now is reported after all of them.
    if (untilDefined) await settleRequests(page);
    events.push('parser released');
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.parserHeld = document.querySelector("consent-manager") === null;' });
  });
  await page.goto(`${server.url}/strict/first-paint.html`);
  return { page, problems, events };
}

/** Resolves once every request the page started so far has been reported: requests are reported in order. */
async function settleRequests(page) {
  await Promise.all([page.waitForRequest((request) => request.url().endsWith('/strict/embed.html?settle')), page.evaluate(() => fetch('/strict/embed.html?settle'))]);
}

describe('an async script tag', () => {
  it("requests the element before the element is parsed, and then shows the element's banner (no first layer to paint yet)", async () => {
    const context = await browser.newContext();
    const { page, problems, events } = await openHeldPage(context, { untilDefined: true });
    await page.locator('[part="banner"]').waitFor();
    assert.equal(await page.evaluate(() => window.parserHeld), true, 'the element was not parsed while the script was held');
    assert.ok(events.indexOf('script-tag-element') !== -1 && events.indexOf('script-tag-element') < events.indexOf('parser released'), `the element first: ${events.join(', ')}`);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('requests the element and no other chunk for a returning visitor who allowed analytics, before the element is parsed, and runs the analytics script', async () => {
    const context = await browser.newContext();
    const first = await openHeldPage(context, { untilDefined: true });
    await first.page.locator('[part="accept-all"]').click();
    await first.page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await first.page.close();

    const { page, problems, events } = await openHeldPage(context, { untilDefined: true });
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await settleRequests(page);
    assert.equal(await page.evaluate(() => window.parserHeld), true, 'the bundle ran while the element was not parsed');
    // The code that judges and runs gated scripts, and the Trusted Types policy it uses, are in
    // the entry: no chunk of theirs, before or after the parser is released.
    assert.deepEqual(events, ['script-tag-element', 'parser released'], `the element alone, while the parser was held: ${events.join(', ')}`);
    assert.equal(await page.locator('[part="banner"]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('requests neither chunk for a returning visitor who rejected everything', async () => {
    const context = await browser.newContext();
    const first = await openHeldPage(context, { untilDefined: true });
    await first.page.locator('[part="reject-all"]').click();
    await first.page.locator('[part="banner"]').waitFor({ state: 'detached' });
    await first.page.close();

    const { page, problems, events } = await openHeldPage(context, { untilDefined: true });
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    await settleRequests(page);
    assert.equal(await page.evaluate(() => window.parserHeld), true, 'the bundle ran while the element was not parsed');
    assert.deepEqual(events, ['script-tag-element', 'parser released'], 'the element alone');
    assert.equal(await page.evaluate(() => window.e2eLog), undefined, 'the gated script did not run');
    assert.equal(await page.locator('[part="banner"]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});

/**
 * Opens the recommended markup's page, which notes (performance.now()) when `consent-manager` is
 * defined; once `ready` has settled and `until` has seen what the test waits for, resolves with
 * that time and when each watched chunk's request started, in the same clock (Resource Timing,
 * which lists a request once its response has arrived).
 */
async function openModulePage(context, until) {
  const { page, problems } = await openRecordedPage(context);
  await page.route('**/strict/define-watch.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: "customElements.whenDefined('consent-manager').then(() => (window.definedAt = performance.now()));" }),
  );
  await page.goto(`${server.url}/strict/first-paint-module.html`);
  await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
  await until(page);
  const times = await page.evaluate((pattern) => {
    const requested = {};
    for (const entry of performance.getEntriesByType('resource')) {
      const chunk = new RegExp(pattern).exec(entry.name)?.[1];
      if (chunk) requested[chunk] ??= entry.startTime;
    }
    return { definedAt: window.definedAt, requested };
  }, WATCHED_CHUNKS.source);
  return { page, problems, ...times };
}

describe('the recommended script tag (a module script in <head>)', () => {
  it("paints a new visitor's banner before the element's chunk is requested, and the element adopts that very banner", async () => {
    const context = await browser.newContext();
    // Notes, in the page's clock, the first frame in which the banner is in the element's shadow
    // root, and keeps that node to compare with the one the element shows once it runs.
    await context.addInitScript(() => {
      const watch = () => {
        const banner = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner');
        if (banner) {
          window.paintedAt = performance.now();
          window.paintedBanner = banner;
          window.definedWhenPainted = customElements.get('consent-manager') !== undefined;
        } else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const { page, problems, definedAt, requested } = await openModulePage(context, (page) =>
      page.waitForFunction(() => document.querySelector('consent-manager').shadowRoot.adoptedStyleSheets.length >= 3),
    );
    const { paintedAt, definedWhenPainted, adopted } = await page.evaluate(() => ({
      paintedAt: window.paintedAt,
      definedWhenPainted: window.definedWhenPainted,
      adopted: document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]') === window.paintedBanner,
    }));
    assert.equal(typeof paintedAt, 'number', 'the banner was painted');
    assert.equal(definedWhenPainted, false, 'painted before the element was defined');
    assert.ok(paintedAt < requested['script-tag-element'], `banner painted at ${paintedAt} ms, the element's chunk requested at ${requested['script-tag-element']} ms`);
    assert.ok(requested['script-tag-element'] < definedAt, 'the element defined from its chunk');
    assert.equal(adopted, true, 'the element shows the painted banner, not one of its own');
    assert.deepEqual(problems.violations, [], 'no violation of the strict policy and its Trusted Types');
    assert.deepEqual(problems.errors, []);
    await page.locator('[part="reject-all"]').click();
    await page.locator('[part="banner"]').waitFor({ state: 'detached' });
    const cookie = (await context.cookies()).find(({ name }) => name === 'consent');
    assert.match(decodeURIComponent(cookie?.value ?? ''), /&m=banner&/, 'recorded as made in the banner');
    await context.close();
  });

  it("requests the allowed analytics script before the element is defined for a returning visitor, and no chunk but the element's", async () => {
    const context = await browser.newContext();
    const first = await openModulePage(context, (page) => page.locator('[part="banner"]').waitFor());
    await first.page.locator('[part="accept-all"]').click();
    await first.page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await first.page.close();

    const { page, problems, definedAt, requested } = await openModulePage(context, (page) => page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics')));
    const analyticsRequestedAt = await page.evaluate(() => performance.getEntriesByType('resource').find(({ name }) => name.endsWith('/strict/gated-log.js'))?.startTime);
    // The entry's gate inserts the script while DOMContentLoaded is dispatched, in the task that
    // ran the entry; the element is defined from a chunk, in a task of its own after that.
    assert.ok(analyticsRequestedAt < definedAt, `analytics requested at ${analyticsRequestedAt} ms, element defined at ${definedAt} ms`);
    assert.deepEqual(Object.keys(requested), ['script-tag-element'], `the element's chunk alone: ${Object.keys(requested).join(', ')}`);
    assert.equal(await page.locator('[part="banner"]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});

describe('the recommended script tag on a page in German', () => {
  for (const prefix of ['/strict/', '/nonce/']) {
    it(`paints the banner in German from its texts' chunk before the element is defined, and the element adopts it (${prefix}: ${prefix === '/nonce/' ? 'scripts by nonce' : "script-src 'self'"})`, async () => {
      const context = await browser.newContext();
      // The first frame in which a banner is in the element's shadow root, and whether the element was defined then.
      await context.addInitScript(() => {
        const watch = () => {
          const banner = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner');
          if (banner) window.firstBanner = { banner, defined: customElements.get('consent-manager') !== undefined };
          else requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      });
      const { page, problems } = await openRecordedPage(context);
      const chunks = [];
      page.on('request', (request) => {
        const chunk = /\/dist\/chunks\/(.+)-[\w-]{8}\.js$/.exec(request.url());
        if (chunk) chunks.push(chunk[1]);
      });
      await page.goto(`${server.url}${prefix}first-paint-de.html`);
      await page.waitForFunction(() => window.firstBanner !== undefined);
      await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
      await page.waitForFunction(() => document.querySelector('consent-manager').language === 'de');
      const seen = await page.evaluate(() => ({
        defined: window.firstBanner.defined,
        lang: window.firstBanner.banner.getAttribute('lang'),
        title: window.firstBanner.banner.querySelector('[part="title"]').textContent,
        adopted: document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]') === window.firstBanner.banner,
      }));
      assert.equal(seen.defined, false, 'painted before the element was defined');
      assert.equal(seen.lang, 'de');
      assert.equal(seen.title, 'Diese Website verwendet Cookies');
      assert.equal(seen.adopted, true, 'the element shows the painted banner, not one of its own');
      assert.ok(chunks.indexOf('banner-messages-de') !== -1 && chunks.indexOf('banner-messages-de') < chunks.indexOf('script-tag-element'), `the German texts before the element: ${chunks.join(', ')}`);
      assert.deepEqual(problems.violations, [], 'no violation of the policy and its Trusted Types');
      assert.deepEqual(problems.errors, []);
      await page.locator('[part="reject-all"]').click();
      await page.locator('[part="banner"]').waitFor({ state: 'detached' });
      const cookie = (await context.cookies()).find(({ name }) => name === 'consent');
      assert.match(decodeURIComponent(cookie?.value ?? ''), /&m=banner&gpc=0&l=de&/, 'recorded as made in the German banner');
      await context.close();
    });
  }
});
