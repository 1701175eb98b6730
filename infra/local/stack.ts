/**
 * The whole system on one machine: emulators, the table, token keys, the HTTP server and, when
 * asked, the scheduler. `npm start` runs it on fixed ports with data on disk and the scheduler on;
 * the tests run it on free ports in memory with the scheduler off (they fire jobs themselves).
 * flow: start.ts / test setup --> local stack --> emulators + web build + http server (+ scheduler)
 */
import path from 'node:path';
import { ensureLocalTable } from '../../functions/adapters/dynamo/ensure-table.ts';
import { ensureLocalKeys } from '../../functions/adapters/auth/local-issuer.ts';
import { container, resetContainer } from '../../functions/adapters/container.ts';
import { startEmulators, type Emulators } from './emulators.ts';
import { startHttpServer, type LocalServer } from './http-server.ts';
import { jobDeps } from '../../functions/jobs/job-deps.ts';
import { reportRenderers } from '../../functions/adapters/renderers.ts';
import { startScheduler, type LocalScheduler } from './scheduler.ts';
import { buildWebAssets } from '../web-build.ts';

export interface LocalStackOptions {
  /** Persistent data folder; undefined = in memory (tests). */
  dataDir?: string;
  /** Folder for the token keys when there is no dataDir. */
  keysDir: string;
  port: number;
  host?: string;
  ports?: { dynamodb?: number; s3?: number; ses?: number };
  log?: (line: string) => void;
  /** Run the schedules (reminders, compiles, deliveries) in this process; off unless asked. */
  scheduler?: boolean;
  /** Where the scheduler reports what it ran (default: the console). */
  schedulerLog?: (line: string) => void;
}

export interface LocalStack {
  emulators: Emulators;
  server: LocalServer;
  scheduler?: LocalScheduler;
  env: Record<string, string>;
  tableCreated: boolean;
  stop(): Promise<void>;
}

export const LOCAL_TABLE = 'baocao';
export const LOCAL_BUCKET = 'baocao-reports';

export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  const emulators = await startEmulators({
    ...(o.dataDir ? { dataDir: o.dataDir } : {}),
    ...(o.ports ? { ports: o.ports } : {}),
    bucket: LOCAL_BUCKET,
    ...(o.log ? { log: o.log } : {}),
  });
  try {
    const keysFile = await ensureLocalKeys(path.join(o.dataDir ?? o.keysDir, 'auth', 'jwks.json'));
    const env: Record<string, string> = {
      TABLE_NAME: LOCAL_TABLE,
      BUCKET_NAME: LOCAL_BUCKET,
      AGENCY_ID: process.env.AGENCY_ID ?? 'skhcn-bacgiang',
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      DYNAMODB_ENDPOINT: emulators.endpoints.dynamodb,
      S3_ENDPOINT: emulators.endpoints.s3,
      SES_ENDPOINT: emulators.endpoints.ses,
      AUTH_ISSUER: 'baocao-local',
      AUTH_CLIENT_ID: 'baocao-local-client',
      AUTH_JWKS_FILE: keysFile,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The pages' scripts and stylesheet, built (or found in the build cache) for the current sources.
      BAOCAO_WEB_DIR: buildWebAssets().dir,
    };
    Object.assign(process.env, env);
    resetContainer();
    const tableCreated = (await ensureLocalTable(env.DYNAMODB_ENDPOINT!, env.AWS_REGION!, LOCAL_TABLE)) === 'created';
    const server = await startHttpServer(o.port, o.host ?? '127.0.0.1', o.log);
    env.PUBLIC_URL = server.url;
    process.env.PUBLIC_URL = server.url;
    const scheduler = o.scheduler
      ? startScheduler({ deps: () => jobDeps(container(), reportRenderers), log: o.schedulerLog ?? ((line) => console.log(line)) })
      : undefined;
    return {
      emulators,
      server,
      ...(scheduler ? { scheduler } : {}),
      env,
      tableCreated,
      stop: async () => {
        scheduler?.stop();
        await server.close();
        await emulators.stop();
      },
    };
  } catch (err) {
    await emulators.stop();
    throw err;
  }
}
