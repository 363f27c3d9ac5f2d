/**
 * Import rules: a file's folder says where it runs (docs/architecture.md, "Where code runs"), and
 * these rules keep each folder to what may run there. `npm test` runs them (npm run lint:deps).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      severity: 'error',
      comment: 'Modules that need each other at run time cannot be understood, tested or loaded apart.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'page-imports-only-page-and-wire',
      severity: 'error',
      comment:
        'Code that runs in a web page (MAIN world or an injected isolated world) shares its realm with ' +
        'the page: it imports nothing but other page code and the page wire format, and never settings, ' +
        'delivery or secrets.',
      from: { path: '^utils/page/' },
      to: {
        path: '^utils/',
        pathNot: ['^utils/page/', '^utils/core/wire/page-protocol\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'page-types-only-from-the-wire',
      severity: 'error',
      comment: 'Page code may name the shapes it sends back (utils/core/wire), nothing else outside the page.',
      from: { path: '^utils/page/' },
      to: { path: '^utils/', pathNot: ['^utils/page/', '^utils/core/wire/'] },
    },
    {
      name: 'main-world-is-dependency-free',
      severity: 'error',
      comment: 'The MAIN-world recorder runs on every page: no package, no isolated-world code.',
      from: { path: '^utils/page/main/' },
      to: {
        pathNot: ['^utils/page/main/', '^utils/core/wire/page-protocol\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'utils/core runs anywhere: no browser API, no page, extension, background or UI code.',
      from: { path: '^utils/core/' },
      to: {
        path: [
          '^utils/(page|extension|background|ui)/',
          '^node_modules/(wxt|webextension-polyfill|@wxt-dev|@webext-core)/',
          '^#imports$',
        ],
      },
    },
    {
      name: 'core-uses-no-extension-globals',
      severity: 'error',
      comment: 'WXT auto-imports would bring browser APIs into pure code.',
      from: { path: '^utils/core/' },
      to: { dependencyTypes: ['core'], path: '^wxt' },
    },
    {
      name: 'extension-imports-core-only',
      severity: 'error',
      comment: 'utils/extension is shared by the background and the extension pages.',
      from: { path: '^utils/extension/' },
      to: { path: '^utils/(page|background|ui)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'background-not-ui',
      severity: 'error',
      comment: 'The service worker has no DOM: it never loads extension-page code.',
      from: { path: ['^utils/background/', '^entrypoints/background/'] },
      to: { path: ['^utils/ui/', '^components/'] },
    },
    {
      name: 'pages-talk-to-the-background',
      severity: 'error',
      comment:
        'Extension pages reach the background through the extension protocol, never by importing it; ' +
        'they never inject page code themselves. Secrets stay in the background.',
      from: { path: ['^utils/ui/', '^components/', '^entrypoints/(popup|compose|options|viewer)/'] },
      to: {
        path: ['^utils/background/', '^utils/page/', '^entrypoints/background/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'only-the-background-and-pages-import-entrypoints-logic',
      severity: 'error',
      comment: 'Logic lives in utils/ and components/; nothing imports an entrypoint.',
      from: { pathNot: '^(entrypoints|test|bench|scripts|modules)/' },
      to: { path: '^entrypoints/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^utils/', '^entrypoints/', '^components/', '^node_modules/', '^modules/'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
