// `node scripts/bench-ab.mjs <variant> <variant> [...]`: compares builds of the script-tag bundle
// (say, a copy of dist/ from before a change and dist/ after it), or ways of loading it, on the
// bench's page with the recommended markup, visit by visit, alternating the variants in each round
// so that drift on the machine touches all alike. A variant is a dist folder, or a dist folder, a
// colon and the markup that loads it in <head>, `{dist}` standing for the folder's URL:
//   node scripts/bench-ab.mjs dist 'dist:<script type="module" blocking="render" src="{dist}consent-manager.js"></script>'
// Each visit is taken as `npm run bench` takes it, with the same throttled tab and instrument
// (scripts/bench-page.mjs): a new visitor's banner visible (page clock), the page's first
// contentful paint, the main-thread script time (ScriptDuration, load plus 500 ms), and, after
// Accept all in that visit, a returning visitor's analytics request and first contentful paint
// (page clock). Prints medians. AB_RUNS sets the rounds (15).
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CONTENDERS, VENDOR_HOSTS, ANALYTICS_URL_PART, RECOMMENDED_SCRIPT_TAG } from '../bench/contenders.mjs';
import { instrument, median, throttledPage } from './bench-page.mjs';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { startStaticServer } from './serve.mjs';

const variants = process.argv.slice(2).map((argument) => {
  const colon = argument.indexOf(':');
  return colon < 0 ? { folder: argument, markup: null } : { folder: argument.slice(0, colon), markup: argument.slice(colon + 1) };
});
if (variants.length < 2) throw new Error('usage: node scripts/bench-ab.mjs <dist folder>[:<markup>] <dist folder>[:<markup>] [...]');
if (variants.some(({ markup }) => markup !== null && !markup.includes('{dist}'))) throw new Error('a variant\'s markup must load the bundle from {dist}');
const ROUNDS = Number(process.env.AB_RUNS ?? 15);
const PAGES = '.tmp/bench-ab';
const contender = CONTENDERS.find(({ id }) => id === 'consent-manager-recommended');

await mkdir(PAGES, { recursive: true });
const mounts = { '/bench/': PAGES, '/site.css': 'bench/site.css' };
for (const [index, { folder, markup }] of variants.entries()) {
  mounts[`/build-${index}/`] = folder;
  const page = markup === null ? contender.page : contender.page.replace(RECOMMENDED_SCRIPT_TAG, markup.replaceAll('{dist}', '/dist/'));
  await writeFile(`${PAGES}/build-${index}.html`, page.replaceAll('/dist/', `/build-${index}/`).replace('/bench/site.css', '/site.css'));
}

const firstContentfulPaint = (page) => page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);

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
  const paintMs = await firstContentfulPaint(first.page);
  await first.page.evaluate(() => document.querySelector('consent-manager').shadowRoot.querySelector('[part=accept-all]').click());
  await first.page.waitForTimeout(300);
  // The returning visit in a second tab, the first left open, as `npm run bench` does.
  const returning = await throttledPage(context);
  await returning.page.goto(url, { waitUntil: 'load' });
  await returning.page.waitForTimeout(800);
  const analyticsMs = await returning.page.evaluate((part) => performance.getEntriesByType('resource').find(({ name }) => name.includes(part))?.startTime ?? null, ANALYTICS_URL_PART);
  const returningPaintMs = await firstContentfulPaint(returning.page);
  await context.close();
  return { bannerMs, paintMs, scriptMs, analyticsMs, returningPaintMs };
}

const server = await startStaticServer({ mounts, csp: () => null });
const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: CHROMIUM_ARGS });
const samples = variants.map(() => []);
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = variants.map((_, index) => index);
    if (round % 2) order.reverse();
    for (const index of order) samples[index].push(await visit(browser, `${server.url}/bench/build-${index}.html`));
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `${ROUNDS} alternating visits per variant; medians (ms)\n| variant | banner visible | first contentful paint | script time | returning visitor: analytics requested | returning visitor: first contentful paint |\n| --- | ---: | ---: | ---: | ---: | ---: |`,
);
for (const [index, { folder, markup }] of variants.entries()) {
  const m = (key) => median(samples[index].map((sample) => sample[key]))?.toFixed(1) ?? 'n/a';
  console.log(`| ${folder}${markup === null ? '' : ` with ${markup.replaceAll('|', '\\|')}`} | ${m('bannerMs')} | ${m('paintMs')} | ${m('scriptMs')} | ${m('analyticsMs')} | ${m('returningPaintMs')} |`);
}
