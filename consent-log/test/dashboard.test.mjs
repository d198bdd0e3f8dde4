// The dashboard in Chromium (playwright-core and the system browser): charts, latest records and
// the search by consent id, under the dashboard's strict CSP, with nothing blocked or thrown.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openRecordedPage, launchBrowser } from '../../test/e2e/helpers.mjs';
import { ADMIN_TOKEN, closeSharedPglite, makeRecord, NOTICE_HASH, post, sharedPglite, startLog } from './helpers.mjs';

describe('the dashboard', () => {
  let log;
  let browser;
  let origin;
  const consentId = 'AAECAwQFBgcICQoLDA0ODw';
  before(async () => {
    const today = Date.now();
    log = await startLog(await sharedPglite(), { now: today - 2 * 86_400_000 });
    await post(log.app, { records: [makeRecord(), makeRecord({ granted: ['necessary'], denied: ['analytics', 'marketing'], language: 'de' })] });
    log.clock.now = today - 86_400_000;
    await post(log.app, { records: [makeRecord({ consentId, granted: ['necessary', 'analytics', 'marketing'], denied: [] }), makeRecord({ language: 'fr' })] });
    log.clock.now = today;
    await post(log.app, makeRecord({ consentId, action: 'changed', method: 'preferences', url: 'https://shop.example/account/privacy' }));
    origin = await log.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await log?.app.close();
    await closeSharedPglite();
  });

  it('draws the charts and the latest records for a token in the link, and finds a consent by id', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    await page.goto(`${origin}/#token=${ADMIN_TOKEN}`);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
    assert.equal(await page.locator('#login').isHidden(), true, 'the token form is gone once the dashboard shows');
    assert.equal(await page.locator('#choices-chart canvas').count(), 1);
    assert.equal(await page.locator('#categories-chart canvas').count(), 1);
    assert.equal(await page.locator('#languages-chart canvas').count(), 1);
    const legend = await page.locator('#categories-chart .u-legend').innerText();
    for (const category of ['analytics', 'marketing', 'necessary']) assert.match(legend, new RegExp(category));
    assert.match(await page.locator('#choices-chart .u-legend').innerText(), /Accept all[\s\S]*Reject all[\s\S]*Custom/);
    assert.deepEqual(await page.locator('#languages tbody tr').allInnerTexts(), ['de\t1', 'en\t3', 'fr\t1']);
    assert.equal(await page.locator('#latest tbody tr').count(), 5);
    assert.match(await page.locator('#latest tbody tr').first().innerText(), /changed[\s\S]*https:\/\/shop\.example\/account\/privacy/);
    assert.match(await page.locator('#status').innerText(), /^5 records from/);

    await page.fill('#consent-id', consentId);
    await page.click('#search button');
    await page.waitForSelector('#proof table');
    assert.deepEqual((await page.locator('#proof tbody tr').allInnerTexts()).map((row) => row.split('\t')[2]), ['given', 'changed'], 'oldest first');
    assert.match(await page.locator('#proof pre').innerText(), /We use cookies/);
    assert.deepEqual(problems, { violations: [], errors: [] });
    await context.close();
  });

  it('warns above the proof when a notice was changed after it was stored', async () => {
    const db = await sharedPglite();
    await db.exec(`UPDATE consent_notices SET content = jsonb_set(content, '{texts,bannerTitle}', '"By browsing on you accept every cookie"') WHERE hash = '${NOTICE_HASH}'`);
    try {
      const context = await browser.newContext();
      const { page, problems } = await openRecordedPage(context);
      await page.goto(`${origin}/#token=${ADMIN_TOKEN}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.fill('#consent-id', consentId);
      await page.click('#search button');
      await page.waitForSelector('#proof table');
      assert.deepEqual(await page.locator('#proof .warning').allInnerTexts(), [`The notice ${NOTICE_HASH} was changed after it was stored: its content is not what the visitor was shown.`]);
      assert.deepEqual(problems, { violations: [], errors: [] });
      await context.close();
    } finally {
      await db.exec(`UPDATE consent_notices SET content = jsonb_set(content, '{texts,bannerTitle}', '"We use cookies"') WHERE hash = '${NOTICE_HASH}'`);
    }
  });

  it('asks for the token, refuses a wrong one, and opens with the right one', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openRecordedPage(context);
    await page.goto(origin);
    await page.waitForSelector('#login:not([hidden])');
    await page.fill('#token', 'not-the-token-at-all');
    await page.click('#login button');
    await page.locator('#status', { hasText: 'That token was refused.' }).waitFor();
    assert.equal(await page.locator('#dashboard').isHidden(), true);
    await page.fill('#token', ADMIN_TOKEN);
    await page.click('#login button');
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#login').isHidden(), true);
    assert.equal(await page.locator('#latest tbody tr').count(), 5);
    // The browser logs the refused request (401) as a console error; nothing else may appear.
    assert.deepEqual(problems.violations, []);
    assert.deepEqual(problems.errors.filter((error) => !/401/.test(error)), []);
    await context.close();
  });
});
