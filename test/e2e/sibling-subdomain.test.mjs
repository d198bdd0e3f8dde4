// A sibling subdomain's copy of the consent cookie (issue 11, point 5), with real cookies: the
// host names www.example.test and evil.example.test are mapped to this machine, so a cookie set
// on `Domain=example.test` from one is seen by the other, as on a real site.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { encodeRecord } from '../../lib/src/core/record.js';
import { startTestServer } from './helpers.mjs';

let browser;
let server;

before(async () => {
  // Only the two test hosts resolve (to this machine); every other name still resolves to nothing.
  const args = [...CHROMIUM_ARGS.filter((arg) => !arg.startsWith('--host-resolver-rules=')), '--host-resolver-rules=MAP www.example.test 127.0.0.1, MAP evil.example.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];
  [browser, server] = await Promise.all([chromium.launch({ executablePath: process.env.CHROME_PATH ?? findBrowser(), headless: true, args }), startTestServer()]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const urlOn = (host) => `${server.url.replace('127.0.0.1', host)}/open/plain.html`;

/** A well-formed record that grants every default category, dated `updatedAt` (Unix seconds). */
function allGranted(updatedAt) {
  const categories = ['necessary', 'preferences', 'analytics', 'marketing'];
  return encodeRecord({ version: 1, id: 'EEEEEEEEEEEEEEEEEEEEEE', revision: 0, createdAt: updatedAt, updatedAt, granted: categories, denied: [], method: 'banner', gpc: false, language: 'en' });
}

async function open(page, host) {
  await page.goto(urlOn(host));
  await page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
  await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
}

const consentOf = (page) => page.evaluate(() => ({ decided: document.querySelector('consent-manager').decided, consent: document.querySelector('consent-manager').consent }));
const copies = (page) => page.evaluate(() => document.cookie.split('; ').filter((entry) => entry.startsWith('consent=')).length);
const siblingWrites = (page, value) => page.evaluate((cookie) => (document.cookie = cookie), `consent=${value}; Domain=example.test; Path=/`);
const NOTHING_OPTIONAL = { necessary: true, preferences: false, analytics: false, marketing: false };

describe('a sibling subdomain writing the consent cookie on the parent domain', () => {
  it('cannot make withdrawal impossible: a future-dated grant is no choice, a rejection expires its copy and holds, reset() removes it', async () => {
    const context = await browser.newContext();
    const evil = await context.newPage();
    const www = await context.newPage();
    await evil.goto(urlOn('evil.example.test'));
    const now = Math.floor(Date.now() / 1000);

    await siblingWrites(evil, allGranted(now + 365 * 86_400));
    await open(www, 'www.example.test');
    assert.equal(await copies(www), 1, 'www sees the sibling copy');
    assert.deepEqual(await consentOf(www), { decided: false, consent: NOTHING_OPTIONAL }, 'a year ahead: no choice');

    // Dated now, a sibling's copy cannot be told from a choice shared across subdomains (SECURITY.md).
    await siblingWrites(evil, allGranted(now));
    await open(www, 'www.example.test');
    assert.equal((await consentOf(www)).consent.marketing, true);
    await www.evaluate(() => document.querySelector('consent-manager').rejectAll());
    await evil.reload();
    assert.equal(await copies(evil), 0, 'the rejection expired the copy on example.test');
    await open(www, 'www.example.test');
    assert.deepEqual(await consentOf(www), { decided: true, consent: NOTHING_OPTIONAL }, 'the rejection holds on the next page');

    await siblingWrites(evil, allGranted(now + 300));
    await open(www, 'www.example.test');
    assert.equal(await copies(www), 2);
    assert.deepEqual((await consentOf(www)).consent, NOTHING_OPTIONAL, 'two copies disagree: none grants what the other denies');

    await www.evaluate(() => document.querySelector('consent-manager').reset());
    assert.equal(await copies(www), 0, 'reset() removed both copies');
    await evil.reload();
    assert.equal(await copies(evil), 0);
    await context.close();
  });

  it("cannot undo a rejection by filling the cookie jar until the browser evicts the visitor's cookie, then planting a grant dated now", async () => {
    const context = await browser.newContext();
    const www = await context.newPage();
    await open(www, 'www.example.test');
    await www.evaluate(() => document.querySelector('consent-manager').rejectAll());
    const evil = await context.newPage();
    await evil.goto(urlOn('evil.example.test'));
    // Chromium keeps at most 180 cookies per site and then evicts the least recently used.
    await evil.evaluate(() => {
      for (let i = 0; i < 200; i += 1) document.cookie = `filler${i}=1; Domain=example.test; Path=/; Max-Age=60`;
      for (let i = 0; i < 200; i += 1) document.cookie = `filler${i}=; Domain=example.test; Path=/; Max-Age=0`;
    });
    await siblingWrites(evil, allGranted(Math.floor(Date.now() / 1000)));
    await open(www, 'www.example.test');
    assert.equal(await copies(www), 1, "the visitor's cookie is gone; only the planted one is left");
    assert.deepEqual(await consentOf(www), { decided: true, consent: NOTHING_OPTIONAL }, "the rejection's localStorage copy still denies what the planted one grants");
    await context.close();
  });
});

/** Whether `openssl` can make the throwaway certificate: skipped without it, as CI installs it. */
const openssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('a sibling subdomain planting a partitioned (CHIPS) copy on the parent domain, over https', { skip: openssl ? false : 'openssl is not installed' }, () => {
  let proxy;
  let certificates;

  before(async () => {
    // Partitioned cookies need Secure, so https: a throwaway self-signed certificate, and a proxy
    // in front of the test server; the browser context ignores the certificate's errors.
    certificates = mkdtempSync(join(tmpdir(), 'consent-chips-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=example.test', '-keyout', join(certificates, 'key.pem'), '-out', join(certificates, 'cert.pem')], { stdio: 'ignore' });
    const target = new URL(server.url);
    proxy = https.createServer({ key: readFileSync(join(certificates, 'key.pem')), cert: readFileSync(join(certificates, 'cert.pem')) }, (request, response) => {
      const upstream = http.request({ host: '127.0.0.1', port: target.port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      });
      request.pipe(upstream);
    });
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });

  after(() => {
    proxy?.close();
    if (certificates) rmSync(certificates, { recursive: true, force: true });
  });

  const secureUrlOn = (host) => `https://${host}:${proxy.address().port}/open/plain.html`;

  it("cannot outlast the visitor's next choice: it is expired with the others, and the grant holds on the next page", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const evil = await context.newPage();
    await evil.goto(secureUrlOn('evil.example.test'));
    const now = Math.floor(Date.now() / 1000);
    const rejection = encodeRecord({ version: 1, id: 'EEEEEEEEEEEEEEEEEEEEEE', revision: 0, createdAt: now - 5, updatedAt: now - 5, granted: ['necessary'], denied: ['preferences', 'analytics', 'marketing'], method: 'banner', gpc: false, language: 'en' });
    await evil.evaluate((value) => (document.cookie = `consent=${value}; Domain=example.test; Path=/; Max-Age=86400; Secure; SameSite=None; Partitioned`), rejection);
    const partitioned = async () => (await context.cookies()).filter(({ name, partitionKey }) => name === 'consent' && partitionKey !== undefined).length;
    assert.equal(await partitioned(), 1, 'the browser keeps the planted partitioned copy');

    const www = await context.newPage();
    await www.goto(secureUrlOn('www.example.test'));
    await www.waitForFunction(() => customElements.get('consent-manager') !== undefined);
    await www.evaluate(() => document.querySelector('consent-manager').ready);
    assert.deepEqual(await consentOf(www), { decided: true, consent: NOTHING_OPTIONAL }, 'dated now, it reads as a choice shared across subdomains');
    await www.evaluate(() => document.querySelector('consent-manager').acceptAll());
    assert.equal(await partitioned(), 0, 'the choice expired the partitioned copy');

    await www.goto(secureUrlOn('www.example.test'));
    await www.waitForFunction(() => customElements.get('consent-manager') !== undefined);
    await www.evaluate(() => document.querySelector('consent-manager').ready);
    assert.deepEqual(await consentOf(www), { decided: true, consent: { necessary: true, preferences: true, analytics: true, marketing: true } }, "the visitor's grant holds on the next page");
    await context.close();
  });
});
