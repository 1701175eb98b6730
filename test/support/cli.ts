/**
 * Runs the operators' CLI against the test stack, as `npm run cli -- --agency <id> …` would (the
 * test stack holds many agencies, so every command must name its own). `agencyId` undefined: no --agency.
 * flow: integration tests --> node + tsx --> functions/cli/main.ts --> test stack
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { localEnv } from './local.ts';

const run = promisify(execFile);

export async function cli(agencyId: string | undefined, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ...localEnv() };
  const agency = agencyId === undefined ? [] : ['--agency', agencyId];
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'functions/cli/main.ts', ...agency, ...args], {
      env,
      cwd: path.resolve(new URL('../..', import.meta.url).pathname),
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
