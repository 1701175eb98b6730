/**
 * Bundle size and module initialisation time of every function, bundled exactly as the stack
 * deploys it (infra/bundle-function.ts: the stack's esbuild options, one bundle per catalog entry,
 * @aws-sdk/* left to the runtime). Initialisation is timed in fresh Node processes importing the
 * bundle: a proxy for a cold start's init phase.
 * flow: bench/run --> bundles --> infra/bundle-function --> esbuild, node
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { bundleFunction, importBundle, provideRuntimeSdk } from '../infra/bundle-function.ts';
import { type FunctionSpec, functionCatalog } from '../infra/function-catalog.ts';
import { median, round } from './stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
  return [...groups]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6);
}

async function timeImport(dir: string, spec: FunctionSpec, env: Record<string, string>, runs: number): Promise<{ initMs: number; processMs: number }> {
  const inits: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const probe = await importBundle(dir, { exportName: spec.handler, env });
    walls.push(performance.now() - t);
    inits.push(probe.importMs);
  }
  return { initMs: round(median(inits)), processMs: round(median(walls)) };
}

/** Bundles go under the project's bench/out, beside a node_modules that holds only the runtime's SDK. */
export async function bundleBench(o: {
  runs: number;
  submitMaxBytes: number;
  log: (l: string) => void;
}): Promise<(BundleResult | { function: string; error: string })[]> {
  const root = path.join(ROOT, 'bench', 'out', 'bundles');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  provideRuntimeSdk(root);
  const results: (BundleResult | { function: string; error: string })[] = [];
  const seen = new Set<string>();
  for (const spec of functionCatalog()) {
    if (seen.has(spec.entry)) continue;
    seen.add(spec.entry);
    try {
      results.push(await bundleOne(spec, root, o));
    } catch (err) {
      o.log(`bundle ${spec.key}: LỖI ${(err as Error).message.split('\n')[0]}`);
      results.push({ function: spec.key, error: (err as Error).message.split('\n')[0] ?? 'error' });
    }
  }
  return results;
}

async function bundleOne(spec: FunctionSpec, root: string, o: { runs: number; submitMaxBytes: number; log: (l: string) => void }): Promise<BundleResult> {
  o.log(`bundle ${spec.key}…`);
  const built = await bundleFunction(spec.entry, path.join(root, spec.id));
  const outfile = path.join(built.dir, 'index.mjs');
  const res: BundleResult = {
    function: spec.key,
    bytes: built.bytes,
    gzipBytes: gzipSync(readFileSync(outfile)).length,
    topInputs: topInputs(built.metafile, outfile),
    ...(await timeImport(built.dir, spec, built.env, o.runs)),
  };
  if (spec.key === 'api/submissions.ts#submitHandler') res.target = { maxBytes: o.submitMaxBytes, met: built.bytes <= o.submitMaxBytes };
  return res;
}
