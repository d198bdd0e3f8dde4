// The core's tests (test/core/) in Node's own test runner: they need no browser, and running them
// where there is no DOM proves that src/core needs none. esbuild (already what the browser suites
// compile TypeScript with) turns test/core and src/core into JavaScript, file by file, under
// node_modules/.cache/core-tests/, where the tests' packages (fast-check, typescript) resolve.
// `node scripts/test-core.mjs` runs them all; file names as arguments run those only.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const OUT = 'node_modules/.cache/core-tests';

function typescriptFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return typescriptFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const requested = process.argv.slice(2);
const tests = requested.length > 0 ? requested.map((file) => relative('.', file)) : typescriptFiles('test/core').filter((file) => file.endsWith('.test.ts'));
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: [...tests, ...typescriptFiles('src/core')],
  outbase: '.',
  outdir: OUT,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  tsconfig: 'tsconfig.json',
  define: { __CONSENT_MANAGER_PACKAGE__: JSON.stringify({ name, version }) },
  logLevel: 'warning',
});
writeFileSync(join(OUT, 'package.json'), '{ "type": "module" }\n');

// One process for all of them: Node 20 starts one per test file, which took longer than the tests.
const entry = join(OUT, 'core.test.js');
writeFileSync(entry, tests.map((file) => `import './${file.replace(/\.ts$/, '.js')}';\n`).join(''));
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', '--test-timeout=180000', entry], { stdio: 'inherit' });
process.exit(result.status ?? 1);
