import { defineConfig } from 'vitest/config';

// Two projects in one `npm test`:
// - unit: pure code and in-process checks, no emulator;
// - integration: real DynamoDB Local, s3rver and the SES emulator (started once by the global
//   setup on free ports, shared through environment variables) and Debian's Chromium.
export default defineConfig({
  test: {
    // Hang guards, not budgets: on a loaded 2-core machine the whole suite has taken over 10 minutes
    // and single tests several times their quiet-machine time. A test waits for conditions (a port
    // answering, a process printing, a page showing); only one that never comes fails, and then here.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // expect.poll waits for a condition; its default gives up after one second.
    expect: { poll: { timeout: 300_000, interval: 50 } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/infra/**/*.test.ts'], pool: 'threads', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
