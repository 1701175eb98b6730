import { defineConfig } from 'vitest/config';

// Three projects in one `npm test`, quickest first:
// - unit: pure code, the renderers, and the use cases on the in-memory stores — no emulator, no
//   Java (`npx vitest run --project unit` runs on a machine with Node alone);
// - infra: the CDK app synthesised and every function bundled and loaded (esbuild; slow, no Java);
// - integration: real DynamoDB Local, s3rver and the SES emulator (started once by the global
//   setup on free ports, shared through environment variables) and Debian's Chromium.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', sequence: { groupOrder: 0 } },
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
