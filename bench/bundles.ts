/**
 * Bundle size and module initialisation time of every function, bundled as a Lambda would be:
 * one bundle per route (module, export) and per job file, ESM, platform node, target node22,
 * minified, @aws-sdk/* external (the runtime provides it), with the createRequire banner that
 * pdfkit needs (docs/rendering.md). Initialisation is timed in fresh Node processes importing
 * the bundle: a proxy for a cold start's init phase.
 * flow: bench/run --> bundles --> esbuild, node
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { ROUTES } from '../functions/api/routes.ts';
import { median, round } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BANNER =
  "import { createRequire } from 'module'; import { fileURLToPath as __fu } from 'url'; import { dirname as __dn } from 'path'; " +
  'const require = createRequire(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);';

export interface BundleResult {
  function: string;
  bytes: number;
  gzipBytes: number;
  /** Largest inputs of the bundle (bytes in the output), to say what makes it big. */
  topInputs: { input: string; bytes: number }[];
  /** Median over fresh processes: time of `await import(bundle)`. */
  initMs: number;
  /** Median wall time of the whole process (node start + import + exit). */
  processMs: number;
  target?: { maxBytes: number; met: boolean };
}

function functionsToBundle(): { name: string; module: string; exportName: string }[] {
  const seen = new Map<string, { name: string; module: string; exportName: string }>();
  for (const r of ROUTES) {
    const exportName = r.export ?? 'handler';
    const name = `${r.module.replace(/\.ts$/, '')}#${exportName}`;
    if (!seen.has(name)) seen.set(name, { name, module: r.module, exportName });
  }
  const jobs = path.join(ROOT, 'functions', 'jobs');
  if (existsSync(jobs)) {
    for (const f of readdirSync(jobs).sort()) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      const src = readFileSync(path.join(jobs, f), 'utf8');
      if (/export\s+(const|async function|function)\s+handler\b/.test(src)) {
        const module = `jobs/${f}`;
        seen.set(`${module.replace(/\.ts$/, '')}#handler`, { name: `${module.replace(/\.ts$/, '')}#handler`, module, exportName: 'handler' });
      }
    }
  }
  return [...seen.values()];
}

function topInputs(meta: Metafile, outfile: string): { input: string; bytes: number }[] {
  const out = Object.entries(meta.outputs).find(([k]) => path.resolve(k) === path.resolve(outfile))?.[1];
  if (!out) return [];
  // Group by package (node_modules/<pkg>) or by project folder.
  const groups = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
    const nm = input.lastIndexOf('node_modules/');
    let key: string;
    if (nm >= 0) {
      const rest = input.slice(nm + 'node_modules/'.length).split('/');
      key = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    } else key = input.split('/').slice(0, 2).join('/');
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  return [...groups].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 6);
}

function timeImport(file: string, runs: number): { initMs: number; processMs: number } {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const env = {
    ...process.env,
    TABLE_NAME: 'baocao',
    BUCKET_NAME: 'baocao-reports',
    AGENCY_ID: 'bench-bundle',
    AWS_REGION: 'ap-southeast-1',
    BAOCAO_FONT_DIR: path.join(ROOT, 'templates', 'fonts'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const inits: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', cwd: path.dirname(file) });
    walls.push(performance.now() - t);
    inits.push(Number(out));
  }
  return { initMs: round(median(inits)), processMs: round(median(walls)) };
}

/**
 * Bundles go under the project's bench/out whatever --out says: the external @aws-sdk/* packages
 * (which the Lambda runtime provides) resolve from the project's node_modules from there.
 */
export async function bundleBench(o: { runs: number; submitMaxBytes: number; log: (l: string) => void }): Promise<(BundleResult | { function: string; error: string })[]> {
  const src = path.join(ROOT, 'bench', 'out', 'bundles', 'src');
  const dist = path.join(ROOT, 'bench', 'out', 'bundles', 'dist');
  mkdirSync(src, { recursive: true });
  mkdirSync(dist, { recursive: true });
  const results: (BundleResult | { function: string; error: string })[] = [];
  for (const f of functionsToBundle()) {
    try {
      results.push(await bundleOne(f, src, dist, o));
    } catch (err) {
      o.log(`bundle ${f.name}: LỖI ${(err as Error).message.split('\n')[0]}`);
      results.push({ function: f.name, error: (err as Error).message.split('\n')[0] ?? 'error' });
    }
  }
  return results;
}

async function bundleOne(
  f: { name: string; module: string; exportName: string },
  src: string,
  dist: string,
  o: { runs: number; submitMaxBytes: number; log: (l: string) => void },
): Promise<BundleResult> {
  const slug = f.name.replace(/[/#.]+/g, '-');
  const entry = path.join(src, `${slug}.ts`);
  const target = path.join(ROOT, 'functions', f.module);
  writeFileSync(entry, `export { ${f.exportName} as handler } from ${JSON.stringify(target)};\n`);
  const outfile = path.join(dist, `${slug}.mjs`);
  o.log(`bundle ${f.name}…`);
  const r = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    external: ['@aws-sdk/*'],
    banner: { js: BANNER },
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = statSync(outfile).size;
  const res: BundleResult = {
    function: f.name,
    bytes,
    gzipBytes: gzipSync(readFileSync(outfile)).length,
    topInputs: topInputs(r.metafile, outfile),
    ...timeImport(outfile, o.runs),
  };
  if (f.module === 'api/submissions.ts' && f.exportName === 'submitHandler') res.target = { maxBytes: o.submitMaxBytes, met: bytes <= o.submitMaxBytes };
  return res;
}
