import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mintToken } from '../../functions/adapters/auth/local-issuer.ts';
import { portAnswers } from '../../infra/local/processes.ts';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

/** Runs `npm start`'s program (infra/local/start.ts) and waits until it says it is running. */
function start(dataDir: string): Promise<{ proc: ChildProcess; output: () => string; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      DYNAMODB_PORT: '0',
      S3_PORT: '0',
      SES_PORT: '0',
      TABLE_NAME: '',
      DYNAMODB_ENDPOINT: '',
      S3_ENDPOINT: '',
      SES_ENDPOINT: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  // Until it says it runs, or exits: no clock, however slow the machine (the test's hang guard aside).
  return new Promise((resolve, reject) => {
    const check = setInterval(() => {
      const m = /Cổng thông tin \(portal\)\s+(http:\/\/\S+)\//.exec(out);
      if (m) {
        clearInterval(check);
        resolve({ proc, output: () => out, url: m[1]! });
      }
      if (proc.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`exited ${proc.exitCode}:\n${out}`));
      }
    }, 100);
  });
}

function stop(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    proc.once('exit', (code) => resolve(code));
    proc.kill('SIGINT');
  });
}

function ports(output: string): number[] {
  return [...output.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
}

describe('npm start', () => {
  it('starts everything with the demo agency, keeps data across a restart, and Ctrl-C leaves nothing listening', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-start-'));
    const first = await start(dataDir);
    expect(first.output()).toContain('nạp cơ quan mẫu');
    expect(first.output()).toMatch(/Kế hoạch 2024: \d+ nhiệm vụ/);
    const health = await (await fetch(`${first.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', backends: { dynamodb: { up: true }, s3: { up: true }, ses: { up: true } } });
    const listening = [...new Set(ports(first.output()))];
    expect(listening.length).toBe(4);
    expect(await stop(first.proc)).toBe(0);
    for (const p of listening) expect(await portAnswers(p)).toBe(false);

    const second = await start(dataDir);
    expect(second.output()).not.toContain('nạp cơ quan mẫu');
    const token = await mintToken({
      file: path.join(dataDir, 'auth', 'jwks.json'),
      issuer: 'baocao-local',
      clientId: 'baocao-local-client',
      agencyId: 'skhcn-bacgiang',
      role: 'lanh-dao',
    });
    const may = (await (await fetch(`${second.url}/api/submissions?period=2024-05`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      submissions: unknown[];
    };
    expect(may.submissions.length).toBeGreaterThanOrEqual(4);
    expect(await stop(second.proc)).toBe(0);
  });

  it('stops with a one-line message saying how to install Java when `java` is missing', () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'baocao-nojava-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], { cwd: ROOT, env: { ...process.env, PATH: bin }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => !/^npm warn|ExperimentalWarning|--trace-warnings/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Java 17.*apt-get install -y openjdk-17-jre-headless/);
  });
});
