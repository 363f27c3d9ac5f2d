/**
 * ESLint over the whole tree (npm run lint). Prettier owns the layout: no formatting rule here.
 * Type-aware rules (typescript-eslint's recommendedTypeChecked) catch what tsc does not: a promise
 * nobody awaits, an async callback where a void one is expected, an `any` flowing into typed code.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// utils/core runs anywhere (background, pages, Node tests): no browser API. dependency-cruiser
// checks the imports too (.dependency-cruiser.cjs); these rules say it in the editor.
const CORE_GLOBALS = ['browser', 'chrome', 'document', 'window'].map((name) => ({
  name,
  message: 'utils/core is pure: take what you need from the browser as an argument.',
}));
const CORE_IMPORTS = {
  paths: [
    { name: '#imports', message: 'utils/core is pure: WXT auto-imports bring browser APIs.' },
    {
      name: 'wxt/browser',
      message: 'utils/core is pure: the browser API belongs in utils/extension or utils/background.',
    },
  ],
  patterns: [
    {
      regex: '^(wxt(?!/browser$)|webextension-polyfill|@wxt-dev|@webext-core)(/|$)',
      message: 'utils/core is pure: no extension framework.',
    },
    {
      regex: '^(\\.\\./)+(page|extension|background|ui)(/|$)|/(components|entrypoints)/',
      message: 'utils/core imports only utils/core (see docs/architecture.md, "Where code runs").',
    },
  ],
};

export default defineConfig(
  globalIgnores([
    '.output/',
    '.wxt/',
    'bench/results/',
    'test/fixtures/',
    'test-results/',
    '.test-results/',
    'receiver-data/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Rejecting with a value that is not an Error is the mistake; passing on what something else
      // rejected with (an unknown) is not.
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
    },
  },

  // Where code runs decides its globals (docs/architecture.md).
  {
    files: ['utils/**', 'components/**', 'entrypoints/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ['receiver/**', 'scripts/**', 'bench/**', 'test/**', 'modules/**', '*.{js,cjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['utils/core/**'],
    rules: {
      'no-restricted-globals': ['error', ...CORE_GLOBALS],
      'no-restricted-imports': ['error', CORE_IMPORTS],
    },
  },

  // The MAIN-world recorder handles whatever the page hands it (console arguments, errors, fetch
  // inputs): values no type describes, each read inside a try. `unknown` would only add casts.
  {
    files: ['utils/page/main/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Built-ins captured before the page can replace them (the primordials pattern): their methods
  // are taken unbound on purpose and only ever called with an explicit receiver.
  {
    files: ['utils/page/main/intrinsics.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },

  // Tests feed deliberately malformed input (`as any`), read untyped JSON back from browsers and
  // servers, write fakes of async interfaces that answer at once, and pass mocked methods to
  // expect(): the unsafe-any family, require-await and unbound-method would flag exactly that.
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Plain JavaScript (scripts/*.mjs, config files): outside the TypeScript project.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
