// The demo site (`npm start`), page by page, under the policy the demo server sends it. Every
// request to a host other than the test server is recorded and aborted here, so the vendors fail
// as they would offline, deterministically, and nothing reaches the internet.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DEMO_CONSENT_LOG, DEMO_CSP, DEMO_VENDOR_SOURCES, STRICT_CSP, demoCsp, startStaticServer } from '../../scripts/serve.mjs';
import { VENDOR_SCRIPT_HOSTS } from '../../demo/trusted-types.js';
import { launchBrowser, openRecordedPage } from './helpers.mjs';

const PAGES = ['/', '/pricing.html', '/checkout.html', '/cookies.html', '/privacy.html', '/vendors.html'];
/** The adapters every page's config names, and the ones the developers page adds. */
const SITE_VENDORS = ['google-analytics', 'meta-pixel', 'segment', 'stripe'];
const DEVELOPER_PAGE_VENDORS = [...SITE_VENDORS, 'google-tag-manager'];
const VENDOR_HOSTS = new Set(['www.googletagmanager.com', 'connect.facebook.net', 'cdn.segment.com', 'js.stripe.com']);

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startStaticServer({ mounts: { '/': 'demo', '/dist/': 'dist' }, csp: demoCsp })]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/**
 * A browser context in which every request off the test server is recorded and aborted, as if
 * offline. `stand-ins` maps a URL to a script to serve instead (a fake Stripe.js).
 */
async function offlineContext(standIns = {}) {
  const context = await browser.newContext();
  const outside = [];
  await context.route(
    (url) => url.origin !== server.url,
    (route) => {
      const url = route.request().url();
      // The demo's consent log (npm start runs it beside the demo): a stand-in takes the records.
      if (url.startsWith(`${DEMO_CONSENT_LOG}/`)) return route.fulfill({ status: 202, headers: { 'access-control-allow-origin': server.url }, contentType: 'application/json', body: '{"accepted":1,"duplicates":0}' });
      outside.push(url);
      if (standIns[url]) return route.fulfill({ status: 200, contentType: 'text/javascript', body: standIns[url] });
      return route.abort('internetdisconnected');
    },
  );
  return { context, outside };
}

/** Opens a demo page, recording violations, errors and where each console error came from. */
async function open(context, path) {
  const recorded = await openRecordedPage(context);
  recorded.failedLoads = [];
  recorded.page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('Failed to load resource')) recorded.failedLoads.push(message.location().url);
  });
  recorded.response = await recorded.page.goto(`${server.url}${path}`);
  // The element is ready, and the adapters have started (they push the tag manager event).
  await recorded.page.locator('#event-log li[data-name="consent-ready"]').waitFor();
  await recorded.page.locator('#event-log li[data-name="dataLayer.push"]', { hasText: '"event":"consent_update"' }).first().waitFor();
  return recorded;
}

/** The panel's entries of one event, oldest first, each as its parsed detail. */
async function panelEntries(page, name) {
  const texts = await page.locator(`#event-log li[data-name="${name}"] code`).allTextContents();
  return texts.reverse().map((text) => (name === 'dataLayer.push' ? text : JSON.parse(text)));
}

async function waitForAdapterErrors(page, ids) {
  for (const id of ids) await page.locator('#event-log li[data-name="consent-adapter-error"]', { hasText: `{"id":"${id}"` }).waitFor();
}

/**
 * The offline vendor failures are the only console errors, and the panel announced each as
 * `consent-adapter-error`, with the same URL, and nothing else as an error.
 */
async function assertOnlyVendorFailures(recorded, ids) {
  const { page, problems, failedLoads } = recorded;
  const errors = await panelEntries(page, 'consent-adapter-error');
  assert.deepEqual(errors.map((error) => error.id).sort(), [...ids].sort(), 'one consent-adapter-error per configured vendor');
  assert.ok(errors.every((error) => error.reason === 'error' && new URL(error.src).protocol === 'https:'), JSON.stringify(errors));
  assert.deepEqual([...failedLoads].sort(), errors.map((error) => error.src).sort(), 'each failed load is announced as consent-adapter-error');
  assert.equal(problems.errors.length, failedLoads.length, `no console error but the failed loads: ${problems.errors.join(' | ')}`);
  assert.deepEqual(problems.violations, []);
}

describe('the demo server', () => {
  it('sends the demo pages the strict policy plus exactly the vendors’ hosts, and the same hosts to the default Trusted Types policy', () => {
    for (const directive of ["script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'"]) {
      assert.ok(DEMO_CSP.split('; ').some((part) => part.startsWith(directive)), directive);
    }
    assert.match(DEMO_CSP, /; style-src 'self';/, 'styles stay same-origin only');
    assert.match(DEMO_CSP, /trusted-types consent-manager lit-html default$/);
    assert.doesNotMatch(DEMO_CSP, /unsafe-|https:(?!\/\/)|\s\*(\s|;|$)/, 'no unsafe keyword, bare scheme or bare wildcard');
    assert.deepEqual(
      VENDOR_SCRIPT_HOSTS.map((host) => `https://${host}`),
      DEMO_VENDOR_SOURCES['script-src'],
    );
    assert.equal(demoCsp('/embed.html'), STRICT_CSP, 'the embedded tour needs no vendor');
  });
});

describe('every demo page', () => {
  it('loads under its policy with the banner, no violation, no error, and no request off the site before a choice', async () => {
    const { context, outside } = await offlineContext();
    for (const path of PAGES) {
      const recorded = await open(context, path);
      const { page, problems, response } = recorded;
      assert.equal(response.headers()['content-security-policy'], DEMO_CSP, path);
      await page.locator('[part="banner"]').waitFor();
      const [ready] = await panelEntries(page, 'consent-ready');
      assert.deepEqual(ready.categories, { necessary: true, analytics: false, marketing: false, preferences: false, payments: false }, path);
      assert.deepEqual(await panelEntries(page, 'consent-ui-show'), [{ view: 'banner' }], path);
      assert.ok((await panelEntries(page, 'dataLayer.push')).some((entry) => entry.startsWith('gtag("consent", "default"')), `${path}: the Consent Mode default is listed`);
      assert.deepEqual(problems, { violations: [], errors: [] }, path);
      await page.close();
    }
    const embed = await openRecordedPage(context);
    const response = await embed.page.goto(`${server.url}/embed.html`);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    assert.deepEqual(embed.problems, { violations: [], errors: [] });
    assert.deepEqual(outside, [], 'nothing left the site before the visitor chose');
    await context.close();
  });

  it('opens the preferences from the footer’s “Cookie settings”', async () => {
    const { context } = await offlineContext();
    for (const path of PAGES) {
      const { page, problems } = await open(context, path);
      await page.locator('footer a[data-consent-open]', { hasText: 'Cookie settings' }).click();
      await page.locator('[part="preferences"]').waitFor();
      await page.locator('#event-log li[data-name="consent-ui-show"]', { hasText: '"view":"preferences"' }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('[part="preferences"]').waitFor({ state: 'detached' });
      await page.locator('#event-log li[data-name="consent-ui-hide"]', { hasText: '"view":"preferences"' }).waitFor();
      assert.deepEqual(problems, { violations: [], errors: [] }, path);
      await page.close();
    }
    await context.close();
  });

  it('after “Accept all”, lists each vendor’s offline failure as consent-adapter-error, and nothing else breaks, on every page', async () => {
    const { context, outside } = await offlineContext();
    const home = await open(context, '/');
    await home.page.locator('[part="accept-all"]').click();
    await waitForAdapterErrors(home.page, SITE_VENDORS);
    const [change] = await panelEntries(home.page, 'consent-change');
    assert.deepEqual(change.categories, { necessary: true, analytics: true, marketing: true, preferences: true, payments: true });
    assert.equal(change.source, 'banner');
    const pushes = await panelEntries(home.page, 'dataLayer.push');
    assert.ok(pushes.some((entry) => entry.startsWith('gtag("consent", "update"')), 'the Consent Mode update is listed');
    assert.ok(pushes.some((entry) => entry.includes('"consent_source":"banner"')), 'the tag manager event is listed');
    // Marketing is allowed: the tour's frame replaces its placeholder (a local page, under the strict policy).
    await home.page.waitForFunction(() => document.querySelector('iframe.tour')?.getAttribute('src') === '/embed.html');
    await assertOnlyVendorFailures(home, SITE_VENDORS);
    await home.page.close();

    // Every page applies the stored choice on load, and fails the same way.
    for (const path of PAGES) {
      const recorded = await open(context, path);
      const ids = path === '/vendors.html' ? DEVELOPER_PAGE_VENDORS : SITE_VENDORS;
      await waitForAdapterErrors(recorded.page, ids);
      assert.equal(await recorded.page.locator('[part="banner"]').count(), 0, path);
      if (path === '/vendors.html') {
        // The custom adapter's script is local, so it loads, and so does the gated markup.
        await recorded.page.locator('#event-log li[data-name="consent-adapter-load"]', { hasText: '{"id":"plausible"' }).waitFor();
        await recorded.page.locator('#analytics-status', { hasText: 'ran' }).waitFor();
      }
      await assertOnlyVendorFailures(recorded, ids);
      await recorded.page.close();
    }
    assert.ok(outside.length > 0);
    for (const url of outside) assert.ok(VENDOR_HOSTS.has(new URL(url).hostname), `only vendors were asked for, and aborted: ${url}`);
    await context.close();
  });
});

describe('every demo page, for accessibility', () => {
  it('has no axe violation (landmarks, headings, names, contrast), in the light and the dark theme, banner shown', async () => {
    // axe-core comes with @open-wc/testing (through chai-a11y-axe), which the UI suites use for the same check.
    const axe = await readFile(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
    const { context } = await offlineContext();
    for (const path of PAGES) {
      const { page } = await open(context, path);
      await page.locator('[part="banner"]').waitFor();
      // Evaluated by the test runner, not loaded as a script: the page's policy does not apply to it.
      await page.evaluate(axe);
      for (const theme of ['light', 'dark']) {
        await page.selectOption('#theme-switcher', theme);
        const violations = await page.evaluate(async () =>
          (await window.axe.run(document)).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
        );
        assert.deepEqual(violations, [], `${path} (${theme})`);
      }
      await page.close();
    }
    await context.close();
  });
});

describe('the cookie policy page', () => {
  it('shows every category with its cookies, those of the adapters included, and follows the choice', async () => {
    const { context } = await offlineContext();
    const { page, problems } = await open(context, '/cookies.html');
    const categories = page.locator('consent-cookie-table [part="category"]');
    await categories.first().waitFor();
    assert.deepEqual(
      (await page.locator('consent-cookie-table [role="heading"]').allTextContents()).map((text) => text.trim()),
      ['Strictly necessary', 'Performance and analytics', 'Marketing', 'Preferences', 'Payments'],
    );
    const expected = {
      0: ['parley_session', 'consent'],
      1: ['_ga', 'ajs_anonymous_id'],
      2: ['_fbp'],
      3: ['parley_theme', 'parley_lang'],
      4: ['__stripe_mid', '__stripe_sid'],
    };
    for (const [index, names] of Object.entries(expected)) {
      const table = categories.nth(Number(index)).locator('[part="cookie-table"]');
      // The adapters' cookies appear once their modules have loaded.
      for (const name of names) await table.locator('td, th', { hasText: name }).first().waitFor();
    }
    assert.match(await categories.nth(4).textContent(), /Your choice: not allowed/);

    await page.locator('consent-cookie-table [part="open-preferences"]').click();
    await page.locator('[part="preferences"]').waitFor();
    await page.locator('[part="preferences"] input[data-category="payments"]').check();
    await page.locator('[part="save"]').click();
    await page.locator('[part="preferences"]').waitFor({ state: 'detached' });
    await page.locator('consent-cookie-table [part="category"]', { hasText: 'Your choice: allowed' }).waitFor();
    assert.match(await categories.nth(4).textContent(), /Your choice: allowed/);
    await waitForAdapterErrors(page, ['stripe']);
    assert.deepEqual(problems.violations, []);
    await context.close();
  });
});

describe('the switchers', () => {
  it('change the consent UI’s language, right to left for Arabic, and the theme of the site and the UI', async () => {
    const { context } = await offlineContext();
    const { page, problems } = await open(context, '/');
    const banner = page.locator('[part="banner"]');
    await banner.waitFor();
    const englishTitle = (await page.locator('[part="title"]').textContent()).trim();

    await page.selectOption('#language-switcher', 'ar');
    await page.waitForFunction(() => document.querySelector('consent-manager').language === 'ar');
    assert.equal(await page.locator('consent-manager').getAttribute('lang'), 'ar');
    assert.equal(await banner.getAttribute('dir'), 'rtl');
    assert.equal(await banner.getAttribute('lang'), 'ar');
    assert.notEqual((await page.locator('[part="title"]').textContent()).trim(), englishTitle);
    assert.equal(await page.locator('.event-panel').getAttribute('data-side'), 'end', 'the panel moves away from the banner');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the page itself stays English');

    await page.selectOption('#language-switcher', 'de');
    await page.waitForFunction(() => document.querySelector('consent-manager').language === 'de');
    assert.equal(await banner.getAttribute('dir'), 'ltr');
    assert.equal((await page.locator('[part="title"]').textContent()).trim(), 'Diese Website verwendet Cookies');

    const look = () =>
      page.evaluate(() => {
        const style = (node) => getComputedStyle(node);
        const root = document.querySelector('consent-manager').shadowRoot;
        return {
          page: style(document.documentElement).backgroundColor,
          banner: style(root.querySelector('[part="banner"]')).backgroundColor,
          accept: style(root.querySelector('[part="accept-all"]')).backgroundColor,
          tour: style(document.querySelector('consent-placeholder').shadowRoot.querySelector('[part="placeholder"]')).backgroundColor,
        };
      });
    await page.selectOption('#theme-switcher', 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.locator('consent-manager').getAttribute('theme'), 'dark');
    assert.deepEqual(await look(), { page: 'rgb(15, 20, 32)', banner: 'rgb(17, 24, 39)', accept: 'rgb(165, 180, 252)', tour: 'rgb(17, 24, 39)' });
    await page.selectOption('#theme-switcher', 'light');
    assert.deepEqual(await look(), { page: 'rgb(255, 255, 255)', banner: 'rgb(255, 255, 255)', accept: 'rgb(67, 56, 202)', tour: 'rgb(255, 255, 255)' });
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('remember the theme and language for the next visit only while “preferences” is allowed', async () => {
    const { context } = await offlineContext();
    const preferenceCookies = async () => (await context.cookies()).filter((cookie) => cookie.name.startsWith('parley_')).map(({ name, value }) => `${name}=${value}`).sort();
    let { page } = await open(context, '/pricing.html');
    await page.selectOption('#theme-switcher', 'dark');
    assert.deepEqual(await preferenceCookies(), [], 'not without consent');
    await page.reload();
    await page.locator('#event-log li[data-name="consent-ready"]').waitFor();
    assert.equal(await page.locator('consent-manager').getAttribute('theme'), 'auto');

    await page.selectOption('#theme-switcher', 'dark');
    await page.selectOption('#language-switcher', 'ar');
    await page.evaluate(() => document.querySelector('consent-manager').save({ preferences: true }));
    await page.waitForFunction(() => document.cookie.includes('parley_theme='));
    assert.deepEqual(await preferenceCookies(), ['parley_lang=ar', 'parley_theme=dark'], 'allowing keeps the choices already made');
    await page.close();

    ({ page } = await open(context, '/privacy.html'));
    assert.equal(await page.locator('consent-manager').getAttribute('theme'), 'dark');
    assert.equal(await page.locator('consent-manager').getAttribute('lang'), 'ar');
    assert.equal(await page.locator('#theme-switcher').inputValue(), 'dark');

    await page.evaluate(() => document.querySelector('consent-manager').save({ preferences: false }));
    await page.waitForFunction(() => !document.cookie.includes('parley_'));
    assert.deepEqual(await preferenceCookies(), [], 'withdrawing expires the declared cookies');
    await context.close();
  });
});

describe('the checkout', () => {
  const FAKE_STRIPE = `
    window.Stripe = function () {
      return {
        elements: function () {
          return {
            create: function () {
              var handlers = {};
              var field = null;
              return {
                mount: function (target) {
                  field = document.createElement('p');
                  field.className = 'stand-in-card';
                  field.textContent = 'Stand-in card field';
                  target.append(field);
                  setTimeout(function () { handlers.change && handlers.change({ complete: true }); });
                },
                on: function (name, handler) { handlers[name] = handler; },
                destroy: function () { field && field.remove(); },
              };
            },
          };
        },
      };
    };
    window.Stripe.version = 'endive';`;

  it('asks for payment cookies, then says plainly that Stripe could not be reached, offline', async () => {
    const { context, outside } = await offlineContext();
    const recorded = await open(context, '/checkout.html?plan=business');
    const { page } = recorded;
    assert.equal(await page.locator('#plan-name').textContent(), 'Business');
    assert.equal(await page.locator('#card-field').getAttribute('data-state'), 'needs-consent');
    assert.equal(await page.locator('#pay').isDisabled(), true);
    assert.deepEqual(outside, [], 'no Stripe before payments are allowed');

    await page.locator('#allow-payments').click();
    await waitForAdapterErrors(page, ['stripe']);
    await page.locator('#card-field[data-state="unavailable"]').waitFor();
    assert.match(await page.locator('#card-status').textContent(), /Stripe did not load \(it could not be reached\)\. Nothing has been charged/);
    assert.equal(await page.locator('#pay').isDisabled(), true);
    assert.deepEqual(await page.evaluate(() => document.querySelector('consent-manager').consent), {
      necessary: true,
      analytics: false,
      marketing: false,
      preferences: false,
      payments: true,
    });
    await assertOnlyVendorFailures(recorded, ['stripe']);
    await context.close();
  });

  it('mounts Stripe’s card field from the adapter’s Stripe object, through the page’s policies', async () => {
    const { context } = await offlineContext({ 'https://js.stripe.com/endive/stripe.js': FAKE_STRIPE });
    const { page, problems } = await open(context, '/checkout.html');
    await page.locator('#allow-payments').click();
    await page.locator('#event-log li[data-name="consent-adapter-load"]', { hasText: '{"id":"stripe"' }).waitFor();
    await page.locator('#card-element .stand-in-card').waitFor();
    assert.equal(await page.locator('#card-field').getAttribute('data-state'), 'mounted');
    await page.waitForFunction(() => !document.getElementById('pay').disabled);
    await page.locator('#email').fill('ada@example.com');
    await page.locator('#pay').click();
    assert.match(await page.locator('#form-message').textContent(), /no payment is taken/);
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('refuses, through the default Trusted Types policy, a script from any host the policy does not name', async () => {
    const { context } = await offlineContext();
    const { page, problems } = await open(context, '/checkout.html');
    const refused = await page.evaluate(() => {
      const script = document.createElement('script');
      try {
        script.src = 'https://cdn.example.com/tracker.js';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(refused, true);
    // The violation is reported asynchronously.
    for (let waited = 0; problems.violations.length === 0 && waited < 2000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(problems.violations.length, 1);
    assert.match(problems.violations[0], /^require-trusted-types-for blocked trusted-types-sink/);
    await context.close();
  });
});
