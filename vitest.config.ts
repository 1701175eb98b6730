import { defineConfig } from 'vitest/config';

// Unit tests (pure code) and integration tests (real emulators started by the global setup)
// run in one `npm test`; the emulators start once and are shared through env variables.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
