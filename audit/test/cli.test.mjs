// The command as a user runs it: its files (--json, --html), --suggest-config, --fail-on and
// its exit codes, against the fixture sites. Each run starts its own browser, as `npx` would.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from 'consent-manager-element/core';
import { resolverArgs, startFixtureServer } from './fixture-server.mjs';

const BIN = fileURLToPath(new URL('../bin/consent-manager-audit.mjs', import.meta.url));
let fixtures;
let folder;

before(async () => {
  fixtures = await startFixtureServer();
  folder = await mkdtemp(join(tmpdir(), 'consent-audit-cli-'));
});

after(async () => {
  await fixtures?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Runs the command; resolves `{ code, stdout, stderr }` whatever the exit code. */
async function run(...args) {
  const browserArgs = resolverArgs(fixtures.port).map((flag) => `--browser-arg=${flag}`);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args, ...browserArgs], { maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

// Each run starts a browser of its own: three run at a time.
describe('consent-manager-audit', { concurrency: 3 }, () => {
  it('on a clean site and one of its links: exit 0, a summary, a JSON report as documented and an HTML report with the verdict', async () => {
    const json = join(folder, 'clean.json');
    const html = join(folder, 'clean.html');
    const { code, stdout, stderr } = await run(`${fixtures.url}/clean/`, '--pages', '1', '--json', json, '--html', html);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /== Phase before ==/);
    assert.match(stdout, /PASS: nothing was set or sent before consent/);
    assert.ok(!stdout.includes('\u001b'), 'no colour codes');
    assert.match(stderr, /\[start page\] .*\/clean\//, 'progress on stderr');
    assert.match(stderr, /\[page 2\/2\] .*\/clean\/about\.html/);

    const report = JSON.parse(await readFile(json, 'utf8'));
    assert.deepEqual(Object.keys(report).sort(), ['browser', 'declarations', 'findings', 'finishedAt', 'pages', 'phases', 'startedAt', 'tool', 'url']);
    assert.equal(report.url, `${fixtures.url}/clean/`);
    assert.deepEqual(report.tool, { name: 'consent-manager-audit', version: '0.1.0' });
    assert.deepEqual(report.pages.map((page) => new URL(page.url).pathname), ['/clean/', '/clean/about.html']);
    assert.deepEqual(Object.keys(report.phases), ['before', 'reject', 'accept', 'category:analytics', 'withdraw']);
    for (const observed of Object.values(report.phases)) assert.deepEqual(Object.keys(observed), ['cookies', 'storage', 'requests']);
    const cookie = report.phases.accept.cookies.find((item) => item.name === 'site_stats');
    for (const field of ['page', 'phase', 'name', 'domain', 'path', 'expires', 'lifetimeDays', 'secure', 'httpOnly', 'sameSite', 'party', 'declared', 'database']) assert.ok(field in cookie, field);
    const request = report.phases.accept.requests[0];
    assert.deepEqual(Object.keys(request), ['page', 'phase', 'url', 'host', 'path', 'resourceType', 'failed']);
    assert.deepEqual(report.findings, []);
    assert.ok(report.pages[0].screenshots.length >= 1);
    assert.equal(report.pages[0].screenshots[0].dataUrl, undefined, 'screenshots stay out of the JSON');

    const page = await readFile(html, 'utf8');
    assert.match(page, /<p class="verdict pass" role="status">PASS/);
    assert.match(page, /<img src="data:image\/png;base64,[A-Za-z0-9+/]{100,}/, 'the banner screenshot is inline');
    assert.match(page, /<h2>By category<\/h2>/);
    assert.match(page, /<h3>Only &quot;analytics&quot; allowed, and a reload/);
    assert.doesNotMatch(page, /<script|<link|src="http/, 'self-contained: nothing to fetch, nothing to run');
  });

  it('prints a categories fragment with every cookie seen, which the element accepts as config; a warning alone exits 0 by default', async () => {
    const { code, stdout, stderr } = await run(`${fixtures.url}/undeclared-cookie/`, '--suggest-config');
    assert.match(stderr, /PASS WITH WARNINGS: no error, 1 warning/, 'the site has one warning and no error');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /== Findings ==/, 'the summary goes to stderr');
    const fragment = JSON.parse(stdout);
    assert.deepEqual(parseConfig(fragment).errors, []);
    const analytics = fragment.categories.find((category) => category.id === 'analytics');
    assert.deepEqual(analytics.cookies.map((cookie) => [cookie.name, cookie.party, cookie.provider, cookie.lifetime]), [['_hjid', 'first', 'Hotjar', 'session']]);
    assert.match(analytics.cookies[0].purpose, /Hotjar cookie/);
    const necessary = fragment.categories.find((category) => category.id === 'necessary');
    assert.equal(necessary.required, true);
    assert.deepEqual(necessary.cookies.map((cookie) => cookie.name), [], "not the element's own cookie: the element declares it itself");
  });

  it('exits 1 on an error finding, and 0 with --fail-on never', async () => {
    const [failing, tolerated] = await Promise.all([run(`${fixtures.url}/cookie-before-consent/`), run(`${fixtures.url}/cookie-before-consent/`, '--fail-on', 'never')]);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /ERROR\s+cookie-before-consent\s+before\s+visitor_id/);
    assert.match(failing.stdout, /FAIL: 1 error/);
    assert.equal(tolerated.code, 0);
  });

  // Exit 0 on a warning by default: the --suggest-config test above, on a site with one warning.
  it('exits 1 on a warning with --fail-on warning', async () => {
    const strict = await run(`${fixtures.url}/storage/`, '--fail-on', 'warning');
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /WARNING\s+storage-before-consent/);
  });

  it('exits 2 with one sentence when the site cannot be audited', async () => {
    const [missing, unresolvable] = await Promise.all([run(`${fixtures.url}/no-such-page/`), run('http://unresolvable.test/')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /could not be audited: .*no-such-page\/ could not be loaded: the server answered 404/);
    assert.equal(missing.stdout, '');
    assert.equal(unresolvable.code, 2);
    assert.match(unresolvable.stderr, /could not be loaded: .*ERR_NAME_NOT_RESOLVED/);
  });

  it('exits 2 on bad arguments, before starting a browser', async () => {
    const cases = [
      [[], /Give the URL to audit/],
      [['ftp://example.com/'], /not an http or https URL/],
      [['not a url'], /is not a URL/],
      [['http://127.0.0.1/', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, never/],
      [['http://127.0.0.1/', '--pages=-1'], /--pages must be a whole number/],
      [['http://127.0.0.1/', '--unknown'], /Unknown option '--unknown'/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(...args)));
    for (const [index, [args, message]] of cases.entries()) {
      assert.equal(results[index].code, 2, args.join(' '));
      assert.match(results[index].stderr, message);
    }
  });

  it('exits 2 when the browser given does not start', async () => {
    const { code, stderr } = await run('http://127.0.0.1/', '--browser', '/bin/false');
    assert.equal(code, 2);
    assert.match(stderr, /The browser at \/bin\/false could not be started/);
  });
});
