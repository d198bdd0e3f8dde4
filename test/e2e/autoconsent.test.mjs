// Issue 16 §2: the rule for DuckDuckGo's autoconsent (autoconsent/consent-manager.json), run by the
// REAL library in Chromium. The library's content script (its Playwright build) is loaded the way
// its own Playwright tests load it: evaluated in the page once navigation commits, talking to the
// test through an exposed `autoconsentSendMessage` binding, which answers `init` with the config and
// the rules. Vendor hosts are intercepted (vendor-routes.mjs), so "no vendor request" is observed.
// Also: the scanner-like finder (test/helpers/banner-heuristic.mjs) on the demo.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { findConsentBanners } from '../helpers/banner-heuristic.mjs';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';
import { routeVendors } from './vendor-routes.mjs';

const LIBRARY = 'node_modules/@duckduckgo/autoconsent';
const CONTENT_SCRIPT = readFileSync(`${LIBRARY}/dist/autoconsent.playwright.js`, 'utf8');
const SHIPPED_RULES = JSON.parse(readFileSync(`${LIBRARY}/rules/rules.json`, 'utf8')).autoconsent;
const RULE = JSON.parse(readFileSync('autoconsent/consent-manager.json', 'utf8'));
/** Google Analytics and Meta Pixel through their adapters, under a nonce-based policy. */
const VENDOR_PAGE = '/nonce/adapters/google.html';
/** How long the library looks for a popup of a detected CMP: 10 tries, 500 ms apart (`waitForPopup` in its lib/web.ts). */
const LIBRARY_POPUP_WAIT_MS = 10 * 500;

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/**
 * Opens `path` with autoconsent running on it and returns the page and every message the content
 * script sent. By default the script is loaded as the library's tests load it, when navigation
 * commits; with `whenLoaded`, once the page has loaded and `whenLoaded(page)` has resolved (for
 * the checks that need a page that no longer changes).
 */
async function runAutoconsent(context, path, { autoAction = 'optOut', rules = [RULE], detectRetries = 20, whenLoaded } = {}) {
  const { page, problems } = await openRecordedPage(context);
  const messages = [];
  await page.exposeBinding('autoconsentSendMessage', async ({ frame }, message) => {
    messages.push(message);
    if (message.type === 'init') {
      const config = { enabled: true, autoAction, disabledCmps: [], enablePrehide: false, enableCosmeticRules: true, detectRetries };
      await frame.evaluate(`autoconsentReceiveMessage(${JSON.stringify({ type: 'initResp', config, rules: { autoconsent: rules } })})`);
    } else if (message.type === 'eval') {
      // The library's own runner answers evaluation requests; this rule makes none.
      const result = await frame.evaluate(message.code);
      await frame.evaluate(`autoconsentReceiveMessage(${JSON.stringify({ id: message.id, type: 'evalResp', result })})`);
    }
  });
  await page.goto(`${server.url}${path}`, { waitUntil: whenLoaded ? 'load' : 'commit' });
  await whenLoaded?.(page);
  await page.evaluate(CONTENT_SCRIPT);
  return { page, problems, messages };
}

/** Waits for a message matching `wanted` (a hang limit, not a timing assertion) and returns it. */
async function message(messages, wanted, limitMs = 20_000) {
  const matches = (candidate) => Object.entries(wanted).every(([key, value]) => candidate[key] === value);
  for (const start = Date.now(); Date.now() - start < limitMs; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const found = messages.find(matches);
    if (found) return found;
  }
  assert.fail(`no ${JSON.stringify(wanted)} message; got ${JSON.stringify(messages.filter((item) => item.type !== 'report').map((item) => item.type))}`);
}

/** The messages that say what the library decided: not its status reports, and not the evaluations its built-in (class) rules ask for. */
const typesOf = (messages) => messages.filter((item) => item.type !== 'report' && item.type !== 'eval').map((item) => `${item.type}${item.cmp ? ` ${item.cmp}` : ''}${'result' in item ? ` ${item.result}` : ''}`);
const consentCookie = async (context) => (await context.cookies()).find((cookie) => cookie.name === 'consent')?.value;
const stateOf = (page) =>
  page.evaluate(() => {
    const element = document.querySelector('consent-manager');
    return { consent: element.consent, decided: element.decided, method: element.record?.method, id: element.record?.id, updatedAt: element.record?.updatedAt };
  });

async function askSelfTest(page, messages) {
  await page.evaluate(`autoconsentReceiveMessage({ type: "selfTest" })`);
  return (await message(messages, { type: 'selfTestResult' })).result;
}

describe('the autoconsent rule, run by @duckduckgo/autoconsent', () => {
  it('detects the banner among all the rules the library ships, opts out, and its self-test confirms a real rejection', async () => {
    const context = await browser.newContext();
    const vendors = await routeVendors(context);
    const { page, problems, messages } = await runAutoconsent(context, VENDOR_PAGE, { rules: [...SHIPPED_RULES, RULE] });

    const done = await message(messages, { type: 'autoconsentDone' });
    assert.equal(done.cmp, RULE.name);
    assert.deepEqual(
      typesOf(messages).filter((type) => !type.startsWith('init')),
      [`cmpDetected ${RULE.name}`, `popupFound ${RULE.name}`, `optOutResult ${RULE.name} true`, `autoconsentDone ${RULE.name}`],
      'only this rule claimed the page, once',
    );
    assert.equal((await message(messages, { type: 'optOutResult' })).scheduleSelfTest, true, 'the rule has a self-test, and the library asks for it');
    assert.equal(await askSelfTest(page, messages), true, 'the self-test passes');

    // A real rejection: nothing optional granted, by the banner, stored in the consent cookie.
    assert.deepEqual(await stateOf(page).then(({ consent, decided, method }) => ({ consent, decided, method })), {
      consent: { necessary: true, analytics: false, marketing: false },
      decided: true,
      method: 'banner',
    });
    assert.match(await consentCookie(context), /&g=necessary&d=analytics\.marketing&m=banner&/);
    assert.equal(await page.locator('#cookie-consent-banner').count(), 0, 'the banner is gone');
    // And it holds on the next page: no vendor asked for, before or after.
    await page.reload();
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    await page.waitForTimeout(300);
    assert.deepEqual(vendors.requests, []);
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('opts in when told to (the control: vendors then load), and the self-test then fails, as it must', async () => {
    const context = await browser.newContext();
    const vendors = await routeVendors(context);
    const { page, messages } = await runAutoconsent(context, VENDOR_PAGE, { autoAction: 'optIn' });
    assert.equal((await message(messages, { type: 'optInResult' })).result, true);
    assert.deepEqual((await stateOf(page)).consent, { necessary: true, analytics: true, marketing: true });
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 2);
    assert.ok(vendors.requests.some((url) => url.includes('/gtag/js')) && vendors.requests.some((url) => url.includes('fbevents.js')), vendors.requests.join(', '));
    assert.equal(await askSelfTest(page, messages), false, 'an acceptance is not taken for a rejection');
    await context.close();
  });

  it('finds a banner that shows only after its first tries, once the element says so in the page', async () => {
    // Between tries the library waits for a mutation of the page's DOM (and 500 ms). The banner
    // appears in the shadow root, where no such mutation is seen: the element's `showing`
    // attribute is one, set by the first layer as it paints the banner. Here the script is held
    // until the library has looked twice: without the attribute it then waited up to a minute,
    // and this test ran into its 20 s limit.
    const context = await browser.newContext();
    await routeVendors(context);
    const looks = () => messages.filter((item) => item.type === 'eval').length;
    const untilLooks = async (count) => {
      for (const start = Date.now(); looks() < count; await new Promise((resolve) => setTimeout(resolve, 50))) {
        if (Date.now() - start > 20_000) assert.fail(`the library did not look ${count} times: ${JSON.stringify(messages.map((item) => item.type))}`);
      }
    };
    let releaseBundle;
    const bundleReleased = new Promise((resolve) => (releaseBundle = resolve));
    await context.route('**/dist/consent-manager.js', (route) => bundleReleased.then(() => route.continue()));
    const { page, messages } = await runAutoconsent(context, VENDOR_PAGE);
    // 'eval' messages are the library's own checks, sent on each try.
    await untilLooks(2);
    assert.equal(messages.some((item) => item.type === 'cmpDetected'), false, 'nothing to find before the banner');
    releaseBundle();
    assert.equal((await message(messages, { type: 'optOutResult' })).result, true);
    // The library pressed Reject all on the painted banner, maybe before the element ran: kept, and made once it did.
    await page.waitForFunction(() => customElements.get('consent-manager') !== undefined && document.querySelector('consent-manager').decided);
    assert.deepEqual(await stateOf(page).then(({ consent, method }) => ({ consent, method })), { consent: { necessary: true, analytics: false, marketing: false }, method: 'banner' });
    assert.equal(await page.evaluate(() => document.querySelector('consent-manager').hasAttribute('showing')), false, 'the banner is gone, and so is the attribute');
    await context.close();
  });

  it('opts out of the modal banner of a site that sets blocking', async () => {
    const context = await browser.newContext();
    const page = '<!doctype html><html lang="en"><title>blocking</title><script type="module" src="/dist/consent-manager.js"></script><consent-manager blocking></consent-manager></html>';
    await context.route(/\/open\/blocking\.html$/, (route) => route.fulfill({ contentType: 'text/html', body: page }));
    const run = await runAutoconsent(context, '/open/blocking.html');
    assert.equal((await message(run.messages, { type: 'optOutResult' })).result, true);
    assert.equal(await askSelfTest(run.page, run.messages), true);
    // The default categories: necessary, preferences, analytics, marketing.
    assert.deepEqual(await stateOf(run.page).then(({ consent, method }) => ({ consent, method })), { consent: { necessary: true, preferences: false, analytics: false, marketing: false }, method: 'banner' });
    await context.close();
  });

  it('claims no page without the element, nor another product\'s <consent-manager> or a look-alike banner', async () => {
    const context = await browser.newContext();
    const lookAlikes = {
      '/open/no-element.html': '<!doctype html><title>x</title><p>We use cookies.</p><div id="cookie-consent-banner" style="position:fixed;bottom:0">We use cookies <button id="cookie-consent-reject-all">Reject all</button></div>',
      '/open/other-product.html':
        '<!doctype html><title>x</title><consent-manager></consent-manager><script>customElements.define("consent-manager", class extends HTMLElement { connectedCallback() { this.attachShadow({ mode: "open" }).innerHTML = \'<div class="cookie-banner" style="position:fixed;bottom:0">We use cookies <button>Reject all</button></div>\'; } });</script>',
    };
    await context.route(/\/open\/(no-element|other-product)\.html$/, (route) => route.fulfill({ contentType: 'text/html', body: lookAlikes[new URL(route.request().url()).pathname] }));
    // Two detection attempts, then the library reports `nothingDetected`; the plain page is the control that the same config detects the element.
    for (const path of ['/strict/policy.html', ...Object.keys(lookAlikes)]) {
      const { messages } = await runAutoconsent(context, path, { detectRetries: 1, whenLoaded: (page) => page.evaluate(() => document.querySelector('consent-manager')?.ready) });
      await waitForLifecycle(messages, 'nothingDetected');
      assert.deepEqual(typesOf(messages).filter((type) => !type.startsWith('init')), [], path);
    }
    const { messages } = await runAutoconsent(context, '/strict/plain.html', { detectRetries: 1, whenLoaded: (page) => page.locator('consent-manager #cookie-consent-banner').waitFor() });
    assert.equal((await message(messages, { type: 'cmpDetected' })).cmp, RULE.name, 'the control');
    await context.close();
  });

  for (const earlier of ['rejectAll', 'acceptAll']) {
    it(`leaves a returning visitor's choice alone (${earlier}): the element is detected, no banner, nothing clicked`, async () => {
      const context = await browser.newContext();
      const setup = await context.newPage();
      await setup.goto(`${server.url}${VENDOR_PAGE}`);
      await setup.evaluate((method) => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready).then(() => document.querySelector('consent-manager')[method]()), earlier);
      const cookieBefore = await consentCookie(context);
      assert.ok(cookieBefore, 'a stored choice');
      const before = await stateOf(setup);
      await setup.close();

      const { page, messages } = await runAutoconsent(context, VENDOR_PAGE);
      assert.equal((await message(messages, { type: 'cmpDetected' })).cmp, RULE.name, 'detected by its stored record');
      // The library looks for a popup for a while and then stops without a message: wait it out.
      await page.waitForTimeout(LIBRARY_POPUP_WAIT_MS + 1000);
      assert.deepEqual(typesOf(messages).filter((type) => !type.startsWith('init')), [`cmpDetected ${RULE.name}`]);
      assert.deepEqual(await stateOf(page), before, 'the same choice, record and time');
      assert.equal(await consentCookie(context), cookieBefore);
      await context.close();
    });
  }
});

/** Waits until the content script reports the lifecycle state `wanted`. */
async function waitForLifecycle(messages, wanted, limitMs = 20_000) {
  for (const start = Date.now(); Date.now() - start < limitMs; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (messages.some((item) => item.type === 'report' && item.state?.lifecycle === wanted)) return;
  }
  assert.fail(`autoconsent never reached ${wanted}: ${JSON.stringify(messages.filter((item) => item.type === 'report').map((item) => item.state?.lifecycle))}`);
}

describe('a scanner-like finder on the demo', () => {
  it('takes the element\'s banner for the consent banner, with its buttons, and nothing else (not the event panel)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('consent-manager #cookie-consent-banner').waitFor();
    await page.locator('.event-panel.open').waitFor();
    const found = await page.evaluate(
      `(${findConsentBanners})(document).map(({ element, signals, buttons, policyLink }) => ({
        banner: element.id || element.className,
        inElement: element.getRootNode().host?.localName ?? null,
        signals,
        buttons: Object.fromEntries(Object.entries(buttons).map(([kind, button]) => [kind, button.id])),
        policyLink: policyLink?.id ?? null,
      }))`,
    );
    assert.deepEqual(found, [
      {
        banner: 'cookie-consent-banner',
        inElement: 'consent-manager',
        signals: ['id', 'class', 'name'],
        buttons: { accept: 'cookie-consent-accept-all', reject: 'cookie-consent-reject-all', settings: 'cookie-consent-customize' },
        policyLink: 'cookie-consent-policy',
      },
    ]);
    await context.close();
  });
});
