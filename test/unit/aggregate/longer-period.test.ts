// Longer periods (quarter, half, nine months, year) are read month by month: each task's status at
// the cut-off from its latest report, what every month reported merged into one text, progress at
// the start and the end; windows and "newly overdue" across the year end (Dec → Jan, Q1 = 15/12 → 14/3).
// The fixtures with three whole months and both audiences are in period-documents.test.ts.
import { describe, expect, it } from 'vitest';
import { buildReportModel, type AggregateInput } from '../../../functions/core/aggregate/build-report-model.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import type { Plan } from '../../../functions/core/plan.ts';
import type { ReportModel, TaskRow } from '../../../functions/core/report-model.ts';
import { AGENCY, plan2024, profile2024, report, submitted } from './fixtures.ts';

const row = (m: ReportModel, id: string): TaskRow => {
  const r = m.groups.flatMap((g) => g.rows).find((x) => x.taskId === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

function input(
  period: string,
  submissions: AggregateInput['submissions'],
  previousSubmissions: AggregateInput['previousSubmissions'] = [],
  plan: Plan = plan2024(),
): AggregateInput {
  return { profile: profile2024(), plan, period: parsePeriod(period), audience: 'director', issueDate: '2024-06-25', submissions, previousSubmissions };
}

describe('quarter II 2024: latest report per task wins', () => {
  const submissions = [
    submitted('CCTCDLCL', '2024-04', [report('I-1', { progress: 30, result: 'Gửi công văn đăng ký' }), report('II-1', { progress: 10 })]),
    submitted('CCTCDLCL', '2024-05', [report('I-1', { progress: 45, result: 'Tổng hợp danh sách doanh nghiệp' })]),
    submitted('CCTCDLCL', '2024-06', [report('I-1', { progress: 60, result: 'Ký hợp đồng tư vấn' })]),
    submitted('QLKH', '2024-04', [report('I-2', { progress: 10 })]),
    submitted('QLKH', '2024-05', [report('I-2', { progress: 25, nextPlan: 'Nghiệm thu nhiệm vụ' })]),
    // QLKH did not submit in June: its latest report is May's.
  ];
  const previous = [submitted('CCTCDLCL', '2024-03', [report('I-1', { progress: 20 })])];
  const m = buildReportModel(input('2024-Q2', submissions, previous));

  it('uses the window 15/3 → 14/6 and the June deadline', () => {
    expect(m.period).toMatchObject({
      id: '2024-Q2',
      kind: 'quarterly',
      label: 'quý II năm 2024',
      window: { from: '2024-03-15', to: '2024-06-14' },
      submissionDeadline: '2024-06-20',
    });
    expect(m.subject).toBe('Tình hình thực hiện nhiệm vụ quý II năm 2024 của các phòng, đơn vị');
  });

  it('the newest monthly period that reported the task wins, and fromPeriod says which', () => {
    expect(row(m, 'I-1')).toMatchObject({
      progress: 60,
      progressStart: 20,
      progressDelta: 40,
      fromPeriod: '2024-06',
      // Every month's result, not only the last.
      result: 'Tháng 04/2024: Gửi công văn đăng ký. Tháng 05/2024: Tổng hợp danh sách doanh nghiệp. Tháng 06/2024: Ký hợp đồng tư vấn.',
      history: [
        { period: '2024-04', status: 'dang-thuc-hien', progress: 30, result: 'Gửi công văn đăng ký' },
        { period: '2024-05', status: 'dang-thuc-hien', progress: 45, result: 'Tổng hợp danh sách doanh nghiệp' },
        { period: '2024-06', status: 'dang-thuc-hien', progress: 60, result: 'Ký hợp đồng tư vấn' },
      ],
    });
    expect(row(m, 'I-2')).toMatchObject({ progress: 25, fromPeriod: '2024-05' });
    expect(row(m, 'II-1')).toMatchObject({ progress: 10, fromPeriod: '2024-04' });
  });

  it('next steps come only from the last month: the "next month" of May is June, already past', () => {
    expect(m.priorities).toEqual([]);
    const withJune = buildReportModel(
      input('2024-Q2', [...submissions, submitted('QLKH', '2024-06', [report('I-2', { progress: 30, nextPlan: 'Nghiệm thu 05 nhiệm vụ' })])], previous),
    );
    expect(withJune.priorities.map((p) => [p.taskId, p.text])).toEqual([['I-2', 'Nghiệm thu 05 nhiệm vụ']]);
  });

  it('every month of the quarter has its own submission table: a month skipped shows as missing', () => {
    expect(m.submissionMonths.map((x) => x.period)).toEqual(['2024-04', '2024-05', '2024-06']);
    const qlkh = m.submissionMonths.map((x) => x.rows.find((s) => s.unit.code === 'QLKH')?.status);
    expect(qlkh).toEqual(['on-time', 'on-time', 'missing']);
    expect(m.submissionMonths[2]!.rows.find((s) => s.unit.code === 'CCTCDLCL')).toMatchObject({
      status: 'on-time',
      period: '2024-06',
      tasksDue: 2,
      tasksReported: 1,
    });
  });

  it('submission order does not matter', () => {
    const shuffled = buildReportModel(input('2024-Q2', [...submissions].reverse(), previous));
    expect(shuffled.groups).toEqual(m.groups);
    expect(shuffled.inputHash).toBe(m.inputHash);
  });

  it('the body says the figures come from the monthly reports', () => {
    const text = m.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'bullets' ? b.items : [])).join('\n');
    expect(text).toContain('Số liệu quý II năm 2024 được tổng hợp từ báo cáo hằng tháng');
    expect(text).toContain('(Số liệu theo báo cáo tháng 05/2024, đơn vị chưa báo cáo các tháng sau.)');
    // Figures from the last month of the period need no note.
    expect(text).not.toContain('(Số liệu theo báo cáo tháng 06/2024');
  });

  it('heads inside the period passed as "previous" are not treated as the previous period', () => {
    const m2 = buildReportModel(input('2024-Q2', [submissions[2]!], [submissions[1]!, ...previous]));
    // May is inside Q2: the delta is against March (20%), not May (45%).
    expect(row(m2, 'I-1')).toMatchObject({ progress: 60, progressDelta: 40 });
  });
});

describe('half year, nine months, year', () => {
  const subs = [
    submitted('QLKH', '2024-02', [report('I-2', { progress: 5 })]),
    submitted('QLKH', '2024-08', [report('I-2', { progress: 70 })]),
    submitted('QLKH', '2024-11', [report('I-2', { status: 'hoan-thanh', progress: 100, completedOn: '2024-11-30' })]),
  ];

  it('H1 sees only January–June', () => {
    const m = buildReportModel(input('2024-H1', subs));
    expect(m.period.window).toEqual({ from: '2023-12-15', to: '2024-06-14' });
    expect(row(m, 'I-2')).toMatchObject({ progress: 5, fromPeriod: '2024-02' });
  });

  it('nine months sees up to September', () => {
    const m = buildReportModel(input('2024-9M', subs));
    expect(m.period.window).toEqual({ from: '2023-12-15', to: '2024-09-14' });
    expect(row(m, 'I-2')).toMatchObject({ progress: 70, fromPeriod: '2024-08' });
  });

  it('the year sees November, every task of the plan is active', () => {
    const m = buildReportModel(input('2024', subs));
    expect(m.period.window).toEqual({ from: '2023-12-15', to: '2024-12-14' });
    expect(row(m, 'I-2')).toMatchObject({ status: 'hoan-thanh-dung-han', fromPeriod: '2024-11' });
    expect(m.totals.total).toBe(6);
    expect(m.appendixTitle).toBe('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2024 CỦA CÁC PHÒNG, ĐƠN VỊ');
  });
});

describe('across the year end', () => {
  function plan2025(): Plan {
    const base = plan2024().tasks[0]!;
    return {
      agencyId: AGENCY,
      year: 2025,
      tasks: [
        { ...base, id: 'A', number: '1', order: 1, finish: { kind: 'month', year: 2025, month: 1 }, start: { kind: 'month', year: 2025, month: 1 } },
        { ...base, id: 'B', number: '2', order: 2, finish: { kind: 'date', date: '2025-01-10' }, start: { kind: 'month', year: 2025, month: 1 } },
        { ...base, id: 'C', number: '3', order: 3, finish: { kind: 'month', year: 2025, month: 2 }, start: { kind: 'month', year: 2025, month: 1 } },
      ],
    };
  }
  const rep = (period: string, progress: number) =>
    submitted('CCTCDLCL', period, [report('A', { progress }), report('B', { progress }), report('C', { progress })]);

  it('January: window 15/12 → 14/1, December is the previous period', () => {
    const m = buildReportModel(input('2025-01', [rep('2025-01', 50)], [rep('2024-12', 20)], plan2025()));
    expect(m.period.window).toEqual({ from: '2024-12-15', to: '2025-01-14' });
    expect(m.period.label).toBe('tháng 1 năm 2025');
    // Deadline end of January (month equal to the period): within time at 14/1.
    expect(row(m, 'A')).toMatchObject({ status: 'chua-hoan-thanh-trong-han', progressDelta: 30, newlyOverdue: false });
    // Deadline 10/1, between the December cut-off (14/12) and January's (14/1): newly overdue.
    expect(row(m, 'B')).toMatchObject({ status: 'chua-hoan-thanh-qua-han', newlyOverdue: true });
  });

  it('Q1: window 15/12 → 14/3, previous quarter is Q4 of last year', () => {
    const m = buildReportModel(input('2025-Q1', [rep('2025-02', 60), rep('2025-03', 70)], [rep('2024-12', 20)], plan2025()));
    expect(m.period.window).toEqual({ from: '2024-12-15', to: '2025-03-14' });
    expect(row(m, 'C')).toMatchObject({ status: 'chua-hoan-thanh-qua-han', newlyOverdue: true, progress: 70, progressDelta: 50, fromPeriod: '2025-03' });
    // A December 2024 head belongs to Q4 2024, not to Q1 even though its window overlaps 15–31/12:
    // A has no report in Q1, and its January deadline has passed.
    const m2 = buildReportModel(input('2025-Q1', [rep('2024-12', 99)], [], plan2025()));
    expect(row(m2, 'A')).toMatchObject({ status: 'chua-hoan-thanh-qua-han', unreported: true });
    expect(row(m2, 'A').progress).toBeUndefined();
  });
});
