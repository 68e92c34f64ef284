import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs everything: unit and per-database integration tests, and
 * the browser tests in Debian's Chromium (skipped when it is missing, except
 * under CI, where that is a failure).
 */
export default defineConfig({
  test: {
    // Calendar days must not depend on the machine's zone.
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
