// The build's compile-hint plugin: which chunks it marks, that the minifier keeps the hint and no
// other comment, and that a renamed chunk fails the build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { COMPILE_HINT, compileHints, keepCompileHint } from '../../scripts/rollup-compile-hints.mjs';

const chunk = (name) => ({ name, fileName: `chunks/${name}-a1b2c3d4.js` });

test('gives the chunks it names the hint as their banner, and the others none', () => {
  const plugin = compileHints(['entry']);
  assert.equal(plugin.banner(chunk('entry')), COMPILE_HINT);
  assert.equal(plugin.banner(chunk('locale')), '');
  plugin.generateBundle.call({ error: (message) => assert.fail(message) });
});

test('survives the minifier as the first line of the chunks it names, which keeps no other comment', async () => {
  // The build's own pipeline: @rollup/plugin-terser runs terser in workers, given its options as source.
  const sources = { 'entry.js': "/* a licence */\n// why\nexport const load = () => import('./lazy.js');\n", 'lazy.js': '// why\nexport const answer = 42;\n' };
  const bundle = await rollup({
    input: { entry: 'entry.js' },
    plugins: [{ name: 'sources', resolveId: (id) => id.replace(/^\.\//, ''), load: (id) => sources[id] }, terser({ module: true, format: { comments: keepCompileHint } }), compileHints(['entry'])],
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
  const code = Object.fromEntries(output.map(({ fileName, code }) => [fileName, code]));
  assert.equal(code['entry.js'].split('\n')[0], COMPILE_HINT);
  assert.doesNotMatch(code['entry.js'], /licence|why/);
  assert.ok(!code['lazy.js'].includes(COMPILE_HINT), code['lazy.js']);
});

test('fails the build when a chunk it names is not in the bundle, so a renamed module cannot lose its hint unseen', () => {
  const plugin = compileHints(['entry', 'renamed']);
  plugin.banner(chunk('entry'));
  assert.throws(
    () =>
      plugin.generateBundle.call({
        error: (message) => {
          throw new Error(message);
        },
      }),
    /no chunk named renamed/,
  );
});
