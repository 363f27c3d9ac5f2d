/**
 * knip: no unused file, export or dependency. npm run knip runs it twice:
 *
 * - `knip` looks at the whole tree, tests included: an export nothing imports is dead.
 * - `knip --production` looks only at what runs for people: the extension (WXT entrypoints and
 *   build modules), the reference receiver and the ticket schema generator. There an export only
 *   tests use is dead code with a test around it. One its own file also uses is not: the file is
 *   the user, and its test reaches it through the export. An export for tests alone says so with
 *   an @internal tag, which production mode skips.
 */
import type { KnipConfig } from 'knip';

const production = process.argv.includes('--production');

export default {
  entry: [
    // WXT builds every entrypoint (knip's WXT plugin knows) and loads every file of modules/.
    'entrypoints/**/*.{ts,tsx}!',
    'modules/*.ts!',
    // npm scripts run these; knip counts package.json scripts outside production mode only.
    ...(production ? ['receiver/main.ts!', 'scripts/gen-ticket-schema.ts!'] : []),
    // Each bench script runs on its own (npx tsx bench/dom-capture.ts).
    'bench/*.ts',
    'scripts/*.mjs',
  ],
  project: [
    '{entrypoints,components,utils,modules,receiver}/**/*.{ts,tsx}!',
    ...(production ? ['scripts/gen-ticket-schema.ts!'] : []),
    '{test,bench}/**/*.{ts,tsx,mjs}',
    '!test/fixtures/**',
    'scripts/*.{ts,mjs}',
  ],
  ignoreExportsUsedInFile: production,
  ignoreDependencies: [
    // test/support/axe.ts reads axe.min.js through require.resolve to inject it into pages.
    'axe-core',
    // wxt.config.ts names this WXT module (and it needs the polyfill); knip's WXT plugin reads the
    // config outside production mode only.
    ...(production ? ['@wxt-dev/webextension-polyfill', 'webextension-polyfill'] : []),
  ],
} satisfies KnipConfig;
