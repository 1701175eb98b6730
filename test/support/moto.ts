/**
 * moto's server (Python `moto[server]`, `moto_server` on PATH) on a free port, for the Cognito
 * adapters' tests over the network. A machine without it fails the test with a message that says
 * so (never a skip): .ci/run installs it.
 * flow: integration test --> moto --> moto_server (child process)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function answering(endpoint: string, child: ChildProcess, failed: () => Error | undefined): Promise<void> {
  // Waits for the server to answer (or to die): a condition, not a time.
  for (;;) {
    const err = failed();
    if (err) throw err;
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode} before answering`);
    try {
      await fetch(`${endpoint}/moto-api/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** `command`: the server's executable (another name only to test what a machine without it sees). */
export async function startMoto(command = 'moto_server'): Promise<Moto> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(command, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let spawnError: Error | undefined;
  child.once('error', (err: NodeJS.ErrnoException) => {
    spawnError =
      err.code === 'ENOENT'
        ? new Error(`${command} is not on PATH: install it (pip install "moto[server]==5.2.1"; .ci/run does) — the Cognito adapters are tested against it`)
        : err;
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  try {
    await answering(endpoint, child, () => spawnError);
  } catch (err) {
    child.kill();
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
