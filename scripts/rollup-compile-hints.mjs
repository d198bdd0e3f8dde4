// A rollup plugin that marks the chunks every visit runs at load with V8's explicit compile hint,
// `//# allFunctionsCalledOnLoad` (Chromium 136 and later; other engines read a comment). Chromium
// then compiles all their functions on the background thread that streams the file in, instead of
// one by one on the main thread the first time each is called: a returning visitor's allowed
// scripts start sooner and a new visitor's start-up takes less main-thread time (BENCHMARKS.md,
// "Compile hints"). Only chunks a visit is sure to run are marked: compiling code that never runs
// would cost time and memory for nothing. The hint is a banner, which rollup adds before the
// minifier runs, so source maps stay right; the minifier keeps it (`keepCompileHint`).
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * For terser's `format.comments`: keeps the hint, drops every other comment. Self-contained, with
 * the hint written out: @rollup/plugin-terser runs terser in workers and sends them its source.
 */
export const keepCompileHint = (_node, comment) => comment.value === '# allFunctionsCalledOnLoad';

/** Marks the chunks named in `names` (rollup's chunk names: an entry's key, a module's file name). */
export function compileHints(names) {
  const wanted = new Set(names);
  const marked = new Set();
  return {
    name: 'compile-hints',
    banner(chunk) {
      if (!wanted.has(chunk.name)) return '';
      marked.add(chunk.name);
      return COMPILE_HINT;
    },
    generateBundle() {
      // A renamed module would otherwise lose its hint without a word.
      const missing = [...wanted].filter((name) => !marked.has(name));
      if (missing.length > 0) this.error(`compile-hints: no chunk named ${missing.join(', ')}; update rollup.config.mjs`);
    },
  };
}
