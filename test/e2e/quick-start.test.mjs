// The README's Quick start, pasted as written into a page, with one more gated script on the
// site's own origin: nothing gated is requested before consent, and after Accept all both the
// Quick start's script (example.com, answered here) and the site's own one run.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStaticServer } from '../../scripts/serve.mjs';
import { launchBrowser } from './helpers.mjs';

let browser;
let server;
let site;

before(async () => {
  const readme = await readFile('README.md', 'utf8');
  const quickStart = /## Quick start[\s\S]*?```html\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(quickStart, 'the README has a Quick start with an html block');
  site = await mkdtemp(join(tmpdir(), 'quick-start-'));
  await writeFile(join(site, 'own.js'), "(window.ran ??= []).push('own');\n");
  await writeFile(
    join(site, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quick start</title></head><body>
<script type="text/plain" data-consent="analytics" data-src="/own.js"></script>
${quickStart}</body></html>`,
  );
  [browser, server] = await Promise.all([launchBrowser(), startStaticServer({ mounts: { '/dist/': 'dist', '/': site }, csp: () => null })]);
});

after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
  await rm(site, { recursive: true, force: true });
});

describe("the README's Quick start", () => {
  it("runs the site's own gated script and the Quick start's, only after Accept all", async () => {
    const context = await browser.newContext();
    const requested = [];
    await context.route('https://example.com/**', (route) => {
      requested.push(route.request().url());
      return route.fulfill({ contentType: 'text/javascript', body: "(window.ran ??= []).push('example.com');" });
    });
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    page.on('request', (request) => request.url().endsWith('/own.js') && requested.push(request.url()));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => customElements.get('consent-manager') !== undefined);
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    await page.locator('[part="banner"]').waitFor();
    assert.deepEqual(requested, [], 'nothing gated is requested before a choice');

    await page.locator('[part~="accept-all"]').click();
    await page.waitForFunction(() => window.ran?.length === 2, null, { timeout: 10_000 }).catch(() => undefined);
    assert.deepEqual((await page.evaluate(() => window.ran ?? [])).sort(), ['example.com', 'own'], `both ran; warnings: ${warnings.join(' | ')}`);
    await context.close();
  });
});
