// `npm run bench`: loads the same page with this project's script-tag bundle (with the recommended
// markup, a module script in <head>, and with `async`), vanilla-cookieconsent, Klaro, a static HTML banner
// (the floor) and the server-rendered first layer in headless Chromium with the CPU throttled
// 4x, and reports medians; then runs
// Lighthouse (mobile, its default simulated throttling) on each page for LCP and Total Blocking
// Time. Vendor hosts are intercepted and answered with stubs, and the browsers resolve no host
// but this machine: nothing leaves it. Prints a table and writes the generated part of BENCHMARKS.md.
// BENCH_RUNS and LIGHTHOUSE_RUNS set the number of runs (0 skips Lighthouse); BENCH_ONLY, a
// comma-separated list of contender ids, narrows the run (the report is then printed, not written).
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { ANALYTICS_URL_PART, CONTENDERS as PAGE_CONTENDERS, serverRenderedContenders, VENDOR_HOSTS } from '../bench/contenders.mjs';
import { CPU_THROTTLE, instrument, median, throttledPage } from './bench-page.mjs';
import { browserVersion, CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { startStaticServer } from './serve.mjs';

const ALL_CONTENDERS = [...PAGE_CONTENDERS, ...(await serverRenderedContenders())];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const CONTENDERS = ONLY ? ALL_CONTENDERS.filter(({ id }) => ONLY.includes(id)) : ALL_CONTENDERS;
/** The contender the issue-15 targets are checked on: this project's recommended script-tag markup. */
const SCRIPT_TAG_PATH = 'consent-manager-recommended';
const WARMUP = 1;
const LIGHTHOUSE_VERSION = JSON.parse(await readFile('node_modules/lighthouse/package.json', 'utf8')).version;
const PAGES = '.tmp/bench';

if (!existsSync('dist/consent-manager.js')) {
  console.error('dist/ is missing: run `npm run build` first (`npm run bench` does both).');
  process.exit(1);
}

/**
 * Runs in the page: clicks Accept and resolves with the ms until the banner is gone and consent is
 * applied. With `acceptWhen: 'adopted'` (a server-rendered banner, painted before the element has
 * taken it over, when a click does nothing), it first waits until the element has adopted it: the
 * banner part adds its stylesheets to the root before it does (test/e2e/server-render.test.mjs).
 */
async function acceptAndTime({ banner, accept, consent, acceptWhen }) {
  const find = window.__benchFind;
  const visible = window.__benchVisible;
  const state = window.__bench;
  const consented = () => (consent.event ? state.consentAt !== null : window.klaro?.getManager?.()?.confirmed === true);
  if (acceptWhen === 'adopted') {
    const adopted = () => document.querySelector(accept.host)?.shadowRoot?.adoptedStyleSheets.length >= 3;
    const since = performance.now();
    while (!adopted()) {
      if (performance.now() - since > 15_000) throw new Error('the element did not adopt the served banner');
      await new Promise(requestAnimationFrame);
    }
  }
  return new Promise((resolve, reject) => {
    const button = find(accept);
    if (!button) return reject(new Error('accept button not found'));
    const started = performance.now();
    state.consentAt = null;
    button.click();
    const check = () => {
      if (!visible(find(banner)) && consented()) resolve(performance.now() - started);
      else if (performance.now() - started > 15_000) reject(new Error('banner did not close'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** One first visit, then (where there is an accept button) a click on Accept and a returning visit. */
async function measure(browser, serverUrl, contender) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const vendorRequests = [];
  await context.route(
    (url) => VENDOR_HOSTS.includes(url.hostname),
    (route) => {
      vendorRequests.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* vendor stub */' });
    },
  );
  await context.addInitScript(instrument, { banner: contender.banner, consent: contender.consent });
  const { page, cdp } = await throttledPage(context);
  const url = `${serverUrl}/bench/${contender.id}.html`;
  const transfers = new Map();
  const requests = [];
  cdp.on('Network.requestWillBeSent', ({ request, timestamp, type }) => requests.push({ url: request.url, timestamp, type }));
  cdp.on('Network.responseReceived', ({ requestId, response }) => transfers.set(requestId, { url: response.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const transfer = transfers.get(requestId);
    if (transfer) transfer.bytes = encodedDataLength;
  });

  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => window.__benchBannerShown);
  // Let deferred start-up work finish before reading the page's total script time.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const { bannerAt, cls } = await page.evaluate(() => ({ bannerAt: window.__bench.bannerAt, cls: window.__bench.cls }));
  const scriptMs = (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000;
  const ownBytes = [...transfers.values()]
    .filter(({ url: transferUrl }) => transferUrl !== url && !transferUrl.endsWith('/bench/site.css') && !VENDOR_HOSTS.includes(new URL(transferUrl).hostname))
    .reduce((sum, { bytes }) => sum + bytes, 0);
  const result = { bytes: ownBytes, scriptMs, bannerMs: bannerAt, cls, vendorBeforeConsent: vendorRequests.length, acceptMs: null, returningAnalyticsMs: null, ...requestTimes(requests, url) };

  if (contender.accept) {
    result.acceptMs = await page.evaluate(acceptAndTime, { banner: contender.banner, accept: contender.accept, consent: contender.consent, acceptWhen: contender.acceptWhen });
    await page.waitForTimeout(300);
    const returning = await throttledPage(context);
    const requestTimes = [];
    returning.cdp.on('Network.requestWillBeSent', ({ request, timestamp, type }) => requestTimes.push({ url: request.url, timestamp, type }));
    // A server renders the returning visitor's page without the banner.
    await returning.page.goto(contender.returningPage ? url.replace(/\.html$/, '.returning.html') : url, { waitUntil: 'load' });
    await returning.page.waitForTimeout(1500);
    const documentRequest = requestTimes.find(({ type }) => type === 'Document');
    const analyticsRequest = requestTimes.find(({ url: requestUrl }) => requestUrl.includes(ANALYTICS_URL_PART));
    if (documentRequest && analyticsRequest) result.returningAnalyticsMs = (analyticsRequest.timestamp - documentRequest.timestamp) * 1000;
  }
  await context.close();
  return result;
}

/**
 * When the contender's first script was requested and, for this project, its banner chunk, in ms
 * after the document's request: where the time before the banner goes.
 */
function requestTimes(requests, pageUrl) {
  const documentRequest = requests.find(({ url }) => url === pageUrl);
  const own = ({ url, type }) => type === 'Script' && !VENDOR_HOSTS.includes(new URL(url).hostname);
  const since = (request) => (documentRequest && request ? (request.timestamp - documentRequest.timestamp) * 1000 : null);
  return {
    scriptRequestedMs: since(requests.find(own)),
    bannerChunkRequestedMs: since(requests.find(({ url }) => /\/dist\/chunks\/banner-[\w-]{8}\.js$/.test(url))),
  };
}

/**
 * Lighthouse 12 (mobile: a phone's screen, 4x CPU and a slow 4G link, simulated) on each page,
 * in a Chromium of its own started by chrome-launcher: medians of LCP and Total Blocking Time.
 */
async function runLighthouse(executablePath, serverUrl) {
  const results = Object.fromEntries(CONTENDERS.map(({ id }) => [id, { lcp: [], tbt: [] }]));
  if (LIGHTHOUSE_RUNS <= 0) return results;
  const chrome = await chromeLauncher.launch({ chromePath: executablePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
      for (const contender of CONTENDERS) {
        const outcome = await lighthouse(`${serverUrl}/bench/${contender.id}.html`, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance'] });
        const audits = outcome?.lhr.audits ?? {};
        const lcp = audits['largest-contentful-paint']?.numericValue;
        const tbt = audits['total-blocking-time']?.numericValue;
        if (typeof lcp !== 'number' || typeof tbt !== 'number') throw new Error(`lighthouse: no LCP or TBT for ${contender.id} (${outcome?.lhr.runtimeError?.message ?? 'no result'})`);
        results[contender.id].lcp.push(lcp);
        results[contender.id].tbt.push(tbt);
      }
      process.stdout.write(`lighthouse run ${run + 1}/${LIGHTHOUSE_RUNS}\n`);
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

async function main() {
  await mkdir(PAGES, { recursive: true });
  await copyFile('bench/site.css', `${PAGES}/site.css`);
  for (const contender of CONTENDERS) await writeFile(`${PAGES}/${contender.id}.html`, contender.page);
  for (const contender of CONTENDERS) if (contender.returningPage) await writeFile(`${PAGES}/${contender.id}.returning.html`, contender.returningPage);
  const server = await startStaticServer({
    mounts: {
      '/bench/': PAGES,
      '/dist/': 'dist',
      '/peers/vanilla-cookieconsent/': 'node_modules/vanilla-cookieconsent/dist',
      '/peers/klaro/': 'node_modules/klaro/dist',
    },
    csp: () => null,
  });
  const executablePath = findBrowser();
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const samples = Object.fromEntries(CONTENDERS.map(({ id }) => [id, []]));
  let lighthouseResults;
  try {
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // Interleaved, so drift on the machine touches every contender alike.
      for (const contender of CONTENDERS) {
        const result = await measure(browser, server.url, contender);
        if (run >= WARMUP) samples[contender.id].push(result);
      }
      process.stdout.write(run < WARMUP ? 'warm-up done\n' : `run ${run - WARMUP + 1}/${RUNS}\n`);
    }
    await browser.close();
    lighthouseResults = await runLighthouse(executablePath, server.url);
  } finally {
    await browser.close();
    await server.close();
  }

  const keys = ['bytes', 'scriptMs', 'bannerMs', 'cls', 'vendorBeforeConsent', 'acceptMs', 'returningAnalyticsMs', 'scriptRequestedMs', 'bannerChunkRequestedMs'];
  const medians = Object.fromEntries(
    CONTENDERS.map(({ id }) => [
      id,
      { ...Object.fromEntries(keys.map((key) => [key, median(samples[id].map((sample) => sample[key]))])), lcp: median(lighthouseResults[id].lcp), tbt: median(lighthouseResults[id].tbt) },
    ]),
  );
  for (const { id } of CONTENDERS) {
    const { scriptRequestedMs, bannerChunkRequestedMs } = medians[id];
    if (bannerChunkRequestedMs !== null) console.log(`${id}: entry requested at ${scriptRequestedMs?.toFixed(0)} ms, banner chunk at ${bannerChunkRequestedMs.toFixed(0)} ms (medians)`);
  }
  const report = formatReport(medians, { executablePath, runs: RUNS });
  console.log(`\n${report.table}\n\n${report.targets}`);
  if (ONLY) console.log('\nBENCH_ONLY is set: BENCHMARKS.md is left as it is.');
  else await writeReport(report);
}

function formatReport(medians, { executablePath, runs }) {
  const peer = medians['vanilla-cookieconsent'];
  const floor = medians['static-floor'];
  const ours = medians[SCRIPT_TAG_PATH] ?? {};
  const number = (value, digits = 0) => (value === null ? 'n/a' : value.toFixed(digits));
  const ratio = (value, base) => (value == null || !base ? 'n/a' : `${(value / base).toFixed(2)}x`);
  const header =
    '| contender | first-load bytes (gzip) | script time (ms) | script requested (ms) | banner visible (ms) | CLS | vendor requests before consent | accept to closed + event (ms) | returning visitor: analytics requested (ms) | Lighthouse mobile LCP (ms) | Lighthouse mobile TBT (ms) |';
  const rule = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const rows = CONTENDERS.map(({ id, label }) => {
    const m = medians[id];
    return `| ${label} | ${number(m.bytes)} (${ratio(m.bytes, peer?.bytes)} of cc) | ${number(m.scriptMs, 1)} (${ratio(m.scriptMs, peer?.scriptMs)} of cc) | ${number(m.scriptRequestedMs)} | ${number(m.bannerMs)} (${ratio(m.bannerMs, floor?.bannerMs)} of floor) | ${number(m.cls, 3)} | ${number(m.vendorBeforeConsent)} | ${number(m.acceptMs)} | ${number(m.returningAnalyticsMs)} | ${number(m.lcp)} | ${number(m.tbt)} |`;
  });
  const check = (label, met, detail) => `- ${met ? 'met' : 'MISSED'}: ${label} (${detail})`;
  const targets =
    peer && floor && medians[SCRIPT_TAG_PATH]
      ? [
          `Checked on "${CONTENDERS.find(({ id }) => id === SCRIPT_TAG_PATH).label}" (issue 15, the script-tag path):`,
          check('first-load bytes at most 0.7x vanilla-cookieconsent', ours.bytes <= 0.7 * peer.bytes, `${ratio(ours.bytes, peer.bytes)}`),
          check('script time at most 0.5x vanilla-cookieconsent', ours.scriptMs <= 0.5 * peer.scriptMs, `${ratio(ours.scriptMs, peer.scriptMs)}`),
          check('banner visible within 1.5x the static floor', ours.bannerMs <= 1.5 * floor.bannerMs, `${ratio(ours.bannerMs, floor.bannerMs)}`),
          check(
            "returning visitor's analytics requested no later than with vanilla-cookieconsent",
            ours.returningAnalyticsMs !== null && ours.returningAnalyticsMs <= peer.returningAnalyticsMs,
            `${number(ours.returningAnalyticsMs)} ms against ${number(peer.returningAnalyticsMs)} ms`,
          ),
          check('zero third-party requests before consent', ours.vendorBeforeConsent === 0, `${ours.vendorBeforeConsent}`),
          check('CLS 0', ours.cls === 0, `${number(ours.cls, 3)}`),
        ].join('\n')
      : '(targets need vanilla-cookieconsent, the static floor and the recommended script tag in the run)';
  const servedTargets = ['consent-manager-ssr', 'consent-manager-ssr-inline', 'consent-manager-ssr-hash']
    .filter((id) => medians[id] && floor)
    .map((id) => {
      const served = medians[id];
      return [
        `Checked on "${CONTENDERS.find((contender) => contender.id === id).label}" (issue 15, the server-rendered path):`,
        check('banner visible within 1.1x the static floor', served.bannerMs <= 1.1 * floor.bannerMs, `${ratio(served.bannerMs, floor.bannerMs)}`),
        check("Lighthouse mobile LCP within 1.1x the static floor's page", served.lcp !== null && floor.lcp !== null && served.lcp <= 1.1 * floor.lcp, `${ratio(served.lcp, floor.lcp)}`),
        check('CLS 0', served.cls === 0, `${number(served.cls, 3)}`),
      ].join('\n');
    })
    .join('\n');
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; ${browserVersion(executablePath)}; Node ${process.version}`;
  return { table: [header, rule, ...rows].join('\n'), targets: [targets, servedTargets].filter(Boolean).join('\n'), machine, runs, date: new Date().toISOString().slice(0, 10) };
}

async function writeReport({ table, targets, machine, runs, date }) {
  const generated = `<!-- bench:start (written by npm run bench; edit outside these markers) -->
Measured ${date} on ${machine}.
Headless Chromium, CPU throttled ${CPU_THROTTLE}x, cold cache per visit, ${runs} runs after ${WARMUP} warm-up, medians.
Bytes are what the contender itself transfers, gzip-compressed by the test server: script, styles, chunks, translations.
Script requested: when the contender's first script was requested, after the document's request.
Lighthouse ${LIGHTHOUSE_VERSION}, mobile (simulated slow 4G and 4x CPU), ${LIGHTHOUSE_RUNS} runs per page, medians.

${table}

Targets:
${targets}
<!-- bench:end -->`;
  const file = 'BENCHMARKS.md';
  const existing = existsSync(file) ? await readFile(file, 'utf8') : '';
  const pattern = /<!-- bench:start[\s\S]*?<!-- bench:end -->/;
  const content = pattern.test(existing) ? existing.replace(pattern, generated) : `# Benchmarks\n\n${generated}\n`;
  await writeFile(file, content);
  console.log(`\nwrote ${file}`);
}

await main();
