/**
 * Starts the local stand-ins for AWS: DynamoDB Local (AWS's own jar, shipped in the npm package
 * amplify-dynamodb-simulator, run with the machine's Java 17), s3rver on a folder, and the SES v2
 * emulator. Used by `npm start` (data on disk) and by the test setup (in memory, free ports).
 * Every one listens on 127.0.0.1 only: none of them checks credentials (s3rver answers anonymous
 * GETs and listings, DynamoDB Local any signature), so they must not be reachable from the network.
 * flow: start.ts / test setup --> emulators --> child processes
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startChild, waitForPort, type Child } from './processes.ts';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(HERE, '../..');
/** The address every emulator listens on. */
export const LOOPBACK = '127.0.0.1';

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

/**
 * DynamoDB Local is started through a one-file Java launcher (java/LoopbackDynamoDbLocal.java) that
 * binds it to 127.0.0.1: Java compiles it on the fly, which needs the runtime's jdk.compiler module.
 */
function checkJavaCompiler(): void {
  const r = spawnSync('java', ['--list-modules'], { encoding: 'utf8' });
  if (!r.error && r.status === 0 && !/^jdk\.compiler@/m.test(r.stdout)) {
    throw new Error(
      "DynamoDB Local is started on 127.0.0.1 through a small Java launcher, which needs the Java compiler module (jdk.compiler): Debian's openjdk-17-jre-headless has it; with another Java, install a full JDK 17.",
    );
  }
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
  checkJavaCompiler();
  const dir = path.join(packageDir('amplify-dynamodb-simulator'), 'emulator');
  const storage = opts.dataDir ? ['-dbPath', opts.dataDir] : ['-inMemory'];
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const classpath = [path.join(dir, 'DynamoDBLocal.jar'), path.join(dir, 'DynamoDBLocal_lib', '*')].join(path.delimiter);
  const child = startChild(
    'dynamodb',
    'java',
    [
      '-Xmx1g',
      `-Djava.library.path=${path.join(dir, 'DynamoDBLocal_lib')}`,
      '-cp',
      classpath,
      path.join(HERE, 'java', 'LoopbackDynamoDbLocal.java'),
      ...storage,
      '-sharedDb',
      // DynamoDB Local would otherwise report each start to AWS.
      '-disableTelemetry',
      '-port',
      String(opts.port),
    ],
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
    [
      '--openssl-legacy-provider',
      bin,
      '-d',
      opts.directory,
      '-a',
      LOOPBACK,
      '-p',
      String(opts.port),
      '--silent',
      '--no-vhost-buckets',
      '--configure-bucket',
      opts.bucket,
      // CORS for the browser's presigned POST uploads of attachments (functions/usecases/attachments.ts).
      path.join(HERE, 's3-cors.xml'),
    ],
    opts.log ? { log: opts.log } : {},
  );
  await waitForPort(child, opts.port);
  return child;
}

/** The SES emulator; with `inbox`, what it receives is kept in that file across restarts (ses-emulator.ts). */
export async function startSes(opts: { port: number; inbox?: string; log?: (l: string) => void }): Promise<Child> {
  const child = startChild(
    'ses',
    process.execPath,
    ['--import', 'tsx', path.join(HERE, 'ses-emulator.ts'), '--host', LOOPBACK, '--port', String(opts.port), ...(opts.inbox ? ['--inbox', opts.inbox] : [])],
    { cwd: PROJECT_ROOT, ...(opts.log ? { log: opts.log } : {}) },
  );
  await waitForPort(child, opts.port);
  return child;
}

/** Where `npm start` keeps the sent emails: `<DATA_DIR>/ses/inbox.jsonl`. */
export function sesInbox(dataDir: string): string {
  return path.join(dataDir, 'ses', 'inbox.jsonl');
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
    startSes({ port: ports.ses, ...(opts.dataDir ? { inbox: sesInbox(opts.dataDir) } : {}), ...log }),
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
