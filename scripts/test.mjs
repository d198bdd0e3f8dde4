// `npm test`: finds the browsers, builds, then runs the core's tests in Node (scripts/test-core.mjs),
// the browser suites (web-test-runner, in
// Chromium and, when installed, Firefox and WebKit) and the multi-page end-to-end tests
// (node:test with playwright-core, Chromium), including the packed npm package, the tests of
// these scripts (test/scripts/) and the audit's (audit/test/). `npm test -- --unit` or `-- --e2e` runs one of the
// two, and `-- --chromium-only` skips the other engines; other arguments go to web-test-runner
// (for instance `--files 'test/dom/*.test.ts'`); with `--files`, the core's tests run only if one names them.
import { spawnSync } from 'node:child_process';
import { browserVersion, findBrowser, findFirefox } from './find-browser.mjs';
import { findWebKit } from './webkit-launcher.mjs';

const args = process.argv.slice(2);
const onlyUnit = args.includes('--unit');
const onlyE2e = args.includes('--e2e');
const chromiumOnly = args.includes('--chromium-only');
const passThrough = args.filter((arg) => !['--unit', '--e2e', '--chromium-only'].includes(arg));

// `--files a b` or `--files=a`: the patterns under test/core/ go to Node, the others to web-test-runner.
const browserArgs = [];
const filePatterns = [];
for (let index = 0; index < passThrough.length; index++) {
  const arg = passThrough[index];
  if (arg.startsWith('--files=')) filePatterns.push(arg.slice('--files='.length));
  else if (arg === '--files') while (passThrough[index + 1] && !passThrough[index + 1].startsWith('--')) filePatterns.push(passThrough[++index]);
  else browserArgs.push(arg);
}
const isCore = (pattern) => pattern.replace(/^\.\//, '').startsWith('test/core/');
const coreFiles = filePatterns.filter(isCore);
const browserFiles = filePatterns.filter((pattern) => !isCore(pattern));
const runCore = filePatterns.length === 0 || coreFiles.length > 0;
const runBrowser = filePatterns.length === 0 || browserFiles.length > 0;
if (browserFiles.length > 0) browserArgs.push('--files', ...browserFiles);

const chrome = findBrowser();
console.log(`Testing in ${browserVersion(chrome)} at ${chrome}`);
const env = { ...process.env, CHROME_PATH: chrome };
delete env.FIREFOX_PATH;
const firefox = chromiumOnly ? undefined : findFirefox();
if (firefox) {
  env.FIREFOX_PATH = firefox;
  console.log(`and in ${browserVersion(firefox)} at ${firefox}`);
} else if (!chromiumOnly) {
  console.log('Firefox not found (set FIREFOX_PATH, or install firefox-esr): the browser suites skip it.');
}
const webkit = chromiumOnly ? undefined : findWebKit();
env.WEBKIT = webkit ? '1' : '0';
if (webkit) console.log(`and in WebKit (${webkit.browser} through ${webkit.driver})`);
else if (!chromiumOnly) console.log('WebKit not found (install webkit2gtk-driver and xvfb): the browser suites skip it.');

/** A hang must fail the run with its name, not outlast CI: no part of the suite comes near this. */
const PHASE_LIMIT_MS = 25 * 60_000;

function run(command, commandArgs) {
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env, timeout: PHASE_LIMIT_MS, killSignal: 'SIGKILL' });
  // Where the time goes, phase by phase (README, "Test suite").
  console.log(`npm test: ${commandArgs[0] === '--test' ? 'node --test' : commandArgs[0].replace(/^node_modules\/(@web\/test-runner).*/, '$1')} took ${Math.round((performance.now() - started) / 1000)} s`);
  if (result.error?.code === 'ETIMEDOUT') {
    console.error(`npm test: \`${commandArgs.join(' ')}\` ran past ${PHASE_LIMIT_MS / 60_000} minutes and was stopped.`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs']);
if (!onlyE2e) {
  // Node 20's test runner takes no globs: a glob under test/core/ runs all of them.
  if (runCore) run(process.execPath, ['scripts/test-core.mjs', ...(coreFiles.some((pattern) => pattern.includes('*')) ? [] : coreFiles)]);
  if (runBrowser) run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...browserArgs]);
}
if (!onlyUnit) {
  // The consent log's suites run on PGlite always, and on PostgreSQL when a server is named.
  if (!(process.env.CONSENT_LOG_TEST_DATABASE_URL || process.env.DATABASE_URL)) console.log('DATABASE_URL is not set: the consent log tests run on PGlite only, and skip PostgreSQL.');
  // A test that waits for something that never comes fails after ten minutes, with its name (the limit applies to each file as a whole too).
  run(process.execPath, ['--test', '--test-concurrency=2', '--test-timeout=600000', 'test/e2e/', 'test/package/', 'test/scripts/', 'consent-log/test/', 'audit/test/']);
}
