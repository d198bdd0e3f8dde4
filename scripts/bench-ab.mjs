// `node scripts/bench-ab.mjs <dist folder> <dist folder> [...]`: compares builds of the script-tag
// bundle (say, a copy of dist/ from before a change and dist/ after it) on the bench's page with
// the recommended markup, visit by visit, alternating the builds in each round so that drift on
// the machine touches all alike. Each visit is taken as `npm run bench` takes it, with the same
// throttled tab and instrument (scripts/bench-page.mjs): a new visitor's banner visible (page
// clock), the page's main-thread script time (ScriptDuration, load plus 500 ms), and, after
// Accept all in that visit, a returning visitor's analytics request (page clock). Prints medians.
// AB_RUNS sets the rounds (15).
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CONTENDERS, VENDOR_HOSTS, ANALYTICS_URL_PART } from '../bench/contenders.mjs';
import { instrument, median, throttledPage } from './bench-page.mjs';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { startStaticServer } from './serve.mjs';

const builds = process.argv.slice(2);
if (builds.length < 2) throw new Error('usage: node scripts/bench-ab.mjs <dist folder> <dist folder> [...]');
const ROUNDS = Number(process.env.AB_RUNS ?? 15);
const PAGES = '.tmp/bench-ab';
const contender = CONTENDERS.find(({ id }) => id === 'consent-manager-recommended');

await mkdir(PAGES, { recursive: true });
const mounts = { '/bench/': PAGES, '/site.css': 'bench/site.css' };
for (const [index, folder] of builds.entries()) {
  mounts[`/build-${index}/`] = folder;
  await writeFile(`${PAGES}/build-${index}.html`, contender.page.replaceAll('/dist/', `/build-${index}/`).replace('/bench/site.css', '/site.css'));
}

async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route((target) => VENDOR_HOSTS.includes(target.hostname), (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* vendor stub */' }));
  await context.addInitScript(instrument, { banner: contender.banner, consent: contender.consent });
  const first = await throttledPage(context);
  await first.page.goto(url, { waitUntil: 'load' });
  await first.page.evaluate(() => window.__benchBannerShown);
  await first.page.waitForTimeout(500);
  const { metrics } = await first.cdp.send('Performance.getMetrics');
  const scriptMs = metrics.find(({ name }) => name === 'ScriptDuration').value * 1000;
  const bannerMs = await first.page.evaluate(() => window.__bench.bannerAt);
  await first.page.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelector('[part=accept-all]').click());
  await first.page.waitForTimeout(300);
  // The returning visit in a second tab, the first left open, as `npm run bench` does.
  const returning = await throttledPage(context);
  await returning.page.goto(url, { waitUntil: 'load' });
  await returning.page.waitForTimeout(800);
  const analyticsMs = await returning.page.evaluate((part) => performance.getEntriesByType('resource').find(({ name }) => name.includes(part))?.startTime ?? null, ANALYTICS_URL_PART);
  await context.close();
  return { bannerMs, scriptMs, analyticsMs };
}

const server = await startStaticServer({ mounts, csp: () => null });
const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: CHROMIUM_ARGS });
const samples = builds.map(() => []);
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = builds.map((_, index) => index);
    if (round % 2) order.reverse();
    for (const index of order) samples[index].push(await visit(browser, `${server.url}/bench/build-${index}.html`));
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${ROUNDS} alternating visits per build; medians (ms)\n| build | banner visible | script time | returning visitor: analytics requested |\n| --- | ---: | ---: | ---: |`);
for (const [index, folder] of builds.entries()) {
  const m = (key) => median(samples[index].map((sample) => sample[key]))?.toFixed(1) ?? 'n/a';
  console.log(`| ${folder} | ${m('bannerMs')} | ${m('scriptMs')} | ${m('analyticsMs')} |`);
}
