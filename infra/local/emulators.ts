/**
 * Starts the local stand-ins for AWS: DynamoDB Local (AWS's own jar, shipped in the npm package
 * amplify-dynamodb-simulator, run with the machine's Java 17), s3rver on a folder, and the SES v2
 * emulator. Used by `npm start` (data on disk) and by the test setup (in memory, free ports).
 * flow: start.ts / test setup --> emulators --> child processes
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, startChild, waitForPort, type Child } from './processes.ts';

const require = createRequire(import.meta.url);

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
  constructor() {
    super(
      'Java 17 is needed for DynamoDB Local but `java` was not found: install it (Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`) and run the command again.',
    );
  }
}

export function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new JavaMissingError();
}

export interface EmulatorOptions {
  /** Folder for persistent data; undefined = DynamoDB in memory and a temp folder for s3rver. */
  dataDir?: string;
  /** Fixed ports (npm start); missing ones are chosen free. */
  ports?: { dynamodb?: number; s3?: number; ses?: number };
  bucket: string;
  log?: (line: string) => void;
}

export interface Emulators {
  endpoints: { dynamodb: string; s3: string; ses: string };
  ports: { dynamodb: number; s3: number; ses: number };
  children: Record<'dynamodb' | 's3' | 'ses', Child>;
  stop(): Promise<void>;
}

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

export async function startDynamoDb(opts: { dataDir?: string; port: number; log?: (l: string) => void }): Promise<Child> {
  checkJava();
  const dir = path.join(packageDir('amplify-dynamodb-simulator'), 'emulator');
  const storage = opts.dataDir ? ['-dbPath', opts.dataDir] : ['-inMemory'];
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const child = startChild(
    'dynamodb',
    'java',
    ['-Xmx1g', `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`, '-jar', path.join(dir, 'DynamoDBLocal.jar'), ...storage, '-sharedDb', '-port', String(opts.port)],
    { cwd: dir, ...(opts.log ? { log: opts.log } : {}) },
  );
  await waitForPort(child, opts.port);
  return child;
}

export async function startS3(opts: { directory: string; port: number; bucket: string; log?: (l: string) => void }): Promise<Child> {
  mkdirSync(opts.directory, { recursive: true });
  const bin = path.join(packageDir('s3rver'), 'bin', 's3rver.js');
  const child = startChild(
    's3',
    process.execPath,
    // s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers
    // through its legacy provider: without it every list beyond 1,000 keys fails with a 500.
    ['--openssl-legacy-provider', bin, '-d', opts.directory, '-a', '127.0.0.1', '-p', String(opts.port), '--silent', '--no-vhost-buckets', '--configure-bucket', opts.bucket],
    opts.log ? { log: opts.log } : {},
  );
  await waitForPort(child, opts.port);
  return child;
}

export async function startSes(opts: { port: number; log?: (l: string) => void }): Promise<Child> {
  const bin = path.join(packageDir('aws-ses-v2-local'), 'dist', 'cli.js');
  const child = startChild('ses', process.execPath, [bin, '--host', '127.0.0.1', '--port', String(opts.port)], opts.log ? { log: opts.log } : {});
  await waitForPort(child, opts.port);
  return child;
}

export async function startEmulators(opts: EmulatorOptions): Promise<Emulators> {
  checkJava();
  const ports = {
    dynamodb: opts.ports?.dynamodb ?? (await freePort()),
    s3: opts.ports?.s3 ?? (await freePort()),
    ses: opts.ports?.ses ?? (await freePort()),
  };
  const s3Dir = opts.dataDir ? path.join(opts.dataDir, 's3') : path.join(process.env.TMPDIR ?? '/tmp', `baocao-s3-${process.pid}-${ports.s3}`);
  const log = opts.log ? { log: opts.log } : {};
  const [dynamodb, s3, ses] = await Promise.all([
    startDynamoDb({ ...(opts.dataDir ? { dataDir: path.join(opts.dataDir, 'dynamodb') } : {}), port: ports.dynamodb, ...log }),
    startS3({ directory: s3Dir, port: ports.s3, bucket: opts.bucket, ...log }),
    startSes({ port: ports.ses, ...log }),
  ]);
  return {
    ports,
    endpoints: {
      dynamodb: `http://127.0.0.1:${ports.dynamodb}`,
      s3: `http://127.0.0.1:${ports.s3}`,
      ses: `http://127.0.0.1:${ports.ses}`,
    },
    children: { dynamodb, s3, ses },
    stop: async () => {
      await Promise.all([dynamodb.stop(), s3.stop(), ses.stop()]);
      // In-memory runs (tests, bench) keep s3rver's files in a temp folder: nothing to keep.
      if (!opts.dataDir) rmSync(s3Dir, { recursive: true, force: true });
    },
  };
}
