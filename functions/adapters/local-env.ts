/**
 * The running local stack writes its endpoints to <DATA_DIR>/local-env.json so that
 * `npm run cli -- …` in another terminal talks to the same DynamoDB, S3 and SES.
 * flow: start.ts --> local-env.json <-- CLI
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR ?? '.data');
}

function file(dir: string): string {
  return path.join(dir, 'local-env.json');
}

export function writeLocalEnv(dir: string, env: Record<string, string>): void {
  writeFileSync(file(dir), JSON.stringify({ pid: process.pid, ...env }, null, 2));
}

export function clearLocalEnv(dir: string): void {
  rmSync(file(dir), { force: true });
}

/** The running stack's environment, or undefined when none is running. */
export function readLocalEnv(dir: string): Record<string, string> | undefined {
  if (!existsSync(file(dir))) return undefined;
  const data = JSON.parse(readFileSync(file(dir), 'utf8')) as Record<string, string | number>;
  try {
    process.kill(Number(data.pid), 0);
  } catch {
    return undefined;
  }
  const { pid: _pid, ...env } = data;
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}
