// House rule 1 checked where it matters: src/core imports only itself, and runs in Node, where
// there is no DOM (eslint.config.mjs forbids the browser-only globals in it by name).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { build, type BuildOptions } from 'esbuild';

const CORE = resolve('src/core');

function coreFiles(directory = CORE): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every import, static or dynamic, that the given entry points reach, as esbuild's bundler
 * resolves them: `file imports path`, for each one that leaves src/core or names a package.
 */
async function importsLeavingCore(options: BuildOptions): Promise<string[]> {
  const { metafile } = await build({ ...options, bundle: true, write: false, metafile: true, outdir: 'out', format: 'esm', platform: 'neutral', packages: 'external', logLevel: 'silent' });
  const outside: string[] = [];
  for (const [file, { imports }] of Object.entries(metafile.inputs)) {
    for (const { path, external, original } of imports) {
      if (external || relative(CORE, resolve(path)).startsWith('..')) outside.push(`${file} imports ${original ?? path}`);
    }
  }
  return outside;
}

describe('src/core boundaries', () => {
  it('imports nothing from outside src/core, not even a package', async () => {
    assert.deepEqual(await importsLeavingCore({ entryPoints: coreFiles() }), []);
  });

  it('finds the imports it checks', async () => {
    const probe = "import { CookieStorage } from './storage.js';\nimport { pageNonce } from '../dom/page.js';\nexport { html } from 'lit';\nexport const later = () => import('./record.js');\nexport { CookieStorage, pageNonce };";
    const found = await importsLeavingCore({ stdin: { contents: probe, resolveDir: CORE, sourcefile: 'src/core/probe.ts', loader: 'ts' } });
    assert.deepEqual(found.map((line) => line.replace(/^.* imports /, '')).sort(), ['../dom/page.js', 'lit']);
  });

  it('loads every module in a runtime without a DOM', async () => {
    assert.equal('document' in globalThis, false);
    assert.equal('window' in globalThis, false);
    const modules = coreFiles().map((file) => relative(CORE, file).replace(/\.ts$/, '.js'));
    assert.ok(modules.includes('index.js'));
    for (const module of modules) await import(new URL(`../../src/core/${module}`, import.meta.url).href);
  });
});
