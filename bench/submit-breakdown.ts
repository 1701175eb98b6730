/**
 * Where one submission's time goes, without HTTP: the submit use case run in this process,
 * one request after another, against the same DynamoDB Local, with every DynamoDB call counted
 * and timed. The HTTP figures are this plus JWT checking, validation and the local server.
 * flow: bench/http-load --> submit-breakdown --> submissions use case --> DynamoDB Local
 */
import type { Container } from '../functions/adapters/container.ts';
import { makeDocumentClient } from '../functions/adapters/clients.ts';
import { DynamoAgencyStore } from '../functions/adapters/dynamo/agency-store.ts';
import { DynamoPlanStore } from '../functions/adapters/dynamo/plan-store.ts';
import { DynamoSubmissionStore } from '../functions/adapters/dynamo/submission-store.ts';
import { GetBatcher } from '../functions/adapters/dynamo/get-batcher.ts';
import { submit } from '../functions/usecases/submissions.ts';
import { recordSends, type SentRequest } from './count-sends.ts';
import { latencySummary, mean, round } from './stats.ts';

export interface SubmitBreakdown {
  requests: number;
  latency: ReturnType<typeof latencySummary>;
  dynamoCallsPerSubmit: Record<string, number>;
  /** All DynamoDB calls per submit (what the request pays in round trips and request units). */
  dynamoCallsTotalPerSubmit: number;
  /** This process's CPU time per submit (user + system): the use case, the SDK, marshalling. */
  cpuMsPerSubmit: number;
  /** Sum of the calls' durations per submit; more than the wall time when calls overlap. */
  dynamoCallMsSumPerSubmit: number;
  dynamoMeanCallMs: number;
  /** Mean duration of each kind of call. */
  dynamoMeanMsByCall: Record<string, number>;
}

export async function submitBreakdown(c: Container, unit: string, tasks: string[], period: string, requests: number): Promise<SubmitBreakdown> {
  const doc = makeDocumentClient(c.config);
  const calls: SentRequest[] = [];
  recordSends(doc, (r) => calls.push(r));
  const table = c.config.tableName;
  // As the container builds them: one batcher for the reads a submit issues together.
  const reads = new GetBatcher(doc, table);
  const stores = {
    agencies: new DynamoAgencyStore(doc, table, reads),
    plans: new DynamoPlanStore(doc, table, undefined, reads),
    submissions: new DynamoSubmissionStore(doc, table, reads),
  };
  const agencyId = c.config.agencyId;
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 1; r <= requests; r++) {
    const data = {
      reporterName: 'Nguyễn Thị Nga',
      otherWork: [],
      tasks: tasks.map((taskId, i) => ({
        taskId,
        status: 'dang-thuc-hien' as const,
        progress: 60 + i,
        result: `Lần cập nhật ${r}: đã tổ chức kiểm tra tiến độ.`,
        difficulties: '',
        proposals: '',
        needsDecision: false,
        nextPlan: '',
      })),
    };
    const t = performance.now();
    await submit(
      stores,
      { sub: `bench-${unit.toLowerCase()}`, role: 'unit', unit, agencyId },
      { period, unit, baseRevision: r - 1, data, idempotencyKey: `bench-serial-${period}-${unit}-${r}` },
      new Date(),
    );
    latencies.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  doc.destroy();
  const byName: Record<string, number> = {};
  for (const k of calls) byName[k.name] = round((byName[k.name] ?? 0) + 1 / requests, 2);
  const dynamoMs = calls.reduce((n, k) => n + k.ms, 0) / requests;
  return {
    requests,
    latency: latencySummary(latencies),
    dynamoCallsPerSubmit: byName,
    dynamoCallsTotalPerSubmit: round(calls.length / requests, 2),
    cpuMsPerSubmit: round((cpu.user + cpu.system) / 1000 / requests, 2),
    dynamoCallMsSumPerSubmit: round(dynamoMs),
    dynamoMeanCallMs: round(mean(calls.map((k) => k.ms)), 2),
    dynamoMeanMsByCall: Object.fromEntries(Object.keys(byName).map((n) => [n, round(mean(calls.filter((k) => k.name === n).map((k) => k.ms)), 2)])),
  };
}
