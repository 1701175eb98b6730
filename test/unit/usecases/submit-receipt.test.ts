// The receipt of a submission and "Báo cáo của đơn vị" on the in-memory stores: what the receipt
// says, the email sent once per revision (a replay finds it sent), a refused email that leaves the
// submission stored, and the months of a unit with the status board's status.
import { describe, expect, it } from 'vitest';
import { MemoryJobStore } from '../../../functions/adapters/memory/job-store.ts';
import { MemoryMailer } from '../../../functions/adapters/memory/mailer.ts';
import type { Principal } from '../../../functions/core/auth.ts';
import type { User } from '../../../functions/core/users.ts';
import { myReports } from '../../../functions/usecases/my-reports.ts';
import type { UserStore } from '../../../functions/usecases/ports.ts';
import { DEFAULT_JOB_SETTINGS } from '../../../functions/usecases/send-once.ts';
import { emailReceipt, submissionReceipt } from '../../../functions/usecases/submit-receipt.ts';
import { getSubmission, submit } from '../../../functions/usecases/submissions.ts';
import { memoryStores } from '../../support/memory-stores.ts';

const A = 'so-khcn';
const NOW = new Date('2024-05-18T03:00:00.000Z');
const qlkh: Principal = { sub: 'u-qlkh', role: 'unit', unit: 'QLKH', agencyId: A };
const person = { email: 'qlkh@so.example', sub: 'u-qlkh', name: 'Lê Thị Thanh Lợi' } as User;
const data = {
  reporterName: 'Lê Thị Thanh Lợi',
  otherWork: [],
  tasks: [
    { taskId: 'I-1', status: 'dang-thuc-hien' as const, progress: 40, result: 'Đạt 40%', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' },
  ],
};

async function setup(people: User[] = [person]) {
  const s = await memoryStores(A);
  const mailer = new MemoryMailer();
  const deps = {
    ...s,
    jobs: new MemoryJobStore(),
    mailer,
    users: { listUsers: async () => people } as unknown as UserStore,
    clock: () => NOW,
    sleep: async () => {},
    settings: { ...DEFAULT_JOB_SETTINGS, sendAttempts: 2, portalUrl: 'https://baocao.example' },
  };
  return { s, deps, mailer };
}

describe('the receipt of a submission', () => {
  it('says what was sent, when in the agency’s zone, and is emailed once per revision', async () => {
    const { s, deps, mailer } = await setup();
    const result = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data }, NOW);
    const receipt = await submissionReceipt(s, qlkh, result);
    expect(receipt).toMatchObject({ revision: 1, submittedAtText: '10:00 ngày 18/05/2024', onTime: true, unit: { code: 'QLKH' }, period: { id: '2024-05' } });
    expect(receipt.tasks).toEqual([expect.objectContaining({ taskId: 'I-1', status: 'Đang thực hiện', progress: 40, result: 'Đạt 40%', attachments: [] })]);

    expect(await emailReceipt(deps, qlkh, receipt)).toEqual({ status: 'sent', to: 'qlkh@so.example' });
    const replay = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 1, data }, NOW);
    expect(replay.replayed).toBe(true);
    expect(await emailReceipt(deps, qlkh, await submissionReceipt(s, qlkh, replay))).toEqual({ status: 'sent', again: true, to: 'qlkh@so.example' });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.text).toContain('https://baocao.example/history?period=2024-05&unit=QLKH');
  });

  it('reports a refused email without failing: the submission is stored', async () => {
    const { s, deps, mailer } = await setup();
    mailer.refuse = { error: () => Object.assign(new Error('no'), { name: 'MessageRejected' }) };
    const result = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data }, NOW);
    expect(await emailReceipt(deps, qlkh, await submissionReceipt(s, qlkh, result))).toEqual({ status: 'failed', to: 'qlkh@so.example' });
    expect((await getSubmission(s, qlkh, '2024-05', 'QLKH')).revision).toBe(1);
  });

  it('has no address to send to when the sender is not among the agency’s people', async () => {
    const { s, deps, mailer } = await setup([]);
    const result = await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data }, NOW);
    expect(await emailReceipt(deps, qlkh, await submissionReceipt(s, qlkh, result))).toEqual({ status: 'no-address' });
    expect(mailer.sent).toHaveLength(0);
  });
});

describe('Báo cáo của đơn vị', () => {
  it('lists the twelve months with the status board’s status; only for unit users', async () => {
    const { s } = await setup();
    await submit(s, qlkh, { period: '2024-05', unit: 'QLKH', baseRevision: 0, data }, NOW);
    const r = await myReports(s, qlkh, 2024, NOW);
    expect(r.months.map((m) => m.period.id)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    const byId = new Map(r.months.map((m) => [m.period.id, m]));
    expect(byId.get('2024-05')).toMatchObject({ status: 'on-time', revision: 1, submittedAt: NOW.toISOString(), locked: false });
    expect(byId.get('2024-04')).toMatchObject({ status: 'missing', deadlinePassed: true });
    expect(byId.get('2024-07')!.status).toBe('not-open');
    await expect(myReports(s, { sub: 'vp', role: 'van-phong', agencyId: A }, 2024, NOW)).rejects.toThrow(/cán bộ phòng, đơn vị/u);
  });
});
