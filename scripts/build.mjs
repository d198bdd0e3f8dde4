// `npm run build`: TypeScript to lib/ (the npm entry points, Lit kept as a dependency), rollup from
// lib/ to dist/ (the script-tag bundle, Lit included), and custom-elements.json from the JSDoc.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bannerStylesheetText } from './inline-first-layer.mjs';

rmSync('lib', { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });

/** Puts package.json's name and version into lib/ where the consent log names the component (src/core/component.ts). */
function stampPackage() {
  const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const file = 'lib/src/core/component.js';
  const source = readFileSync(file, 'utf8');
  const stamped = source.replaceAll('__CONSENT_MANAGER_PACKAGE__', JSON.stringify({ name, version }));
  if (stamped === source) throw new Error(`build: nothing to stamp in ${file}`);
  writeFileSync(file, stamped);
}

/**
 * dist/consent-banner.css: the banner's styles as a file, for the server-rendered banner's
 * `<link rel="stylesheet">` (src/core/server-render.ts), from the same CSS the element adopts and
 * written as scripts/inline-first-layer.mjs writes it for the `<style>` of the inline first layer.
 */
async function writeBannerStylesheet() {
  const [{ themeStyles }, { bannerStyles }] = await Promise.all([import('../lib/src/ui/theme.styles.js'), import('../lib/src/ui/banner.styles.js')]);
  writeFileSync('dist/consent-banner.css', `${bannerStylesheetText(themeStyles, bannerStyles)}\n`);
}

for (const [label, args] of [
  ['tsc', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']],
  ['package stamp', stampPackage],
  ['rollup', ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']],
  ['banner stylesheet', writeBannerStylesheet],
  ['custom-elements manifest', ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet']],
]) {
  if (typeof args === 'function') {
    await args();
    continue;
  }
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log('build: lib/ (npm entries), dist/ (script-tag bundle) and custom-elements.json written');
