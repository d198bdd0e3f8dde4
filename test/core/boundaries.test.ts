// House rule 1 checked where it matters: src/core imports only itself, and runs in Node, where
// there is no DOM (eslint.config.mjs forbids the browser-only globals in it by name).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const CORE = resolve('src/core');

function coreFiles(directory = CORE): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core boundaries', () => {
  it('imports nothing from outside src/core, not even a package', () => {
    const outside: string[] = [];
    for (const file of coreFiles()) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        const target = resolve(dirname(file), fileName);
        if (!fileName.startsWith('.') || relative(CORE, target).startsWith('..')) outside.push(`${relative(CORE, file)} imports ${fileName}`);
      }
    }
    assert.deepEqual(outside, []);
  });

  it('finds the imports it checks', () => {
    const { importedFiles } = ts.preProcessFile("import { a } from '../dom/x.js';\nexport * from 'lit';\nconst m = import('./y.js');", true, true);
    assert.deepEqual(
      importedFiles.map(({ fileName }) => fileName),
      ['../dom/x.js', 'lit', './y.js'],
    );
  });

  it('loads every module in a runtime without a DOM', async () => {
    assert.equal(typeof (globalThis as Record<string, unknown>)['document'], 'undefined');
    assert.equal(typeof (globalThis as Record<string, unknown>)['window'], 'undefined');
    const modules = coreFiles().map((file) => relative(CORE, file).replace(/\.ts$/, '.js'));
    assert.ok(modules.includes('index.js'));
    for (const module of modules) await import(new URL(`../../src/core/${module}`, import.meta.url).href);
  });
});
