import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync } from 'node:fs';
import { compileHints, keepCompileHint } from './scripts/rollup-compile-hints.mjs';
import { minifyTemplates } from './scripts/rollup-minify-templates.mjs';
import { shortLitErrors } from './scripts/rollup-short-lit-errors.mjs';

/** The vendor adapters: each is an entry of its own, `dist/adapters/<id>.js`. */
const adapters = Object.fromEntries(
  readdirSync('adapters')
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => [`adapters/${file.slice(0, -3)}`, `lib/adapters/${file.slice(0, -3)}.js`]),
);

const plugins = [
  resolve({ browser: true }),
  minifyTemplates(),
  shortLitErrors(),
  terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: keepCompileHint } }),
];

/**
 * The script-tag build: `dist/consent-manager.js` registers the element with Lit bundled in.
 * Everything it imports lazily (the adapter runner, adapters, locales) becomes a chunk beside it,
 * fetched relative to the entry's own URL, so the whole `dist/` folder can be copied to a CDN as
 * it is. Adapters named in a JSON config load from `dist/adapters/<id>.js`.
 * `dist/consent-defaults.js` is a separate classic script for `<head>`.
 * It bundles the output of `tsc -p tsconfig.build.json`, so TypeScript runs once.
 */
export default [
  {
    input: { 'consent-manager': 'lib/src/script-tag.js', ...adapters },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      // Chunks from a dependency are named after it: `index` says nothing.
      chunkFileNames: (chunk) => {
        const packageName = chunk.facadeModuleId?.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
        return `chunks/${packageName ? packageName.replace('@', '').replace('/', '-') : '[name]'}-[hash].js`;
      },
    },
    // The entry, the element and a new visitor's banner run on every first visit; the entry and
    // the element on every other (scripts/rollup-compile-hints.mjs).
    plugins: [...plugins, compileHints(['consent-manager', 'script-tag-element', 'banner'])],
  },
  {
    // A build of its own: sharing src/first-paint-loader.ts with the entry above would make it a
    // chunk that both import, one more round trip before the first layer can paint.
    input: 'lib/src/script-tag-ssr.js',
    output: { file: 'dist/consent-manager-ssr.js', format: 'es' },
    plugins: [...plugins, compileHints(['script-tag-ssr'])],
  },
  {
    input: 'lib/src/consent-defaults.js',
    output: { file: 'dist/consent-defaults.js', format: 'iife', strict: false },
    plugins: [resolve({ browser: true }), terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } })],
  },
];
