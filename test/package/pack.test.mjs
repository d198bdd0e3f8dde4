// The published package, as a user gets it: `npm pack`, installed into an empty project, its
// entry points imported by a bundled app and by TypeScript, and the element rendered in Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { launchBrowser } from '../e2e/helpers.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

const root = resolve('.');
const manifest = JSON.parse(await readFile('package.json', 'utf8'));
let project;
let tarball;

function npm(args, cwd) {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
}

/** `consent-defaults.js` is a classic script for `<head>`, not a module: it is tested on its own. */
const CLASSIC_SCRIPTS = ['./consent-defaults.js'];

/** Every module subpath the package exports, except package.json, with `*` patterns expanded from the tarball. */
function entryPoints(files) {
  // A `null` target hides a subpath (shared helpers), and wins over a wider pattern.
  const hidden = Object.keys(manifest.exports)
    .filter((subpath) => manifest.exports[subpath] === null)
    .map((subpath) => subpath.split('*')[0]);
  return Object.keys(manifest.exports)
    .filter((subpath) => subpath !== './package.json' && !CLASSIC_SCRIPTS.includes(subpath) && manifest.exports[subpath] !== null)
    .flatMap((subpath) => {
      if (!subpath.includes('*')) return [subpath];
      const [prefix, suffix] = manifest.exports[subpath].default.replace(/^\.\//, '').split('*');
      return files
        .filter((file) => file.startsWith(prefix) && file.endsWith(suffix))
        .map((file) => subpath.replace('*', file.slice(prefix.length, file.length - suffix.length)))
        .filter((resolved) => !hidden.some((hiddenPrefix) => resolved.startsWith(hiddenPrefix)));
    })
    .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
}

before(async () => {
  project = await mkdtemp(join(tmpdir(), 'consent-manager-pack-'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', project], root));
  tarball = packed[0];
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'pack-test-app', private: true, type: 'module' }));
  // The Segment and Stripe adapters need their vendors' libraries, optional peers a site installs
  // when it uses those adapters; this app uses every entry point, so it installs them all.
  const peers = Object.entries(manifest.peerDependencies ?? {}).map(([name, range]) => `${name}@${range}`);
  npm(['install', '--no-save', join(project, tarball.filename), ...peers], project);
});

after(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('ships the built entry points, types and docs, and no sources or tests', () => {
    const files = tarball.files.map(({ path }) => path);
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/consent-manager.js', 'lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/define.js', 'custom-elements.json']) {
      assert.ok(files.includes(required), `${required} is in the tarball`);
    }
    const unwanted = files.filter((file) => /^(src|test|demo|bench|scripts|node_modules)\/|\.ts$(?<!\.d\.ts)|\.test\./.test(file));
    assert.deepEqual(unwanted, []);
  });

  it('type-checks an app that uses the typed API and events', async () => {
    await writeFile(
      join(project, 'app.ts'),
      `import { ConsentManagerElement, type ConsentChangeEvent } from '${manifest.name}';
import { parseConfig } from '${manifest.name}/core';
import '${manifest.name}/define';
const element: ConsentManagerElement = document.createElement('consent-manager');
element.addEventListener('consent-change', (event: ConsentChangeEvent) => {
  const allowed: boolean | undefined = event.detail.categories.analytics;
  const source: 'banner' | 'preferences' | 'placeholder' | 'api' | 'sync' | 'gpc' = event.detail.source;
  void allowed; void source;
});
void element.ready.then((state) => state.decided);
void parseConfig({}).config.categories.length;
`,
    );
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'ES2022', moduleResolution: 'bundler', target: 'ES2022', lib: ['ES2022', 'DOM'], noEmit: true, types: [] }, files: ['app.ts'] }));
    try {
      execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", project], { encoding: "utf8" });
    } catch (error) {
      assert.fail(`TypeScript rejected the package: ${error.stdout}`);
    }
  });

  it('imports every entry point in a bundled app and renders the element in a browser, after the exported consent-defaults.js', async () => {
    const entries = entryPoints(tarball.files.map(({ path }) => path));
    assert.ok(entries.includes(manifest.name) && entries.includes(`${manifest.name}/define`), entries.join(', '));
    await mkdir(join(project, 'public'), { recursive: true });
    await writeFile(
      join(project, 'main.js'),
      `${entries.map((entry, index) => `import * as entry${index} from '${entry}';`).join('\n')}
window.entries = { ${entries.map((entry, index) => `'${entry}': Object.keys(entry${index})`).join(', ')} };
window.sameClass = customElements.get('consent-manager') === entry0.ConsentManagerElement;
`,
    );
    await build({ absWorkingDir: project, entryPoints: ['main.js'], bundle: true, format: 'esm', outfile: 'public/main.js', logLevel: 'silent' });
    // As a site's build would: resolve the exported classic script and copy it beside the app.
    const defaultsScript = createRequire(join(project, 'package.json')).resolve(`${manifest.name}/consent-defaults.js`);
    await writeFile(join(project, 'public/consent-defaults.js'), await readFile(defaultsScript));
    await writeFile(
      join(project, 'public/index.html'),
      `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script src="/consent-defaults.js"></script><script type="module" src="/main.js"></script></head><body><consent-manager></consent-manager></body></html>`,
    );
    const server = await startStaticServer({ mounts: { '/': join(project, 'public') } });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${server.url}/`);
      await page.evaluate(() => document.querySelector('consent-manager').ready);
      assert.equal(await page.evaluate(() => window.sameClass), true, 'the define entry registers the exported class');
      for (const [entry, exportedNames] of Object.entries(await page.evaluate(() => window.entries))) {
        if (!entry.endsWith('/define')) assert.ok(exportedNames.length > 0, `${entry} exports something`);
      }
      assert.equal(await page.locator('[part="banner"]').count(), 1, 'the element renders');
      const firstPush = await page.evaluate(() => {
        const entry = window.dataLayer?.[0];
        return { isArguments: Object.prototype.toString.call(entry) === '[object Arguments]', command: entry ? [entry[0], entry[1]] : null };
      });
      assert.deepEqual(firstPush, { isArguments: true, command: ['consent', 'default'] }, 'consent-defaults.js pushes the Consent Mode default first');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
