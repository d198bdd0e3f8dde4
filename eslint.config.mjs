import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const browserGlobals = ['window', 'document', 'navigator', 'location', 'customElements', 'localStorage', 'sessionStorage', 'HTMLElement', 'MutationObserver', 'BroadcastChannel'];
/**
 * Every global a browser has and Node lacks, plus those above that newer Nodes also have: none
 * of them may appear in src/core, which runs in Node (its tests run there, with no DOM).
 */
const domOnlyGlobals = [...new Set([...browserGlobals, ...Object.keys(globals.browser).filter((name) => !(name in globals.node) && !(name in globals.builtin))])];

// Dependencies point one way (README, "Layout"). ESLint does not merge the options of a rule that
// several blocks set for one file, so each block below lists every restriction for its folder.
/** src/ loads an adapter only with import(), through the generated manifest (npm run adapters). */
const NO_STATIC_ADAPTER = { regex: '^(\\.\\./)+adapters/', message: 'src/ never imports an adapter statically: the adapter runner loads the ones a config names through src/generated/adapter-loaders.ts.' };
const NO_LIT = { group: ['lit', 'lit/*'], message: 'no Lit here: only src/ui renders.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', '.tmp/', 'test/fixtures/', 'custom-elements.json', 'src/l10n/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs', 'test/e2e/*.mjs', 'demo/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // House rule 4: no code in strings.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'No innerHTML with strings: build nodes, or render with Lit.' },
        { property: 'outerHTML', message: 'No outerHTML with strings.' },
        { property: 'insertAdjacentHTML', message: 'No HTML from strings.' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // In the DOM an empty string means "absent" (a nonce, a lang attribute), so `||` is right for strings.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // House rule 1: the core touches no DOM and imports no Lit, so it runs anywhere and stays small.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...domOnlyGlobals.map((name) => ({ name, message: 'src/core has no DOM: take what you need as a parameter.' }))],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['lit', 'lit/*', '@lit/*'], message: 'src/core imports no Lit.' }, { group: ['../**'], message: 'src/core depends on nothing outside it.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/generated/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_STATIC_ADAPTER] }],
      'no-restricted-syntax': [
        'error',
        // \W stands for the slash, which an esquery regex cannot hold.
        { selector: 'ImportExpression[source.value=/^(\\.\\.\\W)+adapters\\W/]', message: 'src/ loads adapters only through the generated manifest (src/generated/adapter-loaders.ts, npm run adapters).' },
      ],
    },
  },
  {
    // Dependencies point one way: core <- diagnostics, events <- dom <- ui.
    files: ['src/diagnostics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../dom/**', '../events/**', '../ui/**', '../l10n/**', '../session/**', 'lit', 'lit/*'], message: 'diagnostics depend only on the core.' }, NO_STATIC_ADAPTER] }],
    },
  },
  {
    files: ['src/events/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../dom/**', '../ui/**', '../session/**', '../l10n/**'], message: 'events depend only on the core: what touches the page (dom) uses them, not the reverse.' }, NO_LIT, NO_STATIC_ADAPTER] }],
    },
  },
  {
    files: ['src/dom/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../ui/**', '../session/**'], message: 'dom does not depend on the UI or the session that uses it.' }, NO_LIT, NO_STATIC_ADAPTER] }],
    },
  },
  {
    // Language choice and the one configureLocalization call: the UI uses them, never the reverse.
    files: ['src/l10n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../ui/**', '../dom/**', '../events/**', '../session/**'], message: 'l10n depends only on the core and the diagnostics.' }, NO_LIT, NO_STATIC_ADAPTER] }],
    },
  },
  {
    // An adapter depends on the core's contract (src/core/adapter.ts) and the shared helpers only;
    // what it needs from the page reaches it through its AdapterContext.
    files: ['adapters/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!src/core/)', message: 'adapters import only src/core and adapters/shared.' },
            { regex: '^\\./(?!shared/)', message: 'an adapter does not import another adapter: share code in adapters/shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['adapters/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./\\.\\./(?!src/core/)', message: 'adapters import only src/core and adapters/shared.' },
            { regex: '^\\.\\./(?!\\.\\./)', message: 'shared helpers do not import an adapter.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests assert on values they have just checked exist, and build fixtures from markup.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-properties': 'off',
      // @open-wc/semantic-dom-diff types chai's every `equal` as returning a Promise (for its async
      // DOM snapshots), which would flag each plain assertion.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser code: the demo's scripts, test pages, and the functions e2e tests run in the page.
    files: ['demo/**/*.js', 'consent-log/dashboard/**/*.js', 'test/e2e/**/*.js', 'test/e2e/**/*.mjs', 'test/package/**/*.mjs', 'scripts/bench.mjs', 'scripts/bench-ab.mjs', 'scripts/bench-page.mjs', 'bench/**/*.mjs', 'audit/src/**/*.mjs', 'audit/test/**/*.mjs', 'audit/fixtures/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
