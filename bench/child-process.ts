/**
 * Runs one bench step in a fresh Node process (through tsx, like `npm run bench` itself) and
 * returns the JSON it prints as its last stdout line. A fresh process per step is what makes
 * `maxRSS` the peak of that step alone, and "cold" mean cold.
 * flow: bench/run --> child-process --> compile-child / render-child / http-clients
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface ChildOptions {
  env?: Record<string, string>;
  /** Write a V8 CPU profile of the child into this folder. */
  cpuProfDir?: string;
  /** Extra Node flags (e.g. --max-old-space-size). */
  nodeFlags?: string[];
  timeoutMs?: number;
}

/** Prints one JSON line for the parent: the child's result. */
export function reply(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Parses "--key value" pairs; a key with no value is "true". */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[a.slice(2)] = 'true';
    else {
      out[a.slice(2)] = next;
      i++;
    }
  }
  return out;
}

export function runChild<T>(script: string, args: string[], o: ChildOptions = {}): Promise<T> {
  const flags = [...(o.nodeFlags ?? []), ...(o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : []), '--import', 'tsx'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, path.join(BENCH_DIR, script), ...args], {
      env: { ...process.env, ...o.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const timer = o.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), o.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${code ?? signal}: ${last.slice(0, 500)}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no JSON result: ${last.slice(0, 500)}`));
      }
    });
  });
}
