// One agency's compile reads and writes only its own partitions: every DynamoDB request the compile
// of agency A sends, recorded by a middleware on the container's client against DynamoDB Local,
// names partition keys of A only (AGENCY#<A>…), and none is a Scan — with another agency's plan and
// submissions in the same table. This is what lets one table serve a province's twenty Sở
// (docs/data-model.md, "Many agencies in one table").
import { describe, expect, it } from 'vitest';
import type { Container } from '../../functions/adapters/container.ts';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { zonedInstant } from '../../functions/core/clock.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { testContainer } from '../support/local.ts';
import { smallPlan, taskReport } from '../support/small-plan.ts';

interface Sent {
  command: string;
  partitions: string[];
}

type Input = Record<string, unknown>;

/** A key attribute as the document client or the low-level client carries it ("x" or { S: "x" }). */
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof (v as { S?: unknown })?.S === 'string' ? (v as { S: string }).S : undefined;

/** The partition keys a request names, whatever its shape (get, batch, query, put, update, transaction). */
function partitionsOf(command: string, input: Input): string[] {
  const pk = (item: unknown) => {
    const v = (item as { PK?: unknown; GSI1PK?: unknown } | undefined) ?? {};
    return [str(v.PK), str(v.GSI1PK)].filter((x): x is string => x !== undefined);
  };
  switch (command.replace(/Item(s)?$/, '')) {
    case 'Get':
    case 'Update':
    case 'Delete':
    case 'ConditionCheck':
      return pk(input.Key);
    case 'Put':
      return pk(input.Item);
    case 'BatchGet':
      return Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>).flatMap((r) => r.Keys.flatMap(pk));
    case 'Query': {
      const values = input.ExpressionAttributeValues as Record<string, unknown>;
      const key = /(?:^|\s)(?:PK|GSI1PK)\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression))?.[1];
      const value = key ? str(values[key]) : undefined;
      return value ? [value] : [];
    }
    case 'TransactWrite':
      return (input.TransactItems as Record<string, Input>[]).flatMap((t) => {
        const [kind, body] = Object.entries(t)[0]!;
        return partitionsOf(kind, body as Input);
      });
    default:
      return [];
  }
}

function record(c: Container): Sent[] {
  const sent: Sent[] = [];
  c.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName).replace(/Command$/, '');
      sent.push({ command, partitions: partitionsOf(command, args.input as Input) });
      return next(args);
    },
    { step: 'initialize', name: 'recordPartitions' },
  );
  return sent;
}

async function agencyWithMay(c: Container, place: string) {
  const a = c.config.agencyId;
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a, placeName: place });
  await c.plans.putPlan(smallPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  for (const [unit, task] of [
    ['QLKH', 'I-2'],
    ['CCTCDLCL', 'I-1'],
  ] as const) {
    await submit(
      c,
      { sub: `u-${unit}`, role: 'unit', unit, agencyId: a },
      { period: '2024-05', unit, baseRevision: 0, data: { reporterName: 'Người báo cáo', otherWork: [], tasks: [taskReport(task, 40)] } },
      zonedInstant('2024-05-15', 'Asia/Ho_Chi_Minh', 9),
    );
  }
}

describe('many agencies in one table', () => {
  it("one agency's compile names only its own partition keys, and never scans", async () => {
    const other = testContainer();
    await agencyWithMay(other, 'Bên cạnh');
    const setup = testContainer();
    await agencyWithMay(setup, 'Của mình');
    const a = setup.config.agencyId;
    // A fresh container, as a compile function's would be.
    const c = testContainer(a);
    const sent = record(c);
    const out = await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-05', trigger: 'test', now: new Date('2024-05-21T01:00:00Z') });
    expect(out.created).toBe(true);
    expect(sent.length).toBeGreaterThan(3);
    expect(sent.filter((s) => s.command === 'Scan')).toEqual([]);
    // Every request names at least one partition, and each is the agency's own.
    for (const s of sent) expect(s.partitions.length, JSON.stringify(s)).toBeGreaterThan(0);
    const foreign = sent.flatMap((s) => s.partitions).filter((p) => p !== `AGENCY#${a}` && !p.startsWith(`AGENCY#${a}#`));
    expect(foreign).toEqual([]);
    expect(sent.flatMap((s) => s.partitions).some((p) => p.includes(other.config.agencyId))).toBe(false);
    // What it read is what a compile needs: the month's heads, the year's plan, the report partition.
    const all = new Set(sent.flatMap((s) => s.partitions));
    expect([...all].some((p) => p === `AGENCY#${a}#PERIOD#2024-05`)).toBe(true);
    expect([...all].some((p) => p.startsWith(`AGENCY#${a}#PLAN#2024#`))).toBe(true);
    expect([...all].some((p) => p === `AGENCY#${a}#REPORTS#2024-05`)).toBe(true);
  });
});
