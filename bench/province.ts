/**
 * The province section of `npm run bench` (issue 13, "Scale in the bench"): N synthetic agencies
 * of one province in the same table, their May reports in every state the province's view draws
 * (delivered, issued only, draft, not compiled), and the province office. Measures:
 *  - one agency's compile with the table holding only it, then holding all N (compile-child, warm);
 *  - each step of bench/province-steps.ts (the office's view, …) in a fresh process, several runs.
 * flow: bench/run --> province --> synthetic + load-agency, compile/issue/deliver use cases,
 *       compile-child, province-child
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { makeContainer } from '../functions/adapters/container.ts';
import { ensureLocalTable } from '../functions/adapters/dynamo/ensure-table.ts';
import { reportRenderers } from '../functions/adapters/renderers.ts';
import type { AgencyProfile } from '../functions/core/agency.ts';
import { setAgency } from '../functions/usecases/agency-service.ts';
import { compileReports } from '../functions/usecases/compile-reports.ts';
import { issueReport } from '../functions/usecases/issue-report.ts';
import { runJob } from '../functions/usecases/run-job.ts';
import { DEFAULT_JOB_SETTINGS } from '../functions/usecases/send-once.ts';
import type { LocalStack } from '../infra/local/stack.ts';
import { runChild } from './child-process.ts';
import type { CompileChildResult } from './compile-child.ts';
import { loadAgency } from './load-agency.ts';
import { departmentName, stateCounts, stateOf } from './province-plan.ts';
import type { ProvinceChildResult, StepRun } from './province-child.ts';
import { PROVINCE_STEPS } from './province-steps.ts';
import { median, round } from './stats.ts';
import { type SyntheticAgency, syntheticAgency } from './synthetic.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ProvinceOptions {
  agencies: number;
  units: number;
  tasks: number;
  seed: number;
  /** Runs of each step in its child process (the first is cold). */
  runs: number;
  /** Compile children per table state (alone, with the others). */
  compileRuns: number;
  outDir: string;
  nodeFlags: string[];
  /** Write a V8 CPU profile of each step's process (bench/out/province/profiles/<step>). */
  profile?: boolean;
  log: (line: string) => void;
}

const HOUR = 3600_000;
const load = () => round(os.loadavg()[0]!, 2);

export async function provinceBench(stack: LocalStack, o: ProvinceOptions): Promise<Record<string, unknown>> {
  const dir = path.join(o.outDir, 'province');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const stamp = Date.now().toString(36);
  const province = `bench-tinh-${stamp}`;
  const officeId = `bench-vpubnd-${stamp}`;
  const ids = Array.from({ length: o.agencies }, (_, i) => `prov${String(i).padStart(2, '0')}-${stamp}`);
  const c = makeContainer({
    tableName: stack.env.TABLE_NAME!,
    bucketName: stack.env.BUCKET_NAME!,
    agencyId: officeId,
    region: stack.env.AWS_REGION!,
    endpoints: { dynamodb: stack.env.DYNAMODB_ENDPOINT, s3: stack.env.S3_ENDPOINT, ses: stack.env.SES_ENDPOINT },
  });
  o.log(`\n== Tỉnh: ${o.agencies} Sở × ${o.units} đơn vị × ${o.tasks} nhiệm vụ (${province}) ==`);

  const agencyAt = (i: number, agencyId = ids[i]!): SyntheticAgency => {
    // Its own seed per agency: plans and submissions differ from one Sở to the next.
    const a = syntheticAgency({ agencyId, tasks: o.tasks, units: o.units, seed: o.seed + i });
    a.profile = { ...a.profile, province, name: departmentName(i) };
    return a;
  };
  const loadOne = async (i: number) => {
    const a = agencyAt(i);
    const loaded = await loadAgency(c, a);
    o.log(`  ${i + 1}/${o.agencies} ${a.profile.name}: ${loaded.submitted} báo cáo, ${loaded.drafts} nháp, ${round(loaded.ms)} ms`);
    return a;
  };

  // 1. The measured agency twice, with the same data: in this table, where the whole province
  // will be, and alone in a table of its own (another id, so their files do not share keys).
  const setupStarted = performance.now();
  const aloneTable = `baocao-alone-${stamp}`;
  await ensureLocalTable(stack.env.DYNAMODB_ENDPOINT!, stack.env.AWS_REGION!, aloneTable);
  const aloneEnv = { ...stack.env, TABLE_NAME: aloneTable };
  const solo = agencyAt(0, `solo-${stamp}`);
  await loadAgency(makeContainer({ ...c.config, tableName: aloneTable, agencyId: solo.profile.agencyId }), solo);
  const first = await loadOne(0);

  // 2. The others, each brought to its state, and the office.
  for (let i = 1; i < o.agencies; i++) await bringTo(c, await loadOne(i), i, o.log);
  await setAgency(c.agencies, officeProfile(officeId, province));
  const setupMs = performance.now() - setupStarted;

  // 3. Its compile alone and with all N, one after the other, so both meet the same load on the
  // machine; then it gets its own state.
  const compileDir = (name: string) => {
    const d = path.join(dir, name);
    mkdirSync(d, { recursive: true });
    return d;
  };
  const alone: CompileRun[] = [];
  const withAll: CompileRun[] = [];
  for (let r = 0; r < o.compileRuns; r++) {
    alone.push(await compileChild(solo, compileDir('compile-alone'), o, aloneEnv, `một mình, lần ${r + 1}`));
    if (o.agencies > 1) withAll.push(await compileChild(first, compileDir('compile-with-all'), o, stack.env, `cùng ${o.agencies - 1} Sở khác, lần ${r + 1}`));
  }
  await bringTo(c, first, 0, o.log, true);

  // 4. Each step in a fresh process, against the whole province.
  const now = new Date(first.compileAt.getTime() + 10 * 24 * HOUR);
  const steps: Record<string, unknown> = {};
  for (const step of PROVINCE_STEPS) {
    o.log(`  đo "${step.name}" (${o.runs} lần, tiến trình riêng)…`);
    const cpuProfDir = o.profile ? path.join(dir, 'profiles', step.name) : undefined;
    if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
    try {
      const r = await runChild<ProvinceChildResult>(
        'province-child.ts',
        ['--step', step.name, '--runs', String(o.runs), '--office', officeId, '--period', first.period, '--now', now.toISOString()],
        { env: stack.env, nodeFlags: o.nodeFlags, timeoutMs: 30 * 60_000, ...(cpuProfDir ? { cpuProfDir } : {}) },
      );
      steps[step.name] = { note: step.note, ...stepSummary(r), ...(cpuProfDir ? { profileDir: path.relative(ROOT, cpuProfDir) } : {}) };
      const warm = r.runs.slice(1);
      o.log(
        `    nguội ${round(r.runs[0]!.wallMs)} ms, ấm (trung vị) ${round(median(warm.map((x) => x.wallMs)))} ms, CPU ${round(median(warm.map((x) => x.cpuMs)))} ms, RSS đỉnh ${round(r.peakRssMb)} MB`,
      );
    } catch (err) {
      steps[step.name] = { note: step.note, error: (err as Error).message };
      o.log(`    LỖI ${(err as Error).message}`);
    }
  }

  const aloneFigures = compileFigures(alone);
  const withFigures = withAll.length ? compileFigures(withAll) : undefined;
  const compile = withFigures
    ? {
        alone: aloneFigures,
        withAll: withFigures,
        ratioWarmMs: round(withFigures.warmMedianMs / aloneFigures.warmMedianMs, 2),
        ratioWarmCpuMs: round(withFigures.warmCpuMedianMs / aloneFigures.warmCpuMedianMs, 2),
      }
    : { alone: aloneFigures };
  return {
    note: 'N synthetic agencies of one province in one table, their May reports in every state, and the province office; each step in a fresh process',
    agencies: o.agencies,
    unitsPerAgency: o.units,
    tasksPerAgency: o.tasks,
    states: stateCounts(o.agencies),
    setupMs: round(setupMs),
    compileOneAgency: {
      note: `one agency's compile (compile-child: warm = second compile in the process, after one unit revised): the same data alone in a table of its own, and in the table holding all ${o.agencies}; runs alternate`,
      ...compile,
    },
    steps,
  };
}

/** The demo province office (infra/local/demo/vpubnd-2024.yaml), as this run's office of the bench province. */
function officeProfile(agencyId: string, province: string): AgencyProfile {
  const demo = YAML.parse(readFileSync(path.join(ROOT, 'infra/local/demo/vpubnd-2024.yaml'), 'utf8')) as AgencyProfile;
  return { ...demo, agencyId, province };
}

/**
 * Compiles, issues (to UBND tỉnh) and delivers an agency's month as far as its state says, at the
 * instants a Văn phòng would: compile on the 25th, issue an hour later, deliver an hour after that.
 * `compiled`: the compile children already made its versions.
 */
async function bringTo(c: ReturnType<typeof makeContainer>, a: SyntheticAgency, i: number, log: (line: string) => void, compiled = false) {
  const state = stateOf(i);
  const agencyId = a.profile.agencyId;
  const at = (hours: number) => new Date(a.compileAt.getTime() + hours * HOUR);
  const deps = { ...c, renderers: reportRenderers, clock: () => at(2), sleep: async () => undefined, settings: { ...DEFAULT_JOB_SETTINGS } };
  const t = performance.now();
  if (state === 'not-compiled') return log('    → not-compiled');
  if (!compiled) await compileReports(deps, { agencyId, period: a.period, trigger: 'bench-province', now: a.compileAt, issueDate: a.issueDate });
  if (state !== 'draft') await issueReport(deps, { agencyId, period: a.period, audience: 'ubnd', by: 'bench', now: at(1), timeZone: a.profile.timeZone });
  if (state === 'delivered') await runJob(deps, { agencyId, job: 'deliver', period: a.period, scheduledTime: at(2), source: 'bench' });
  log(`    → ${state} (${round(performance.now() - t)} ms)`);
}

type CompileRun = CompileChildResult & { loadAverage: number };

/** One compile-child run: a fresh process whose second compile is the warm one. */
async function compileChild(a: SyntheticAgency, out: string, o: ProvinceOptions, env: Record<string, string>, label: string): Promise<CompileRun> {
  const reviser = a.months.at(-1)!.submissions.find((s) => s.kind === 'submit')!.unit;
  const loadAverage = load();
  const res = await runChild<CompileChildResult>(
    'compile-child.ts',
    ['--agency', a.profile.agencyId, '--period', a.period, '--issue-date', a.issueDate, '--now', a.compileAt.toISOString(), '--out', out, '--unit', reviser],
    { env, nodeFlags: o.nodeFlags, timeoutMs: 30 * 60_000 },
  );
  o.log(`  tổng hợp 1 Sở (${label}): ấm ${round(res.warm.totalMs)} ms (CPU ${round(res.warm.cpuMs)} ms), tải ${loadAverage}`);
  return { ...res, loadAverage };
}

function compileFigures(results: CompileRun[]) {
  const warmMs = results.map((x) => round(x.warm.totalMs));
  const warmCpuMs = results.map((x) => round(x.warm.cpuMs));
  return {
    runs: results.length,
    warmMs,
    warmCpuMs,
    warmMedianMs: median(warmMs),
    warmCpuMedianMs: median(warmCpuMs),
    warmQueryMs: results.map((x) => round(x.warm.queryMs)),
    peakRssMb: round(Math.max(...results.map((x) => x.peakRssMb))),
    reportRows: results[0]!.reportRows,
    loadAverage: results.map((x) => x.loadAverage),
  };
}

function stepSummary(r: ProvinceChildResult) {
  const [cold, ...warm] = r.runs as [StepRun, ...StepRun[]];
  const total = (x: Record<string, number>) => Object.values(x).reduce((n, v) => n + v, 0);
  const last = r.runs.at(-1)!;
  return {
    coldMs: round(cold.wallMs),
    coldCpuMs: round(cold.cpuMs),
    warmMs: warm.map((x) => round(x.wallMs)),
    warmMedianMs: round(median(warm.map((x) => x.wallMs))),
    warmCpuMedianMs: round(median(warm.map((x) => x.cpuMs))),
    baselineRssMb: round(r.baselineRssMb),
    peakRssMb: round(r.peakRssMb),
    requestsCold: { dynamodb: cold.dynamodb, s3: cold.s3, total: total(cold.dynamodb) + total(cold.s3) },
    requestsWarm: { dynamodb: last.dynamodb, s3: last.s3, total: total(last.dynamodb) + total(last.s3) },
    outcome: last.outcome,
    // Every run should have seen the same province.
    sameOutcomeEveryRun: r.runs.every((x) => JSON.stringify(x.outcome) === JSON.stringify(last.outcome)),
  };
}
