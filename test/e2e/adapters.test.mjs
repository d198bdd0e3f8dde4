// The vendor adapters in real Chromium, named in a JSON config and loaded by the script-tag
// bundle. Every vendor host is intercepted (test/e2e/vendor-routes.mjs): requests are counted, and
// Segment runs its real analytics.js from node_modules against a settings fixture.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_CONSENT_LOG, nonceCsp, STRICT_CSP, startStaticServer } from '../../scripts/serve.mjs';
import { launchBrowser, openRecordedPage, startTestServer } from './helpers.mjs';
import { routeVendors } from './vendor-routes.mjs';

let browser;
let server;

before(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startTestServer()]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const ALL_SEVEN_DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const ANALYTICS_AND_MARKETING = { ...ALL_SEVEN_DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted' };
const STRIPE_WITHOUT_SIGNALS = 'https://js.stripe.com/endive/stripe.js?advancedFraudSignals=false';

async function open(context, path = '/open/adapters/index.html') {
  const recorded = await openRecordedPage(context);
  await recorded.page.goto(`${server.url}${path}`);
  await ready(recorded.page);
  return recorded;
}

async function ready(page) {
  await page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
  await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
  // The adapter runner and the adapters are chunks of their own: wait until they started.
  await page.waitForFunction(() => (window.dataLayer ?? []).some((entry) => entry.event === 'consent_update'));
}

/** The data layer, with each entry marked as an `arguments` object (a gtag command), an array, or a plain object. */
function dataLayerOf(page) {
  return page.evaluate(() =>
    window.dataLayer.map((entry) => {
      if (Object.prototype.toString.call(entry) === '[object Arguments]') return { gtag: Array.from(entry, (value) => (value instanceof Date ? 'Date' : value)) };
      return Array.isArray(entry) ? { array: entry } : { push: entry };
    }),
  );
}

const eventsOf = (page, name) => page.evaluate((wanted) => window.events.filter((event) => event.name === wanted), name);
const withoutStripe = (urls) => urls.filter((url) => !url.startsWith('https://js.stripe.com/'));

describe('before consent', () => {
  it('no vendor but Stripe (necessary, fraud signals off) is asked for, on the first visit and on every page for a visitor who declined', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const { page, problems } = await open(context);
    await page.waitForTimeout(300);
    assert.deepEqual(log.requests, [STRIPE_WITHOUT_SIGNALS]);
    assert.equal(await page.evaluate(() => typeof window.fbq), 'undefined', 'no Meta stub before consent');
    assert.equal(await page.evaluate(() => Array.isArray(window.analytics) && window.analytics.initialized !== true), true, "only Segment's local buffer");
    assert.deepEqual(await dataLayerOf(page), [
      { gtag: ['consent', 'default', ALL_SEVEN_DENIED] },
      { push: { event: 'consent_update', consent: { necessary: 'granted', analytics: 'denied', marketing: 'denied' }, consent_source: 'default' } },
    ]);

    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    for (let visit = 0; visit < 2; visit++) {
      await page.reload();
      await ready(page);
    }
    await page.waitForTimeout(300);
    assert.deepEqual(withoutStripe(log.requests), [], 'nothing on any page after declining');
    assert.deepEqual(
      (await dataLayerOf(page)).map((entry) => entry.gtag?.slice(0, 2) ?? entry.push.consent_source),
      [['consent', 'default'], ['consent', 'update'], 'stored'],
      'the stored refusal is stated again on each page',
    );
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });
});

describe('on grant', () => {
  it('loads each vendor once, in its documented order, and Segment sends events stamped with the categories', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const { page, problems } = await open(context);
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 4);
    await page.waitForFunction(() => (window.vendorRan ?? []).includes('fake-ads'));

    assert.deepEqual(await dataLayerOf(page), [
      { gtag: ['consent', 'default', ALL_SEVEN_DENIED] },
      { push: { event: 'consent_update', consent: { necessary: 'granted', analytics: 'denied', marketing: 'denied' }, consent_source: 'default' } },
      { gtag: ['consent', 'update', ANALYTICS_AND_MARKETING] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'G-TEST1234'] },
      { push: { event: 'consent_update', consent: { necessary: 'granted', analytics: 'granted', marketing: 'granted' }, consent_source: 'api' } },
    ]);
    assert.deepEqual(await page.evaluate(() => window.fbCalls), [['consent', 'grant'], ['init', '1234567890'], ['track', 'PageView']]);
    assert.deepEqual(
      (await eventsOf(page, 'consent-adapter-load')).map((event) => event.id).sort(),
      ['google-analytics', 'meta-pixel', 'segment', 'stripe'],
    );
    assert.equal(log.requests.filter((url) => url.includes('/gtag/js')).length, 1);
    assert.equal(log.requests.filter((url) => url.includes('fbevents.js')).length, 1);
    assert.equal(log.requests.filter((url) => url.includes('analytics.min.js')).length, 1);

    await page.evaluate(() => window.analytics.track('Signed up'));
    await waitForSegment(log, (event) => event.event === 'Signed up');
    assert.ok(log.segmentEvents.length >= 2);
    for (const event of log.segmentEvents) {
      assert.deepEqual(event.context.consent.categoryPreferences, { Analytics: true, Advertising: true }, `${event.type} ${event.event ?? ''}`);
    }
    assert.deepEqual(log.segmentEvents.map((event) => event.type).slice(0, 1), ['page'], 'the initial page view');
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('applies the stored choice again on the next page: update before gtag.js, Stripe with fraud signals', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const { page } = await open(context);
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true, marketing: false }));
    await page.waitForFunction(() => window.events.some((event) => event.name === 'consent-adapter-load' && event.id === 'segment'));
    log.requests.length = 0;
    log.segmentEvents.length = 0;

    await page.reload();
    await ready(page);
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 3);
    assert.deepEqual(await dataLayerOf(page), [
      { gtag: ['consent', 'default', ALL_SEVEN_DENIED] },
      { gtag: ['consent', 'update', { ...ALL_SEVEN_DENIED, analytics_storage: 'granted' }] },
      { gtag: ['js', 'Date'] },
      { gtag: ['config', 'G-TEST1234'] },
      { push: { event: 'consent_update', consent: { necessary: 'granted', analytics: 'granted', marketing: 'denied' }, consent_source: 'stored' } },
    ]);
    assert.ok(log.requests.includes('https://js.stripe.com/endive/stripe.js'), 'fraud signals follow analytics, which is allowed');
    assert.equal(log.requests.some((url) => url.includes('connect.facebook.net')), false, 'marketing stays blocked');
    await waitForSegment(log, (event) => event.type === 'page');
    assert.deepEqual(log.segmentEvents[0].context.consent.categoryPreferences, { Analytics: true, Advertising: false });
    await page.waitForTimeout(300);
    assert.equal(log.requests.some((url) => url.includes('fake-ads')), false, 'the device-mode destination of a denied category is left out');
    await context.close();
  });
});

describe("a withdrawal before Segment's wrapper has read the workspace", () => {
  it('says nothing: Segment then stays off because the visitor chose so, not because of the mapping', async () => {
    const context = await browser.newContext();
    await routeVendors(context);
    const { page, problems } = await open(context);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let asked;
    const settingsAsked = new Promise((resolve) => (asked = resolve));
    await page.route(/cdn\.segment\.com\/v1\/projects\/[^/]+\/settings$/, async (route) => {
      asked();
      await held;
      await route.fallback();
    });
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await settingsAsked;
    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    release();
    // The wrapper reads the settings and asks for the categories at once; an error would follow within this.
    await page.waitForFunction(() => window.analytics?.initialized === true || window.analytics?.settings !== undefined, null, { timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(1000);
    assert.deepEqual((await eventsOf(page, 'consent-adapter-error')).map(({ id, reason }) => ({ id, reason })), []);
    assert.deepEqual(problems.errors.filter((text) => text.includes('categoryPreferences')), []);
    await context.close();
  });
});

describe('a Segment workspace without the categories sent', () => {
  it("says so, naming the workspace's categories, as Segment's wrapper then turns analytics.js off", async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const { page, problems } = await open(context, '/open/adapters/index.html?segment-unmapped');
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.events.some((event) => event.name === 'consent-adapter-error' && event.id === 'segment'), null, { timeout: 10_000 }).catch(() => undefined);
    assert.deepEqual((await eventsOf(page, 'consent-adapter-error')).map(({ id, reason }) => ({ id, reason })), [{ id: 'segment', reason: 'options' }]);
    // The console message reaches the test a moment after the event: wait for it, within a bound.
    for (let tries = 0; tries < 50 && !problems.errors.some((text) => text.includes('categoryPreferences')); tries += 1) await page.waitForTimeout(100);
    const said = problems.errors.filter((text) => text.includes('categoryPreferences'));
    assert.equal(said.length, 1, problems.errors.join('\n'));
    assert.match(said[0], /got necessary, analytics, marketing \(the workspace's: Analytics, Advertising\)/);
    await page.evaluate(() => window.analytics.track('Lost'));
    await page.waitForTimeout(300);
    assert.deepEqual(log.segmentEvents, [], 'Segment sent nothing: the reason the message is needed');
    await context.close();
  });
});

describe('on withdrawal', () => {
  it('tells each vendor, resets Segment, expires their cookies, recommends a reload, and blocks them on the next page', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const { page, problems } = await open(context, '/open/adapters/index.html?spy-segment-reset');
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 4);
    await waitForSegment(log, (event) => event.type === 'page');
    await page.evaluate(() => {
      for (const name of ['_ga', '_ga_TEST1234', '_gid', '_gcl_au', '_fbp', '_fbc', 'ajs_anonymous_id', 'kept']) document.cookie = `${name}=1; Path=/`;
      localStorage.setItem('ajs_user_traits', '{}');
    });

    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    const [change] = await eventsOf(page, 'consent-change').then((changes) => changes.slice(-1));
    assert.equal(change.reloadRecommended, true);
    const layer = await dataLayerOf(page);
    assert.deepEqual(layer.at(-2), { gtag: ['consent', 'update', ALL_SEVEN_DENIED] });
    assert.deepEqual(await page.evaluate(() => window.fbCalls.at(-1)), ['consent', 'revoke']);
    assert.equal(await page.evaluate(() => window['ga-disable-G-TEST1234']), true);
    const names = await page.evaluate(() => document.cookie.split('; ').map((cookie) => cookie.split('=')[0]));
    assert.deepEqual(names.sort(), ['consent', 'kept'], 'every vendor cookie expired, the others kept');
    assert.equal(await page.evaluate(() => localStorage.getItem('ajs_user_traits')), null);

    const told = await waitForSegment(log, (event) => event.event === 'Segment Consent Preference Updated');
    assert.deepEqual(told.context.consent.categoryPreferences, { Analytics: false, Advertising: false });
    // The ajs_* clean-up above would also pass without reset(), which clears what analytics.js holds in memory.
    assert.deepEqual(await page.evaluate(() => window.segmentResets), ['analytics.js'], 'reset() called once, on the loaded library');
    await page.evaluate(() => window.analytics.track('After withdrawal'));
    await page.waitForTimeout(400);
    assert.equal(log.segmentEvents.some((event) => event.event === 'After withdrawal'), false, 'later events are dropped');

    log.requests.length = 0;
    await page.reload();
    await ready(page);
    await page.waitForTimeout(300);
    assert.deepEqual(withoutStripe(log.requests), []);
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('with reload-on-revoke, reloads the page once the vendors were told', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const { page } = await open(context, '/open/adapters/index.html?reload');
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 4);
    await waitForSegment(log, (event) => event.type === 'page');

    const navigation = page.waitForEvent('framenavigated');
    await page.evaluate(() => {
      sessionStorage.setItem('before-reload', 'yes');
      document.querySelector('consent-manager').save({ marketing: false });
    });
    await navigation;
    assert.ok(
      log.segmentEvents.some((event) => event.event === 'Segment Consent Preference Updated' && event.context.consent.categoryPreferences.Advertising === false),
      'Segment was told before the reload',
    );
    await ready(page);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('before-reload')), 'yes', 'the same tab reloaded');
    assert.equal(await page.evaluate(() => typeof window.fbq), 'undefined');
    await context.close();
  });
});

describe('a vendor script that fails', () => {
  it('gives one consent-adapter-error with the id and the reason, and the other adapters go on', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context, { fail: /googletagmanager\.com/ });
    const { page } = await open(context);
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 3);
    await page.waitForFunction(() => window.events.some((event) => event.name === 'consent-adapter-error'));
    await page.waitForTimeout(200);
    assert.deepEqual(await eventsOf(page, 'consent-adapter-error'), [
      { name: 'consent-adapter-error', id: 'google-analytics', reason: 'error', src: 'https://www.googletagmanager.com/gtag/js?id=G-TEST1234' },
    ]);
    assert.ok(log.requests.some((url) => url.includes('fbevents.js')));
    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    assert.equal(await page.evaluate(() => document.querySelector('consent-manager').isAllowed('analytics')), false, 'the element goes on');
    await context.close();
  });
});

describe('a vendor script that throws when it runs', () => {
  const VENDORS = ['google-analytics', 'meta-pixel', 'segment', 'stripe'];
  for (const [id, url] of [
    ['google-analytics', /\/gtag\/js/],
    ['meta-pixel', /\/fbevents\.js$/],
  ]) {
    it(`${id}: the choice stays stored, the other vendors load, the element goes on, and the only error is the vendor's`, async () => {
      const context = await browser.newContext();
      const log = await routeVendors(context, { throwing: url });
      const { page, problems } = await open(context);
      await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
      const others = VENDORS.filter((vendor) => vendor !== id);
      await page.waitForFunction((ids) => ids.every((wanted) => window.events.some((event) => event.name === 'consent-adapter-load' && event.id === wanted)), others);
      await page.waitForFunction(() => (window.vendorRan ?? []).includes('stripe.js'));
      await waitForSegment(log, (event) => event.type === 'page');
      const thrown = `uncaught: ${new URL(log.requests.find((request) => url.test(request))).pathname} threw`;
      assert.deepEqual(problems.errors, [thrown], "the vendor's own error, and none from the element");
      // The stand-ins of the vendors that did not break ran.
      const ran = await page.evaluate(() => window.vendorRan);
      if (id !== 'google-analytics') assert.ok(ran.includes('gtag.js'));
      if (id !== 'meta-pixel') assert.ok(ran.includes('fbevents.js'));

      await page.reload();
      await ready(page);
      assert.deepEqual(await page.evaluate(() => document.querySelector('consent-manager').consent), { necessary: true, analytics: true, marketing: true }, 'the choice was stored');
      assert.equal((await dataLayerOf(page)).at(-1).push.consent_source, 'stored');
      await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length >= 3);

      await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
      assert.equal(await page.evaluate(() => document.querySelector('consent-manager').isAllowed('marketing')), false);
      const change = (await eventsOf(page, 'consent-change')).at(-1);
      assert.deepEqual({ categories: change.categories, changed: [...change.changed].sort() }, { categories: { necessary: true, analytics: false, marketing: false }, changed: ['analytics', 'marketing'] });
      assert.deepEqual((await dataLayerOf(page)).at(-2), { gtag: ['consent', 'update', ALL_SEVEN_DENIED] }, 'the vendors are still told');
      assert.deepEqual(problems.errors, [thrown, thrown], 'one per page load, from the vendor alone');
      await context.close();
    });
  }
});

describe('offline', () => {
  it('reports the reason offline for each vendor, and a later grant online loads them', async () => {
    // Playwright's routes still answer while the context is offline, so they come later.
    const context = await browser.newContext();
    const { page } = await open(context, '/open/adapters/google.html');
    await context.setOffline(true);
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-error').length === 2);
    assert.deepEqual((await eventsOf(page, 'consent-adapter-error')).map(({ id, reason }) => `${id} ${reason}`).sort(), ['google-analytics offline', 'meta-pixel offline']);
    await context.setOffline(false);
    const log = await routeVendors(context);
    await page.reload();
    await ready(page);
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 2);
    assert.equal(log.requests.length, 2);
    await context.close();
  });
});

describe('under a nonce-based Content Security Policy with Trusted Types', () => {
  it('loads gtag.js and fbevents.js with the page nonce, with no violation', async () => {
    const context = await browser.newContext();
    await routeVendors(context);
    const { page, problems } = await open(context, '/nonce/adapters/google.html');
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load').length === 2);
    assert.deepEqual(await page.evaluate(() => window.vendorRan.sort()), ['fbevents.js', 'gtag.js']);
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });
});

describe('Segment and Tag Manager under a nonce-based policy', () => {
  it("loads analytics.js and gtm.js with the page nonce, and Segment's API is reached, with no violation", async (t) => {
    // The nonce policy of the other tests, plus the hosts Segment fetches its settings from and sends to.
    const policy = (nonce) => `${nonceCsp(nonce)}; connect-src 'self' https://cdn.segment.com https://api.segment.io`;
    const nonceServer = await startStaticServer({ mounts: { '/': 'test/e2e/pages/adapters', '/dist/': 'dist' }, csp: (pathname, nonce) => policy(nonce) });
    const context = await browser.newContext();
    t.after(() => Promise.all([context.close(), nonceServer.close()]));
    const log = await routeVendors(context);
    const { page, problems } = await openRecordedPage(context);
    const response = await page.goto(`${nonceServer.url}/segment-gtm.html`);
    assert.match(response.headers()['content-security-policy'], /script-src 'nonce-[^';]+'(;|$)/, 'only the nonce admits scripts');
    await ready(page);
    // Marketing stays denied: Segment would insert the Advertising destination itself, without a nonce.
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true }));
    await page.waitForFunction(() => window.events.filter((event) => event.name === 'consent-adapter-load' || event.name === 'consent-adapter-error').length === 2);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual((await eventsOf(page, 'consent-adapter-load')).map((event) => event.id).sort(), ['google-tag-manager', 'segment']);
    await waitForSegment(log, (event) => event.type === 'page');

    assert.deepEqual(await page.evaluate(() => window.vendorRan), ['gtm.js']);
    assert.equal(await page.evaluate(() => window.analytics.initialized), true, 'analytics.js took over the buffer');
    const { nonce, inserted } = await page.evaluate(() => ({
      nonce: document.querySelector('script[type="module"]').nonce,
      inserted: [...document.querySelectorAll('script[src^="https:"]')].map((script) => ({ src: script.src.split('?')[0], nonce: script.nonce })),
    }));
    assert.ok(nonce.length > 0);
    assert.deepEqual(inserted.sort((a, b) => a.src.localeCompare(b.src)), [
      { src: 'https://cdn.segment.com/analytics.js/v1/writeKey1234/analytics.min.js', nonce },
      { src: 'https://www.googletagmanager.com/gtm.js', nonce },
    ]);
    assert.deepEqual(problems, { violations: [], errors: [] });
  });
});

describe('Stripe under enforced Trusted Types', () => {
  // Stripe.js is inserted by @stripe/stripe-js, through the page's default policy.
  const policy = STRICT_CSP.replace("script-src 'self'", "script-src 'self' https://js.stripe.com").replace('trusted-types consent-manager lit-html', 'trusted-types consent-manager lit-html default');

  async function openStripePage(page) {
    const stripeServer = await startStaticServer({ mounts: { '/': 'test/e2e/pages/adapters', '/dist/': 'dist' }, csp: () => policy });
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const recorded = await openRecordedPage(context);
    await recorded.page.goto(`${stripeServer.url}/${page}`);
    return { context, log, stripeServer, ...recorded };
  }

  it("loads with the README's narrow default policy, with no violation", async () => {
    const { context, log, stripeServer, page, problems } = await openStripePage('stripe-trusted-types.html');
    await page.waitForFunction(() => window.events.some((event) => event.name === 'consent-adapter-load' && event.id === 'stripe'));
    assert.deepEqual(log.requests, [STRIPE_WITHOUT_SIGNALS]);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
    await stripeServer.close();
  });

  it('is reported as blocked without a default policy, and nothing else breaks', async () => {
    const { context, log, stripeServer, page } = await openStripePage('stripe-trusted-types-no-policy.html');
    await page.waitForFunction(() => window.events.some((event) => event.name === 'consent-adapter-error' && event.id === 'stripe'));
    assert.equal((await page.evaluate(() => window.events.find((event) => event.name === 'consent-adapter-error'))).reason, 'blocked');
    assert.deepEqual(log.requests, []);
    assert.deepEqual(await page.evaluate(() => document.querySelector('consent-manager').consent), { necessary: true, analytics: false });
    await context.close();
    await stripeServer.close();
  });
});

describe('dist/consent-defaults.js', () => {
  const DEFAULT_BEFORE_A_CHOICE = ['consent', 'default', { ...ALL_SEVEN_DENIED, wait_for_update: 500 }];
  const DAY = 86_400_000;

  /** Opens a defaults page in a new tab of `context`, optionally with GPC on or the clock moved. */
  async function openDefaults(context, path = '/open/adapters/defaults.html', { gpc = false, at } = {}) {
    const recorded = await openRecordedPage(context);
    if (gpc) {
      await recorded.page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { configurable: true, get: () => true }));
    }
    if (at !== undefined) await recorded.page.clock.install({ time: at });
    await recorded.page.goto(`${server.url}${path}`);
    await recorded.page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
    return recorded;
  }

  /** The gtag commands the data layer held when the tag snippet ran, each checked to be an `arguments` object. */
  async function snippetSaw(page) {
    const entries = await page.evaluate(() => window.dataLayerAtSnippet);
    for (const [index, { type }] of entries.entries()) assert.equal(type, '[object Arguments]', `entry ${index} is an arguments object, as gtag.js requires`);
    return entries.map(({ args }) => args);
  }

  it('pushes the default and the stored choice, as arguments objects, before a tag manager snippet that runs ahead of the element', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openDefaults(context);
    assert.deepEqual(await snippetSaw(page), [DEFAULT_BEFORE_A_CHOICE]);
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true }));

    await page.reload();
    await page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
    assert.deepEqual(await snippetSaw(page), [
      ['consent', 'default', ALL_SEVEN_DENIED],
      ['consent', 'update', { ...ALL_SEVEN_DENIED, analytics_storage: 'granted', functionality_storage: 'granted' }],
    ]);
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('with Global Privacy Control on: everything denied before a choice, and a marketing grant given without GPC is denied', async () => {
    const context = await browser.newContext();
    const first = await openDefaults(context, undefined, { gpc: true });
    assert.equal(await first.page.evaluate(() => navigator.globalPrivacyControl), true);
    assert.deepEqual(await snippetSaw(first.page), [DEFAULT_BEFORE_A_CHOICE]);
    await first.page.close();
    await context.close();

    const later = await browser.newContext();
    const withoutGpc = await openDefaults(later);
    await withoutGpc.page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true, marketing: true }));
    await withoutGpc.page.reload();
    assert.deepEqual((await snippetSaw(withoutGpc.page))[1], ['consent', 'update', { ...ANALYTICS_AND_MARKETING, functionality_storage: 'granted' }], 'the grant holds without GPC');
    await withoutGpc.page.close();

    const withGpc = await openDefaults(later, undefined, { gpc: true });
    assert.deepEqual(await snippetSaw(withGpc.page), [
      ['consent', 'default', ALL_SEVEN_DENIED],
      ['consent', 'update', { ...ALL_SEVEN_DENIED, analytics_storage: 'granted', functionality_storage: 'granted' }],
    ]);
    assert.deepEqual(withGpc.problems, { violations: [], errors: [] });
    await later.close();
  });

  it('treats an expired stored choice as none: the plain default, and no update', async () => {
    const context = await browser.newContext();
    const { page } = await openDefaults(context);
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true }));
    const savedAt = Date.now();
    await page.close();

    // The cookie itself outlives the page clock, so only the age recorded in the choice can expire it.
    const stillValid = await openDefaults(context, undefined, { at: savedAt + 181 * DAY });
    assert.equal((await snippetSaw(stillValid.page)).length, 2, 'a choice 181 days old is still applied');
    await stillValid.page.close();
    const expired = await openDefaults(context, undefined, { at: savedAt + 183 * DAY });
    assert.deepEqual(await snippetSaw(expired.page), [DEFAULT_BEFORE_A_CHOICE], 'past the default 182 days');
    await context.close();
  });

  it('treats a choice stored under an older revision as none: the plain default, and no update', async () => {
    const context = await browser.newContext();
    const { page } = await openDefaults(context, '/open/adapters/defaults-revision-1.html');
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true }));
    await page.reload();
    assert.equal((await snippetSaw(page)).length, 2, 'the choice is applied under the revision it was given in');

    await page.goto(`${server.url}/open/adapters/defaults.html`);
    assert.deepEqual(await snippetSaw(page), [DEFAULT_BEFORE_A_CHOICE]);
    await context.close();
  });
});

describe('Consent Mode stated by the element when a default exists and no Google adapter is configured', () => {
  const ANALYTICS_ONLY = { ...ALL_SEVEN_DENIED, analytics_storage: 'granted', functionality_storage: 'granted' };

  /** The element's `consent update` commands, in order, each checked to be an `arguments` object. */
  async function updatesOf(page) {
    const entries = await dataLayerOf(page);
    return entries.filter((entry) => entry.gtag?.[0] === 'consent' && entry.gtag[1] === 'update').map((entry) => entry.gtag[2]);
  }

  async function openPage(context, path) {
    const recorded = await openRecordedPage(context);
    await recorded.page.goto(`${server.url}${path}`);
    await ready(recorded.page);
    return recorded;
  }

  it('with the README recipe (consent-defaults.js, no Google adapter): states the stored grant on start and the denied state on withdrawal, before the event', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context, '/open/adapters/defaults.html');
    assert.deepEqual(await updatesOf(page), [{ ...ALL_SEVEN_DENIED }], 'undecided: the element states its state on start');
    await page.evaluate(() => document.querySelector('consent-manager').save({ analytics: true }));
    assert.deepEqual((await updatesOf(page)).at(-1), ANALYTICS_ONLY, 'the map consent-defaults.js used');

    await page.reload();
    await ready(page);
    // consent-defaults.js's update, then the element's own on start.
    assert.deepEqual(await updatesOf(page), [ANALYTICS_ONLY, ANALYTICS_ONLY]);
    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    const entries = await dataLayerOf(page);
    const update = entries.findLastIndex((entry) => entry.gtag?.[1] === 'update');
    const event = entries.findLastIndex((entry) => entry.push?.event === 'consent_update');
    assert.deepEqual(entries[update].gtag, ['consent', 'update', ALL_SEVEN_DENIED], 'the withdrawal is stated to Consent Mode');
    assert.ok(update < event, 'before the consent_update event, so tags it triggers see the new state');
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it("with the site's own default snippet: states the state with the default map on start and on every change", async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, '/open/adapters/defaults-site-snippet.html');
    assert.deepEqual(await updatesOf(page), [ALL_SEVEN_DENIED]);
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    assert.deepEqual(await updatesOf(page), [ALL_SEVEN_DENIED, ANALYTICS_AND_MARKETING, ALL_SEVEN_DENIED]);
    await context.close();
  });

  it('with an invalid config: states the safe state, even over a stored grant consent-defaults.js applied', async () => {
    const context = await browser.newContext();
    const valid = await openPage(context, '/open/adapters/defaults.html');
    await valid.page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await valid.page.close();
    const { page } = await openPage(context, '/open/adapters/defaults-invalid-config.html');
    const updates = await updatesOf(page);
    assert.deepEqual(updates[0], { ...ANALYTICS_AND_MARKETING, functionality_storage: 'granted' }, 'consent-defaults.js applied the stored grant');
    assert.deepEqual(updates.at(-1), ALL_SEVEN_DENIED, 'the element states its safe state');
    await context.close();
  });

  it('consent-defaults.js pushes no grant from a record the element refuses: the config gained a category', async () => {
    const context = await browser.newContext();
    const before = await openPage(context, '/open/adapters/defaults.html');
    await before.page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    await before.page.goto(`${server.url}/open/adapters/defaults-new-category.html`);
    await ready(before.page);
    const atSnippet = await before.page.evaluate(() => window.dataLayerAtSnippet.map(({ args }) => args));
    assert.deepEqual(atSnippet, [['consent', 'default', { ...ALL_SEVEN_DENIED, wait_for_update: 500 }]], 'the default only');
    assert.equal(await before.page.evaluate(() => document.querySelector('consent-manager').decided), false, 'the element asks again');
    assert.deepEqual((await updatesOf(before.page)).at(-1), ALL_SEVEN_DENIED);
    await context.close();
  });
});

/** Resolves with the first event Segment's API received that matches, polling for four seconds. */
async function waitForSegment(log, matches) {
  for (let waited = 0; waited < 4000; waited += 50) {
    const found = log.segmentEvents.find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('Segment received no matching event');
}

describe('the vendors demo page', () => {
  it('runs every adapter, and the custom one, with the vendors served by stand-ins', async () => {
    const demo = await startStaticServer({ mounts: { '/': 'demo', '/dist/': 'dist' }, csp: (pathname) => (pathname === '/vendors.html' ? null : STRICT_CSP) });
    const context = await browser.newContext();
    const log = await routeVendors(context);
    // The demo's consent log (npm start runs it beside the demo): a stand-in takes the records.
    await context.route(`${DEMO_CONSENT_LOG}/**`, (route) => route.fulfill({ status: 202, headers: { 'access-control-allow-origin': demo.url }, contentType: 'application/json', body: '{"accepted":1,"duplicates":0}' }));
    const { page, problems } = await openRecordedPage(context);
    await page.goto(`${demo.url}/vendors.html`);
    await page.waitForFunction(() => window.dataLayer?.some((entry) => entry.event === 'consent_update'));
    await page.locator('[part="accept-all"]').click();
    await page.locator('#event-log li', { hasText: '"id":"plausible"' }).waitFor();
    for (const id of ['google-analytics', 'google-tag-manager', 'meta-pixel', 'segment', 'stripe']) {
      await page.locator('#event-log li', { hasText: `consent-adapter-load {"id":"${id}"` }).waitFor();
    }
    assert.ok(log.requests.some((url) => url.startsWith('https://www.googletagmanager.com/gtm.js?id=GTM-DEMO123')));
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
    await demo.close();
  });

  it('under a strict policy that names no vendor host, reports each vendor as blocked and nothing leaves the page', async () => {
    const context = await browser.newContext();
    const log = await routeVendors(context);
    const { page, problems } = await openRecordedPage(context);
    await page.goto(`${server.url}/vendors.html`);
    await page.waitForFunction(() => window.dataLayer?.some((entry) => entry.event === 'consent_update'));
    await page.locator('[part="accept-all"]').click();
    const blocked = ['google-analytics', 'google-tag-manager', 'meta-pixel', 'segment', 'stripe'];
    for (const id of blocked) await page.locator('#event-log li', { hasText: `consent-adapter-error {"id":"${id}","reason":"blocked"` }).waitFor();
    await page.locator('#event-log li', { hasText: 'consent-adapter-load {"id":"plausible"' }).waitFor();
    assert.deepEqual(log.requests, [], 'no request reached a vendor host');
    assert.deepEqual(problems.errors.filter((error) => error.startsWith('uncaught')), []);
    await context.close();
  });
});
