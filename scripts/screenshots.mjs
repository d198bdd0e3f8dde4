// `npm run screenshots`: pictures of the real demo for docs/theming.md. It builds when dist/ is
// missing or older than the sources (`--build` forces it), serves the demo with the demo's own
// Content Security Policy, and in headless Chromium (the system's, as the tests use) takes the
// banner and the preferences dialog in the light theme, the dark theme and Arabic (right to left),
// set through the demo's own switchers. Every request off this machine is aborted, and the script
// fails on any policy violation or page error, so the pictures show the demo as it really runs.
/* global document, requestAnimationFrame -- the functions given to page.evaluate run in the page */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.mjs';
import { demoCsp, startStaticServer } from './serve.mjs';

const OUTPUT = 'docs/screenshots';
/**
 * A laptop-sized window: large enough for the dialog, small enough to stay legible in the docs.
 * Below 64rem the demo's event panel starts closed, as a visitor would leave it; closing it with
 * a click instead leaves its label antialiased differently from run to run.
 */
const VIEWPORT = { width: 1000, height: 720 };
const VARIANTS = [
  { name: 'light', theme: 'light', language: 'en' },
  { name: 'dark', theme: 'dark', language: 'en' },
  { name: 'rtl-ar', theme: 'light', language: 'ar' },
];

function newestChange(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function buildIfNeeded() {
  const built = statSync('dist/consent-manager.js', { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...['src', 'adapters', 'locales', 'rollup.config.mjs', 'tsconfig.build.json'].map(newestChange));
  if (!process.argv.includes('--build') && built > sources) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Waits until the page has settled: the UI in the wanted language, fonts loaded, two frames drawn. */
async function settle(page, language) {
  await page.waitForFunction((wanted) => document.querySelector('consent-manager').language === wanted, language);
  await page.evaluate(() => document.fonts.ready);
  // The switchers keep the focus after a choice; a focused control is not what a visitor first sees.
  await page.evaluate(() => document.querySelector('header :focus')?.blur());
  // No hover underline on whatever button lies under the pointer.
  await page.mouse.move(0, 0);
  // Let the native controls finish repainting after losing the focus, then two frames more.
  await page.waitForTimeout(250);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function shoot(browser, url, { name, theme, language }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', locale: 'en-GB' });
  await context.route((target) => target.origin !== new URL(url).origin, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`));
  });

  await page.goto(`${url}/`);
  await page.locator('[part="banner"]').waitFor();
  // The event panel starts open on wide screens; closed, it leaves the page as a visitor sees it.
  const toggle = page.locator('.event-panel-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  await toggle.blur();
  await page.selectOption('#theme-switcher', theme);
  await page.selectOption('#language-switcher', language);
  await settle(page, language);
  const files = [`${OUTPUT}/banner-${name}.png`, `${OUTPUT}/preferences-${name}.png`];
  await page.screenshot({ path: files[0] });

  await page.locator('[part="customize"]').click();
  await page.locator('[part="preferences"]').waitFor();
  await settle(page, language);
  await page.screenshot({ path: files[1] });
  await context.close();
  if (problems.length > 0) throw new Error(`the demo reported problems (${name}):\n${problems.join('\n')}`);
  return files;
}

buildIfNeeded();
mkdirSync(OUTPUT, { recursive: true });
const server = await startStaticServer({ mounts: { '/': 'demo', '/dist/': 'dist' }, csp: demoCsp });
const browser = await chromium.launch({ executablePath: findBrowser(), headless: true, args: CHROMIUM_ARGS });
try {
  for (const variant of VARIANTS) {
    for (const file of await shoot(browser, server.url, variant)) console.log(`screenshots: ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
