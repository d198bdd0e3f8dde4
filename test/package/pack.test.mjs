// The published package, as a user gets it: `npm pack`, installed into an empty project without
// the registry, its entry points imported by a bundled app and by TypeScript, bundled by esbuild
// rollup, Vite and webpack without the optional peers, imported in Node, and the element rendered in Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import nodeResolve from '@rollup/plugin-node-resolve';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import { launchBrowser } from '../e2e/helpers.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

const root = resolve('.');
const manifest = JSON.parse(await readFile('package.json', 'utf8'));
let project;
let tarball;

/**
 * npm with no registry: `--offline` answers from the cache only, and the registry is an address
 * nothing listens on, so a lookup that slipped through would fail rather than reach the network.
 * Scripts are off: `npm test` has built already, and packing must not build again.
 */
function npm(args, cwd) {
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'true', npm_config_ignore_scripts: 'true' };
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
}

/** `names` and everything they depend on, as the repository's node_modules holds them (npm installs it flat). */
async function dependencyClosure(names) {
  const found = new Set();
  const visit = async (name) => {
    if (found.has(name)) return;
    found.add(name);
    const { dependencies = {} } = JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(dependencies)) await visit(dependency);
  };
  for (const name of names) await visit(name);
  return [...found];
}

/** Runs `source` as an ES module with Node in the project, as a server would import the package; returns its output. */
function runInNode(source) {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
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
  [tarball] = JSON.parse(npm(['pack', '--json', '--pack-destination', project], root));
  // The package's dependencies (Lit), packed from node_modules: installed beside the tarball,
  // they satisfy its ranges, so npm needs nothing from a registry. The optional peers are not
  // installed: the site in this project uses neither Segment nor Stripe.
  const dependencies = await dependencyClosure(Object.keys(manifest.dependencies));
  await mkdir(join(project, 'deps'));
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', join(project, 'deps'), ...dependencies.map((name) => join(root, 'node_modules', name))], root));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'pack-test-app', private: true, type: 'module' }));
  npm(['install', '--offline', `./${tarball.filename}`, ...packed.map(({ filename }) => `./deps/${filename}`)], project);
});

after(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

/**
 * Serves `folder`, opens its index page in Chromium and waits for the element to be ready; `check`
 * gets the page and the page errors and console errors seen so far.
 */
async function inBrowser(folder, check) {
  const server = await startStaticServer({ mounts: { '/': folder } });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.url}/`);
    await page.evaluate(() => customElements.whenDefined('consent-manager').then(() => document.querySelector('consent-manager').ready));
    await check(page, errors);
  } finally {
    await browser.close();
    await server.close();
  }
}

describe('the npm package', () => {
  it('ships the built entry points, types and docs, and no sources or tests', () => {
    const files = tarball.files.map(({ path }) => path);
    for (const required of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/consent-manager.js', 'dist/consent-banner.css', 'lib/src/index.js', 'lib/src/index.d.ts', 'lib/src/define.js', 'custom-elements.json', 'autoconsent/consent-manager.json']) {
      assert.ok(files.includes(required), `${required} is in the tarball`);
    }
    const unwanted = files.filter((file) => /^(src|test|demo|bench|scripts|node_modules)\/|\.ts$(?<!\.d\.ts)|\.test\./.test(file));
    assert.deepEqual(unwanted, []);
  });

  it('type-checks an app that uses the typed API and events', async () => {
    await writeFile(
      join(project, 'app.ts'),
      `import { ConsentManagerElement, type ConsentChangeEvent, registerAdapter } from '${manifest.name}';
import { parseConfig, readConsent, type ConsentReadFailure } from '${manifest.name}/core';
import '${manifest.name}/define';
const element: ConsentManagerElement = document.createElement('consent-manager');
element.addEventListener('consent-change', (event: ConsentChangeEvent) => {
  const allowed: boolean | undefined = event.detail.categories.analytics;
  const source: 'banner' | 'preferences' | 'placeholder' | 'api' | 'sync' | 'gpc' = event.detail.source;
  void allowed; void source;
});
void element.ready.then((state) => state.decided);
void parseConfig({}).config.categories.length;
const reading = readConsent('consent=…', { categories: [] }, { now: new Date(), gpc: false });
const reason: ConsentReadFailure | null = reading.reason;
const marketing: boolean | undefined = reading.categories?.marketing;
void reason; void marketing;
registerAdapter('plausible', () => import('${manifest.name}/adapters/google-analytics'));
`,
    );
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'ES2022', moduleResolution: 'bundler', target: 'ES2022', lib: ['ES2022', 'DOM'], noEmit: true, types: [] }, files: ['app.ts'] }));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
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
    // This app imports the Segment and Stripe adapters, so it needs their optional peers: the
    // repository's copies, found after the project's own node_modules.
    await build({ absWorkingDir: project, entryPoints: ['main.js'], bundle: true, format: 'esm', outfile: 'public/main.js', logLevel: 'silent', nodePaths: [join(root, 'node_modules')] });
    // As a site's build would: resolve the exported classic script and copy it beside the app.
    const defaultsScript = createRequire(join(project, 'package.json')).resolve(`${manifest.name}/consent-defaults.js`);
    await writeFile(join(project, 'public/consent-defaults.js'), await readFile(defaultsScript));
    await writeFile(
      join(project, 'public/index.html'),
      `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script src="/consent-defaults.js"></script><script type="module" src="/main.js"></script></head><body><consent-manager></consent-manager></body></html>`,
    );
    await inBrowser(join(project, 'public'), async (page, errors) => {
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
    });
  });
});

/** The module files a bundler wrote, with their text. */
async function outputOf(folder) {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.js'));
  return Promise.all(files.map(async (entry) => ({ path: join(entry.parentPath, entry.name), source: await readFile(join(entry.parentPath, entry.name), 'utf8') })));
}

describe('bundling consent-manager-element/define without the optional peers', () => {
  const PEERS = Object.keys(manifest.peerDependencies);
  const app = (name) => writeFile(join(project, name), `import '${manifest.name}/define';\nimport { ConsentManagerElement } from '${manifest.name}';\nwindow.sameClass = customElements.get('consent-manager') === ConsentManagerElement;\n`);

  it('finds none of the peers installed in the project', () => {
    const require = createRequire(join(project, 'package.json'));
    for (const peer of PEERS) assert.throws(() => require.resolve(`${peer}/package.json`), { code: 'MODULE_NOT_FOUND' }, `${peer} is not installed`);
  });

  it('works with esbuild, code-splitting the lazy parts, with no trace of a peer', async () => {
    await app('esbuild-app.js');
    const result = await build({ absWorkingDir: project, entryPoints: ['esbuild-app.js'], bundle: true, splitting: true, format: 'esm', outdir: 'esbuild-out', logLevel: 'silent', metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.endsWith('lib/src/ui/consent-manager.js')), 'the element is in the bundle');
    assert.ok(inputs.some((input) => input.endsWith('lib/adapters/meta-pixel.js')), 'the adapters without peers stay available to JSON configs');
    assert.deepEqual(inputs.filter((input) => /segment|stripe/.test(input)), [], 'nothing of the adapters that need peers');
  });

  it('works with rollup and its node-resolve plugin, every import resolved', async () => {
    await app('rollup-app.js');
    const warnings = [];
    const bundle = await rollup({ input: join(project, 'rollup-app.js'), plugins: [nodeResolve({ browser: true, rootDir: project })], onwarn: (warning) => warnings.push(`${warning.code}: ${warning.message}`) });
    await bundle.write({ dir: join(project, 'rollup-out'), format: 'es' });
    await bundle.close();
    // An import rollup cannot resolve is only a warning, left in the output for the browser to fail on.
    assert.deepEqual(warnings.filter((warning) => warning.startsWith('UNRESOLVED_IMPORT')), []);
    const output = await outputOf(join(project, 'rollup-out'));
    assert.ok(output.some(({ source }) => source.includes('consent-cookie-table')), 'the element is in the bundle');
    assertNoPeer(output);
  });

  it('works with Vite in app mode, every import resolved, and the built app renders the element in a browser', async () => {
    const appRoot = join(project, 'vite-app');
    await mkdir(appRoot, { recursive: true });
    await app('vite-app/main.js');
    await writeFile(join(appRoot, 'index.html'), `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head><body><consent-manager></consent-manager></body></html>`);
    const warnings = [];
    // No config file: only what is written here. Minifying would only slow the test down.
    await viteBuild({ root: appRoot, configFile: false, envFile: false, logLevel: 'silent', build: { outDir: join(project, 'vite-out'), emptyOutDir: true, minify: false, reportCompressedSize: false, rollupOptions: { onwarn: (warning) => warnings.push(`${warning.code}: ${warning.message}`) } } });
    assert.deepEqual(warnings.filter((warning) => warning.startsWith('UNRESOLVED_IMPORT')), []);
    const output = await outputOf(join(project, 'vite-out'));
    assert.ok(output.some(({ source }) => source.includes('consent-cookie-table')), 'the element is in the bundle');
    assertNoPeer(output);
    for (const { path, source } of output) assert.ok(!new RegExp(`from\\s*["']${manifest.name}`).test(source), `${path} leaves an import of the package unresolved`);

    await inBrowser(join(project, 'vite-out'), async (page, errors) => {
      assert.equal(await page.evaluate(() => window.sameClass), true, 'the define entry registers the exported class');
      assert.equal(await page.locator('[part="banner"]').count(), 1, 'the element upgrades and shows its banner');
      assert.deepEqual(errors, []);
    });
  });

  it('works with webpack 5, every import resolved, code-splitting the lazy parts', async () => {
    await app('webpack-app.js');
    // Production mode for the tree shaking and `sideEffects` a site gets, without the slow minifier.
    const compiler = webpack({ mode: 'production', context: project, entry: './webpack-app.js', output: { path: join(project, 'webpack-out'), filename: 'main.js', chunkFilename: '[id].js' }, optimization: { minimize: false }, infrastructureLogging: { level: 'none' } });
    const stats = await new Promise((resolvePromise, reject) => compiler.run((error, result) => (error ? reject(error) : resolvePromise(result))));
    await new Promise((resolvePromise) => compiler.close(resolvePromise));
    const { errors, warnings } = stats.toJson({ all: false, errors: true, warnings: true });
    // "Module not found" is an error in webpack; anything it could only half-resolve is a warning.
    assert.deepEqual(errors.map(({ message }) => message), []);
    assert.deepEqual(warnings.map(({ message }) => message), []);
    // Production mode concatenates modules: the files are those of each module and of its parts.
    const names = [...stats.compilation.modules].flatMap((module) => (module.modules ? [...module.modules] : [module])).map(({ resource }) => resource ?? '');
    assert.ok(names.some((name) => name.endsWith('lib/src/ui/consent-manager.js')), 'the element is in the bundle');
    assert.deepEqual(names.filter((name) => /segment|stripe/.test(name)), [], 'nothing of the adapters that need peers');
    const output = await outputOf(join(project, 'webpack-out'));
    assert.ok(output.length > 1, 'the lazy parts are split into chunks');
    assertNoPeer(output);
  });
});

/** Fails if any output file names an optional peer: a bundled copy, or an import left for the browser to fail on. */
function assertNoPeer(output) {
  for (const { path, source } of output) {
    for (const peer of Object.keys(manifest.peerDependencies)) assert.ok(!source.includes(peer), `${path} mentions ${peer}`);
  }
}

describe('the package in Node', () => {
  it('imports the root without a DOM, exporting exactly its documented names', () => {
    const names = JSON.parse(runInNode(`const entry = await import('${manifest.name}'); console.log(JSON.stringify(Object.keys(entry).sort()));`));
    assert.deepEqual(names, [
      'ConsentAdapterErrorEvent',
      'ConsentAdapterLoadEvent',
      'ConsentChangeEvent',
      'ConsentCookieTableElement',
      'ConsentManagerElement',
      'ConsentReadyEvent',
      'ConsentUiHideEvent',
      'ConsentUiRequestEvent',
      'ConsentUiShowEvent',
      'ScriptLoadError',
      'loadScript',
      'registerAdapter',
    ]);
  });

  it('imports /core without a DOM and without installing one', () => {
    const globals = runInNode(`await import('${manifest.name}/core'); console.log(['window', 'document', 'HTMLElement', 'customElements', 'navigator.cookieEnabled'].filter((name) => name.split('.').reduce((object, key) => object?.[key], globalThis) !== undefined).join(','));`);
    assert.equal(globals.trim(), '');
  });
});

describe('readConsent from consent-manager-element/core (installed)', async () => {
  let core;
  const config = { revision: 2, categories: [{ id: 'necessary', required: true }, { id: 'analytics' }, { id: 'marketing' }] };
  const NOW = 1_763_800_000;
  const at = (seconds) => ({ now: seconds * 1000 });
  const record = (fields = {}) => core.encodeRecord({ version: 1, id: '3q2-7wE8Tn6J0c1YbXk1vA', revision: 2, createdAt: NOW, updatedAt: NOW, granted: ['necessary', 'analytics'], denied: ['marketing'], method: 'banner', gpc: false, language: 'en', ...fields });

  before(async () => {
    core = await import(pathToFileURL(createRequire(join(project, 'package.json')).resolve(`${manifest.name}/core`)).href);
  });

  it('reads a Cookie header, the value alone and the percent-encoded value alike', () => {
    const expected = { categories: { necessary: true, analytics: true, marketing: false }, reason: null };
    for (const input of [`theme=dark; consent=${record()}; session=abc`, record(), encodeURIComponent(record()), [record()]]) {
      const { categories, reason, record: read } = core.readConsent(input, config, at(NOW));
      assert.deepEqual({ categories, reason }, expected, String(input));
      assert.equal(read.id, '3q2-7wE8Tn6J0c1YbXk1vA');
    }
  });

  it('takes the config as the element does: an object or its JSON text, with its cookie name', () => {
    const named = { ...config, storage: { cookieName: 'site_consent' } };
    assert.equal(core.readConsent(`site_consent=${record()}`, JSON.stringify(named), at(NOW)).categories?.analytics, true);
    assert.equal(core.readConsent(`consent=${record()}`, named, at(NOW)).reason, 'missing', 'another name is another cookie');
  });

  it('grants nothing for an edited, truncated or foreign value', () => {
    const granted = record().replace('g=necessary.analytics&d=marketing', 'g=necessary.analytics.marketing&d=');
    for (const input of [granted, record().slice(0, -1), 'v=2&g=marketing', `consent=${record()}x`, 'x'.repeat(5000)]) {
      assert.deepEqual(core.readConsent(input, config, at(NOW)), { categories: null, record: null, reason: input.startsWith('x') ? 'missing' : 'invalid' }, input.slice(0, 60));
    }
  });

  it('asks again, with the reason, for an expired record, another revision or a new optional category', () => {
    assert.equal(core.readConsent(record(), config, at(NOW + 183 * 86_400)).reason, 'expired');
    assert.equal(core.readConsent(record(), config, { now: new Date((NOW + 181 * 86_400) * 1000) }).reason, null);
    assert.equal(core.readConsent(record({ revision: 1 }), config, at(NOW)).reason, 'revision');
    assert.equal(core.readConsent(record(), { ...config, categories: [...config.categories, { id: 'video' }] }, at(NOW)).reason, 'new-category');
  });

  it('applies Global Privacy Control to a grant given without it, as the page does', () => {
    const everything = record({ granted: ['necessary', 'analytics', 'marketing'], denied: [] });
    assert.equal(core.readConsent(everything, config, at(NOW)).categories.marketing, true);
    const withGpc = core.readConsent(everything, config, { ...at(NOW), gpc: true });
    assert.deepEqual(withGpc.categories, { necessary: true, analytics: true, marketing: false });
    assert.equal(withGpc.record.method, 'gpc');
  });

  it('grants nothing under an invalid config, and says what is wrong with it', () => {
    for (const bad of [{ ...config, mode: 'opt_in' }, '{ not json', 42]) {
      const reading = core.readConsent(record(), bad, at(NOW));
      assert.equal(reading.categories, null);
      assert.equal(reading.reason, 'config');
      assert.ok(reading.configErrors.length > 0);
    }
  });

  it('never throws on hostile input', () => {
    for (const input of [undefined, null, '', 42, {}, [null, 7, record()], ';;;=;', 'consent=%E0%A4%A', `consent=${'%'.repeat(3000)}`]) {
      const reading = core.readConsent(input, config, at(NOW));
      assert.ok(reading.reason === null ? reading.categories.analytics === true : reading.categories === null, String(input).slice(0, 40));
    }
  });
});
