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
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './agency-profile-file.ts';
import { bundleFunction, importBundle, provideRuntimeSdk } from './bundle-function.ts';
import { functionCatalog } from './function-catalog.ts';
import { sizingOf } from './function-sizing.ts';

interface RenderCall {
  rows: number;
  ms: number;
  bytes: number;
  peakRssMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const root = mkdtempSync(join(tmpdir(), 'baocao-measure-'));
provideRuntimeSdk(root);

const rows: string[] = ['| function | bundle | cold import (median of 3) | RSS after import | memory / timeout set |', '|---|---|---|---|---|'];
const byEntry = new Map<string, { kb: number; ms: number; rss: number }>();
for (const spec of functionCatalog()) {
  let m = byEntry.get(spec.entry);
  if (!m) {
    const built = await bundleFunction(spec.entry, join(root, spec.id));
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await importBundle(built.dir, { exportName: spec.handler, env: built.env }));
    m = { kb: Math.round(built.bytes / 1024), ms: Math.round(median(runs.map((r) => r.importMs))), rss: Math.round(median(runs.map((r) => r.rssMb))) };
    byEntry.set(spec.entry, m);
  }
  const sizing = sizingOf(spec);
  rows.push(`| ${spec.key} | ${m.kb} KB | ${m.ms} ms | ${m.rss} MB | ${sizing.memoryMb} MB / ${sizing.timeoutSeconds} s |`);
}
console.log(rows.join('\n'));

const renderProbe = await bundleFunction(join(PROJECT_ROOT, 'test/infra/fixtures/render-probe.ts'), join(root, 'render'));
const render = ['', '| tasks | render 2 PDF + 2 xlsx | output | peak RSS |', '|---|---|---|---|'];
for (const n of [13, 100, 1000]) {
  const r = (await importBundle(renderProbe.dir, { exportName: 'renderScaled', env: { ...renderProbe.env, PROBE_ROWS: String(n) }, call: 'renderScaled' }))
    .extra as RenderCall;
  render.push(`| ${r.rows} | ${r.ms} ms | ${Math.round(r.bytes / 1024)} KB | ${r.peakRssMb} MB |`);
}
console.log(render.join('\n'));
console.log(`\nNode ${process.version}, ${process.arch}; bundles in ${root}`);
