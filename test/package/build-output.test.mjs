// The shape of what `npm run build` writes. lib/ is what bundlers get from npm: it must leave Lit
// to the site's own copy, or a page with two Lit-based components would load Lit twice and the
// versions could clash. dist/consent-manager.js is what a script tag loads: it must be one file,
// so the browser has what it needs to paint the first layer after a single request.
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { COMPILE_HINT } from '../../scripts/rollup-compile-hints.mjs';

async function jsFiles(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.js')).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The module specifiers of `source`, parsed rather than matched, since minified code writes
 * `import"x"` and `import{a as b}from"x"`: static ones (import and export ... from) and dynamic
 * `import(...)` calls apart.
 */
function specifiers(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found = { static: [], dynamic: [] };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.static.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      found.dynamic.push(argument && ts.isStringLiteralLike(argument) ? argument.text : argument?.getText(file));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Each of Lit's packages registers its version under one of these globals; only Lit's own code does. */
const LIT_MARKERS = ['reactiveElementVersions', 'litElementVersions', 'litHtmlVersions'];
const isLitSpecifier = (specifier) => /^(lit|@lit\/[^/]+)(\/|$)/.test(specifier);

describe('lib/ (the npm entry points)', async () => {
  const files = await jsFiles('lib');
  const modules = await Promise.all(files.map(async (path) => ({ path, source: await readFile(path, 'utf8') })));

  it('imports Lit only by bare specifiers, which the site’s resolver maps to its own copy', () => {
    assert.ok(files.length > 10, `lib/ holds the compiled sources: ${files.length} files`);
    const litImports = [];
    for (const { path, source } of modules) {
      const { static: statics, dynamic } = specifiers(source, path);
      for (const specifier of [...statics, ...dynamic]) {
        assert.doesNotMatch(specifier, /node_modules/, `${path} imports ${specifier}: a path into a dependency rather than its package name`);
        if (isLitSpecifier(specifier)) litImports.push(specifier);
        else if (specifier.startsWith('.')) assert.ok(resolve(dirname(path), specifier).startsWith(resolve('lib')), `${path} imports ${specifier}, outside lib/`);
      }
    }
    // The element really is built on Lit: were these imports gone, Lit would have been inlined.
    assert.ok(litImports.includes('lit'), 'some module imports "lit"');
    assert.ok(litImports.includes('@lit/reactive-element'), 'some module imports "@lit/reactive-element"');
  });

  it('holds no copy of Lit’s code', async () => {
    // The markers are what a bundled Lit leaves behind: the script-tag bundle, which does include Lit (in a chunk), has them.
    const bundled = await Promise.all((await jsFiles('dist')).map((path) => readFile(path, 'utf8')));
    assert.ok(bundled.some((source) => LIT_MARKERS.some((marker) => source.includes(marker))), 'the markers find Lit in a file that bundles it');
    for (const { path, source } of modules) {
      for (const marker of LIT_MARKERS) assert.ok(!source.includes(marker), `${path} contains Lit’s ${marker}`);
      assert.doesNotMatch(source, /\bclass\s+(ReactiveElement|LitElement)\b/, `${path} defines a Lit base class`);
    }
  });
});

describe('dist/consent-manager.js (the script-tag entry)', () => {
  it('has no static import, so it runs after one request; everything else is loaded with import() beside it', async () => {
    const source = await readFile('dist/consent-manager.js', 'utf8');
    const { static: statics, dynamic } = specifiers(source, 'dist/consent-manager.js');
    assert.deepEqual(statics, [], 'a static import is one more request before the first layer can paint');
    assert.ok(dynamic.length > 0, 'the element, the banner, dialog and locales are loaded lazily');
    for (const specifier of dynamic) {
      // Relative and literal, so rollup's chunk names resolve against the entry's own URL (a CDN copy of dist/ works).
      assert.match(String(specifier), /^\.\/(chunks|adapters)\/[\w.-]+\.js$/, `import(${specifier})`);
    }
  });

  it('paints the first layer without Lit: the entry holds none of it', async () => {
    const source = await readFile('dist/consent-manager.js', 'utf8');
    for (const marker of LIT_MARKERS) assert.ok(!source.includes(marker), `the entry contains Lit's ${marker}`);
  });

  it("imports the element's chunk, which registers the adapters that need a peer", async () => {
    const { dynamic } = specifiers(await readFile('dist/consent-manager.js', 'utf8'), 'dist/consent-manager.js');
    const element = dynamic.find((specifier) => /^\.\/chunks\/script-tag-element-[\w-]+\.js$/.test(String(specifier)));
    assert.ok(element, `the element's chunk among ${dynamic.join(', ')}`);
    const chunk = join('dist', element);
    const { dynamic: fromElement } = specifiers(await readFile(chunk, 'utf8'), chunk);
    // Registered by a module imported only for its effect, which a bundler drops unless package.json says it has one.
    assert.deepEqual(fromElement.filter((specifier) => String(specifier).startsWith('../adapters/')).sort(), ['../adapters/segment.js', '../adapters/stripe.js'], 'the adapters that need a peer are registered');
  });

  it('asks Chromium to compile up front only what every visit runs at load: the entry, the element, the banner and the served-banner loader', async () => {
    const hinted = [];
    for (const path of await jsFiles('dist')) {
      const source = await readFile(path, 'utf8');
      // The hint counts only as the file's first line; anywhere else it is a comment like any other.
      if (source.startsWith(`${COMPILE_HINT}\n`)) hinted.push(path.replace(/-[\w-]{8}\.js$/, '.js'));
      else assert.ok(!source.includes(COMPILE_HINT), `${path} holds the hint, but not as its first line`);
    }
    assert.deepEqual(hinted.sort(), ['dist/chunks/banner.js', 'dist/chunks/script-tag-element.js', 'dist/consent-manager-ssr.js', 'dist/consent-manager.js']);
  });
});
