// The entry's first statement (src/script-tag-prelude.ts; issue 15) in real pages under the strict
// Content Security Policy: a new visitor's banner chunk is requested by the entry itself; a
// returning visitor never requests it, and one who allowed analytics gets the chunk that runs
// gated scripts (and the Trusted Types chunk it imports) as early instead.
// - With the recommended markup (README, Quick start: a module script in <head>, run once the page
//   is parsed), before the element is even defined, not in its first update after its start. (For
//   a new visitor the element also asks for the banner when it connects, during the definition;
//   the entry's first statement asks earlier still, before the rest of the bundle is evaluated.)
// - With `async`, before the element is even parsed. That page holds its parser on a blocking
//   script that the test answers only once it has seen what it waits for, so the order of events
//   is fixed by the test, not by timing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';

const WATCHED_CHUNKS = /\/dist\/chunks\/(banner|install|gated-script|trusted-types)-[\w-]+\.js$/;
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
async function openHeldPage(context, { untilDefined = false, holdGatedScriptChunk = false } = {}) {
  const { page, problems } = await openRecordedPage(context);
  const events = [];
  let releaseParser;
  const parserReleased = new Promise((resolve) => (releaseParser = resolve));
  // The gated-script chunk's response held back with the parser: whatever the page requests
  // meanwhile, it did not learn from that chunk's imports.
  if (holdGatedScriptChunk) await page.route(/\/dist\/chunks\/gated-script-[\w-]+\.js$/, (route) => parserReleased.then(() => route.continue()));
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
    releaseParser();
  });
  await page.goto(`${server.url}/strict/first-paint.html`);
  return { page, problems, events };
}

/** Resolves once every request the page started so far has been reported: requests are reported in order. */
async function settleRequests(page) {
  await Promise.all([page.waitForRequest((request) => request.url().endsWith('/strict/embed.html?settle')), page.evaluate(() => fetch('/strict/embed.html?settle'))]);
}

describe('an async script tag', () => {
  it("requests a new visitor's banner chunk before the element is parsed, and shows the banner", async () => {
    const context = await browser.newContext();
    const { page, problems, events } = await openHeldPage(context);
    await page.locator('[part="banner"]').waitFor();
    assert.equal(await page.evaluate(() => window.parserHeld), true, 'the element was not parsed while the script was held');
    assert.ok(events.indexOf('banner') !== -1 && events.indexOf('banner') < events.indexOf('parser released'), `the banner chunk first: ${events.join(', ')}`);
    assert.ok(events.indexOf('install') < events.indexOf('parser released'), `the message chunk alongside it: ${events.join(', ')}`);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('requests no banner chunk for a returning visitor who allowed analytics, and the gated-script chunk and its import before the element is parsed', async () => {
    const context = await browser.newContext();
    const first = await openHeldPage(context);
    await first.page.locator('[part="accept-all"]').click();
    await first.page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await first.page.close();

    const { page, problems, events } = await openHeldPage(context, { untilDefined: true, holdGatedScriptChunk: true });
    await page.evaluate(() => document.querySelector('consent-manager').ready);
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await settleRequests(page);
    assert.equal(await page.evaluate(() => window.parserHeld), true, 'the bundle ran while the element was not parsed');
    // Both requested by the entry itself: the Trusted Types chunk does not wait until the
    // gated-script chunk has arrived and been parsed (src/script-tag-prelude.ts), which is held
    // back here until the held script is answered; in whichever order the browser sends the two.
    assert.deepEqual([...events.slice(0, -1)].sort(), ['gated-script', 'trusted-types'], `no banner or message chunk; the gated-script chunk and its import: ${events.join(', ')}`);
    assert.equal(events.at(-1), 'parser released', `both while the parser was held: ${events.join(', ')}`);
    assert.equal(await page.locator('[part="banner"]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('requests neither chunk for a returning visitor who rejected everything', async () => {
    const context = await browser.newContext();
    const first = await openHeldPage(context);
    await first.page.locator('[part="reject-all"]').click();
    await first.page.locator('[part="banner"]').waitFor({ state: 'detached' });
    await first.page.close();

    const { page, problems, events } = await openHeldPage(context, { untilDefined: true });
    await page.evaluate(() => document.querySelector('consent-manager').ready);
    await settleRequests(page);
    assert.equal(await page.evaluate(() => window.parserHeld), true, 'the bundle ran while the element was not parsed');
    assert.deepEqual(events, ['parser released'], 'no chunk at all');
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
  await page.evaluate(() => document.querySelector('consent-manager').ready);
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
  it("requests a new visitor's banner chunk and the message runtime by the time the element is defined, not after its start", async () => {
    const context = await browser.newContext();
    const { problems, definedAt, requested } = await openModulePage(context, (page) => page.locator('[part="banner"]').waitFor());
    assert.equal(typeof definedAt, 'number', 'the element was defined');
    assert.ok(requested.banner < definedAt, `banner chunk requested at ${requested.banner} ms, element defined at ${definedAt} ms`);
    assert.ok(requested.install < definedAt, `message runtime requested at ${requested.install} ms, element defined at ${definedAt} ms`);
    assert.equal(requested['gated-script'], undefined, 'no gated-script chunk for a new visitor');
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('requests the gated-script chunk and its import, and no banner, before the element is defined for a returning visitor who allowed analytics', async () => {
    const context = await browser.newContext();
    const first = await openModulePage(context, (page) => page.locator('[part="banner"]').waitFor());
    await first.page.locator('[part="accept-all"]').click();
    await first.page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics'));
    await first.page.close();

    const { page, problems, definedAt, requested } = await openModulePage(context, (page) => page.waitForFunction(() => (window.e2eLog ?? []).includes('analytics')));
    assert.ok(requested['gated-script'] < definedAt, `gated-script chunk requested at ${requested['gated-script']} ms, element defined at ${definedAt} ms`);
    assert.ok(requested['trusted-types'] < definedAt, `Trusted Types chunk requested at ${requested['trusted-types']} ms, element defined at ${definedAt} ms`);
    assert.equal(requested.banner, undefined, 'no banner chunk');
    assert.equal(await page.locator('[part="banner"]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});
