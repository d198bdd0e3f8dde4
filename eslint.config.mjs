import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const browserGlobals = ['window', 'document', 'navigator', 'location', 'customElements', 'localStorage', 'sessionStorage', 'HTMLElement', 'MutationObserver', 'BroadcastChannel'];
/**
 * Every global a browser has and Node lacks, plus those above that newer Nodes also have: none
 * of them may appear in src/core, which runs in Node (its tests run there, with no DOM).
 */
const domOnlyGlobals = [...new Set([...browserGlobals, ...Object.keys(globals.browser).filter((name) => !(name in globals.node) && !(name in globals.builtin))])];

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
    // Dependencies point one way: core <- diagnostics, events <- dom <- ui.
    files: ['src/diagnostics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../dom/**', '../events/**', '../ui/**', 'lit', 'lit/*'], message: 'diagnostics depend only on the core.' }] }],
    },
  },
  {
    files: ['src/events/**/*.ts', 'src/dom/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../ui/**', 'lit', 'lit/*'], message: 'events and dom do not depend on the UI or Lit.' }] }],
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
    files: ['demo/**/*.js', 'consent-log/dashboard/**/*.js', 'test/e2e/**/*.js', 'test/e2e/**/*.mjs', 'test/package/**/*.mjs', 'scripts/bench.mjs', 'bench/**/*.mjs', 'audit/src/**/*.mjs', 'audit/test/**/*.mjs', 'audit/fixtures/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
