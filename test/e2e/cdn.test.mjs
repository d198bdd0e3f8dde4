// dist/ copied to a CDN: the page comes from one origin, the bundle from another. The entry finds
// its chunks relative to its own URL, so each one must come from the CDN; one resolved against
// the page would 404 on a real site, and here is also refused by the page's policy, which allows
// scripts from the CDN only.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { startStaticServer, STRICT_CSP } from '../../scripts/serve.mjs';
import { launchBrowser, openRecordedPage } from './helpers.mjs';

let browser;
let cdn;
let site;

/**
 * The site's origin: serves test/e2e/pages/cdn*.html with the CDN's origin written into the
 * script tag, under the strict policy with `script-src` naming the CDN alone. A server of its own,
 * since the CDN's port is only known once it listens.
 */
function startSite(cdnOrigin) {
  const policy = STRICT_CSP.replace("script-src 'self'", `script-src ${cdnOrigin}`);
  const server = createServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1);
    const page = /^cdn(-[a-z]+)?\.html$/.test(name) ? await readFile(`test/e2e/pages/${name}`, 'utf8').catch(() => null) : null;
    if (!page) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': policy });
    response.end(page.replaceAll('{{cdn}}', cdnOrigin));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) }));
  });
}

before(async () => {
  [browser, cdn] = await Promise.all([launchBrowser(), startStaticServer({ mounts: { '/dist/': 'dist' } })]);
  site = await startSite(cdn.url);
  assert.notEqual(new URL(site.url).origin, new URL(cdn.url).origin);
});

after(async () => {
  await Promise.all([browser?.close(), cdn?.close(), site?.close()]);
});

/**
 * A context in which the CDN answers as a real one does: module scripts are fetched with CORS, so
 * a cross-origin module needs Access-Control-Allow-Origin. The header is added here, as
 * scripts/serve.mjs serves one origin and sends none.
 */
async function cdnContext() {
  const context = await browser.newContext();
  await context.route(`${cdn.url}/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'access-control-allow-origin': '*' };
    // The body Playwright hands back is already decoded.
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ response, headers });
  });
  return context;
}

/** Every request the page makes, and the chunk names (hash removed) with the origin each came from. */
function recordRequests(page) {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  return {
    fromSite: () => requests.filter((url) => new URL(url).origin === new URL(site.url).origin),
    chunks: () =>
      requests
        .map((url) => new URL(url))
        .filter((url) => url.pathname.includes('/chunks/'))
        .map((url) => ({ name: url.pathname.replace(/^.*\/chunks\/(.+)-[\w-]{8}\.js$/, '$1'), origin: url.origin })),
  };
}

describe('the script-tag bundle served from another origin than the page', () => {
  it('loads the banner and then the preferences dialog from the CDN, with no policy violation', async () => {
    const context = await cdnContext();
    const { page, problems } = await openRecordedPage(context);
    const requests = recordRequests(page);
    const response = await page.goto(`${site.url}/cdn.html`);
    assert.match(response.headers()['content-security-policy'], new RegExp(`script-src ${cdn.url};`));

    await page.locator('[part="banner"]').waitFor();
    // Painted by the entry; the element and its banner chunk come once it has been painted.
    await page.waitForFunction(() => customElements.get('consent-manager') !== undefined && document.querySelector('consent-manager').shadowRoot.adoptedStyleSheets.length >= 3);
    assert.ok(requests.chunks().some(({ name, origin }) => name === 'banner' && origin === cdn.url), `the banner chunk from the CDN: ${JSON.stringify(requests.chunks())}`);

    await page.locator('[part="customize"]').click();
    await page.locator('[part="preferences"]').waitFor();
    assert.ok(requests.chunks().some(({ name, origin }) => name === 'preferences-dialog' && origin === cdn.url), `the dialog chunk from the CDN: ${JSON.stringify(requests.chunks())}`);

    assert.deepEqual(requests.chunks().filter(({ origin }) => origin !== cdn.url), [], 'no chunk from anywhere but the CDN');
    assert.deepEqual(requests.fromSite(), [`${site.url}/cdn.html`], 'the site serves the page and nothing else');
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('loads the locale of a German page from the CDN', async () => {
    const context = await cdnContext();
    const { page, problems } = await openRecordedPage(context);
    const requests = recordRequests(page);
    await page.goto(`${site.url}/cdn-de.html`);

    await page.locator('[part="banner"]').waitFor();
    assert.equal((await page.locator('[part="title"]').textContent()).trim(), 'Diese Website verwendet Cookies');
    // The first layer's German texts, then the element's German once it is defined.
    await page.waitForFunction(() => customElements.get('consent-manager') !== undefined && document.querySelector('consent-manager').language === 'de');
    for (const chunk of ['banner-messages-de', 'de']) {
      assert.ok(requests.chunks().some(({ name, origin }) => name === chunk && origin === cdn.url), `the chunk ${chunk} from the CDN: ${JSON.stringify(requests.chunks())}`);
    }

    assert.deepEqual(requests.chunks().filter(({ origin }) => origin !== cdn.url), [], 'no chunk from anywhere but the CDN');
    assert.deepEqual(requests.fromSite(), [`${site.url}/cdn-de.html`], 'the site serves the page and nothing else');
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
});
