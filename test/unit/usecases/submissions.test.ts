// The submission use cases on the in-memory stores (held to the DynamoDB adapters' contract in
// test/contracts): who may write, the rules, revisions and their changes, conflicts, replays,
// drafts and the period lock — no emulator, no Java.
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/core/auth.ts';
import type { SubmissionData } from '../../../functions/core/submission.ts';
import { UseCaseError } from '../../../functions/usecases/errors.ts';
import { formContext, getSubmission, listRevisions, listSubmissions, saveDraft, setPeriodLock, submit } from '../../../functions/usecases/submissions.ts';
import { demoProfile } from '../../support/demo-profile.ts';
import { memoryStores } from '../../support/memory-stores.ts';

const A = 'so-khcn';
const NOW = new Date('2024-05-18T03:00:00.000Z');

const data = (progress: number, reporterName = 'Lê Thị Thanh Lợi'): SubmissionData => ({
  reporterName,
  otherWork: [],
  tasks: [
    { taskId: 'I-1', status: 'dang-thuc-hien', progress, result: `Đạt ${progress}%`, difficulties: '', proposals: '', needsDecision: false, nextPlan: '' },
  ],
});

const qlkh: Principal = { sub: 'u-qlkh', role: 'unit', unit: 'QLKH', agencyId: A };
const ttr: Principal = { sub: 'u-ttr', role: 'unit', unit: 'TTR', agencyId: A };
const vp: Principal = { sub: 'u-vp', role: 'van-phong', agencyId: A };

const stores = () => memoryStores(A);

async function refusal(p: Promise<unknown>): Promise<UseCaseError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UseCaseError);
  return err as UseCaseError;
}

describe('submit', () => {
  it('stores revision 1, then 2, each with its changes against the one before', async () => {
    const s = await stores();
    const first = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) }, NOW);
    expect(first).toMatchObject({ replayed: false, head: { state: 'submitted', revision: 1, onTime: true }, revision: { revision: 1, by: 'u-qlkh' } });
    const second = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(30) }, NOW);
    expect(second.revision.changes).toEqual([
      { field: 'tasks.I-1.progress', from: 10, to: 30 },
      { field: 'tasks.I-1.result', from: 'Đạt 10%', to: 'Đạt 30%' },
    ]);
    expect(second.head.firstSubmittedAt).toBe(first.head.submittedAt);
    const revisions = await listRevisions(s, qlkh, '2024-05', 'QLKH');
    expect(revisions.map((r) => [r.revision, r.changes.length])).toEqual([
      [1, revisions[0]!.changes.length],
      [2, 2],
    ]);
    expect((await listSubmissions(s, vp, '2024-05')).map((h) => [h.unit, h.revision])).toEqual([['QLKH', 2]]);
    expect(await listSubmissions(s, ttr, '2024-05')).toEqual([]);
  });

  it('a stale revision is a conflict carrying the current version and the one sent', async () => {
    const s = await stores();
    await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) }, NOW);
    await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20) }, NOW);
    const err = await refusal(submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(25) }, NOW));
    expect(err).toMatchObject({ kind: 'conflict', code: 'stale_revision' });
    expect(err.details).toMatchObject({ current: { revision: 2 }, yours: data(25), baseRevision: 1 });
  });

  it('a retry with the same Idempotency-Key gets the first result; the key reused for other content is refused', async () => {
    const s = await stores();
    const input = { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10), idempotencyKey: 'k-1' };
    const first = await submit(s, qlkh, input, NOW);
    const again = await submit(s, qlkh, input, NOW);
    expect(again).toMatchObject({ replayed: true, head: { revision: 1 }, revision: { revision: 1 } });
    expect(again.revision.changes).toEqual(first.revision.changes);
    expect(await refusal(submit(s, qlkh, { ...input, baseRevision: 1, data: data(20) }, NOW))).toMatchObject({ code: 'idempotency_key_reused' });
    // Another user's key of the same name is theirs alone.
    const other = await submit(s, vp, { ...input, baseRevision: 1, data: data(20) }, NOW);
    expect(other).toMatchObject({ replayed: false, revision: { revision: 2 } });
  });

  it('a locked period refuses a submission (but still answers a retry); Văn phòng reopens it', async () => {
    const s = await stores();
    await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10), idempotencyKey: 'k-1' }, NOW);
    await expect(setPeriodLock(s, qlkh, '2024-05', true, NOW, 'Đã ban hành')).rejects.toMatchObject({ code: 'forbidden' });
    // A reason is required, cleaned (NFC, trimmed) and limited.
    await expect(setPeriodLock(s, vp, '2024-05', true, NOW, '  ')).rejects.toMatchObject({ code: 'invalid_reason' });
    await expect(setPeriodLock(s, vp, '2024-05', true, NOW, 'x'.repeat(301))).rejects.toMatchObject({ code: 'invalid_reason' });
    await expect(setPeriodLock(s, vp, '2024-05', true, NOW, 'a\u202Eb')).rejects.toMatchObject({ code: 'invalid_reason' });
    await setPeriodLock(s, vp, '2024-05', true, NOW, '  Đa\u0303 ban hành báo cáo  ');
    expect(await refusal(submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20) }, NOW))).toMatchObject({
      kind: 'locked',
      code: 'period_locked',
    });
    expect(await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10), idempotencyKey: 'k-1' }, NOW)).toMatchObject({
      replayed: true,
    });
    await expect(saveDraft(s, qlkh, { period: '2024-05', unit: 'QLKH', data: data(20) }, NOW)).rejects.toMatchObject({ code: 'period_locked' });
    expect((await formContext(s, qlkh, 'QLKH', '2024-05')).locked).toBe(true);
    await setPeriodLock(s, vp, '2024-05', false, new Date(NOW.getTime() + 60_000), 'Sửa số liệu');
    expect((await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20) }, NOW)).revision.revision).toBe(2);
    // Both are in the lock log, oldest first, with who and why.
    expect((await s.submissions.listLockLog(A, '2024-05')).map((l) => [l.locked, l.by, l.reason])).toEqual([
      [true, vp.sub, 'Đã ban hành báo cáo'],
      [false, vp.sub, 'Sửa số liệu'],
    ]);
  });

  it('refuses another unit, an unknown unit, a future period, a task of another unit, a quarterly period', async () => {
    const s = await stores();
    const input = { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) };
    expect(await refusal(submit(s, ttr, input, NOW))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(submit(s, vp, { ...input, unit: 'KHONG' }, NOW))).toMatchObject({ code: 'unit_not_found' });
    expect(await refusal(submit(s, qlkh, { ...input, period: '2024-07' }, NOW))).toMatchObject({ code: 'period_not_open' });
    expect(await refusal(submit(s, qlkh, { ...input, period: '2024-Q2' }, NOW))).toMatchObject({ code: 'invalid_period' });
    const foreign = { ...data(10), tasks: [{ ...data(10).tasks[0]!, taskId: 'I-2' }] };
    expect(await refusal(submit(s, qlkh, { ...input, data: foreign }, NOW))).toMatchObject({ code: 'invalid_input' });
    expect(await s.submissions.getHead(A, '2024-05', 'QLKH')).toBeUndefined();
  });

  it('sees a profile stored after the first submit at once', async () => {
    const s = await stores();
    await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) }, NOW);
    const profile = { ...demoProfile(), agencyId: A, effectiveFrom: '2024-01-01' };
    profile.units = profile.units.filter((u) => u.code !== 'QLKH');
    await s.agencies.putProfile(profile);
    expect(await refusal(submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(20) }, NOW))).toMatchObject({ code: 'unit_not_found' });
  });
});

describe('drafts and the form', () => {
  it('a draft is shown with the head until a submission; the form starts from it', async () => {
    const s = await stores();
    const head = await saveDraft(s, qlkh, { period: '2024-05', unit: 'QLKH', data: data(5, 'Nháp') }, NOW);
    expect(head).toMatchObject({ state: 'draft', revision: 0, draft: { savedBy: 'u-qlkh', data: data(5, 'Nháp') } });
    expect((await getSubmission(s, qlkh, '2024-05', 'QLKH')).draft?.data).toEqual(data(5, 'Nháp'));
    const form = await formContext(s, qlkh, 'QLKH', '2024-05');
    expect(form).toMatchObject({ unit: { code: 'QLKH' }, initial: data(5, 'Nháp'), locked: false, planFound: true });
    expect(form.tasks.map((t) => t.task.id)).toEqual(['I-1']);
    await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) }, NOW);
    // The draft item left from before the submission is not shown again.
    const after = await getSubmission(s, qlkh, '2024-05', 'QLKH');
    expect(after.draft).toBeUndefined();
    expect((await formContext(s, qlkh, 'QLKH', '2024-05')).initial).toEqual(data(10));
    await expect(getSubmission(s, ttr, '2024-05', 'QLKH')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getSubmission(s, vp, '2024-05', 'TTR')).rejects.toMatchObject({ code: 'submission_not_found' });
  });

  it('a draft may be incomplete but may not name tasks of another unit', async () => {
    const s = await stores();
    const incomplete = { ...data(10), reporterName: '', tasks: [{ ...data(10).tasks[0]!, result: '' }] };
    expect(await saveDraft(s, qlkh, { period: '2024-05', unit: 'QLKH', data: incomplete }, NOW)).toMatchObject({ state: 'draft' });
    const foreign = { ...data(10), tasks: [{ ...data(10).tasks[0]!, taskId: 'I-2' }] };
    await expect(saveDraft(s, qlkh, { period: '2024-05', unit: 'QLKH', data: foreign }, NOW)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('the next month pre-fills from the last submitted one', async () => {
    const s = await stores();
    await submit(s, qlkh, { period: '2024-04', unit: 'QLKH', baseRevision: 0, data: data(40) }, NOW);
    const form = await formContext(s, qlkh, 'QLKH', '2024-05');
    expect(form.tasks[0]!.previous).toMatchObject({ period: '2024-04', progress: 40 });
    expect(form.initial.tasks[0]).toMatchObject({ taskId: 'I-1', progress: 40, result: '' });
  });
});

describe('the form of a new month', () => {
  it("starts from last month's status, progress and plan, but not its results, difficulties, proposals or request for a decision", async () => {
    const s = await stores();
    const april: SubmissionData = {
      reporterName: 'Lê Thị Thanh Lợi',
      otherWork: [],
      tasks: [
        {
          taskId: 'I-1',
          status: 'dang-thuc-hien',
          progress: 45,
          result: 'Đã khảo sát 12 doanh nghiệp',
          difficulties: 'Sở Tài chính chưa bố trí kinh phí',
          proposals: 'Đề nghị Giám đốc Sở chủ trì họp với Sở Tài chính',
          proposalTo: 'lanh-dao-so',
          needsDecision: true,
          nextPlan: 'Hoàn thiện dự thảo kế hoạch',
        },
      ],
    };
    await submit(s, qlkh, { period: '2024-04', unit: 'QLKH', baseRevision: 0, data: april }, new Date('2024-04-18T03:00:00.000Z'));
    const may = await formContext(s, qlkh, 'QLKH', '2024-05');
    expect(may.tasks.find((t) => t.task.id === 'I-1')?.previous?.proposals).toBe('Đề nghị Giám đốc Sở chủ trì họp với Sở Tài chính');
    const start = may.initial.tasks.find((t) => t.taskId === 'I-1')!;
    expect(start).toMatchObject({
      status: 'dang-thuc-hien',
      progress: 45,
      nextPlan: 'Hoàn thiện dự thảo kế hoạch',
      result: '',
      difficulties: '',
      proposals: '',
      needsDecision: false,
    });
    expect(start).not.toHaveProperty('proposalTo');
  });
});

describe('sending the same report again', () => {
  it('makes no empty revision: the answer is the latest revision; a change makes the next one', async () => {
    const s = await stores();
    const first = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data: data(10) }, NOW);
    const again = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(10) }, NOW);
    expect([again.replayed, again.revision.revision, again.head.revision]).toEqual([true, 1, 1]);
    expect(again.revision.data).toEqual(first.revision.data);
    expect((await listRevisions(s, qlkh, '2024-05', 'QLKH')).map((r) => r.revision)).toEqual([1]);
    const changed = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data: data(15) }, NOW);
    expect([changed.replayed, changed.revision.revision]).toEqual([false, 2]);
  });
});
