// Shared set-up for the end-to-end tests: the system Chromium through playwright-core, and the
// project's static server with strict Content Security Policies.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { nonceCsp, startStaticServer, STRICT_CSP } from '../../scripts/serve.mjs';

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? findBrowser(), headless: true, args: CHROMIUM_ARGS });
}

/** The strict policy, allowing each Trusted Types policy name to be created more than once. */
const STRICT_CSP_DUPLICATES = STRICT_CSP.replace('trusted-types consent-manager lit-html', "trusted-types consent-manager lit-html 'allow-duplicates'");

/**
 * Serves test/e2e/pages under /strict/ (script-src 'self'), /nonce/ (script-src 'nonce-…'),
 * /strict-duplicates/ (strict, with Trusted Types 'allow-duplicates') and /open/ (no policy), the
 * built bundle under /dist/, the demo at /, and any `extraMounts`.
 */
export async function startTestServer(extraMounts = {}) {
  const policies = { '/nonce/': nonceCsp, '/open/': () => null, '/strict-duplicates/': () => STRICT_CSP_DUPLICATES };
  return startStaticServer({
    mounts: { '/strict/': 'test/e2e/pages', '/nonce/': 'test/e2e/pages', '/strict-duplicates/': 'test/e2e/pages', '/open/': 'test/e2e/pages', '/dist/': 'dist', '/': 'demo', ...extraMounts },
    csp: (pathname, nonce) => {
      const prefix = Object.keys(policies).find((candidate) => pathname.startsWith(candidate));
      return prefix ? policies[prefix](nonce) : STRICT_CSP;
    },
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
