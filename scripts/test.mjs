// `npm test`: finds a browser, builds, then runs the browser unit tests (web-test-runner) and the
// multi-page end-to-end tests (node:test with playwright-core). `npm test -- --unit` or `-- --e2e`
// runs one of the two; other arguments go to web-test-runner (for instance `--files test/core/*.test.ts`).
import { spawnSync } from 'node:child_process';
import { browserVersion, findBrowser } from './find-browser.mjs';

const args = process.argv.slice(2);
const onlyUnit = args.includes('--unit');
const onlyE2e = args.includes('--e2e');
const passThrough = args.filter((arg) => arg !== '--unit' && arg !== '--e2e');

const chrome = findBrowser();
console.log(`Testing in ${browserVersion(chrome)} at ${chrome}`);
const env = { ...process.env, CHROME_PATH: chrome };

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs']);
if (!onlyE2e) run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...passThrough]);
if (!onlyUnit) run(process.execPath, ['--test', '--test-concurrency=2', 'test/e2e/']);
