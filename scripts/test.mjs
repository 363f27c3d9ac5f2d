#!/usr/bin/env node
/**
 * npm test: lint (formatting, ESLint, import rules, knip), typecheck, unit tests, then the E2E suite
 * in real Chromium. Ends with one line "tests: N passed, N failed" over both suites, where a failed
 * lint or typecheck counts as one failed test each, and a non-zero exit if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(title, args, command = 'npx') {
  const started = Date.now();
  console.log(`\n== ${title}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`== ${title}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return status === 0;
}

function counts(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    // A suite that fails to load fails no single test but leaves success false: count it once.
    const unexplained = !report.success && report.numFailedTests === 0 ? 1 : 0;
    return { passed: report.numPassedTests, failed: report.numFailedTests + unexplained };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const lint = run('lint', ['run', 'lint'], 'npm');
const typecheck = run('typecheck', ['tsc', '--noEmit']);
const unit = run('unit tests', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/unit.json`,
]);
const e2e = run('E2E tests (Chromium)', [
  'vitest',
  'run',
  '--config',
  'vitest.e2e.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/e2e.json`,
]);

const u = counts(`${results}/unit.json`);
const e = counts(`${results}/e2e.json`);
const failed = u.failed + e.failed + (lint ? 0 : 1) + (typecheck ? 0 : 1);
console.log(
  `\nunit ${u.passed} passed, ${u.failed} failed; e2e ${e.passed} passed, ${e.failed} failed; lint ${lint ? 'ok' : 'FAILED'}; typecheck ${typecheck ? 'ok' : 'FAILED'}`,
);
console.log(`tests: ${u.passed + e.passed} passed, ${failed} failed`);
process.exit(lint && typecheck && unit && e2e && failed === 0 ? 0 : 1);
