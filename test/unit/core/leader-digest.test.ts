/**
 * The leaders' morning digest's content (issue 15, item 4): the dashboard's pending proposals whose
 * report arrived since the previous working day's digest, and its tasks whose deadline passed since
 * then and are unfinished (the reports' status rule); the email says them in Vietnamese with links;
 * an empty digest is empty. Also the working-day arithmetic.
 */
import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardTask } from '../../../functions/core/dashboard.ts';
import { digestContent, isEmptyDigest, type DigestWindow } from '../../../functions/core/leader-digest.ts';
import type { IssueRow, StatusCounts } from '../../../functions/core/report-model.ts';
import { isWeekday, previousWeekday } from '../../../functions/core/schedules.ts';
import { digestRecipients } from '../../../functions/usecases/leader-digest.ts';
import type { User } from '../../../functions/core/users.ts';
import { leaderDigestEmail } from '../../../templates/email/leader-digest.ts';
import { demoProfile } from '../../support/demo-profile.ts';

const unit = (code: string) => ({ code, name: `Phòng ${code}` });
const task = (taskId: string, status: DashboardTask['status'], deadline?: string): DashboardTask => ({
  taskId,
  number: taskId.slice(2),
  content: `Nội dung ${taskId}`,
  leadUnit: unit('QLKH'),
  directingLeader: { id: 'pgd', name: 'Trần Phó Giám Đốc' },
  deadlineText: deadline ?? 'Thường xuyên',
  ...(deadline ? { deadline } : {}),
  status,
  progress: 40,
});
const proposal = (code: string, period: string, text: string): IssueRow => ({
  unit: unit(code),
  taskId: 'I-1',
  taskNumber: '1',
  taskContent: 'Nội dung I-1',
  difficulties: '',
  proposals: text,
  proposalTo: 'lanh-dao-so',
  needsDecision: true,
  period,
});

function dashboard(period: string, o: Partial<Dashboard>): Dashboard {
  return {
    year: 2024,
    period,
    label: period,
    totals: { total: 0 } as StatusCounts,
    byUnit: [],
    byLeader: [],
    overdueByMonth: [],
    dueThisMonth: [],
    dueNextMonth: [],
    reporting: { deadline: `${period}-20`, due: false, rows: [] },
    awaitingLeaders: [],
    tasks: [],
    ...o,
  };
}

// Tuesday 21 May 2024, 07:30 in Hà Nội; the previous digest was Monday 20 May, 07:30.
const w: DigestWindow = {
  since: new Date('2024-05-20T00:30:00Z'),
  until: new Date('2024-05-21T00:30:00Z'),
  sinceDate: '2024-05-20',
  today: '2024-05-21',
};

const may = dashboard('2024-05', {
  reporting: {
    deadline: '2024-05-20',
    due: true,
    rows: [
      { unit: unit('QLKH'), status: 'on-time', submittedAt: '2024-05-20T09:00:00Z', tasksDue: 1, tasksReported: 1 },
      { unit: unit('TTR'), status: 'on-time', submittedAt: '2024-05-17T09:00:00Z', tasksDue: 1, tasksReported: 1 },
    ],
  },
  awaitingLeaders: [proposal('QLKH', '2024-05', 'Xin bổ sung kinh phí.'), proposal('TTR', '2024-05', 'Đã báo tuần trước.')],
  tasks: [
    task('I-1', 'chua-hoan-thanh-qua-han', '2024-05-20'),
    task('I-2', 'chua-hoan-thanh-qua-han', '2024-05-10'),
    task('I-3', 'chua-hoan-thanh-qua-han', '2024-05-25'),
    task('I-4', 'hoan-thanh-qua-han', '2024-05-20'),
    task('I-5', 'chua-co-bao-cao', '2024-05-20'),
  ],
});
const april = dashboard('2024-04', {
  reporting: {
    deadline: '2024-04-20',
    due: true,
    rows: [{ unit: unit('CC'), status: 'late', submittedAt: '2024-05-20T02:00:00Z', tasksDue: 1, tasksReported: 1 }],
  },
  awaitingLeaders: [proposal('CC', '2024-04', 'Báo cáo tháng 4 gửi muộn.')],
});

describe('the digest content', () => {
  it('takes the proposals whose report came in since the previous digest, from this month and the last', () => {
    const c = digestContent([april, may], w);
    expect(c.proposals.map((p) => [p.unit.code, p.period, p.submittedAt])).toEqual([
      ['CC', '2024-04', '2024-05-20T02:00:00Z'],
      ['QLKH', '2024-05', '2024-05-20T09:00:00Z'],
    ]);
  });

  it('takes the unfinished tasks whose deadline passed since the previous digest (not before, not yet, not finished, not unreported)', () => {
    expect(digestContent([may], w).overdue.map((t) => t.taskId)).toEqual(['I-1']);
  });

  it('is empty when nothing is new', () => {
    const quiet = { ...w, since: new Date('2024-05-21T00:00:00Z'), sinceDate: '2024-05-21', today: '2024-05-22', until: new Date('2024-05-22T00:30:00Z') };
    expect(isEmptyDigest(digestContent([april, may], quiet))).toBe(true);
  });

  it('goes to active leaders who asked for it only', () => {
    const u = (email: string, o: Partial<User>): User => ({
      email,
      agencyId: 'a',
      sub: email,
      role: 'lanh-dao',
      name: email,
      status: 'active',
      invitedAt: '',
      invitedBy: '',
      updatedAt: '',
      version: 1,
      ...o,
    });
    const people = [u('gd', { digest: true }), u('pgd', {}), u('off', { digest: true, status: 'disabled' }), u('vp', { digest: true, role: 'van-phong' })];
    expect(digestRecipients(people).map((p) => p.email)).toEqual(['gd']);
  });

  it('counts working days: Monday looks back to Friday', () => {
    expect(previousWeekday('2024-05-20')).toBe('2024-05-17');
    expect(previousWeekday('2024-05-21')).toBe('2024-05-20');
    expect([isWeekday('2024-05-18'), isWeekday('2024-05-19'), isWeekday('2024-05-20')]).toEqual([false, false, true]);
  });
});

describe('the digest email', () => {
  it('names each proposal and task with a link to the portal, in Vietnamese', () => {
    const e = leaderDigestEmail({
      profile: demoProfile(),
      name: 'Nguyễn Văn Giám Đốc',
      at: w.until,
      since: w.since,
      period: '2024-05',
      content: digestContent([april, may], w),
      portalUrl: 'https://baocao.example.vn/',
    });
    expect(e.subject).toContain('Tóm tắt buổi sáng: 2 đề xuất mới, 1 nhiệm vụ vừa quá hạn');
    expect(e.text).toContain('Kính gửi: Nguyễn Văn Giám Đốc.');
    expect(e.text).toContain('2 đề xuất mới cần Lãnh đạo Sở cho ý kiến:');
    expect(e.text).toContain(
      'Phòng QLKH, nhiệm vụ 1 (Nội dung I-1), báo cáo tháng 5/2024: Xin bổ sung kinh phí. — https://baocao.example.vn/report?period=2024-05&unit=QLKH',
    );
    expect(e.text).toContain(
      'Nhiệm vụ 1. Nội dung I-1 — Phòng QLKH chủ trì, hạn 20/05/2024, Trần Phó Giám Đốc chỉ đạo, tiến độ 40% — https://baocao.example.vn/dashboard/task?period=2024-05&id=I-1',
    );
    expect(e.text).not.toContain('Đã báo tuần trước.');
    expect(e.html).toContain('href="https://baocao.example.vn/dashboard?period=2024-05"');
  });
});
