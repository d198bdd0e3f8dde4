// The build's compile-hint plugin: which chunks it marks, and that a renamed chunk fails the build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPILE_HINT, compileHints } from '../../scripts/rollup-compile-hints.mjs';

const chunk = (name) => ({ name, fileName: `chunks/${name}-a1b2c3d4.js` });

test('puts the hint on the first line of the chunks it names, and leaves the others as they are', () => {
  const plugin = compileHints(['entry']);
  assert.equal(plugin.renderChunk('const a=1;', chunk('entry')).code, `${COMPILE_HINT}\nconst a=1;`);
  assert.equal(plugin.renderChunk('const b=2;', chunk('locale')), null);
  plugin.generateBundle.call({ error: (message) => assert.fail(message) });
});

test('fails the build when a chunk it names is not in the bundle, so a renamed module cannot lose its hint unseen', () => {
  const plugin = compileHints(['entry', 'renamed']);
  plugin.renderChunk('const a=1;', chunk('entry'));
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
