import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplates } from './scripts/rollup-minify-templates.mjs';

/**
 * The script-tag build: `dist/consent-manager.js` registers the element with Lit bundled in.
 * Everything it imports lazily (adapters, locales) becomes a chunk beside it, fetched relative
 * to the entry's own URL, so the whole `dist/` folder can be copied to a CDN as it is.
 * It bundles the output of `tsc -p tsconfig.build.json`, so TypeScript runs once.
 */
export default {
  input: { 'consent-manager': 'lib/src/script-tag.js' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    resolve({ browser: true }),
    minifyTemplates(),
    terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
};
