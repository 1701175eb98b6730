import { describe, expect, it } from 'vitest';
import { checkReportDates, checkSubmissionRules, reasonNeeded } from '../../../functions/core/submission-rules.ts';
import type { PlanTask } from '../../../functions/core/plan.ts';
import type { TaskReport } from '../../../functions/core/submission.ts';

const task = (id: string, finishMonth: number): PlanTask => ({
  id,
  number: id,
  group: { numeral: 'I', title: 'X' },
  category: 'ke-hoach',
  content: `Nhiệm vụ ${id}`,
  leadUnit: 'QLKH',
  coordinatingUnits: [],
  finish: { kind: 'month', year: 2024, month: finishMonth },
  milestones: [],
  order: 1,
});
const r = (taskId: string, over: Partial<TaskReport> = {}): TaskReport => ({
  taskId,
  status: 'dang-thuc-hien',
  progress: 50,
  result: 'Đã làm',
  difficulties: '',
  proposals: '',
  needsDecision: false,
  nextPlan: '',
  ...over,
});
const ctx = (previous: [string, TaskReport][] = []) => ({ dueTasks: [task('A', 6), task('B', 12)], previous: new Map(previous), today: '2024-07-10' });

describe('submission rules', () => {
  it('accepts a complete, consistent report', () => {
    expect(
      checkSubmissionRules(
        { reporterName: 'Nga', otherWork: [], tasks: [r('A'), r('B', { status: 'hoan-thanh', progress: 100, completedOn: '2024-07-01' })] },
        ctx(),
        { final: true },
      ),
    ).toEqual([]);
  });

  it('refuses tasks the unit does not own, and duplicates', () => {
    const errs = checkSubmissionRules({ reporterName: 'Nga', otherWork: [], tasks: [r('Z'), r('A'), r('A')] }, ctx(), { final: true });
    expect(errs.map((e) => e.field)).toEqual(['tasks.0.taskId', 'tasks.2.taskId']);
  });

  it('asks for a reason when progress falls or a task is finished after its deadline', () => {
    const fell = checkSubmissionRules({ reporterName: 'Nga', otherWork: [], tasks: [r('A', { progress: 30 })] }, ctx([['A', r('A', { progress: 40 })]]), {
      final: true,
    });
    expect(fell).toEqual([{ field: 'tasks.0.reason', message: expect.stringContaining('40% xuống 30%') }]);
    const late = checkSubmissionRules(
      { reporterName: 'Nga', otherWork: [], tasks: [r('A', { status: 'hoan-thanh', progress: 100, completedOn: '2024-07-02' })] },
      ctx(),
      { final: true },
    );
    expect(late.map((e) => e.field)).toEqual(['tasks.0.reason']);
    const withReason = checkSubmissionRules(
      {
        reporterName: 'Nga',
        otherWork: [],
        tasks: [r('A', { status: 'hoan-thanh', progress: 100, completedOn: '2024-07-02', reason: 'Chờ ý kiến Sở Tài chính' })],
      },
      ctx(),
      { final: true },
    );
    expect(withReason).toEqual([]);
    expect(reasonNeeded({ status: 'hoan-thanh', progress: 100, completedOn: '2024-06-30' }, task('A', 6))).toBeUndefined();
    expect(reasonNeeded({ status: 'hoan-thanh', progress: 100, completedOn: '2024-07-01' }, task('A', 6))).toBe('late-finish');
  });

  it('keeps status, progress and completion date consistent', () => {
    const errs = checkSubmissionRules(
      {
        reporterName: '',
        otherWork: [],
        tasks: [r('A', { status: 'hoan-thanh', progress: 90 }), r('B', { status: 'chua-trien-khai', progress: 10, completedOn: '2024-07-01' })],
      },
      ctx(),
      { final: true },
    );
    expect(errs.map((e) => e.field).sort()).toEqual(['reporterName', 'tasks.0.completedOn', 'tasks.0.progress', 'tasks.1.completedOn', 'tasks.1.progress']);
    expect(checkSubmissionRules({ reporterName: '', otherWork: [], tasks: [r('A', { result: '' })] }, ctx(), { final: false })).toEqual([]);
  });
});

describe('an empty report', () => {
  it('is not a submission while the unit has tasks in the period; a draft may be empty', () => {
    const empty = { reporterName: 'Nga', otherWork: [], tasks: [] };
    expect(checkSubmissionRules(empty, ctx(), { final: true })).toEqual([
      { field: 'tasks', message: 'Báo cáo chưa có nhiệm vụ nào: hãy báo cáo tình hình các nhiệm vụ của đơn vị trong kỳ (2 nhiệm vụ).' },
    ]);
    expect(checkSubmissionRules(empty, ctx(), { final: false })).toEqual([]);
    // A unit with nothing due this month reports its other work only.
    expect(checkSubmissionRules(empty, { ...ctx(), dueTasks: [] }, { final: true })).toEqual([]);
  });
});

describe('dates a unit types', () => {
  const dated = (...dates: string[]) => ({
    reporterName: 'Nga',
    otherWork: [],
    tasks: dates.map((d, i) => r(`T${i}`, { status: 'hoan-thanh', progress: 100, completedOn: d })),
  });

  it('must exist on the calendar', () => {
    const errs = checkReportDates(dated('2024-02-30', '2024-11-31', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-06-00'), 2024);
    expect(errs.map((e) => e.field)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `tasks.${i}.completedOn`));
    expect(errs[0]!.message).toBe('Ngày hoàn thành 30/02/2024 không có trên lịch: tháng 2/2024 có 29 ngày.');
    expect(errs[1]!.message).toBe('Ngày hoàn thành 31/11/2024 không có trên lịch: tháng 11/2024 có 30 ngày.');
    expect(errs[2]!.message).toContain('tháng 2/2023 có 28 ngày');
    expect(errs[4]!.message).toBe('Ngày hoàn thành 01/13/2024 không có trên lịch: tháng phải từ 01 đến 12.');
  });

  it("must fall in the plan's year, one year either side", () => {
    expect(checkReportDates(dated('2024-02-29', '2023-01-01', '2025-12-31', '2024-12-31'), 2024)).toEqual([]);
    const errs = checkReportDates(dated('1900-01-01', '2022-12-31', '2026-01-01', '9999-12-31', '0000-01-01'), 2024);
    expect(errs).toHaveLength(5);
    expect(errs[0]!.message).toBe('Ngày hoàn thành 01/01/1900 nằm ngoài kế hoạch năm 2024: chỉ nhận từ 01/01/2023 đến 31/12/2025.');
  });

  it('are not asked of a task without one', () => {
    expect(checkReportDates({ reporterName: 'Nga', otherWork: [], tasks: [r('A')] }, 2024)).toEqual([]);
  });
});
