import { describe, expect, it } from 'vitest';
import type { Plan } from '../../functions/core/plan.ts';
import type { Revision, SubmissionData, SubmissionHead } from '../../functions/core/submission.ts';
import { profileOn } from '../../functions/usecases/agency-service.ts';
import { testContainer } from '../support/local.ts';
import { planTask } from '../support/plan-task.ts';
import { demoProfile } from '../support/demo-profile.ts';

const demo = demoProfile();

const task = planTask;

const data = (progress: number, result = 'Đã triển khai'): SubmissionData => ({
  reporterName: 'Lê Thị Thanh Lợi',
  otherWork: [],
  tasks: [{ taskId: 'I-1', status: 'dang-thuc-hien', progress, result, difficulties: '', proposals: '', needsDecision: false, nextPlan: '' }],
});

function submitCmd(agencyId: string, unit: string, rev: number, d: SubmissionData, at = '2024-05-18T03:00:00.000Z') {
  const head: SubmissionHead = {
    agencyId,
    period: '2024-05',
    unit,
    state: 'submitted',
    revision: rev,
    data: d,
    submittedAt: at,
    firstSubmittedAt: at,
    onTime: true,
    updatedAt: at,
  };
  const revision: Revision = { agencyId, period: '2024-05', unit, revision: rev, at, by: 'u1', onTime: true, data: d, changes: [] };
  return { head, revision, expectedRevision: rev - 1 };
}

describe('DynamoDB store against DynamoDB Local', () => {
  it('keeps every agency profile version and finds the one in force on a date', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    const v1 = await c.agencies.putProfile({ ...demo, agencyId: a, effectiveFrom: '2024-01-01' });
    const v2 = await c.agencies.putProfile({ ...demo, agencyId: a, effectiveFrom: '2025-03-01', name: 'Sở Khoa học và Công nghệ (sau hợp nhất)' });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await profileOn(c.agencies, a, '2024-06-30')).name).toBe('Sở Khoa học và Công nghệ');
    expect((await profileOn(c.agencies, a, '2025-03-01')).name).toBe('Sở Khoa học và Công nghệ (sau hợp nhất)');
    expect(await c.agencies.listProfiles(a)).toHaveLength(2);
  });

  it('stores a plan by year, reads it back whole and by unit, and treats the same plan as unchanged', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    const plan: Plan = { agencyId: a, year: 2024, title: 'Kế hoạch 2024', tasks: [task(1, 'QLKH'), task(2, 'TTR'), task(3, 'QLKH')] };
    const meta = { hash: 'h1', importedAt: '2024-02-01T00:00:00Z', importedBy: 'op', source: 'plan.xlsx' };
    const first = await c.plans.putPlan(plan, meta);
    expect(first.changed).toBe(true);
    expect(first.meta.version).toBe(1);
    const again = await c.plans.putPlan(plan, meta);
    expect(again.changed).toBe(false);
    expect((await c.plans.getPlan(a, 2024))!.tasks.map((t) => t.id)).toEqual(['I-1', 'I-2', 'I-3']);
    expect((await c.plans.tasksByUnit(a, 2024, 'QLKH')).map((t) => t.id)).toEqual(['I-1', 'I-3']);
    expect(await c.plans.getPlan(a, 2023)).toBeUndefined();
    // A changed plan becomes version 2; tasks it dropped disappear from reads.
    const second = await c.plans.putPlan({ ...plan, tasks: [task(1, 'QLKH'), task(2, 'TTR')] }, { ...meta, hash: 'h2' });
    expect(second.meta.version).toBe(2);
    expect((await c.plans.getPlan(a, 2024))!.tasks).toHaveLength(2);
    expect((await c.plans.tasksByUnit(a, 2024, 'QLKH')).map((t) => t.id)).toEqual(['I-1']);
    expect(await c.plans.listPlanYears(a)).toEqual([2024]);
  });

  it('reads a plan larger than one 1 MB page completely', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    const long = 'Triển khai có hiệu quả Nghị quyết HĐND tỉnh về hỗ trợ khởi nghiệp đổi mới sáng tạo. '.repeat(20);
    const tasks = Array.from({ length: 1400 }, (_, i) => task(i + 1, i % 2 ? 'QLKH' : 'TTR', `${i + 1}. ${long}`));
    await c.plans.putPlan({ agencyId: a, year: 2024, tasks }, { hash: 'big', importedAt: 'x', importedBy: 'op', source: 'big.json' });
    const back = await c.plans.getPlan(a, 2024);
    expect(back!.tasks).toHaveLength(1400);
    expect(Buffer.byteLength(JSON.stringify(back!.tasks))).toBeGreaterThan(2 * 1024 * 1024);
    expect(await c.plans.tasksByUnit(a, 2024, 'QLKH')).toHaveLength(700);
  });

  it('submits revisions conditionally: stale revision conflicts, idempotency key replays, locks refuse', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    const saved = await c.submissions.saveDraft(a, '2024-05', 'QLKH', { data: data(10), savedAt: '2024-05-10T00:00:00Z', savedBy: 'u1' });
    expect(saved.draft).toEqual({ data: data(10), savedAt: '2024-05-10T00:00:00Z', savedBy: 'u1' });
    const draftHead = await c.submissions.getHead(a, '2024-05', 'QLKH');
    expect(draftHead).toMatchObject({ state: 'draft', revision: 0 });
    // The head says when and by whom; the content is an item of its own.
    expect(draftHead!.draft).toEqual({ savedAt: '2024-05-10T00:00:00Z', savedBy: 'u1' });
    expect(await c.submissions.getDraft(a, '2024-05', 'QLKH')).toEqual({ data: data(10), savedAt: '2024-05-10T00:00:00Z', savedBy: 'u1' });

    const idem = { key: 'k-1', requestHash: 'rh-1', expiresAt: 2_000_000_000 };
    const r1 = await c.submissions.submit({ ...submitCmd(a, 'QLKH', 1, data(30)), idempotency: idem });
    expect(r1.kind).toBe('stored');
    // The same key again: the first result, no second revision.
    const replay = await c.submissions.submit({ ...submitCmd(a, 'QLKH', 2, data(30)), expectedRevision: 1, idempotency: idem });
    expect(replay).toMatchObject({ kind: 'replay', sameRequest: true });
    expect(replay.kind === 'replay' && replay.revision.revision).toBe(1);
    const reused = await c.submissions.submit({ ...submitCmd(a, 'QLKH', 2, data(99)), idempotency: { ...idem, requestHash: 'other' } });
    expect(reused).toMatchObject({ kind: 'replay', sameRequest: false });
    // Someone still holding revision 0 gets a conflict with the current version.
    const stale = await c.submissions.submit(submitCmd(a, 'QLKH', 1, data(50)));
    expect(stale.kind).toBe('conflict');
    expect(stale.kind === 'conflict' && stale.current?.revision).toBe(1);
    const r2 = await c.submissions.submit(submitCmd(a, 'QLKH', 2, data(60)));
    expect(r2.kind).toBe('stored');
    expect((await c.submissions.listRevisions(a, '2024-05', 'QLKH')).map((r) => [r.revision, r.data.tasks[0]!.progress])).toEqual([
      [1, 30],
      [2, 60],
    ]);
    // Changes are derived on reading (usecases/submissions.ts), not stored beside the content.
    expect((await c.submissions.listRevisions(a, '2024-05', 'QLKH')).every((r) => !('changes' in r))).toBe(true);
    await c.submissions.setLock({ agencyId: a, period: '2024-05', locked: true, at: 'x', by: 'vp' });
    expect((await c.submissions.submit(submitCmd(a, 'QLKH', 3, data(70)))).kind).toBe('locked');
    await c.submissions.setLock({ agencyId: a, period: '2024-05', locked: false, at: 'y', by: 'vp' });
    expect((await c.submissions.submit(submitCmd(a, 'QLKH', 3, data(70)))).kind).toBe('stored');
    expect((await c.submissions.getHead(a, '2024-05', 'QLKH'))!.revision).toBe(3);
  });

  it('lets exactly one of many concurrent submits on the same revision win', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => c.submissions.submit(submitCmd(a, 'TTR', 1, data(i * 10)))));
    expect(results.filter((r) => r.kind === 'stored')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'conflict')).toHaveLength(9);
    expect(await c.submissions.listRevisions(a, '2024-05', 'TTR')).toHaveLength(1);
  });

  it('lists submissions by period and a unit’s earlier periods, across pages', async () => {
    const c = testContainer();
    const a = c.config.agencyId;
    const big = data(40, 'Kết quả thực hiện chi tiết. '.repeat(1500));
    const units = Array.from({ length: 40 }, (_, i) => `U${i}`);
    await Promise.all(units.map((u) => c.submissions.submit(submitCmd(a, u, 1, big))));
    const heads = await c.submissions.listHeads(a, '2024-05');
    expect(heads.map((h) => h.unit).sort()).toEqual([...units].sort());
    expect(Buffer.byteLength(JSON.stringify(heads))).toBeGreaterThan(1024 * 1024);
    for (const p of ['2024-02', '2024-03', '2024-04']) {
      const cmd = submitCmd(a, 'U1', 1, data(10));
      await c.submissions.submit({ ...cmd, head: { ...cmd.head, period: p }, revision: { ...cmd.revision, period: p } });
    }
    expect((await c.submissions.headsOfUnitBefore(a, 'U1', '2024-05', 2)).map((h) => h.period)).toEqual(['2024-04', '2024-03']);
  });
});
