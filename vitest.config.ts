import { defineConfig } from 'vitest/config';

// One runner for every suite: unit and database tests in server/ and shared/, browser tests in e2e/.
// Two cores on the reference machine: at most two test files at once.
export default defineConfig({
  test: {
    include: [
      'server/src/**/*.test.ts',
      'shared/src/**/*.test.ts',
      'web/src/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    globalSetup: ['server/src/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './server/src/testing/summary-reporter.ts'],
  },
});
