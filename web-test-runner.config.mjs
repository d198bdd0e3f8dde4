import { esbuildPlugin } from '@web/dev-server-esbuild';
import { emulateMediaPlugin, sendKeysPlugin, setViewportPlugin } from '@web/test-runner-commands/plugins';
import { readdirSync, readFileSync } from 'node:fs';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { emulateForcedColorsPlugin } from './scripts/emulate-forced-colors.mjs';
import { CHROMIUM_ARGS, FIREFOX_PREFS } from './scripts/find-browser.mjs';
import { findWebKit, webkitLauncher } from './scripts/webkit-launcher.mjs';
import { timingsReporter } from './scripts/wtr-timings.mjs';
import { defaultReporter } from '@web/test-runner';

/** Each test file gets its own browser context, so cookies and storage never leak between files. */
async function isolatedPage({ browser }) {
  const context = await browser.createBrowserContext();
  return context.newPage();
}

/**
 * `launcher` with each test file's page closed, with its context, when the file ends. The launcher
 * would otherwise keep the page (and so its context's cookies and storage) for the next file:
 * test/isolation-*.test.ts failed in Firefox, which runs one page, until this was done.
 */
function closingPagePerFile(launcher) {
  launcher.stopSession = async (sessionId) => {
    const page = launcher.activePages.get(sessionId);
    if (!page) throw new Error(`No page for session ${sessionId}`);
    launcher.activePages.delete(sessionId);
    // Closing the context ends the page and everything running in it, which is what the
    // launcher's own stopSession gets by navigating to about:blank first: a navigation per file
    // that the closed context makes pointless. Coverage, which it also collects, is not used.
    await page.puppeteerPage.browserContext().close();
    return {};
  };
  return launcher;
}

/**
 * `?delay=<ms>` on any URL holds the response back, for ordering and timeout tests; `?fail`
 * answers 503, a failed load that web-test-runner does not report as a missing file.
 */
async function faultMiddleware(context, next) {
  const delay = Number(context.query.delay);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 20_000)));
  if ('fail' in context.query) {
    context.status = 503;
    context.body = 'unavailable';
    return undefined;
  }
  return next();
}

/**
 * `/dist-language-chunks/<fail|slow|stalled>/…` serves `/dist/…`, except the chunks of the
 * banner's messages in one language (which the script tag's first layer imports for a visitor who
 * wants it): `fail` answers them 503, `slow` holds them back 1.5 s, `stalled` 4.5 s, past the 3 s
 * the first layer waits for them (test/ui/first-layer.test.ts).
 */
async function languageChunksMiddleware(context, next) {
  const match = /^\/dist-language-chunks\/(fail|slow|stalled)(\/.*)$/.exec(context.path);
  if (!match) return next();
  const [, mode, rest] = match;
  if (/^\/chunks\/banner-messages-[\w-]+\.js$/.test(rest)) {
    if (mode === 'fail') {
      context.status = 503;
      context.body = 'unavailable';
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, mode === 'slow' ? 1500 : 4500));
  }
  context.path = `/dist${rest}`;
  return next();
}

/**
 * Stands in for PostHog's hosts, which the posthog adapter's tests point `apiHost` at:
 * `/vendor/posthog/static/array.js` is PostHog's real browser build from node_modules, and every
 * other request (events, flags) is answered with `{}`.
 */
async function posthogStandInMiddleware(context, next) {
  if (!context.path.startsWith('/vendor/posthog/')) return next();
  if (context.path === '/vendor/posthog/static/array.js') {
    context.path = '/node_modules/posthog-js/dist/array.js';
    return next();
  }
  context.status = 200;
  context.type = 'application/json';
  context.body = '{}';
  return undefined;
}

/** What a browser command throws in an engine that cannot do it at all (Firefox over BiDi has no CDP; WebKit's WebDriver holds no keys). */
const UNSUPPORTED = /not supported|CDP support is required|Only "press" and "type" are supported/;

/**
 * `where-supported` runs a browser command (`emulate-media`, `set-viewport`, `send-keys`) and
 * answers `{ supported: false }` where the engine lacks it, so a test can skip. Called directly,
 * such a command fails in the browser and web-test-runner also prints its stack trace, dozens
 * per passing run; any other error still fails the test and is printed.
 */
function whereSupportedPlugin() {
  const commands = { 'emulate-media': emulateMediaPlugin(), 'set-viewport': setViewportPlugin(), 'send-keys': sendKeysPlugin() };
  return {
    name: 'where-supported',
    async executeCommand({ command, payload, session }) {
      if (command !== 'where-supported') return undefined;
      const plugin = commands[payload?.command];
      if (!plugin) throw new Error(`where-supported: no command ${payload?.command}`);
      try {
        await plugin.executeCommand({ command: payload.command, payload: payload.payload, session });
        return { supported: true };
      } catch (error) {
        if (error instanceof Error && UNSUPPORTED.test(error.message)) return { supported: false };
        throw error;
      }
    },
  };
}

/** package.json's name and version, as the build stamps them into src/core/component.ts. */
function packageStamp() {
  const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
  return JSON.stringify({ name, version });
}

/**
 * How many random sequences test/ui/fuzz.test.ts tries in each engine: FUZZ_RUNS, else 10. Each run
 * takes about a second of real rendering, and fast-check draws new sequences on every `npm test`,
 * so CI runs add up; `FUZZ_RUNS=500 npm test -- --unit --files test/ui/fuzz.test.ts` searches deeper.
 */
function fuzzRuns() {
  const runs = Number(process.env.FUZZ_RUNS ?? 10);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a whole number of at least 1, not ${process.env.FUZZ_RUNS}`);
  return String(runs);
}

/**
 * The test files that test/groups/*.test.ts import, each run there with the others of its group in
 * one page per engine, so not on its own as well. A page of its own costs about 2 s per file per
 * engine on a loaded 2-core machine, more than most files' tests take (README, "Test suite");
 * `--files` still runs any of them alone.
 */
function filesRunInGroups() {
  const groups = readdirSync('test/groups').filter((name) => name.endsWith('.test.ts'));
  return groups.flatMap((group) => [...readFileSync(`test/groups/${group}`, 'utf8').matchAll(/^import '\.\.\/(.+)\.js';$/gm)].map(([, path]) => `test/${path}.ts`));
}

export default {
  // test/core runs in Node (scripts/test-core.mjs).
  files: ['test/**/*.test.ts', '!test/e2e/**', '!test/core/**', ...filesRunInGroups().map((file) => `!${file}`)],
  // An IP, not "localhost": each engine's network isolation exempts exactly this host.
  hostname: '127.0.0.1',
  // Lit's development build logs a warning on every page; tests log nothing.
  nodeResolve: { exportConditions: ['production'] },
  middleware: [faultMiddleware, languageChunksMiddleware, posthogStandInMiddleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022', define: { __CONSENT_MANAGER_PACKAGE__: packageStamp(), __FUZZ_RUNS__: fuzzRuns() } }), whereSupportedPlugin(), emulateForcedColorsPlugin()],
  concurrency: 2,
  // All three engines at once (web-test-runner's default is two): WebKit, which runs one file at
  // a time, no longer waits for Chromium to finish before it starts. Each engine runs one page,
  // so three pages share the two cores, as before: with Chromium's two as well, waits of a few
  // seconds timed out in Chromium on the loaded machine.
  concurrentBrowsers: 3,
  // WebKit's MiniBrowser can take longer than the default 30 s to open a page on a loaded 2-core
  // machine, and when one fails to come up the WebKit launcher tries again, up to three times.
  browserStartTimeout: 120_000,
  browsers: [
    closingPagePerFile(
      chromeLauncher({
        launchOptions: { executablePath: process.env.CHROME_PATH, headless: true, args: CHROMIUM_ARGS },
        createPage: isolatedPage,
        concurrency: 1,
      }),
    ),
    // Firefox through puppeteer-core's WebDriver BiDi support, when scripts/test.mjs found one.
    ...(process.env.FIREFOX_PATH
      ? [
          closingPagePerFile(
            chromeLauncher({
              puppeteer: puppeteerCore,
              launchOptions: { browser: 'firefox', executablePath: process.env.FIREFOX_PATH, headless: true, extraPrefsFirefox: FIREFOX_PREFS },
              createPage: isolatedPage,
              // One page at a time: Firefox gives a background tab neither focus nor keyboard input.
              concurrency: 1,
            }),
          ),
        ]
      : []),
    // WebKit through WebKitGTK's WebDriver and MiniBrowser, when scripts/test.mjs found them.
    ...(process.env.WEBKIT === '1' && findWebKit() ? [webkitLauncher(findWebKit())] : []),
  ],
  testFramework: {
    config: { timeout: 8000, forbidOnly: true },
  },
  // WTR_TIMINGS=<file>: each test file's time per browser, to find what makes the suite slow.
  ...(process.env.WTR_TIMINGS ? { reporters: [defaultReporter(), timingsReporter(process.env.WTR_TIMINGS)] } : {}),
};
