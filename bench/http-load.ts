/**
 * The submission path under load: sets up an agency on the running local stack (one unit per
 * client, five tasks each), runs the client process at each concurrency for a fixed number of
 * requests, then counts the revisions actually stored and compares them with the 201 answers.
 * flow: bench/run --> http-load --> http-clients (child) --> local HTTP server --> DynamoDB Local
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { mintToken } from '../functions/adapters/auth/local-issuer.ts';
import type { Container } from '../functions/adapters/container.ts';
import type { Plan, PlanTask } from '../functions/core/plan.ts';
import { setAgency } from '../functions/usecases/agency-service.ts';
import { mapLimit } from '../functions/core/map-limit.ts';
import { runChild } from './child-process.ts';
import { latencySummary, round } from './stats.ts';
import { submitBreakdown, type SubmitBreakdown } from './submit-breakdown.ts';
import { syntheticProfile } from './synthetic.ts';

const TASKS_PER_UNIT = 5;

interface ClientsResult {
  wallMs: number;
  latencies: number[];
  statuses: Record<string, number>;
  okByUnit: Record<string, number>;
}

export interface HttpScenario {
  clients: number;
  requests: number;
  period: string;
  wallMs: number;
  throughputPerS: number;
  latency: ReturnType<typeof latencySummary>;
  statuses: Record<string, number>;
  accepted: number;
  revisionsStored: number;
  /** Requests not answered 201. */
  failed: number;
  /** Answered 201 but not stored, or heads whose revision disagrees with what the client saw. */
  lost: number;
  target?: { p99Ms: number; met: boolean };
}

export async function setupHttpAgency(c: Container, units: number, env: Record<string, string>) {
  const profile = syntheticProfile(
    c.config.agencyId,
    Array.from({ length: units }, (_, i) => ({
      code: `U${String(i + 1).padStart(3, '0')}`,
      name: `Phòng, đơn vị thử tải số ${i + 1}`,
      kind: 'phong' as const,
    })),
  );
  await setAgency(c.agencies, profile);
  const tasks: PlanTask[] = profile.units.flatMap((u, i) =>
    Array.from({ length: TASKS_PER_UNIT }, (_, k) => ({
      id: `U${i + 1}-${k + 1}`,
      number: `${k + 1}`,
      group: { numeral: 'I', title: u.name },
      category: 'ke-hoach' as const,
      content: `Nhiệm vụ ${k + 1} của ${u.name}: triển khai có hiệu quả Kế hoạch Nghiên cứu, ứng dụng KH&CN cấp tỉnh.`,
      leadUnit: u.code,
      coordinatingUnits: [],
      start: { kind: 'month' as const, year: 2024, month: 1 },
      finish: { kind: 'month' as const, year: 2024, month: 12 },
      milestones: [],
      order: i * TASKS_PER_UNIT + k + 1,
    })),
  );
  const plan: Plan = { agencyId: c.config.agencyId, year: 2024, tasks };
  await c.plans.putPlan(plan, { hash: `bench-http-${units}`, importedAt: '2024-01-15T00:00:00.000Z', importedBy: 'bench', source: 'bench/http-load.ts' });
  const clients = await Promise.all(
    profile.units.map(async (u, i) => ({
      unit: u.code,
      token: await mintToken({
        file: env.AUTH_JWKS_FILE!,
        issuer: env.AUTH_ISSUER!,
        clientId: env.AUTH_CLIENT_ID!,
        agencyId: c.config.agencyId,
        role: 'unit',
        unit: u.code,
        ttlSeconds: 3600,
      }),
      tasks: Array.from({ length: TASKS_PER_UNIT }, (_, k) => `U${i + 1}-${k + 1}`),
    })),
  );
  return clients;
}

async function runClients(job: object, outDir: string, name: string): Promise<ClientsResult> {
  const file = path.join(outDir, `http-${name}.json`);
  writeFileSync(file, JSON.stringify(job));
  return runChild<ClientsResult>('http-clients.ts', ['--job', file], { timeoutMs: 30 * 60_000 });
}

export async function httpBench(
  c: Container,
  env: Record<string, string>,
  o: { clientCounts: number[]; requests: number; outDir: string; p99TargetMs: number; log: (l: string) => void },
): Promise<{
  warmUp: { requests: number; latency: ReturnType<typeof latencySummary> };
  serial: HttpScenario;
  inProcess: SubmitBreakdown;
  scenarios: HttpScenario[];
}> {
  const units = Math.max(...o.clientCounts);
  o.log(`HTTP: chuẩn bị ${units} đơn vị, ${units * TASKS_PER_UNIT} nhiệm vụ…`);
  const all = await setupHttpAgency(c, units, env);
  const url = env.PUBLIC_URL!;
  // Warm-up on its own period: the server loads the handler module and the JIT warms up, as a
  // Lambda that has served a few requests would be.
  const warm = await runClients({ url, period: '2024-02', clients: all, requests: all.length }, o.outDir, 'warmup');
  // One client alone: the service time, with no queueing behind other requests.
  const serial = await scenario(1, 200, '2024-11');
  o.log('HTTP: submit trong tiến trình (không qua HTTP), đếm lệnh DynamoDB…');
  const inProcess = await submitBreakdown(c, all[1]!.unit, all[1]!.tasks, '2024-12', 100);
  o.log(
    `HTTP: submit trong tiến trình: ${inProcess.dynamoCallsTotalPerSubmit} lệnh DynamoDB/submit (${Object.entries(inProcess.dynamoCallsPerSubmit)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ` + `CPU ${inProcess.cpuMsPerSubmit} ms/submit, p50 ${inProcess.latency.p50Ms} ms, p99 ${inProcess.latency.p99Ms} ms`,
  );
  const scenarios: HttpScenario[] = [];
  for (const [k, clients] of o.clientCounts.entries()) {
    const period = `2024-${String(3 + k).padStart(2, '0')}`;
    scenarios.push(await scenario(clients, o.requests, period));
  }
  return { warmUp: { requests: all.length, latency: latencySummary(warm.latencies) }, serial, inProcess, scenarios };

  async function scenario(clients: number, requests: number, period: string): Promise<HttpScenario> {
    o.log(`HTTP: ${clients} client đồng thời, ${requests} yêu cầu (kỳ ${period})…`);
    const mine = all.slice(0, clients);
    const r = await runClients({ url, period, clients: mine, requests }, o.outDir, `c${clients}`);
    // What the store holds afterwards: every revision of every unit, and each head's number.
    let revisionsStored = 0;
    let headMismatch = 0;
    await mapLimit(mine, 16, async (m) => {
      const [revs, head] = await Promise.all([
        c.submissions.listRevisions(c.config.agencyId, period, m.unit),
        c.submissions.getHead(c.config.agencyId, period, m.unit),
      ]);
      revisionsStored += revs.length;
      if ((head?.revision ?? 0) !== (r.okByUnit[m.unit] ?? 0)) headMismatch++;
    });
    const accepted = r.statuses['201'] ?? 0;
    const latency = latencySummary(r.latencies);
    const s: HttpScenario = {
      clients,
      requests,
      period,
      wallMs: round(r.wallMs),
      throughputPerS: round((requests / r.wallMs) * 1000),
      latency,
      statuses: r.statuses,
      accepted,
      revisionsStored,
      failed: requests - accepted,
      lost: Math.abs(accepted - revisionsStored) + headMismatch,
    };
    if (clients === 50) s.target = { p99Ms: o.p99TargetMs, met: latency.p99Ms <= o.p99TargetMs && s.failed === 0 && s.lost === 0 };
    return s;
  }
}
