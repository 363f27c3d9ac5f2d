#!/usr/bin/env node
/**
 * npm run test:glpi | npm run test:itop: the connector's E2E (through the built extension, read back
 * through the helpdesk's own API) against a real GLPI or iTop that you name with environment
 * variables. Neither can be installed from Debian, so these suites are not part of npm test or CI.
 */
import { spawnSync } from 'node:child_process';

const SUITES = {
  glpi: {
    name: 'GLPI',
    file: 'test/e2e/glpi-real.e2e.ts',
    required: {
      GLPI_URL: "GLPI's address, e.g. http://127.0.0.1:8090 (its API enabled: Setup > General > API)",
      GLPI_USER_TOKEN: 'the API token of a technician-level account (its Preferences > Remote access keys)',
      GLPI_SELFSERVICE_TOKEN: 'the API token of an account with the Self-Service profile',
    },
    optional: { GLPI_APP_TOKEN: "the API client's App-Token, if your GLPI asks for one" },
  },
  itop: {
    name: 'iTop',
    file: 'test/e2e/itop-real.e2e.ts',
    required: {
      ITOP_URL: "iTop's address, e.g. http://127.0.0.1:8091",
      ITOP_USER: 'the login of an account with the profiles REST Services User and Service Desk Agent',
      ITOP_PASSWORD: 'its password',
    },
    optional: {
      ITOP_ORGANIZATION: 'the organisation to file for (default: the first one the account sees)',
    },
  },
};

const which = process.argv[2];
const suite = SUITES[which];
if (!suite) {
  console.error(`usage: node scripts/test-real.mjs ${Object.keys(SUITES).join('|')}`);
  process.exit(2);
}
const missing = Object.keys(suite.required).filter((name) => !process.env[name]?.trim());
if (missing.length) {
  const none = missing.length === Object.keys(suite.required).length;
  console.error(
    `test:${which}: ${none ? `no ${suite.name} server is named` : `missing ${missing.join(', ')}`}: nothing was tested.`,
  );
  console.error(`Set these to run the ${suite.name} connector's E2E against a real ${suite.name}:`);
  for (const [name, what] of Object.entries(suite.required)) console.error(`  ${name}  ${what}`);
  for (const [name, what] of Object.entries(suite.optional)) console.error(`  ${name}  (optional) ${what}`);
  console.error('See docs/connectors.md, "How this is tested".');
  process.exit(1);
}

const { status } = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', suite.file], {
  stdio: 'inherit',
  env: { ...process.env, MAYDAY_REAL_SERVER: which },
});
process.exit(status ?? 1);
