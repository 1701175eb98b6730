/**
 * One step of the province section (bench/province-steps.ts) in a fresh process, run several
 * times: wall and CPU time of each run, the DynamoDB and S3 requests it sent, and the process's
 * peak RSS (so the step's own, as for the compile). The first run is cold: the SDK's connections,
 * the stores' profile cache and V8's compiled code start empty, as in a new Lambda instance.
 * flow: bench/province --> child-process --> province-child --> province-steps --> local stack
 */
import { makeContainer } from '../functions/adapters/container.ts';
import { parseArgs, reply } from './child-process.ts';
import { countByName, recordSends, type SentRequest } from './count-sends.ts';
import { PROVINCE_STEPS, type StepOutcome } from './province-steps.ts';

export interface StepRun {
  wallMs: number;
  cpuMs: number;
  dynamodb: Record<string, number>;
  s3: Record<string, number>;
  outcome: StepOutcome;
}

export interface ProvinceChildResult {
  step: string;
  baselineRssMb: number;
  peakRssMb: number;
  runs: StepRun[];
}

const args = parseArgs(process.argv.slice(2));
const step = PROVINCE_STEPS.find((s) => s.name === args.step);
if (!step) throw new Error(`no province step "${args.step}" (known: ${PROVINCE_STEPS.map((s) => s.name).join(', ')})`);
const runs = Number(args.runs ?? 5);
const baselineRssMb = process.memoryUsage().rss / 1048576;

const c = makeContainer({
  tableName: process.env.TABLE_NAME!,
  bucketName: process.env.BUCKET_NAME!,
  agencyId: args.office!,
  region: process.env.AWS_REGION!,
  endpoints: { dynamodb: process.env.DYNAMODB_ENDPOINT, s3: process.env.S3_ENDPOINT, ses: process.env.SES_ENDPOINT },
});
let dynamo: SentRequest[] = [];
let s3: SentRequest[] = [];
recordSends(c.doc, (r) => dynamo.push(r));
recordSends(c.s3, (r) => s3.push(r));

const ctx = { c, office: { sub: 'bench-vpubnd', role: 'ubnd-tinh' as const, agencyId: args.office! }, period: args.period!, now: new Date(args.now!) };
const out: StepRun[] = [];
for (let r = 0; r < runs; r++) {
  dynamo = [];
  s3 = [];
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const outcome = await step.run(ctx);
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  out.push({ wallMs, cpuMs: (used.user + used.system) / 1000, dynamodb: countByName(dynamo), s3: countByName(s3), outcome });
}

reply({ step: step.name, baselineRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, runs: out } satisfies ProvinceChildResult);
process.exit(0);
