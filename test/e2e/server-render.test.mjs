// The server-rendered first layer end to end: a small Node server renders each page's
// <consent-manager> with renderConsentManager from the request's cookies and Accept-Language, under
// `script-src 'self'; style-src 'self'` (the project's strict policy). The banner must paint with
// the page, before and without any script, and work once the script-tag bundle loads, adopting
// the served nodes; a visitor with a choice gets no banner from the server.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inlineFirstLayerSources, renderConsentManager, languagesFromHeader } from 'consent-manager-element/core';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { launchBrowser, openRecordedPage } from './helpers.mjs';

const config = { categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }], policyUrl: '/cookies' };
/** The same with two vendors, whose companies the banner names in a partner sentence: `/partners`. */
const partnersConfig = { ...config, adapters: { 'google-analytics': { measurementId: 'G-TEST1234' }, 'meta-pixel': { pixelId: '1234567890' } } };
const TYPES = { '.js': 'text/javascript', '.css': 'text/css' };

/** The element for this request: the banner styled by the stylesheet link, or with `nonce` the inline first layer (styles and loader inline, under that nonce). */
function renderElement(request, nonce, siteConfig = config) {
  return renderConsentManager({
    config: siteConfig,
    cookieHeader: request.headers.cookie,
    lang: languagesFromHeader(request.headers['accept-language']),
    gpc: request.headers['sec-gpc'] === '1',
    stylesheet: '/dist/consent-banner.css',
    ...(nonce ? { inline: { bundle: '/dist/consent-manager.js', nonce } } : {}),
  });
}

/** The inline first layer with no nonce, for a page whose fixed policy allows it by hash. */
function renderHashedElement(request) {
  return renderConsentManager({ config, cookieHeader: request.headers.cookie, lang: languagesFromHeader(request.headers['accept-language']), inline: { bundle: '/dist/consent-manager.js' } });
}

/** STRICT_CSP with a nonce for inline scripts and styles: the policy a site using the inline first layer sends. */
const nonceCsp = (nonce) => STRICT_CSP.replace("script-src 'self'", `script-src 'self' 'nonce-${nonce}'`).replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
/**
 * STRICT_CSP with the inline first layer's hashes: the same policy for every response, computed
 * once at start; with `strictDynamic`, the hash-based strict policy (`'strict-dynamic'` and the
 * hash, no host). Both allow the loader's Trusted Types policy, `consent-manager-loader`.
 */
const hashCsp = ({ script, style }, strictDynamic = false) =>
  STRICT_CSP.replace("script-src 'self'", strictDynamic ? `script-src 'strict-dynamic' ${script}` : `script-src 'self' ${script}`)
    .replace("style-src 'self'", `style-src 'self' ${style}`)
    .replace('trusted-types consent-manager lit-html', 'trusted-types consent-manager consent-manager-loader lit-html');

function page(request, siteConfig = config) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<link rel="modulepreload" href="/dist/consent-manager.js"></head>
<body><main><h1>Shop</h1><p>Products and prices.</p></main>
${renderElement(request, undefined, siteConfig)}
<script type="module" src="/dist/consent-manager.js"></script></body></html>`;
}

/**
 * The <head> of a held page: `loader`, the markup the README recommends for a server-rendered
 * banner (the stylesheet preloaded; `consent-manager-ssr.js` fetches the bundle after the first
 * contentful paint), or `bundle`, the bundle's own module script in <head>.
 */
const HELD_HEADS = {
  loader: '<link rel="preload" href="/dist/consent-banner.css" as="style"><script type="module" src="/dist/consent-manager-ssr.js"></script>',
  bundle: '<link rel="preload" href="/dist/consent-banner.css" as="style"><script type="module" src="/dist/consent-manager.js"></script>',
  // The inline first layer needs nothing in <head>: its styles and loader come with the element.
  inline: '',
};
const heldPage = {
  start: (head) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>${head}</head>
<body><main><h1>Shop</h1><p>Products and prices.</p></main>\n`,
  end: (request, nonce) => `${renderElement(request, nonce)}\n</body></html>`,
};

/** A page with the inline first layer and no other script tag of ours. */
const inlinePage = (request, nonce, render = renderElement) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><main><h1>Shop</h1><p>Products and prices.</p></main>
${render(request, nonce)}
</body></html>`;

/** Releases of `/held/…` pages, whose end (the element and `</body></html>`) waits for the test. */
const heldEnds = [];

/**
 * The site: pages rendered per request, the built bundle and stylesheet under /dist/. `/hashed`
 * has the inline first layer under a fixed policy with its hashes, `/hashed-strict` under the
 * hash-based `'strict-dynamic'` policy, `/hashed-injected` as `/hashed` with a copy of the loader
 * injected before the element, `/hashed-clobbered` as `/hashed-strict` with named elements that
 * shadow the document's methods; `/unhashed` the same markup under the strict policy alone, which
 * must refuse it.
 */
async function startSite() {
  const sources = await inlineFirstLayerSources('/dist/consent-manager.js');
  const hashedPages = { '/hashed': hashCsp(sources), '/hashed-strict': hashCsp(sources, true), '/hashed-injected': hashCsp(sources), '/hashed-clobbered': hashCsp(sources, true), '/unhashed': STRICT_CSP };
  const server = createServer((request, response) => {
    void (async () => {
      const { pathname } = new URL(request.url, 'http://localhost');
      if (pathname.startsWith('/dist/')) {
        const file = normalize(join('dist', pathname.slice('/dist/'.length)));
        if (!file.startsWith('dist/')) return response.writeHead(404).end();
        try {
          const body = await readFile(file);
          return response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
        } catch {
          return response.writeHead(404).end();
        }
      }
      if (pathname in hashedPages) {
        let markup = renderHashedElement(request);
        // Markup injected into the page: the hashed loader, copied before the element.
        if (pathname === '/hashed-injected') markup = `${/<script type="module">[\s\S]*?<\/script>$/.exec(markup)[0]}${markup}`;
        // Markup injected into the page: named elements that shadow the document's methods and head.
        if (pathname === '/hashed-clobbered') markup = `<img name="querySelector" alt=""><img name="createElement" alt=""><iframe name="head"></iframe>${markup}`;
        return response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': hashedPages[pathname], 'Cache-Control': 'private, no-store', Vary: 'Cookie, Accept-Language' }).end(inlinePage(request, undefined, () => markup));
      }
      const held = /^\/held\/(\w+)$/.exec(pathname)?.[1];
      // A fresh nonce per response, as a site sends it, for the pages with the inline first layer.
      const nonce = pathname === '/inline' || held === 'inline' ? randomBytes(16).toString('base64') : undefined;
      const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': nonce ? nonceCsp(nonce) : STRICT_CSP, 'Cache-Control': 'private, no-store', Vary: 'Cookie, Accept-Language' };
      if (held && held in HELD_HEADS) {
        response.writeHead(200, headers).write(heldPage.start(HELD_HEADS[held]));
        await new Promise((release) => heldEnds.push(release));
        return response.end(heldPage.end(request, nonce));
      }
      if (pathname === '/loader') return response.writeHead(200, headers).end(heldPage.start(HELD_HEADS.loader) + heldPage.end(request));
      if (pathname === '/partners') return response.writeHead(200, headers).end(page(request, partnersConfig));
      response.writeHead(200, headers).end(nonce ? inlinePage(request, nonce) : page(request));
    })();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) }));
  });
}

let browser;
let site;

before(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite()]);
});

after(async () => {
  await Promise.all([browser?.close(), site?.close()]);
});

/** Resolves once `check()` holds, polling; rejects naming `what` after 10 s. */
async function waitUntil(check, what) {
  for (const start = Date.now(); !check(); ) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the banner part has adopted the served banner: it adds its stylesheets to the root first. */
const adopted = () => document.querySelector('consent-manager')?.shadowRoot?.adoptedStyleSheets.length >= 3;

/**
 * Opens the page with its entry script held back until the test has taken hold of the banner the
 * parser built (`window.served`), then lets the script run.
 */
async function openHoldingScript(tab, path = '/') {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await tab.route('**/dist/consent-manager.js', async (route) => {
    await held;
    await route.continue();
  });
  await tab.goto(`${site.url}${path}`, { waitUntil: 'commit' });
  await tab.waitForFunction(() => document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner'));
  await tab.evaluate(() => (window.served = document.querySelector('consent-manager').shadowRoot.querySelector('.banner')));
  release();
  await tab.waitForFunction(adopted);
}

describe('the server-rendered first layer in a real page', () => {
  it('paints the banner without any script: the bundle blocked, no CSP violation', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    const scripts = [];
    await tab.route('**/*.js', (route) => (scripts.push(route.request().url()), route.abort()));
    await tab.goto(`${site.url}/`);
    const banner = tab.locator('consent-manager [part="banner"]');
    await banner.waitFor({ state: 'visible' });
    assert.ok(scripts.length > 0, 'the bundle was requested and refused');
    assert.equal(await tab.evaluate(() => customElements.get('consent-manager')), undefined, 'no script defined the element');
    assert.equal(await banner.evaluate((node) => getComputedStyle(node).position), 'fixed', 'styled by the linked stylesheet');
    const box = await banner.boundingBox();
    const viewport = tab.viewportSize();
    assert.ok(box.y + box.height <= viewport.height && box.y + box.height > viewport.height - 40, 'at the bottom of the viewport');
    assert.equal(await tab.locator('consent-manager [part="title"]').textContent(), 'This site uses cookies');
    assert.deepEqual(await tab.locator('consent-manager [part="banner"] button').allTextContents(), ['Accept all', 'Reject all', 'Customize']);
    assert.deepEqual(problems.violations, []);
    await context.close();
  });

  it('adopts the painted banner once the script runs (the same node, no layout shift), and Accept all records a banner choice', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    await tab.addInitScript(() => {
      window.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await openHoldingScript(tab);
    assert.equal(await tab.evaluate(() => window.served.isConnected && document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]') === window.served), true, 'the same node');
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelectorAll('.banner').length), 1);

    await tab.locator('consent-manager [part="accept-all"]').click();
    await tab.waitForFunction(() => document.querySelector('consent-manager').consent.analytics === true);
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').record.method), 'banner');
    assert.equal(await tab.evaluate(() => window.served.isConnected), false, 'the banner went');
    assert.equal(await tab.evaluate(() => window.shifts), 0, 'no layout shift');

    // The next request carries the choice: the server renders no banner.
    const response = await tab.reload();
    assert.doesNotMatch(await response.text(), /shadowrootmode/);
    await tab.waitForFunction(() => document.querySelector('consent-manager')?.decided === true);
    assert.equal(await tab.locator('consent-manager [part="banner"]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  /**
   * Opens `/held/<head>` with the page's end (the element) held until the browser has `files`, so
   * that they are ready when parsing ends (a module script ready then runs before the first
   * frame). Each frame, before it renders, records in `window.paintedFirst` the served banner if it
   * is laid out and styled while the script has not yet done `what`: `ran` (the bundle has not read
   * the cookies, its first act: src/script-tag-prelude.ts) or `defined` (the element). Resolves once
   * the element has adopted a banner.
   */
  async function openHeldPage(tab, head, files, what) {
    await tab.addInitScript((what) => {
      window.cookieReads = 0;
      const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      Object.defineProperty(Document.prototype, 'cookie', {
        ...cookie,
        get() {
          window.cookieReads++;
          return cookie.get.call(this);
        },
      });
      const notYetRan = () => (what === 'ran' ? window.cookieReads === 0 : !customElements.get('consent-manager'));
      window.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      const watch = () => {
        if (!notYetRan()) return;
        const banner = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner');
        if (banner && banner.getBoundingClientRect().height > 0 && getComputedStyle(banner).position === 'fixed') window.paintedFirst = banner;
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    }, what);
    const arrived = (file) => new Promise((resolve) => tab.on('requestfinished', (request) => request.url().endsWith(file) && resolve()));
    const ready = Promise.all(files.map(arrived));
    const heldBefore = heldEnds.length;
    await tab.goto(`${site.url}/held/${head}`, { waitUntil: 'commit' });
    await ready;
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager')), null, 'the element is not parsed yet');
    assert.equal(heldEnds.length, heldBefore + 1);
    heldEnds.pop()();
    await tab.waitForFunction(adopted);
  }

  /** After `openHeldPage`: the painted banner was adopted, nothing moved, and it works. */
  async function assertAdoptedAndWorking(tab, problems) {
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]') === window.paintedFirst), true, 'the painted node was adopted');
    assert.equal(await tab.evaluate(() => window.shifts), 0, 'no layout shift');
    await tab.locator('consent-manager [part="reject-all"]').click();
    await tab.waitForFunction(() => document.querySelector('consent-manager').decided === true);
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').record.method), 'banner');
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
  }

  it('with the recommended markup, paints the served banner before the bundle runs, even when the bundle has arrived before the page is parsed', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    // The bundle is not preloaded with this markup: the loader fetches it after the first paint.
    await openHeldPage(tab, 'loader', ['/dist/consent-manager-ssr.js', '/dist/consent-banner.css'], 'ran');
    assert.equal(await tab.evaluate(() => window.paintedFirst instanceof HTMLElement), true, 'a frame rendered the served banner before the bundle ran');
    // Nor was the bundle's download competing with the first paint: it was requested after it.
    const [bundleRequested, firstContentfulPaint] = await tab.evaluate(() => [
      performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/dist/consent-manager.js'))?.startTime,
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    ]);
    assert.ok(typeof firstContentfulPaint === 'number' && bundleRequested >= firstContentfulPaint, `bundle requested at ${bundleRequested} ms, first contentful paint at ${firstContentfulPaint} ms`);
    await assertAdoptedAndWorking(tab, problems);
    await context.close();
  });

  it("with the bundle's own script tag, paints the served banner before the element is defined, even when the bundle has arrived before the page is parsed", async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    await openHeldPage(tab, 'bundle', ['/dist/consent-manager.js', '/dist/consent-banner.css'], 'defined');
    assert.equal(await tab.evaluate(() => window.paintedFirst instanceof HTMLElement), true, 'a frame rendered the served banner before the element was defined');
    await assertAdoptedAndWorking(tab, problems);
    await context.close();
  });

  it('with the inline first layer under a nonce policy, paints the served banner before the bundle runs, requests nothing of ours before the first paint, and works', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    const requested = [];
    tab.on('request', (request) => request.url().includes('/dist/') && requested.push(request.url().replace(site.url, '')));
    await openHeldPage(tab, 'inline', [], 'ran');
    assert.equal(await tab.evaluate(() => window.paintedFirst instanceof HTMLElement), true, 'a frame rendered the served banner, styled by its inline style, before the bundle ran');
    const [bundleRequested, firstContentfulPaint] = await tab.evaluate(() => [
      performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/dist/consent-manager.js'))?.startTime,
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    ]);
    assert.ok(typeof firstContentfulPaint === 'number' && bundleRequested >= firstContentfulPaint, `bundle requested at ${bundleRequested} ms, first contentful paint at ${firstContentfulPaint} ms`);
    assert.equal(requested[0], '/dist/consent-manager.js', 'the bundle is the first file of ours the page asks for');
    assert.ok(!requested.some((url) => url.endsWith('.css') || url.endsWith('consent-manager-ssr.js')), requested.join(', '));
    await assertAdoptedAndWorking(tab, problems);
    await context.close();
  });

  it('with the inline first layer, a returning visitor gets no banner and the bundle at once, applying the stored choice; no CSP violation', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    await tab.goto(`${site.url}/inline`);
    // The element's own click, not one the loader keeps and makes again (tested below).
    await tab.waitForFunction(adopted);
    await tab.locator('consent-manager [part="accept-all"]').click();
    await tab.waitForFunction(() => document.querySelector('consent-manager').consent.analytics === true);
    const response = await tab.reload();
    const html = await response.text();
    assert.doesNotMatch(html, /shadowrootmode|<style/);
    assert.match(html, /<\/consent-manager><script type="module" nonce="[^"]+">/, 'the loader still comes with the element');
    await tab.waitForFunction(() => document.querySelector('consent-manager')?.decided === true);
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').consent.analytics), true);
    assert.equal(await tab.locator('consent-manager [part="banner"]').count(), 0);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  for (const [path, policy] of [
    ['/hashed', "'self' and the hashes"],
    ['/hashed-strict', "'strict-dynamic' and the hashes"],
  ]) {
    it(`with the inline first layer under a fixed policy that allows it by hash (${policy}, Trusted Types, no nonce), paints the styled banner, loads the bundle and adopts the banner; no CSP violation`, async () => {
      const context = await browser.newContext();
      const { page: tab, problems } = await openRecordedPage(context);
      const release = await openHoldingBundle(tab, path);
      const banner = tab.locator('consent-manager [part="banner"]');
      assert.equal(await banner.evaluate((node) => getComputedStyle(node).position), 'fixed', 'styled by the hashed inline style');
      await banner.evaluate((node) => (window.served = node));
      release();
      await tab.waitForFunction(adopted);
      assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]') === window.served), true, 'the served node was adopted');
      await tab.locator('consent-manager [part="accept-all"]').click();
      await tab.waitForFunction(() => document.querySelector('consent-manager').consent.analytics === true);
      assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').record.method), 'banner');
      // A returning visitor: no banner, and the hashed loader (the same text) still brings the bundle.
      await tab.reload();
      await tab.waitForFunction(() => document.querySelector('consent-manager')?.decided === true);
      assert.equal(await tab.locator('consent-manager [part="banner"]').count(), 0);
      assert.deepEqual(problems.violations, []);
      assert.deepEqual(problems.errors, []);
      await context.close();
    });
  }

  it("replays the visitor's early click once when injected markup repeats the hashed loader", async () => {
    const context = await browser.newContext();
    const { page: tab } = await openRecordedPage(context);
    await tab.addInitScript(() => {
      window.changes = [];
      addEventListener('consent-change', (event) => window.changes.push(event.detail?.source ?? 'change'));
    });
    const release = await openHoldingBundle(tab, '/hashed-injected');
    assert.equal(await tab.locator('script[type="module"]:not([src])').count(), 2, 'two copies of the loader');
    await tab.locator('consent-manager [part="accept-all"]').click();
    release();
    await tab.waitForFunction(() => document.querySelector('consent-manager').decided === true);
    // Both loaders heard the adoption in the same event; a second replay would be a timer queued with the first.
    await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    assert.equal(await tab.evaluate(() => window.changes.length), 1, 'one consent-change');
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').record.method), 'banner');
    await context.close();
  });

  it("the loader still loads the bundle when injected markup shadows the document's querySelector, createElement and head", async () => {
    // Only the loader is under test: the bundle itself reads the document's methods by name, and
    // fails closed under such markup (nothing optional granted; SECURITY.md, limits of 13).
    const context = await browser.newContext();
    const { page: tab } = await openRecordedPage(context);
    const bundleRequested = new Promise((resolve) => tab.on('request', (request) => request.url().endsWith('/dist/consent-manager.js') && resolve()));
    await tab.goto(`${site.url}/hashed-clobbered`);
    assert.equal(await tab.evaluate(() => typeof document.querySelector === 'function' || typeof document.createElement === 'function' || document.head instanceof HTMLHeadElement), false, 'the page shadows all three');
    await Promise.race([bundleRequested, new Promise((resolve, reject) => setTimeout(() => reject(new Error('the bundle was not requested within 10 s')), 10_000).unref())]);
    const inserted = await tab.evaluate(() => [...Document.prototype.querySelectorAll.call(document, 'head > script[type="module"][src]')].map((script) => script.src));
    assert.deepEqual(inserted, [`${site.url}/dist/consent-manager.js`], 'one module script for the bundle, in <head>');
    await context.close();
  });

  it('the same markup under the strict policy without the hashes is refused by the browser: the hashes are what allows it', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    await tab.goto(`${site.url}/unhashed`);
    const banner = tab.locator('consent-manager [part="banner"]');
    await banner.waitFor({ state: 'attached' });
    await tab.waitForFunction(() => document.readyState === 'complete');
    await waitUntil(() => problems.violations.length >= 2, 'two violations reported');
    assert.deepEqual(problems.violations.map((text) => text.split(' ')[0]).sort(), ['script-src-elem', 'style-src-elem']);
    assert.notEqual(await banner.evaluate((node) => getComputedStyle(node).position), 'fixed', 'the refused style did not apply');
    assert.equal(await tab.evaluate(() => customElements.get('consent-manager')), undefined, 'the refused loader did not bring the bundle');
    await context.close();
  });

  /**
   * Opens `path` (`/inline`, or `/loader`: the stylesheet link with consent-manager-ssr.js) with
   * the bundle held back; resolves with the function that lets it through.
   */
  async function openHoldingBundle(tab, path) {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await tab.route('**/dist/consent-manager.js', async (route) => {
      await held;
      await route.continue();
    });
    await tab.goto(`${site.url}${path}`);
    await tab.locator('consent-manager [part="banner"]').waitFor({ state: 'visible' });
    return release;
  }

  for (const [path, markup] of [
    ['/inline', 'the inline first layer'],
    ['/loader', 'the stylesheet link and consent-manager-ssr.js'],
  ]) {
    it(`keeps the visitor's click on the served banner before its buttons work, and makes it once they do, as a banner choice (${markup})`, async () => {
      const context = await browser.newContext();
      const { page: tab, problems } = await openRecordedPage(context);
      const release = await openHoldingBundle(tab, path);
      await tab.locator('consent-manager [part="reject-all"]').click();
      assert.equal(await tab.evaluate(() => customElements.get('consent-manager')), undefined, 'clicked before the element existed');
      release();
      await tab.waitForFunction(() => document.querySelector('consent-manager').decided === true);
      const record = await tab.evaluate(() => document.querySelector('consent-manager').record);
      assert.deepEqual([record.method, record.granted], ['banner', ['necessary']]);
      await tab.waitForFunction(() => !document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]'));
      assert.deepEqual(problems.violations, []);
      assert.deepEqual(problems.errors, []);
      await context.close();
    });
  }

  it('keeps an Escape the visitor presses in the served banner before its buttons work: a rejection, made in the banner (the inline first layer)', async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    const release = await openHoldingBundle(tab, '/inline');
    await tab.locator('consent-manager [part="accept-all"]').focus();
    await tab.keyboard.press('Escape');
    assert.equal(await tab.evaluate(() => customElements.get('consent-manager')), undefined, 'pressed before the element existed');
    release();
    await tab.waitForFunction(() => document.querySelector('consent-manager').decided === true);
    const record = await tab.evaluate(() => document.querySelector('consent-manager').record);
    assert.deepEqual([record.method, record.granted], ['banner', ['necessary']]);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it("makes the visitor's last early click, not the first: Accept all, then Reject all, is one rejection", async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    const release = await openHoldingBundle(tab, '/inline');
    await tab.evaluate(() => {
      window.changes = [];
      document.querySelector('consent-manager').addEventListener('consent-change', (event) => window.changes.push(event.detail.categories));
    });
    await tab.locator('consent-manager [part="accept-all"]').click();
    await tab.locator('consent-manager [part="reject-all"]').click();
    release();
    await tab.waitForFunction(() => document.querySelector('consent-manager').decided === true);
    // A second replayed click would come in a task of its own, after this one.
    await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const record = await tab.evaluate(() => document.querySelector('consent-manager').record);
    assert.deepEqual([record.method, record.granted], ['banner', ['necessary']]);
    assert.equal(await tab.evaluate(() => window.changes.length), 1);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it("does not make a script's early click on the served banner: only the visitor's", async () => {
    const context = await browser.newContext();
    const { page: tab, problems } = await openRecordedPage(context);
    const release = await openHoldingBundle(tab, '/inline');
    await tab.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelector('[part="accept-all"]').click());
    release();
    await tab.waitForFunction(adopted);
    // The element has started (a script's click after this would count, as any click does):
    // had the early click been kept, it would have been made with the adoption, in the same task.
    await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').decided), false);
    assert.equal(await tab.locator('consent-manager [part="banner"]').isVisible(), true);
    await tab.locator('consent-manager [part="reject-all"]').click();
    await tab.waitForFunction(() => document.querySelector('consent-manager').decided === true);
    assert.deepEqual(await tab.evaluate(() => document.querySelector('consent-manager').record.granted), ['necessary']);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it("speaks the visitor's Accept-Language from the first paint, and adopts it in that language", async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const { page: tab, problems } = await openRecordedPage(context);
    await openHoldingScript(tab);
    assert.equal(await tab.evaluate(() => window.served.querySelector('[part="title"]').textContent), 'Diese Website verwendet Cookies');
    await tab.waitForFunction(() => document.querySelector('consent-manager').language === 'de');
    assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]') === window.served), true);
    await tab.locator('consent-manager [part="reject-all"]').click();
    await tab.waitForFunction(() => document.querySelector('consent-manager').decided);
    const record = await tab.evaluate(() => document.querySelector('consent-manager').record);
    assert.deepEqual([record.method, record.language, record.granted], ['banner', 'de', ['necessary']]);
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  // Node's ICU has Irish and Maltese list patterns, Chromium's trimmed ICU data has not: the
  // partner sentence is joined the same way on both sides (src/core/list-format.ts), or the
  // element would replace the served banner rather than adopt it.
  for (const [locale, list] of [['ga-IE', 'Google agus Meta'], ['mt-MT', 'Google u Meta']]) {
    it(`adopts the served banner in ${locale}, whose partner sentence names two companies (${list})`, async () => {
      const context = await browser.newContext({ locale });
      const { page: tab, problems } = await openRecordedPage(context);
      await openHoldingScript(tab, '/partners');
      assert.match(await tab.evaluate(() => window.served.textContent), new RegExp(list));
      await tab.waitForFunction(() => document.querySelector('consent-manager').language !== 'en');
      await tab.evaluate(() => document.querySelector('consent-manager').updateComplete);
      assert.equal(await tab.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelector('[part="banner"]') === window.served), true, 'the served banner adopted, not replaced');
      assert.deepEqual(problems.violations, []);
      await context.close();
    });
  }
});
