/**
 * The form's own part of the checks (templates/web/client/form-check.ts): what only the form can
 * hold (an empty or fractional progress box), what it sends, and where a server error lands. The
 * rules themselves are the server's (core/submission-rules.ts), imported, not copied; a few cases
 * check that the form's wrapper gives exactly the server's answer.
 */
import { describe, expect, it } from 'vitest';
import type { PlanTask, PlanTime } from '../../../functions/core/plan.ts';
import { checkSubmissionRules } from '../../../functions/core/submission-rules.ts';
import type { SubmissionData, TaskReport } from '../../../functions/core/submission.ts';
import { checkSubmission, localToday, parseFieldPath, toSubmissionData, type FormRuleContext } from '../../../templates/web/client/form-check.ts';

const task = (id: string, finish?: PlanTime): PlanTask => ({
  id,
  number: id,
  group: { numeral: 'I', title: 'Nhiệm vụ trọng tâm' },
  category: 'ke-hoach',
  content: `Nhiệm vụ ${id}`,
  leadUnit: 'QLKH',
  coordinatingUnits: [],
  ...(finish ? { finish } : {}),
  milestones: [],
  order: 1,
});

const TASKS = [
  task('A', { kind: 'month', year: 2024, month: 5 }),
  task('B', { kind: 'date', date: '2024-06-10' }),
  {
    ...task('C', { kind: 'text', text: 'Theo Kế hoạch 483/KH-UBND' }),
    // Seed 004's I-2 target in two parts: one box each.
    milestones: [
      { text: 'Nghiệm thu nhiệm vụ', product: { text: '20 nhiệm vụ', quantity: 20, measure: 'nhiệm vụ' } },
      { text: 'Tổ chức hội nghị chuyển giao', product: { text: '05 hội nghị', quantity: 5, measure: 'hội nghị' } },
    ],
  },
];
const PREVIOUS: Record<string, TaskReport> = {
  A: { taskId: 'A', status: 'dang-thuc-hien', progress: 60, result: 'x', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' },
};
const TODAY = '2024-06-18';
const ctx: FormRuleContext = { tasks: Object.fromEntries(TASKS.map((t) => [t.id, t])), previous: PREVIOUS, today: TODAY };

const report = (taskId: string, over: Partial<TaskReport> = {}): TaskReport => ({
  taskId,
  status: 'dang-thuc-hien',
  progress: 70,
  result: 'Đã tổ chức hội đồng.',
  difficulties: '',
  proposals: '',
  needsDecision: false,
  nextPlan: '',
  ...over,
});

const server = (data: SubmissionData, final: boolean) =>
  checkSubmissionRules(data, { dueTasks: TASKS, previous: new Map(Object.entries(PREVIOUS)), today: TODAY }, { final });

describe('the form’s checks', () => {
  const cases: [string, TaskReport[], string][] = [
    ['a consistent report', [report('A'), report('B'), report('C')], 'Nga'],
    ['progress fell without a reason', [report('A', { progress: 40 })], 'Nga'],
    ['finished after the deadline, late and not 100%', [report('A', { status: 'hoan-thanh', progress: 50, completedOn: '2024-06-03', result: '' })], ''],
    ['not started but with progress', [report('C', { status: 'chua-trien-khai', progress: 10, result: '' })], 'Nga'],
    ['no task at all', [], '\u3164'],
  ];
  for (const [name, tasks, reporterName] of cases) {
    for (const final of [true, false]) {
      it(`give the server's answer: ${name} (${final ? 'submit' : 'draft'})`, () => {
        const data: SubmissionData = { tasks, otherWork: [], reporterName };
        expect(checkSubmission(data, ctx, { final })).toEqual(server(data, final));
      });
    }
  }

  it('catch what only the form can hold: empty, fractional or out-of-range progress, a negative product part named by its measure', () => {
    const data = {
      tasks: [
        { ...report('A'), progress: null },
        { ...report('B'), progress: 150, productReached: -2 },
        { ...report('C'), progress: 12.5, productReached: [3, -1] },
      ],
      otherWork: [],
      reporterName: 'Nga',
    };
    expect(checkSubmission(data, ctx, { final: true })).toEqual([
      { field: 'tasks.0.progress', message: 'Hãy nhập tiến độ: một số nguyên từ 0 đến 100.' },
      { field: 'tasks.1.progress', message: 'Tiến độ từ 0 đến 100.' },
      { field: 'tasks.1.productReached.0', message: 'Sản phẩm đạt được phải là số không âm.' },
      { field: 'tasks.2.progress', message: 'Tiến độ là số nguyên.' },
      { field: 'tasks.2.productReached.1', message: 'Sản phẩm đạt được (hội nghị) phải là số không âm.' },
    ]);
  });

  it('count other work in characters, as the API does', () => {
    const data = {
      tasks: [report('C')],
      otherWork: [
        { kind: 'dot-xuat', text: '😀'.repeat(2000) },
        { kind: 'dot-xuat', text: 'x'.repeat(2001) },
      ],
      reporterName: 'Nga',
    };
    expect(checkSubmission(data, ctx, { final: false })).toEqual([{ field: 'otherWork.1.text', message: 'Nội dung công việc dài quá 2000 ký tự.' }]);
  });

  it("take today's date in Viet Nam, not UTC", () => {
    expect(localToday(new Date('2024-06-18T18:30:00Z'))).toBe('2024-06-19');
    expect(localToday(new Date('2024-06-18T16:59:00Z'))).toBe('2024-06-18');
  });
});

describe('what the form sends', () => {
  it('sends a completion date only for finished tasks, a reason only when needed, no empty other-work rows', () => {
    const form = {
      reporterName: 'Nguyễn Thị Nga',
      otherWork: [
        { kind: 'thuong-xuyen', text: 'Thẩm định 04 thuyết minh.' },
        { kind: 'dot-xuat', text: '   ' },
      ],
      tasks: [
        { ...report('A', { progress: 65, reason: 'gõ nhầm trước đó' }), completedOn: '2024-06-01' },
        // A copy kept on this machine before the boxes were split: one number.
        { ...report('B', { progress: 10, reason: 'Thay đổi phạm vi.' }), productReached: 3 },
        { ...report('C', { status: 'hoan-thanh', progress: 100, completedOn: '2024-06-05' }), productReached: [null, null] },
      ],
    };
    const data = toSubmissionData(form, { ...ctx, previous: { ...PREVIOUS, B: { progress: 20 } } });
    expect(data.otherWork).toEqual([{ kind: 'thuong-xuyen', text: 'Thẩm định 04 thuyết minh.' }]);
    expect(data.tasks[0]).not.toHaveProperty('completedOn');
    expect(data.tasks[0]).not.toHaveProperty('reason');
    expect(data.tasks[1]).toMatchObject({ reason: 'Thay đổi phạm vi.', productReached: [3] });
    expect(data.tasks[2]).toMatchObject({ completedOn: '2024-06-05' });
    expect(data.tasks[2]).not.toHaveProperty('productReached');
  });

  it('sends one number per product box, null for a box left empty or not a number', () => {
    const form = {
      reporterName: 'Nga',
      otherWork: [],
      tasks: [
        { ...report('C'), productReached: [null, 2] },
        { ...report('A'), productReached: [18, Number.NaN] },
      ],
    };
    const data = toSubmissionData(form, ctx);
    expect(data.tasks[0]!.productReached).toEqual([null, 2]);
    expect(data.tasks[1]!.productReached).toEqual([18]);
  });

  it('reads the server field paths back to the place in the form', () => {
    expect(parseFieldPath('data.tasks.2.productReached.1')).toEqual({ kind: 'task', index: 2, field: 'productReached.1' });
    expect(parseFieldPath('data.tasks.3.reason')).toEqual({ kind: 'task', index: 3, field: 'reason' });
    expect(parseFieldPath('data.otherWork.1.text')).toEqual({ kind: 'otherWork', index: 1, field: 'text' });
    expect(parseFieldPath('data.reporterName')).toEqual({ kind: 'reporterName' });
    expect(parseFieldPath('period')).toEqual({ kind: 'period' });
    expect(parseFieldPath('(body)')).toEqual({ kind: 'other' });
  });
});
