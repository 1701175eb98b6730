/**
 * The measurements behind infra/function-sizing.ts: `npx tsx infra/measure-functions.ts`.
 * flow: catalog --> esbuild (the stack's settings) --> fresh `node` processes --> a table for docs/deploy.md
 *
 * For each function: bundle size and the time and memory of a cold `import()` of its bundle (median
 * of three fresh processes, SDK from node_modules as the runtime provides it). For the compile: the
 * rendering of both audiences' PDF and xlsx at 13 (the May 2024 fixture), 100 and 1,000 tasks, from
 * a bundle, with peak RSS. One local core at full speed; Lambda gives a function 1,769 MB per vCPU,
 * so a 1,024 MB function runs these at roughly 0.58 of the local speed.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from './agency-profile-file.ts';
import { afterBundlingCommands, esbuildOptions, needsFonts } from './bundling.ts';
import { functionCatalog } from './function-catalog.ts';
import { sizingOf } from './function-sizing.ts';

const PROBE = `
const t = performance.now();
const mod = await import(process.env.PROBE_BUNDLE);
const importMs = performance.now() - t;
const out = { importMs, rssMb: process.memoryUsage().rss / 1048576 };
if (process.env.PROBE_CALL) out.call = await mod[process.env.PROBE_CALL]();
process.stdout.write(JSON.stringify(out));
`;

const ENV = {
  PATH: process.env.PATH ?? '',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'AKIDSTUB',
  AWS_SECRET_ACCESS_KEY: 'stub',
  TABLE_NAME: 't',
  BUCKET_NAME: 'b',
  AGENCY_ID: 'skhcn-bacgiang',
  AUTH_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/x',
  AUTH_CLIENT_ID: 'c',
  AUTH_JWKS_URL: 'https://cognito-idp.ap-southeast-1.amazonaws.com/x/.well-known/jwks.json',
};

interface ProbeOut {
  importMs: number;
  rssMb: number;
  call?: { rows: number; ms: number; bytes: number; peakRssMb: number };
}

function probe(dir: string, env: Record<string, string> = {}): ProbeOut {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', PROBE], {
    cwd: dir,
    env: { ...ENV, ...env, PROBE_BUNDLE: join(dir, 'index.mjs') },
    maxBuffer: 4 * 1024 * 1024,
  });
  return JSON.parse(out.toString()) as ProbeOut;
}

async function bundle(entry: string, dir: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  await build(esbuildOptions(entry, dir));
  for (const command of afterBundlingCommands(entry, dir)) execSync(command, { cwd: PROJECT_ROOT });
  return statSync(join(dir, 'index.mjs')).size;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const root = mkdtempSync(join(tmpdir(), 'baocao-measure-'));
mkdirSync(join(root, 'node_modules'));
for (const scope of ['@aws-sdk', '@smithy']) symlinkSync(join(PROJECT_ROOT, 'node_modules', scope), join(root, 'node_modules', scope), 'dir');

const rows: string[] = ['| function | bundle | cold import (median of 3) | RSS after import | memory / timeout set |', '|---|---|---|---|---|'];
const byEntry = new Map<string, { kb: number; ms: number; rss: number }>();
for (const spec of functionCatalog()) {
  let m = byEntry.get(spec.entry);
  if (!m) {
    const dir = join(root, spec.id);
    const bytes = await bundle(spec.entry, dir);
    const env: Record<string, string> = needsFonts(spec.entry) ? { BAOCAO_FONT_DIR: join(dir, 'fonts') } : {};
    const runs = [probe(dir, env), probe(dir, env), probe(dir, env)];
    m = { kb: Math.round(bytes / 1024), ms: Math.round(median(runs.map((r) => r.importMs))), rss: Math.round(median(runs.map((r) => r.rssMb))) };
    byEntry.set(spec.entry, m);
  }
  const sizing = sizingOf(spec);
  rows.push(`| ${spec.key} | ${m.kb} KB | ${m.ms} ms | ${m.rss} MB | ${sizing.memoryMb} MB / ${sizing.timeoutSeconds} s |`);
}
console.log(rows.join('\n'));

const renderDir = join(root, 'render');
await bundle(join(PROJECT_ROOT, 'test/infra/fixtures/render-probe.ts'), renderDir);
const render = ['', '| tasks | render 2 PDF + 2 xlsx | output | peak RSS |', '|---|---|---|---|'];
for (const n of [13, 100, 1000]) {
  const r = probe(renderDir, { BAOCAO_FONT_DIR: join(renderDir, 'fonts'), PROBE_CALL: 'renderScaled', PROBE_ROWS: String(n) }).call!;
  render.push(`| ${r.rows} | ${r.ms} ms | ${Math.round(r.bytes / 1024)} KB | ${r.peakRssMb} MB |`);
}
console.log(render.join('\n'));
console.log(`\nNode ${process.version}, ${process.arch}; bundles in ${root}`);
