import { configDefaults, defineConfig } from 'vitest/config';

// The suites against real helpdesks need RT and Redmine running: `npm run test:helpdesks` starts
// them and sets MAYDAY_HELPDESKS=1, which runs those suites alone.
const HELPDESKS = 'test/e2e/helpdesk-*.e2e.ts';
const realHelpdesks = process.env.MAYDAY_HELPDESKS === '1';

// Real Chromium, the built extension, real servers on 127.0.0.1. One file at a time: the
// machine has two cores and each file launches its own browser.
export default defineConfig({
  test: {
    include: realHelpdesks ? [HELPDESKS] : ['test/e2e/**/*.e2e.ts'],
    exclude: realHelpdesks ? configDefaults.exclude : [...configDefaults.exclude, HELPDESKS],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
