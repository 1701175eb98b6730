/**
 * One function bundled exactly as the stack deploys it, and loaded the way the Lambda runtime
 * loads it — shared by the bundle test (test/infra/bundles.test.ts), the sizing measurements
 * (infra/measure-functions.ts) and the bench (bench/bundles.ts), so all three measure the same
 * bytes.
 * flow: catalog entry --> esbuild (the stack's options) --> after-bundling commands (fonts) --> child `node` importing index.mjs
 */
import { execFile, execSync } from 'node:child_process';
import { mkdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { PROJECT_ROOT } from './agency-profile-file.ts';
import { afterBundlingCommands, BUNDLE_FONT_DIR, BUNDLE_WEB_DIR, esbuildOptions, needsFonts, needsWebAssets } from './bundling.ts';

const run = promisify(execFile);

export interface BuiltFunction {
  dir: string;
  /** Bytes of index.mjs, as uploaded. */
  bytes: number;
  metafile: Metafile;
  /** What the stack sets for this bundle at run time (the font and web asset folders beside it, when it has them). */
  env: Record<string, string>;
}

/** Bundles one entry as the stack does (esbuild, then the after-bundling commands) into `dir`. */
export async function bundleFunction(entry: string, dir: string): Promise<BuiltFunction> {
  mkdirSync(dir, { recursive: true });
  // The metafile only describes the build; the output is byte for byte what the stack ships.
  const result = await build({ ...esbuildOptions(entry, dir), metafile: true });
  for (const command of afterBundlingCommands(entry, dir)) execSync(command, { cwd: PROJECT_ROOT, stdio: 'pipe' });
  return {
    dir,
    bytes: statSync(join(dir, 'index.mjs')).size,
    metafile: result.metafile,
    env: {
      ...(needsFonts(entry) ? { BAOCAO_FONT_DIR: join(dir, BUNDLE_FONT_DIR) } : {}),
      ...(needsWebAssets(entry) ? { BAOCAO_WEB_DIR: join(dir, BUNDLE_WEB_DIR) } : {}),
    },
  };
}

/**
 * Makes `root` look like the nodejs22.x runtime to bundles placed under it: the AWS SDK v3 (left
 * out of the bundles) resolvable from a node_modules holding nothing else.
 */
export function provideRuntimeSdk(root: string): void {
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const scope of ['@aws-sdk', '@smithy']) symlinkSync(join(PROJECT_ROOT, 'node_modules', scope), join(root, 'node_modules', scope), 'dir');
}

/** What Lambda or the stack sets, with values that lead nowhere: importing a bundle must not need the network. */
export const STUB_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'AKIDSTUB',
  AWS_SECRET_ACCESS_KEY: 'stub',
  AWS_LAMBDA_FUNCTION_NAME: 'bundle-probe',
  TABLE_NAME: 'stub-table',
  BUCKET_NAME: 'stub-bucket',
  AGENCY_ID: 'skhcn-bacgiang',
  AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_stub',
  AUTH_CLIENT_ID: 'stubclient',
  AUTH_JWKS_URL: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_stub/.well-known/jwks.json',
  USER_POOL_ID: 'ap-southeast-1_stub',
  POWERTOOLS_SERVICE_NAME: 'baocao',
  POWERTOOLS_METRICS_NAMESPACE: 'baocao',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Imports index.mjs in a fresh process and reports what it exports, how long the import took and the RSS after it. */
const PROBE = `
const started = performance.now();
const mod = await import(process.env.PROBE_BUNDLE);
const importMs = performance.now() - started;
let extra = null;
if (process.env.PROBE_CALL) extra = await mod[process.env.PROBE_CALL]();
process.stdout.write(JSON.stringify({
  exportType: typeof mod[process.env.PROBE_EXPORT],
  importMs,
  rssMb: process.memoryUsage().rss / 1048576,
  extra,
}));
`;

export interface ImportProbe {
  exportType: string;
  importMs: number;
  rssMb: number;
  /** What `call` returned, when one was asked for. */
  extra: unknown;
}

/**
 * Loads a bundle the way the runtime does (import of index.mjs from its own folder, so only the
 * runtime's SDK is resolvable) in a new Node process. Rejects with the child's error when the
 * import throws (a missing setting, a module left out of the bundle).
 */
export async function importBundle(dir: string, o: { exportName?: string; env?: Record<string, string>; call?: string } = {}): Promise<ImportProbe> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PROBE], {
    cwd: dir,
    env: {
      ...STUB_ENV,
      ...o.env,
      PROBE_BUNDLE: join(dir, 'index.mjs'),
      PROBE_EXPORT: o.exportName ?? 'handler',
      ...(o.call ? { PROBE_CALL: o.call } : {}),
    },
    maxBuffer: 4 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ImportProbe;
}
