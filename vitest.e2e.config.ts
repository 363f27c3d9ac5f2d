import { configDefaults, defineConfig } from 'vitest/config';

// The suites against real helpdesks need RT and Redmine running: `npm run test:helpdesks` starts
// them and sets MAYDAY_HELPDESKS=1, which runs those suites alone. The GLPI and iTop suites need a
// server you name (`npm run test:glpi`, `npm run test:itop` set MAYDAY_REAL_SERVER): never run otherwise.
const HELPDESKS = 'test/e2e/helpdesk-*.e2e.ts';
const REAL_SERVERS = 'test/e2e/*-real.e2e.ts';
const realHelpdesks = process.env.MAYDAY_HELPDESKS === '1';
const realServer = process.env.MAYDAY_REAL_SERVER;

function files() {
  if (realServer) return { include: [`test/e2e/${realServer}-real.e2e.ts`], exclude: configDefaults.exclude };
  if (realHelpdesks) return { include: [HELPDESKS], exclude: [...configDefaults.exclude, REAL_SERVERS] };
  return { include: ['test/e2e/**/*.e2e.ts'], exclude: [...configDefaults.exclude, HELPDESKS, REAL_SERVERS] };
}

// Real Chromium, the built extension, real servers on 127.0.0.1. One file at a time: the
// machine has two cores and each file launches its own browser.
export default defineConfig({
  test: {
    ...files(),
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
