// How many DynamoDB calls a submit costs once the container is warm (issue 16: at most 4), counted
// by a middleware on the container's client against DynamoDB Local; and that what the container
// keeps (profile versions, plan tasks) never hides a change made elsewhere: a profile stored by
// another process, a plan imported by another, is seen by the very next submit.
import { describe, expect, it } from 'vitest';
import type { Container } from '../../functions/adapters/container.ts';
import type { Principal } from '../../functions/core/auth.ts';
import type { Plan, PlanTask } from '../../functions/core/plan.ts';
import type { SubmissionData } from '../../functions/core/submission.ts';
import { UseCaseError } from '../../functions/usecases/errors.ts';
import { submit } from '../../functions/usecases/submissions.ts';
import { planTask } from '../support/plan-task.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { testContainer } from '../support/local.ts';

const NOW = new Date('2024-05-18T03:00:00.000Z');

const task = planTask;

const data = (progress: number, taskIds = ['I-1']): SubmissionData => ({
  reporterName: 'Lê Thị Thanh Lợi',
  otherWork: [],
  tasks: taskIds.map((taskId) => ({
    taskId,
    status: 'dang-thuc-hien',
    progress,
    result: `Đạt ${progress}%`,
    difficulties: '',
    proposals: '',
    needsDecision: false,
    nextPlan: '',
  })),
});

/** Counts every command the container's DynamoDB client sends, by name. */
function countCalls(c: Container): { names: string[]; reset: () => void } {
  const names: string[] = [];
  c.doc.middlewareStack.add(
    (next, context) => async (args) => {
      names.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  return { names, reset: () => names.splice(0) };
}

async function agencyWithPlan(tasks: PlanTask[]) {
  const c = testContainer();
  const a = c.config.agencyId;
  // The profile and plan are written by another process (the CLI): a container of their own.
  const admin = testContainer(a);
  await admin.agencies.putProfile({ ...demoProfile(), agencyId: a, effectiveFrom: '2024-01-01' });
  const plan: Plan = { agencyId: a, year: 2024, title: 'Kế hoạch 2024', tasks };
  await admin.plans.putPlan(plan, { hash: 'h1', importedAt: '2024-01-05T00:00:00Z', importedBy: 'op', source: 'plan.xlsx' });
  const p: Principal = { sub: 'u-qlkh', role: 'unit', unit: 'QLKH', agencyId: a };
  return { c, admin, a, p };
}

describe('DynamoDB calls of a submit', () => {
  it('a warm submit makes at most 4 calls: one BatchGetItem, the earlier heads, the transaction', async () => {
    const { c, p } = await agencyWithPlan([task(1, 'QLKH'), task(2, 'TTR')]);
    const calls = countCalls(c);
    await submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10), idempotencyKey: 'k-1' }, NOW);
    const cold = [...calls.names];
    calls.reset();
    for (let r = 2; r <= 4; r++) {
      const out = await submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: r - 1, data: data(10 * r), idempotencyKey: `k-${r}` }, NOW);
      expect(out.revision.revision).toBe(r);
    }
    const warm = calls.names.length / 3;
    expect(warm).toBeLessThanOrEqual(4);
    expect(calls.names.slice(0, 3).sort()).toEqual(['BatchGetItem', 'Query', 'TransactWriteItems']);
    // The first submit of a container also reads the profiles and the unit's tasks.
    expect(cold.length).toBeLessThanOrEqual(5);
  });

  it('a profile stored by another process is seen by the next submit', async () => {
    const { c, admin, a, p } = await agencyWithPlan([task(1, 'QLKH')]);
    await submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) }, NOW);
    // Another process renames QLKH's code away: QLKH no longer exists in the profile in force.
    const profile = { ...demoProfile(), agencyId: a, effectiveFrom: '2024-01-01' };
    profile.units = profile.units.map((u) => (u.code === 'QLKH' ? { ...u, code: 'QLKH2' } : u));
    await admin.agencies.putProfile(profile);
    const err = await submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20) }, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UseCaseError);
    expect((err as UseCaseError).code).toBe('unit_not_found');
    // And back: the version after that one is seen as well.
    await admin.agencies.putProfile({ ...demoProfile(), agencyId: a, effectiveFrom: '2024-01-01' });
    const ok = await submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20) }, NOW);
    expect(ok.revision.revision).toBe(2);
  });

  it('a plan imported by another process is seen by the next submit', async () => {
    const { c, admin, a, p } = await agencyWithPlan([task(1, 'QLKH')]);
    await submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) }, NOW);
    // Task I-2 is not QLKH's yet: reporting on it is refused.
    await expect(submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20, ['I-1', 'I-2']) }, NOW)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await admin.plans.putPlan(
      { agencyId: a, year: 2024, tasks: [task(1, 'QLKH'), task(2, 'QLKH')] },
      { hash: 'h2', importedAt: '2024-05-01T00:00:00Z', importedBy: 'op', source: 'plan.xlsx' },
    );
    const ok = await submit(c, p, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20, ['I-1', 'I-2']) }, NOW);
    expect(ok.revision.data.tasks.map((t) => t.taskId)).toEqual(['I-1', 'I-2']);
  });
});
