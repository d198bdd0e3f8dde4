// Markup injected into a page must not borrow the page's trust (SECURITY.md, guarantee 5): on
// pages whose policy uses 'strict-dynamic', a script the component inserts is trusted because the
// component is, so the component itself decides which gated scripts the site vouched for.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { STRICT_CSP, startStaticServer } from '../../scripts/serve.mjs';
import { launchBrowser, openRecordedPage } from './helpers.mjs';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hash-based strict policy Google recommends for static pages: hashes of the inline scripts, and 'strict-dynamic'. */
async function hashPolicy() {
  const html = await readFile('test/e2e/pages/trust-hash.html', 'utf8');
  const loader = html.match(/<script>([\s\S]*?)<\/script>/)[1];
  const siteInline = "(window.e2eLog ??= []).push('site inline');";
  assert.ok(html.includes(siteInline));
  assert.ok(html.includes(`script-sources="'self' ${sha256(siteInline)}"`), 'the element lists the same hash as the policy');
  return STRICT_CSP.replace("script-src 'self'", `script-src ${sha256(loader)} ${sha256(siteInline)} 'strict-dynamic'`).replace(
    'trusted-types consent-manager lit-html',
    'trusted-types consent-manager lit-html loader',
  );
}

let browser;
let server;

before(async () => {
  const hashed = await hashPolicy();
  [browser, server] = await Promise.all([
    launchBrowser(),
    startStaticServer({
      mounts: { '/hash/': 'test/e2e/pages', '/nonce-dynamic/': 'test/e2e/pages', '/dist/': 'dist' },
      csp: (pathname, nonce) => (pathname.startsWith('/hash/') ? hashed : STRICT_CSP.replace("script-src 'self'", `script-src 'nonce-${nonce}' 'strict-dynamic'`)),
    }),
  ]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** A page whose requests to the attacker's host are answered (by a script that logs itself) and recorded. */
async function openPage(path) {
  const context = await browser.newContext();
  const attackerRequests = [];
  await context.route('https://attacker.example/**', (route) => {
    attackerRequests.push(route.request().url());
    return route.fulfill({ contentType: 'text/javascript', body: "(window.e2eLog ??= []).push('evil from ' + (document.currentScript?.dataset.name ?? 'a module'));" });
  });
  const recorded = await openRecordedPage(context);
  const warnings = [];
  recorded.page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const response = await recorded.page.goto(`${server.url}${path}`);
  await recorded.page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
  await recorded.page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
  return { context, attackerRequests, warnings, response, ...recorded };
}

const logOf = (page) => page.evaluate(() => window.e2eLog ?? []);

/** Waits, in this process, until `condition` holds: console messages arrive asynchronously. */
async function until(condition, what) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 3000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("gated markup under a hash-based policy with 'strict-dynamic' and Trusted Types", () => {
  it("runs the site's gated scripts and none of the injected ones, each refused with one warning", async () => {
    const { context, page, problems, attackerRequests, warnings, response } = await openPage('/hash/trust-hash.html');
    assert.match(response.headers()['content-security-policy'], /script-src 'sha256-[^']+' 'sha256-[^']+' 'strict-dynamic'/);
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('site external'));
    await page.locator('[part="accept-all"]').click();
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('site analytics'));
    await page.waitForTimeout(200);
    assert.deepEqual(await logOf(page), ['site inline', 'site external', 'site analytics']);
    assert.deepEqual(attackerRequests, [], 'nothing was fetched from the attacker');
    assert.equal(await page.locator('iframe[title="injected"]').getAttribute('src'), null, 'the javascript: frame got no URL');
    // One warning per injected element.
    await until(() => warnings.length >= 7, 'the warnings');
    await page.waitForTimeout(100);
    const about = (text) => warnings.filter((warning) => warning.includes(text)).length;
    assert.equal(about('https://attacker.example/evil.js'), 3, warnings.join('\n'));
    assert.equal(about('data:text/javascript'), 1, warnings.join('\n'));
    assert.equal(about('java\tscript:'), 1, 'the disguised javascript: script URL');
    assert.equal(about('<iframe data-consent="necessary"> is never loaded'), 1);
    assert.equal(about('inline script'), 1, 'the inline text');
    assert.equal(warnings.length, 7, warnings.join('\n'));
    // The page's own policy blocks the plain injected script, as it would without the component.
    assert.deepEqual(problems.violations.map((violation) => violation.replace(/ \(.*\)$/, '')), ['script-src-elem blocked https://attacker.example/evil.js?plain']);
    assert.deepEqual(problems.errors.filter((error) => !error.startsWith("Loading the script 'https://attacker.example/evil.js?plain'")), []);
    await context.close();
  });

  it('refuses a script URL the site lists too, when it is not http(s)', async () => {
    const { context, page, attackerRequests, warnings } = await openPage('/hash/trust-hash.html');
    // The injected markup has been judged (and refused) before the site lists more sources.
    await until(() => warnings.length >= 7, 'the warnings');
    await page.evaluate(() => {
      const element = document.querySelector('consent-manager');
      element.setAttribute('script-sources', "'self' https://attacker.example data:");
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.consent = 'necessary';
      script.dataset.src = "data:text/javascript,(window.e2eLog??=[]).push('late data')";
      document.body.append(script);
      const late = document.createElement('script');
      late.type = 'text/plain';
      late.dataset.consent = 'necessary';
      late.dataset.src = 'https://attacker.example/listed.js';
      late.dataset.name = 'listed by the site';
      document.body.append(late);
    });
    // The gate takes scripts one at a time in document order: the data: one, added first, was judged before this ran.
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('evil from listed by the site'));
    assert.deepEqual(attackerRequests, ['https://attacker.example/listed.js'], 'a source the site lists from its own code does load');
    assert.equal((await logOf(page)).includes('late data'), false);
    await context.close();
  });
});

describe("the nonce, under a nonce-based policy with 'strict-dynamic'", () => {
  it("is never taken from injected markup placed before the site's first script", async () => {
    const { context, page, problems, attackerRequests, warnings } = await openPage('/nonce-dynamic/trust-nonce.html');
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('site external'));
    await page.waitForTimeout(200);
    assert.deepEqual(await logOf(page), ['site inline', 'site external']);
    assert.deepEqual(attackerRequests, []);
    await until(() => warnings.length >= 2, 'the warnings');
    assert.equal(warnings.filter((warning) => warning.includes('must carry the nonce')).length, 2, warnings.join('\n'));
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors, []);
    await context.close();
  });

  it('comes from the element itself when the page gives it one', async () => {
    const { context, page, attackerRequests } = await openPage('/nonce-dynamic/trust-nonce.html');
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('site external'));
    // A late script with the element's nonce runs; one with the made-up nonce does not.
    await page.evaluate(() => {
      const element = document.querySelector('consent-manager');
      element.nonce = 'given-to-the-element';
      for (const [nonce, name] of [['made-up', 'made-up'], ['given-to-the-element', 'element nonce']]) {
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.nonce = nonce;
        script.dataset.consent = 'necessary';
        script.dataset.src = `https://attacker.example/${name}.js`;
        script.dataset.name = name;
        document.body.append(script);
      }
    });
    // The gate takes scripts one at a time in document order: the made-up one, added first, was judged before this ran.
    await page.waitForFunction(() => (window.e2eLog ?? []).includes('evil from element nonce'));
    assert.deepEqual(attackerRequests, ['https://attacker.example/element%20nonce.js']);
    await context.close();
  });
});
