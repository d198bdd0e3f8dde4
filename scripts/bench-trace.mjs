// `node scripts/bench-trace.mjs [contender ids…]` (after `npm run build`): loads the bench's page of
// each contender (default: the server-rendered first layer and the static floor) in headless
// Chromium with the CPU throttled 4x, as `npm run bench` does, records Chromium's DevTools
// timeline (CDP Tracing) and prints where the time before the banner goes: the HTML parser's
// chunks, requests finishing, module compilation and evaluation, style, layout and paint, first
// paint, the Largest Contentful Paint candidates (the banner's text is the largest one), and
// DOMContentLoaded, in ms after the document's request. TRACE_RUNS sets the visits per page (3).
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CONTENDERS, serverRenderedContenders } from '../bench/contenders.mjs';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { startStaticServer } from './serve.mjs';

const RUNS = Number(process.env.TRACE_RUNS ?? 3);
const ids = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['consent-manager-ssr', 'static-floor'];
const all = [...CONTENDERS, ...(await serverRenderedContenders())];
const chosen = ids.map((id) => all.find((contender) => contender.id === id) ?? console.error(`no contender ${id}`)).filter(Boolean);
const PAGES = '.tmp/bench-trace';
await mkdir(PAGES, { recursive: true });
await copyFile('bench/site.css', `${PAGES}/site.css`);
for (const { id, page } of chosen) await writeFile(`${PAGES}/${id}.html`, page);

/** The events printed, and the long ones only for those that happen all the time. */
const SHOWN = new Set(['ParseHTML', 'ResourceFinish', 'v8.compileModule', 'v8.evaluateModule', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'Paint', 'firstPaint', 'firstContentfulPaint', 'largestContentfulPaint::Candidate', 'MarkDOMContent']);
const ONLY_LONG = new Set(['UpdateLayoutTree', 'Layout', 'Paint', 'TimerFire', 'FireAnimationFrame', 'v8.evaluateModule']);

function timeline(events, pageUrl) {
  const navigation = events.find((event) => event.name === 'ResourceSendRequest' && event.args?.data?.url === pageUrl);
  if (!navigation) return ['(the document request is not in the trace)'];
  const urls = new Map(events.filter((event) => event.name === 'ResourceSendRequest').map((event) => [event.args.data.requestId, event.args.data.url]));
  const lines = [];
  for (const event of events.sort((a, b) => a.ts - b.ts)) {
    // Only the page's renderer: the trace also holds the browser's own pages.
    if (event.pid !== navigation.pid || event.ts < navigation.ts || !SHOWN.has(event.name) || event.ph === 'E') continue;
    if (ONLY_LONG.has(event.name) && !(event.dur > 2000)) continue;
    const data = event.args?.data ?? event.args?.beginData ?? {};
    let detail = (data.url ?? urls.get(data.requestId) ?? '').replace(/^.*\//, '');
    if (event.name === 'ParseHTML') detail = `lines ${data.startLine}-${event.args?.endData?.endLine ?? '?'}`;
    if (event.name === 'largestContentfulPaint::Candidate') detail = `${data.nodeName ?? ''} size ${data.size}`;
    const at = ((event.ts - navigation.ts) / 1000).toFixed(0).padStart(6);
    const duration = event.dur ? `+${(event.dur / 1000).toFixed(0)}`.padStart(5) : '     ';
    lines.push(`${at} ${duration} ${event.name} ${detail}`);
  }
  return lines;
}

const server = await startStaticServer({ mounts: { '/bench/': PAGES, '/dist/': 'dist' }, csp: () => null });
const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: CHROMIUM_ARGS });
try {
  for (let run = 1; run <= RUNS; run++) {
    for (const { id } of chosen) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await browser.startTracing(page, { categories: ['devtools.timeline', 'loading', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
      const url = `${server.url}/bench/${id}.html`;
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(1000);
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
      await context.close();
      console.log(`--- ${id}, visit ${run} (ms after the document's request, +duration)\n${timeline(traceEvents, url).join('\n')}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
