/**
 * One size's compile job in its own process: compiles the month twice against the local stack
 * (the first run cold, the second warm after one unit revises its report, so the input hash
 * changes and everything is rebuilt), then reports both times, where the warm run's time went,
 * and the process's peak RSS. Also writes both ReportModels for the renderer-alone runs.
 * flow: bench/run --> child-process --> compile-child --> compile reports use case --> local stack
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeContainer } from '../functions/adapters/container.ts';
import { AUDIENCES } from '../functions/core/agency.ts';
import { buildReportModel } from '../functions/core/aggregate/build-report-model.ts';
import { parsePeriod } from '../functions/core/period.ts';
import { compileReports, gatherInput, type CompileStores } from '../functions/usecases/compile-reports.ts';
import { submit } from '../functions/usecases/submissions.ts';
import { parseArgs, reply } from './child-process.ts';
import { reportRenderers } from '../functions/adapters/renderers.ts';

export interface CompileRun {
  totalMs: number;
  cpuMs: number;
  queryMs: number;
  aggregateAndRenderMs: number;
  storeTailMs: number;
  version: number;
  created: boolean;
  files: { audience: string; format: string; bytes: number }[];
}

export interface CompileChildResult {
  baselineRssMb: number;
  peakRssMb: number;
  cold: CompileRun;
  warm: CompileRun;
  aggregateWarmMs: Record<string, number>;
  reportRows: number;
}

const args = parseArgs(process.argv.slice(2));
const agencyId = args.agency!;
const period = args.period!;
const issueDate = args['issue-date']!;
const now = new Date(args.now!);
const out = args.out!;
const unit = args.unit!;

const baselineRssMb = process.memoryUsage().rss / 1048576;
const mb = (kb: number) => kb / 1024;

/** Wall-clock spans of every store call, to split a compile into query, compute and store time. */
type Span = { kind: 'read' | 'write'; start: number; end: number };
let spans: Span[] = [];
function timed<T extends object>(target: T, writes: readonly string[]): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return async (...a: unknown[]) => {
        const start = performance.now();
        try {
          return await (v as (...x: unknown[]) => Promise<unknown>).apply(obj, a);
        } finally {
          spans.push({ kind: writes.includes(String(prop)) ? 'write' : 'read', start, end: performance.now() });
        }
      };
    },
  });
}

const c = makeContainer({
  tableName: process.env.TABLE_NAME!,
  bucketName: process.env.BUCKET_NAME!,
  agencyId,
  region: process.env.AWS_REGION!,
  endpoints: { dynamodb: process.env.DYNAMODB_ENDPOINT, s3: process.env.S3_ENDPOINT, ses: process.env.SES_ENDPOINT },
});
const stores: CompileStores = {
  agencies: timed(c.agencies, []),
  plans: timed(c.plans, []),
  submissions: timed(c.submissions, []),
  reports: timed(c.reports, ['publish']),
  archive: timed(c.archive, ['put']),
  jobs: timed(c.jobs, []),
  renderers: reportRenderers,
};

async function compileOnce(trigger: string): Promise<CompileRun> {
  spans = [];
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const r = await compileReports(stores, { agencyId, period, trigger, now, issueDate });
  const end = performance.now();
  const cpuUsed = process.cpuUsage(cpu);
  const writes = spans.filter((s) => s.kind === 'write');
  const firstWrite = Math.min(...writes.map((s) => s.start));
  // Uploads overlap the next render; the last one starts when the last file is rendered.
  const lastUpload = Math.max(...writes.filter((s) => s.start < end).map((s) => s.start));
  const readsEnd = Math.max(t0, ...spans.filter((s) => s.kind === 'read' && s.end <= firstWrite).map((s) => s.end));
  return {
    totalMs: end - t0,
    cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    queryMs: readsEnd - t0,
    aggregateAndRenderMs: lastUpload - readsEnd,
    storeTailMs: end - lastUpload,
    version: r.version.version,
    created: r.created,
    files: r.version.files.map((f) => ({ audience: f.audience, format: f.format, bytes: f.size })),
  };
}

/** A unit revises one line of its report: new input hash, so the next compile does all the work. */
async function revise() {
  const head = await c.submissions.getHead(agencyId, period, unit);
  if (!head?.data || head.data.tasks.length === 0) throw new Error(`no submitted head for ${unit}`);
  const data = { ...head.data, tasks: head.data.tasks.map((t, i) => (i === 0 ? { ...t, result: `${t.result} Đã cập nhật số liệu.` } : t)) };
  await submit(
    c,
    { sub: `bench-${unit.toLowerCase()}`, role: 'unit', unit, agencyId },
    { period, unit, baseRevision: head.revision, data },
    new Date(now.getTime() - 3600_000),
  );
}

// A period compiled before (the province section compiles the same agency again): without a
// revision the cold run would find nothing changed and render nothing, leaving the render
// threads' start-up to the warm run.
if (await c.reports.latest(agencyId, period)) await revise();
process.stderr.write(`  ${agencyId}: tổng hợp lần 1 (nguội)…\n`);
const cold = await compileOnce('bench-cold');
if (!cold.created) throw new Error('cold compile did not build a new version');
await revise();
process.stderr.write(`  ${agencyId}: tổng hợp lần 2 (ấm)…\n`);
const warm = await compileOnce('bench-warm');
const peakRssMb = mb(process.resourceUsage().maxRSS);
if (!warm.created || warm.version !== cold.version + 1) throw new Error('warm compile did not build a new version');

// Not part of the measured compile: the models for the renderer-alone runs, and aggregation alone.
const input = await gatherInput(c, agencyId, parsePeriod(period), issueDate);
const aggregateMs: Record<string, number> = {};
let rows = 0;
for (const audience of AUDIENCES) {
  buildReportModel({ ...input, audience, issueDate });
  const t = performance.now();
  const model = buildReportModel({ ...input, audience, issueDate });
  aggregateMs[audience] = performance.now() - t;
  rows = model.groups.reduce((n, g) => n + g.rows.length, 0);
  writeFileSync(path.join(out, `model-${audience}.json`), JSON.stringify(model));
}

reply({ baselineRssMb, peakRssMb, cold, warm, aggregateWarmMs: aggregateMs, reportRows: rows } satisfies CompileChildResult);
process.exit(0);
