// The README's PHP recipe (the first ```php block), run with php-cli, decides "valid choice or
// not" exactly as readConsent does for the same cookie values, hostile ones included; its inline
// variant (the second block) is served by PHP's built-in server. Skipped where php-cli is missing
// (.ci/run installs it).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { encodeRecord, inlineFirstLayerSources, readConsent, renderConsentManager } from 'consent-manager-element/core';

const php = spawnSync('php', ['--version'], { encoding: 'utf8' }).status === 0;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const [recipe = '', inlineRecipe = '', hashRecipe = ''] = [...readme.matchAll(/```php\n([\s\S]*?)\n```/g)].map(([, block]) => block);
// The function alone: the lines after it serve a page.
const recipeFunction = recipe.slice(0, recipe.indexOf('\n$language'));

const config = { revision: 3, categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }], storage: { expiresDays: 30 } };
const NOW = 1_763_800_000;
const record = (fields = {}) =>
  encodeRecord({ version: 1, id: '3q2-7wE8Tn6J0c1YbXk1vA', revision: 3, createdAt: NOW - 100, updatedAt: NOW - 50, granted: ['necessary', 'analytics'], denied: ['marketing'], method: 'banner', gpc: false, language: 'de-AT', ...fields });

describe('the PHP recipe in the README', { skip: php ? false : 'php-cli is not installed' }, () => {
  it('is found in the README', () => {
    assert.match(recipeFunction, /function consent_choice_is_valid\(/);
  });

  it('agrees with readConsent on valid, stale, edited and hostile values', () => {
    const valid = record();
    const values = [
      valid,
      record({ granted: ['necessary', 'analytics', 'marketing'], denied: [], method: 'gpc', gpc: true }),
      record({ updatedAt: NOW - 31 * 86_400, createdAt: NOW - 40 * 86_400 }),
      record({ updatedAt: NOW - 29 * 86_400, createdAt: NOW - 40 * 86_400 }),
      record({ revision: 2 }),
      record({ granted: ['necessary'], denied: ['analytics'] }),
      record({ updatedAt: NOW + 3600 }),
      record({ updatedAt: NOW + 500 }),
      record({ createdAt: NOW, updatedAt: NOW - 10 }),
      record({ granted: ['necessary', 'analytics'], denied: ['marketing', 'analytics'] }),
      record({ granted: ['necessary', 'analytics', 'analytics'], denied: ['marketing'] }),
      record({ language: 'x' }),
      valid.replace('g=necessary.analytics&d=marketing', 'g=necessary.analytics.marketing&d='),
      valid.slice(0, -1),
      `${valid}x`,
      valid.replace('v=1', 'v=2'),
      valid.replace('&m=banner', '&m=admin'),
      `${valid}\n`,
      valid.replace('r=3', 'r=03'),
      '',
      'v=1',
      '&s=',
      'x'.repeat(5000),
      `${valid.slice(0, valid.lastIndexOf('&s='))}&s=${'0'.repeat(7)}`,
      valid.replace('id=3q2-7wE8Tn6J0c1YbXk1vA', 'id=é'.padEnd(25, 'a')),
    ];
    const folder = mkdtempSync(join(tmpdir(), 'consent-php-'));
    try {
      const script = join(folder, 'check.php');
      writeFileSync(
        script,
        `${recipeFunction}\n$cases = json_decode(file_get_contents('php://stdin'), true);\necho json_encode(array_map(fn ($value) => consent_choice_is_valid($value, 3, ['analytics', 'marketing'], 30, ${NOW}), $cases));\n`,
      );
      const result = spawnSync('php', [script], { input: JSON.stringify(values), encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr || result.stdout);
      const answers = JSON.parse(result.stdout);
      values.forEach((value, index) => {
        const expected = readConsent([value], config, { now: NOW * 1000 }).categories !== null;
        assert.equal(answers[index], expected, `${JSON.stringify(value).slice(0, 120)}: readConsent says ${expected}`);
      });
      assert.ok(answers.filter(Boolean).length >= 4 && answers.filter((answer) => !answer).length >= 15, 'both answers are exercised');
      // `consent[]=…` or `consent[a]=…` in the Cookie header makes PHP's $_COOKIE['consent'] an array.
      const arrays = spawnSync('php', [script], { input: JSON.stringify([['x'], { a: valid }, [valid]]), encoding: 'utf8' });
      assert.equal(arrays.status, 0, arrays.stderr || arrays.stdout);
      assert.deepEqual(JSON.parse(arrays.stdout), [false, false, false], 'an array is no choice, and no error');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** A port on 127.0.0.1 that nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts PHP's built-in server on `folder` for the test `t`; `get(cookie)` fetches `/`, retrying until it answers. */
async function servePhp(t, folder) {
  const port = await freePort();
  const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', folder], { stdio: ['ignore', 'ignore', 'pipe'] });
  let serverOutput = '';
  server.stderr.on('data', (chunk) => (serverOutput += chunk));
  t.after(() => server.kill());
  const get = async (cookie) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetch(`http://127.0.0.1:${port}/`, { headers: cookie ? { cookie } : {} });
      } catch (error) {
        if (attempt > 100) throw new Error(`PHP's server did not answer: ${serverOutput}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  return { get, output: () => serverOutput };
}

describe('the PHP recipe for the inline first layer, served by PHP', { skip: php ? false : 'php-cli is not installed' }, () => {
  const STAND_IN = 'CONSENT_MANAGER_NONCE';
  // A site text holding the stand-in in attribute form: it must come out as it went in.
  const siteConfig = { revision: 1, categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }], texts: { bannerTitle: `Cookies nonce="${STAND_IN}"` } };
  const deploy = (cookieHeader) =>
    renderConsentManager({ config: siteConfig, lang: 'en', cookieHeader, inline: { bundle: '/consent/consent-manager.js', nonce: STAND_IN }, attributes: { nonce: STAND_IN } });
  const now = Math.floor(Date.now() / 1000);
  const chosen = encodeRecord({ version: 1, id: '3q2-7wE8Tn6J0c1YbXk1vA', revision: 1, createdAt: now - 100, updatedAt: now - 50, granted: ['necessary'], denied: ['analytics', 'marketing'], method: 'banner', gpc: false, language: 'en' });

  it('puts a fresh nonce in the policy and in every nonce attribute, and changes nothing else', async (t) => {
    assert.match(inlineRecipe, /CONSENT_MANAGER_NONCE/, 'the second ```php block is the inline variant');
    const folder = mkdtempSync(join(tmpdir(), 'consent-php-inline-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    mkdirSync(join(folder, 'consent'));
    const files = { banner: deploy(null), chosen: deploy(`consent=${encodeURIComponent(chosen)}`) };
    assert.match(files.banner, /<template shadowrootmode="open">/);
    assert.doesNotMatch(files.chosen, /<template/);
    writeFileSync(join(folder, 'consent', 'consent-manager.en.banner.html'), files.banner);
    writeFileSync(join(folder, 'consent', 'consent-manager.en.chosen.html'), files.chosen);
    writeFileSync(join(folder, 'index.php'), `${recipeFunction}\n$language = 'en';\n${inlineRecipe}\n`);
    const { get, output } = await servePhp(t, folder);
    const served = async (cookie, deployed, attributes) => {
      const response = await get(cookie);
      assert.equal(response.status, 200, output());
      const body = await response.text();
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
      assert.ok(nonce && nonce.length >= 22, `a nonce in the policy: ${response.headers.get('content-security-policy')}`);
      assert.equal(response.headers.get('content-security-policy'), `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; object-src 'none'; base-uri 'none'`);
      assert.equal(body.split(`nonce="${nonce}"`).length - 1, attributes, 'the nonce in each attribute');
      assert.equal(body.replaceAll(`nonce="${nonce}"`, `nonce="${STAND_IN}"`), deployed, 'nothing but the nonce attributes changed');
      assert.ok(body.includes(`nonce=\\"${STAND_IN}\\"`), "the config's own text keeps the stand-in");
      return nonce;
    };
    // The element's own nonce, the banner's <style> and the loader's <script>.
    const first = await served(null, files.banner, 3);
    const second = await served(null, files.banner, 3);
    assert.notEqual(first, second, 'a new nonce for each response');
    // A returning visitor: the element and its loader, no banner.
    await served(`consent=${encodeURIComponent(chosen)}`, files.chosen, 2);
    // A cookie named like an array (a sibling subdomain can set one) hides the choice from PHP:
    // the banner is served, and no error.
    await served(`consent=${encodeURIComponent(chosen)}; consent[]=1`, files.banner, 3);
  });
});

describe('the PHP recipe for the inline first layer by hash, served by PHP', { skip: php ? false : 'php-cli is not installed' }, () => {
  const bundle = '/consent/consent-manager.js';
  const siteConfig = { revision: 1, categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };
  const deploy = (cookieHeader) => renderConsentManager({ config: siteConfig, lang: 'en', cookieHeader, inline: { bundle } });
  const now = Math.floor(Date.now() / 1000);
  const chosen = encodeRecord({ version: 1, id: '3q2-7wE8Tn6J0c1YbXk1vA', revision: 1, createdAt: now - 100, updatedAt: now - 50, granted: ['necessary', 'analytics'], denied: ['marketing'], method: 'banner', gpc: false, language: 'en' });

  it("sends the files of the README's deploy script as they are, under the policy with the deploy time's hashes", async (t) => {
    assert.match(hashRecipe, /inline-sources\.json/, 'the third ```php block is the hash variant');
    const deployScript = /```js\n(\/\/ deploy\.mjs\n[\s\S]*?)\n```/.exec(readme)?.[1];
    assert.ok(deployScript, "the README's deploy.mjs");
    const folder = mkdtempSync(join(tmpdir(), 'consent-php-hash-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    mkdirSync(join(folder, 'consent'));
    // The site's folder: its config, the package installed (this checkout), the script as written.
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(fileURLToPath(new URL('../..', import.meta.url)), join(folder, 'node_modules', 'consent-manager-element'), 'dir');
    writeFileSync(join(folder, 'consent-config.json'), JSON.stringify(siteConfig));
    writeFileSync(join(folder, 'deploy.mjs'), deployScript);
    const deployRun = spawnSync(process.execPath, ['deploy.mjs'], { cwd: folder, encoding: 'utf8' });
    assert.equal(deployRun.status, 0, deployRun.stderr);
    const sources = await inlineFirstLayerSources(bundle);
    assert.deepEqual(JSON.parse(readFileSync(join(folder, 'consent', 'inline-sources.json'), 'utf8')), sources);
    const files = { banner: deploy(null), chosen: deploy(`consent=${encodeURIComponent(chosen)}`) };
    for (const variant of ['banner', 'chosen']) assert.equal(readFileSync(join(folder, 'consent', `consent-manager.en.${variant}.html`), 'utf8'), files[variant], `the ${variant} variant, as rendered for such a request`);
    assert.match(readFileSync(join(folder, 'consent', 'consent-manager.de.banner.html'), 'utf8'), /lang="de"/);
    writeFileSync(join(folder, 'index.php'), `${recipeFunction}\n$language = 'en';\n${hashRecipe}\n`);
    const { get, output } = await servePhp(t, folder);
    const policy = `default-src 'self'; script-src 'self' ${sources.script}; style-src 'self' ${sources.style}; object-src 'none'; base-uri 'none'; form-action 'self'`;
    for (const [cookie, deployed] of [
      [null, files.banner],
      [`consent=${encodeURIComponent(chosen)}`, files.chosen],
    ]) {
      const response = await get(cookie);
      assert.equal(response.status, 200, output());
      assert.equal(response.headers.get('content-security-policy'), policy);
      assert.equal(await response.text(), deployed, cookie ? 'a returning visitor: the element and its loader' : 'a new visitor: the served banner');
    }
  });

  it('answers 500 with no markup when the hashes file is missing or broken, rather than a page its policy would break', async (t) => {
    const folder = mkdtempSync(join(tmpdir(), 'consent-php-hash-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    mkdirSync(join(folder, 'consent'));
    writeFileSync(join(folder, 'consent', 'consent-manager.en.banner.html'), deploy(null));
    writeFileSync(join(folder, 'consent', 'inline-sources.json'), '{"script":');
    writeFileSync(join(folder, 'index.php'), `${recipeFunction}\n$language = 'en';\n${hashRecipe}\n`);
    const { get } = await servePhp(t, folder);
    const response = await get(null);
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /consent-manager/);
  });
});
