// The build's template minifier: what it drops from the bundle, and what it must keep.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAst } from 'rollup/parseAst';
import { minifyTemplates } from '../../scripts/rollup-minify-templates.mjs';

const ID = '/repo/lib/src/ui/example.js';

function transform(code) {
  const plugin = minifyTemplates();
  const context = { parse: (source) => parseAst(source), error: (message) => assert.fail(message) };
  return plugin.transform.call(context, code, ID)?.code ?? code;
}

test('drops the translator note of msg() and keeps its id, wherever the note stands', () => {
  const out = transform(
    [
      "const a = msg('Hi', { id: 'cm.a', desc: 'A note, with a comma' });",
      "const b = msg(str`${n} others`, { desc: 'first', id: 'cm.b' });",
      "const c = msg('Alone', { desc: 'only' });",
    ].join('\n'),
  );
  assert.doesNotMatch(out, /desc|note|first|only/);
  assert.match(out, /msg\('Hi', \{ id: 'cm\.a' \}\)/);
  assert.match(out, /msg\(str`\$\{n\} others`, \{ id: 'cm\.b' \}\)/);
  assert.match(out, /msg\('Alone', \{ *\}\)/);
  // Still valid JavaScript.
  parseAst(out);
});

test('leaves a desc field of other calls alone', () => {
  const code = "report({ desc: 'kept' });";
  assert.equal(transform(`${code}\nmsg('x', { id: 'y' });`).split('\n')[0], code);
});

test('drops CSS comments and the whitespace around the stylesheet, and keeps the rules', () => {
  const out = transform('const s = css`\n  /* why, not what */\n  .a {\n    color: red; /* inline */\n  }\n`;');
  assert.equal(out, 'const s = css`.a{color:red}`;');
});

test('drops the leading zero of CSS numbers, and only where a number starts', () => {
  const out = transform('const s = css`\n  .a {\n    margin: 0 0.5rem;\n    width: calc(100% - 0.25rem);\n    box-shadow: 0 0.5rem 2rem #0004, 0.1em 0 #000;\n    padding: 10.5rem;\n  }\n`;');
  assert.equal(out, 'const s = css`.a{margin:0 .5rem;width:calc(100% - .25rem);box-shadow:0 .5rem 2rem #0004,.1em 0 #000;padding:10.5rem}`;');
});
