// `npm run build`: TypeScript to lib/ (the npm entry points, Lit kept as a dependency), rollup from
// lib/ to dist/ (the script-tag bundle, Lit included), and custom-elements.json from the JSDoc.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('lib', { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });

for (const [label, args] of [
  ['tsc', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']],
  ['rollup', ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']],
  ['custom-elements manifest', ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet']],
]) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log('build: lib/ (npm entries), dist/ (script-tag bundle) and custom-elements.json written');
