/**
 * `npm run bench`: the performance benchmarks (docs/performance.md). Starts the local stack in
 * memory on free ports, then for each size builds a synthetic agency, loads it, and measures the
 * compile job end to end and each renderer alone (fresh processes, peak RSS), the LibreOffice
 * reference, the submission path under concurrent clients, and every function's bundle.
 * Progress goes to stderr; the JSON summary to stdout (and bench/out/summary.json).
 * flow: npm run bench --> run --> synthetic + load-agency, compile-child, render-child,
 *       libreoffice, http-load, bundles
 *
 *   npm run bench -- [--sizes 300,2000,10000] [--clients 50,200] [--requests 2000] [--seed 2024]
 *                    [--skip-compile] [--skip-renderers] [--skip-libreoffice] [--skip-http]
 *                    [--skip-bundles] [--profile] [--out bench/out] [--init-runs 5] [--heap-mb N] [--verbose]
 *                    [--skip-province] [--agencies 30] [--agency-units 20] [--agency-tasks 500]
 *                    [--province-runs 5] [--province-compile-runs 3]
 *
 * `npm run -s bench` keeps npm's own banner off stdout, so the output is only the JSON.
 * --heap-mb caps the V8 heap (--max-old-space-size) of the compile and renderer processes: does
 * the job fit in a Lambda of that size? A step that runs out of memory is reported as an error.
 * --profile writes V8 CPU profiles of the compile and renderer processes (bench/out/size-N/profiles)
 * and adds their top frames to the summary; --verbose shows the local stack's own log.
 * The province section (bench/province.ts) builds --agencies agencies of one province in the same
 * table and measures the office's view and one agency's compile with and without the others.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeContainer, type Container } from '../functions/adapters/container.ts';
import type { ReportModel } from '../functions/core/report-model.ts';
import { startLocalStack, type LocalStack } from '../infra/local/stack.ts';
import { bundleBench } from './bundles.ts';
import { parseArgs, runChild } from './child-process.ts';
import type { CompileChildResult } from './compile-child.ts';
import { httpBench } from './http-load.ts';
import { libreOfficeAppendix, pdfPages } from './libreoffice.ts';
import { loadAgency } from './load-agency.ts';
import { provinceBench } from './province.ts';
import { round } from './stats.ts';
import { summarize } from './summarize-profile.ts';
import { syntheticAgency } from './synthetic.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The issue's targets on this machine. */
const TARGETS = {
  compileWarmMs: { 300: 250, 2000: 1500, 10000: 8000 } as Record<number, number>,
  compilePeakRssMb: { 10000: 1024 } as Record<number, number>,
  /** LibreOffice's time over ours on the same appendix, at every size. */
  libreOfficeRatioMin: 4,
  /** The workbooks' share of the compile. */
  xlsxShareMax: 0.1,
  /** PDF time per report row at the largest size over that at the smallest: linear stays near 1. */
  pdfPerRowGrowthMax: 1.25,
  submitP99Ms: 30,
  submitBundleBytes: 300 * 1024,
};

const args = parseArgs(process.argv.slice(2));
const list = (v: string | undefined, d: number[]) =>
  v
    ? v
        .split(',')
        .map((x) => Number(x.trim()))
        .filter((n) => Number.isFinite(n) && n > 0)
    : d;
const sizes = list(args.sizes, [300, 2000, 10000]);
const clientCounts = list(args.clients, [50, 200]);
const requests = Number(args.requests ?? 2000);
const seed = Number(args.seed ?? 2024);
const skip = (what: string) => args[`skip-${what}`] === 'true';
const profile = args.profile === 'true';
const outDir = path.resolve(args.out ?? path.join(ROOT, 'bench', 'out'));
/** Caps the V8 heap of the compile and renderer processes, as a Lambda's memory size would. */
const heapMb = args['heap-mb'] ? Number(args['heap-mb']) : undefined;
const nodeFlags = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
const log = (line: string) => process.stderr.write(`${line}\n`);
const count = (v: string | undefined, d: number, min = 1) => Math.max(min, Math.floor(Number(v ?? d)) || d);

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    // Other work on the machine skews wall times; CPU times (…CpuMs) are steadier.
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  };
}

/** Top frames of the biggest CPU profile written into a folder (the step's main process). */
function profileSummary(dir: string, top = 15) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) return undefined;
  const biggest = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const s = summarize(JSON.parse(readFileSync(biggest, 'utf8')));
  return {
    file: path.relative(ROOT, biggest),
    wallMs: round(s.wallMs),
    topSelf: s.bySelf.slice(0, top).map((f) => ({ frame: f.frame, selfMs: round(f.selfMs), totalMs: round(f.totalMs) })),
    topFiles: s.byFile.slice(0, 10).map((f) => ({ file: f.file, selfMs: round(f.selfMs) })),
  };
}

interface RenderChildResult {
  renderer: string;
  appendixOnly: boolean;
  baselineRssMb: number;
  peakRssMb: number;
  results: { model: string; coldMs: number; warmMs: number; warmCpuMs: number; bytes: number; file: string }[];
}

async function benchSize(size: number, stack: LocalStack) {
  const dir = path.join(outDir, `size-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const agencyId = `bench-${size}-${seed}-${Date.now().toString(36)}`;
  log(`\n== ${size} nhiệm vụ (${agencyId}) ==`);
  const a = syntheticAgency({ agencyId, tasks: size, seed });
  const c = makeContainer({
    tableName: stack.env.TABLE_NAME!,
    bucketName: stack.env.BUCKET_NAME!,
    agencyId,
    region: stack.env.AWS_REGION!,
    endpoints: { dynamodb: stack.env.DYNAMODB_ENDPOINT, s3: stack.env.S3_ENDPOINT, ses: stack.env.SES_ENDPOINT },
  });
  const loaded = await loadAgency(c, a, log);
  const may = a.months[a.months.length - 1]!;
  const reviser = may.submissions.find((s) => s.kind === 'submit')!.unit;
  const result: Record<string, unknown> = {
    tasks: size,
    agencyId,
    units: a.profile.units.length,
    submissions: Object.fromEntries(
      a.months.map((m) => [
        m.period,
        {
          submitted: m.submissions.filter((s) => s.kind === 'submit').length,
          drafts: m.submissions.filter((s) => s.kind === 'draft').length,
          missing: m.missing.length,
        },
      ]),
    ),
    loadMs: round(loaded.ms),
  };
  const childProfile = (name: string) => {
    if (!profile) return undefined;
    const d = path.join(dir, 'profiles', name);
    mkdirSync(d, { recursive: true });
    return d;
  };

  const cp = childProfile('compile');
  let compile: CompileChildResult;
  try {
    compile = await runChild<CompileChildResult>(
      'compile-child.ts',
      ['--agency', agencyId, '--period', a.period, '--issue-date', a.issueDate, '--now', a.compileAt.toISOString(), '--out', dir, '--unit', reviser],
      { env: stack.env, nodeFlags, ...(cp ? { cpuProfDir: cp } : {}), timeoutMs: 60 * 60_000 },
    );
  } catch (err) {
    // Out of memory under --heap-mb, typically: the figures of this size stop here.
    result.compile = { error: (err as Error).message };
    log(`  tổng hợp: LỖI ${(err as Error).message}`);
    return result;
  }
  const target = TARGETS.compileWarmMs[size];
  const rssTarget = TARGETS.compilePeakRssMb[size];
  result.compile = {
    note: 'compileReports end to end against the local stack, in a fresh process; warm = second run in that process (after one unit revised its report)',
    reportRows: compile.reportRows,
    coldMs: round(compile.cold.totalMs),
    warmMs: round(compile.warm.totalMs),
    warmCpuMs: round(compile.warm.cpuMs),
    warmBreakdownMs: {
      query: round(compile.warm.queryMs),
      aggregateAndRender: round(compile.warm.aggregateAndRenderMs),
      storeAfterLastRender: round(compile.warm.storeTailMs),
      aggregateAloneBothAudiences: round(Object.values(compile.aggregateWarmMs).reduce((x, y) => x + y, 0)),
    },
    files: compile.warm.files,
    baselineRssMb: round(compile.baselineRssMb),
    peakRssMb: round(compile.peakRssMb),
    ...(target ? { targetWarmMs: target, warmTargetMet: compile.warm.totalMs <= target } : {}),
    ...(rssTarget ? { targetPeakRssMb: rssTarget, rssTargetMet: compile.peakRssMb <= rssTarget } : {}),
    ...(cp ? { profile: profileSummary(cp) } : {}),
  };
  log(`  tổng hợp: nguội ${round(compile.cold.totalMs)} ms, ấm ${round(compile.warm.totalMs)} ms, RSS đỉnh ${round(compile.peakRssMb)} MB`);

  const models = ['director', 'ubnd'].map((au) => path.join(dir, `model-${au}.json`));
  if (!skip('renderers')) {
    const renderers: Record<string, unknown> = {};
    for (const renderer of ['pdf', 'xlsx'] as const) {
      const rp = childProfile(`render-${renderer}`);
      try {
        const r = await runChild<RenderChildResult>('render-child.ts', ['--renderer', renderer, '--models', models.join(','), '--out', dir], {
          nodeFlags,
          ...(rp ? { cpuProfDir: rp } : {}),
          timeoutMs: 60 * 60_000,
        });
        renderers[renderer] = {
          baselineRssMb: round(r.baselineRssMb),
          peakRssMb: round(r.peakRssMb),
          byAudience: r.results.map((x) => ({
            audience: x.model.replace(/^model-|\.json$/g, ''),
            coldMs: round(x.coldMs),
            warmMs: round(x.warmMs),
            warmCpuMs: round(x.warmCpuMs),
            bytes: x.bytes,
            ...(renderer === 'pdf' ? { pages: pdfPages(path.join(dir, x.file)) } : {}),
          })),
          warmBothAudiencesMs: round(r.results.reduce((n, x) => n + x.warmMs, 0)),
          warmBothAudiencesCpuMs: round(r.results.reduce((n, x) => n + x.warmCpuMs, 0)),
          // Both audiences' files hold the same task rows.
          warmCpuMsPerReportRow: round(r.results.reduce((n, x) => n + x.warmCpuMs, 0) / 2 / compile.reportRows, 4),
          ...(rp ? { profile: profileSummary(rp) } : {}),
        };
        log(`  ${renderer} riêng: ấm ${round(r.results.reduce((n, x) => n + x.warmMs, 0))} ms (2 đối tượng), RSS đỉnh ${round(r.peakRssMb)} MB`);
      } catch (err) {
        renderers[renderer] = { error: (err as Error).message };
        log(`  ${renderer} riêng: LỖI ${(err as Error).message}`);
      }
    }
    result.renderers = renderers;
  }

  if (!skip('libreoffice')) {
    try {
      const ours = await runChild<RenderChildResult>('render-child.ts', ['--renderer', 'pdf', '--models', models[0]!, '--appendix-only', '--out', dir], {
        timeoutMs: 60 * 60_000,
      });
      const model = JSON.parse(readFileSync(models[0]!, 'utf8')) as ReportModel;
      log('  LibreOffice: chuyển phụ lục .xlsx sang PDF…');
      const lo = await libreOfficeAppendix(model, path.join(dir, 'libreoffice'), log, 60 * 60_000);
      const mine = ours.results[0]!;
      result.libreOffice = {
        note: 'the director appendix: our renderPdf with the body left out vs. the same "Phụ lục" sheet printed by soffice --convert-to pdf (a fresh soffice process each time)',
        soffice: lo.version,
        installedByBench: lo.installed,
        sofficeFirstMs: lo.firstMs,
        sofficeWarmMs: lo.warmMs,
        sofficeWarmCpuMs: lo.warmCpuMs,
        sofficePages: lo.pages,
        oursWarmMs: round(mine.warmMs),
        oursWarmCpuMs: round(mine.warmCpuMs),
        oursPages: pdfPages(path.join(dir, mine.file)),
        ratioSofficeToOurs: round(lo.warmMs / mine.warmMs, 2),
        ratioSofficeToOursCpu: round(lo.warmCpuMs / mine.warmCpuMs, 2),
      };
      log(
        `  LibreOffice ${round(lo.warmMs)} ms (CPU ${round(lo.warmCpuMs)}) / renderPdf ${round(mine.warmMs)} ms (CPU ${round(mine.warmCpuMs)}) = ${round(lo.warmMs / mine.warmMs, 2)}×`,
      );
    } catch (err) {
      result.libreOffice = { error: (err as Error).message };
      log(`  LibreOffice: ${(err as Error).message}`);
    }
  }
  return result;
}

interface SizeResult {
  tasks: number;
  compile?: { warmMs?: number; warmCpuMs?: number; peakRssMb?: number; error?: string };
  renderers?: Record<string, { warmBothAudiencesMs?: number; warmBothAudiencesCpuMs?: number; warmCpuMsPerReportRow?: number }>;
  libreOffice?: { ratioSofficeToOurs?: number; ratioSofficeToOursCpu?: number };
}

/** Every target of docs/performance.md against this run's figures, wall and CPU side by side. */
function targetReport(sizes: SizeResult[]) {
  const bySize = sizes.map((r) => {
    const c = r.compile;
    const xlsx = r.renderers?.xlsx;
    const target = TARGETS.compileWarmMs[r.tasks];
    return {
      tasks: r.tasks,
      compileWarmMs: c?.warmMs,
      compileWarmCpuMs: c?.warmCpuMs,
      ...(target ? { compileTargetMs: target, compileMet: c?.warmMs !== undefined && c.warmMs <= target } : {}),
      ...(c?.error ? { compileError: c.error } : {}),
      libreOfficeRatio: r.libreOffice?.ratioSofficeToOurs,
      libreOfficeRatioCpu: r.libreOffice?.ratioSofficeToOursCpu,
      libreOfficeMet: (r.libreOffice?.ratioSofficeToOurs ?? 0) >= TARGETS.libreOfficeRatioMin,
      // The workbooks alone (both audiences, renderer-alone runs) over the whole compile.
      xlsxShare: xlsx?.warmBothAudiencesMs && c?.warmMs ? round(xlsx.warmBothAudiencesMs / c.warmMs, 3) : undefined,
      xlsxShareCpu: xlsx?.warmBothAudiencesCpuMs && c?.warmCpuMs ? round(xlsx.warmBothAudiencesCpuMs / c.warmCpuMs, 3) : undefined,
      pdfCpuMsPerReportRow: r.renderers?.pdf?.warmCpuMsPerReportRow,
    };
  });
  const perRow = bySize.map((s) => s.pdfCpuMsPerReportRow).filter((v): v is number => v !== undefined);
  const growth = perRow.length >= 2 ? round(perRow[perRow.length - 1]! / perRow[0]!, 2) : undefined;
  return {
    bySize: bySize.map((s) => ({ ...s, xlsxMet: s.xlsxShare !== undefined && s.xlsxShare <= TARGETS.xlsxShareMax })),
    pdfPerRowGrowth: growth,
    pdfLinear: growth !== undefined && growth <= TARGETS.pdfPerRowGrowthMax,
  };
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const summary: Record<string, unknown> = { startedAt: new Date().toISOString(), machine: machine(), seed, targets: TARGETS, ...(heapMb ? { heapMb } : {}) };
  const needStack = (!skip('compile') && sizes.length > 0) || !skip('http') || !skip('province');
  let stack: LocalStack | undefined;
  let keysDir: string | undefined;
  try {
    if (needStack) {
      // The HTTP server serves one agency (AGENCY_ID); the compile sizes use their own ids.
      process.env.AGENCY_ID = `bench-http-${Date.now().toString(36)}`;
      keysDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-bench-'));
      // s3rver's folder goes under TMPDIR (infra/local/emulators.ts): inside ours, it is removed with it.
      process.env.TMPDIR = keysDir;
      log('Khởi động local stack (DynamoDB Local, s3rver, SES, HTTP) …');
      stack = await startLocalStack({ keysDir, port: 0, ...(args.verbose ? { log } : {}) });
    }
    if (!skip('compile') && stack) {
      const out: unknown[] = [];
      for (const size of sizes) {
        try {
          out.push(await benchSize(size, stack));
        } catch (err) {
          log(`  ${size}: LỖI ${(err as Error).message}`);
          out.push({ tasks: size, error: (err as Error).message });
        }
      }
      summary.compile = out;
      summary.targetsMet = targetReport(out as SizeResult[]);
    }
    // A failing step is reported in the summary; the others still run.
    if (!skip('province') && stack) {
      summary.province = await provinceBench(stack, {
        agencies: count(args.agencies, 30),
        units: count(args['agency-units'], 20),
        tasks: count(args['agency-tasks'], 500, 20),
        seed,
        // The first run is cold; at least one warm one.
        runs: count(args['province-runs'], 5, 2),
        compileRuns: count(args['province-compile-runs'], 3),
        outDir,
        nodeFlags,
        profile,
        log,
      }).catch((err: Error) => ({ error: err.message }));
    }
    if (!skip('http') && stack) {
      const c: Container = makeContainer();
      summary.http = await httpBench(c, stack.env, { clientCounts, requests, outDir, p99TargetMs: TARGETS.submitP99Ms, log }).catch((err: Error) => ({
        error: err.message,
      }));
    }
    if (!skip('bundles')) {
      log('\nĐóng gói từng hàm (esbuild) và đo thời gian khởi tạo module…');
      summary.bundles = await bundleBench({ runs: Number(args['init-runs'] ?? 5), submitMaxBytes: TARGETS.submitBundleBytes, log }).catch((err: Error) => ({
        error: err.message,
      }));
    }
  } finally {
    await stack?.stop();
    if (keysDir) rmSync(keysDir, { recursive: true, force: true });
  }
  summary.finishedAt = new Date().toISOString();
  summary.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
  const json = JSON.stringify(summary, null, 2);
  writeFileSync(path.join(outDir, 'summary.json'), json);
  process.stdout.write(`${json}\n`);
}

await main();
