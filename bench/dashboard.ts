/**
 * `npm run bench:dashboard`: what a leader waits for on /dashboard. For each size, builds the
 * synthetic agency the compile bench uses (bench/synthetic.ts), loads it into the local stack,
 * then times the dashboard use case (every month's Director model from January, then the figures'
 * numbers), the task page and the SVG figures, cold then warm, CPU time beside wall time since the
 * machine is shared. Progress goes to stderr, the JSON summary to stdout.
 * flow: bench/dashboard --> synthetic + load-agency --> usecases/dashboard --> templates/web/charts
 *
 *   npm run -s bench:dashboard -- [--sizes 300,2000] [--runs 5] [--seed 2024]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeContainer } from '../functions/adapters/container.ts';
import type { Principal } from '../functions/core/auth.ts';
import { dashboard, taskPage } from '../functions/usecases/dashboard.ts';
import { startLocalStack } from '../infra/local/stack.ts';
import { overdueLine, stackedStatusBars } from '../templates/web/charts.ts';
import { parseArgs } from './child-process.ts';
import { loadAgency } from './load-agency.ts';
import { median, round } from './stats.ts';
import { syntheticAgency } from './synthetic.ts';

const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '300,2000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Math.max(2, Number(args.runs ?? 5));
const seed = Number(args.seed ?? 2024);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Wall and CPU milliseconds of one call. */
async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

async function series<T>(f: () => Promise<T> | T) {
  const cold = await timed(f);
  const warm = [];
  for (let i = 1; i < runs; i++) warm.push(await timed(f));
  return {
    value: cold.value,
    figures: {
      coldMs: round(cold.ms),
      warmMedianMs: round(median(warm.map((w) => w.ms))),
      warmMedianCpuMs: round(median(warm.map((w) => w.cpuMs))),
    },
  };
}

const keysDir = mkdtempSync(path.join(os.tmpdir(), 'baocao-bench-dashboard-'));
process.env.TMPDIR = keysDir;
process.env.AGENCY_ID = `bench-dashboard-${Date.now().toString(36)}`;
log('Khởi động local stack (DynamoDB Local, s3rver, SES) …');
const stack = await startLocalStack({ keysDir, port: 0 });
const results: unknown[] = [];
try {
  for (const size of sizes) {
    const agencyId = `bench-dash-${size}-${Date.now().toString(36)}`;
    log(`\n== ${size} nhiệm vụ (${agencyId}) ==`);
    const a = syntheticAgency({ agencyId, tasks: size, seed });
    const c = makeContainer({
      tableName: stack.env.TABLE_NAME!,
      bucketName: stack.env.BUCKET_NAME!,
      agencyId,
      region: stack.env.AWS_REGION!,
      endpoints: { dynamodb: stack.env.DYNAMODB_ENDPOINT, s3: stack.env.S3_ENDPOINT, ses: stack.env.SES_ENDPOINT },
    });
    await loadAgency(c, a, log);
    const leader: Principal = { sub: 'bench-leader', role: 'lanh-dao', agencyId, name: 'Lãnh đạo' };
    const now = a.compileAt;
    const board = await series(() => dashboard(c, leader, a.period, now));
    const d = board.value;
    const firstTask = d.tasks[0]!.taskId;
    const task = await series(() => taskPage(c, leader, a.period, firstTask, now));
    const svg = await series(() => [stackedStatusBars(d.byUnit), stackedStatusBars(d.byLeader), overdueLine(d.overdueByMonth)].join(''));
    const r = {
      tasks: size,
      units: a.profile.units.length,
      months: d.overdueByMonth.length,
      dashboardUseCase: board.figures,
      taskPage: task.figures,
      figuresSvg: { ...svg.figures, bytes: svg.value.length },
    };
    log(
      `  bảng điều hành: nguội ${r.dashboardUseCase.coldMs} ms, ấm ${r.dashboardUseCase.warmMedianMs} ms (CPU ${r.dashboardUseCase.warmMedianCpuMs}); ` +
        `trang nhiệm vụ ấm ${r.taskPage.warmMedianMs} ms; hình SVG ấm ${r.figuresSvg.warmMedianMs} ms`,
    );
    results.push(r);
  }
} finally {
  await stack.stop();
  rmSync(keysDir, { recursive: true, force: true });
}
process.stdout.write(
  `${JSON.stringify({ machine: { cores: os.cpus().length, loadAverage: os.loadavg().map((l) => round(l, 2)), node: process.version }, runs, results }, null, 2)}\n`,
);
