/**
 * Starts the local stack once for the integration tests: DynamoDB Local, s3rver and the SES
 * emulator on free ports (in memory), plus the HTTP server, and stops it all afterwards.
 * Test files read the endpoints from the environment (forked workers inherit it) or `inject`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack } from '../../infra/local/stack.ts';
import { loadDemo } from '../../infra/local/demo/load-demo.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    localEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-test-'));
  const stack = await startLocalStack({ keysDir, port: 0, log: process.env.DEBUG_LOCAL ? (l) => console.log(l) : undefined });
  // HTTP-level tests run against the demo agency (the server's AGENCY_ID): its 2024 plan and
  // April/May submissions. Test files that write through HTTP use their own periods (see
  // test/support/local.ts) so that parallel files never touch the same data.
  try {
    await loadDemo(new Date());
  } catch (err) {
    await stack.stop();
    throw err;
  }
  project.provide('localEnv', stack.env);
  return async () => {
    await stack.stop();
    rmSync(keysDir, { recursive: true, force: true });
  };
}
