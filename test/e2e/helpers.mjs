// Shared set-up for the end-to-end tests: the system Chromium through playwright-core, and the
// project's static server with strict Content Security Policies.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { nonceCsp, startStaticServer, STRICT_CSP } from '../../scripts/serve.mjs';

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? findBrowser(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Serves test/e2e/pages under /strict/ (script-src 'self'), /nonce/ (script-src 'nonce-…') and
 * /open/ (no policy), the built bundle under /dist/, and the demo under /demo/.
 */
export async function startTestServer() {
  return startStaticServer({
    mounts: { '/strict/': 'test/e2e/pages', '/nonce/': 'test/e2e/pages', '/open/': 'test/e2e/pages', '/dist/': 'dist', '/': 'demo' },
    csp: (pathname, nonce) => (pathname.startsWith('/nonce/') ? nonceCsp(nonce) : pathname.startsWith('/open/') ? null : STRICT_CSP),
  });
}

/**
 * Opens a page that records CSP violations, console errors and uncaught exceptions. The recorder
 * is injected by the browser before any page script and is not itself subject to the page's CSP.
 */
export async function openRecordedPage(context) {
  const page = await context.newPage();
  const problems = { violations: [], errors: [] };
  await page.exposeFunction('reportViolation', (text) => problems.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.reportViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  return { page, problems };
}
