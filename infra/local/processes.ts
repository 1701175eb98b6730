/**
 * Child processes of the local stack: spawn, wait until a port answers, stop cleanly.
 * Every child is killed when this process exits, so Ctrl-C leaves nothing listening.
 * flow: start.ts / test setup --> processes
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface Child {
  name: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export function startChild(
  name: string,
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void } = {},
): Child {
  hookExit();
  const proc = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  const tail: string[] = [];
  const onData = (buf: Buffer) => {
    for (const line of buf.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      opts.log?.(`[${name}] ${line}`);
    }
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  proc.once('exit', () => children.delete(proc));
  (proc as ChildProcess & { recentOutput?: () => string }).recentOutput = () => tail.join('\n');
  return {
    name,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.kill('SIGTERM');
      }),
  };
}

/**
 * Waits until the child's port accepts connections; fails with the child's last output if it dies
 * first. The deadline is a guard for a child that neither listens nor exits: generous, since DynamoDB
 * Local's JVM can take a minute or more to start on a busy 2-core machine.
 */
export async function waitForPort(child: Child, port: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) {
      const out = (child.proc as ChildProcess & { recentOutput?: () => string }).recentOutput?.() ?? '';
      throw new Error(`${child.name} exited with code ${child.proc.exitCode} before listening on ${port}:\n${out}`);
    }
    if (await portAnswers(port)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${child.name} did not listen on port ${port} within ${timeoutMs / 1000} s`);
}
