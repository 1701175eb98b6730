import { defineConfig } from 'vitest/config';

// Three projects in one `npm test`, quickest first:
// - unit: pure code, the renderers, and the use cases on the in-memory stores — no emulator, no
//   Java (`npx vitest run --project unit` runs on a machine with Node alone);
// - infra: the CDK app synthesised and every function bundled and loaded (esbuild; slow, no Java);
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
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], globalSetup: ['test/support/web-assets.ts'], pool: 'threads', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'infra', include: ['test/infra/**/*.test.ts'], pool: 'threads', sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
