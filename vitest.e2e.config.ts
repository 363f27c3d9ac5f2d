import { defineConfig } from 'vitest/config';

// Real Chromium, the built extension, real servers on 127.0.0.1. One file at a time: the
// machine has two cores and each file launches its own browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
