// A sibling subdomain's copy of the consent cookie (issue 11, point 5), with real cookies: the
// host names www.example.test and evil.example.test are mapped to this machine, so a cookie set
// on `Domain=example.test` from one is seen by the other, as on a real site.
import assert from 'node:assert/strict';
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
