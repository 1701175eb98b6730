/**
 * The form's client-side rules (templates/web/form-rules.js) against the server's
 * (core/submission-rules.ts): the same input must give the same fields and messages, so the
 * instant feedback never contradicts what the server later says.
 */
import { describe, expect, it } from 'vitest';
import { checkSubmissionRules } from '../../../functions/core/submission-rules.ts';
import { formatPlanTime as coreFormatPlanTime, taskDeadline as coreTaskDeadline, type PlanTask, type PlanTime } from '../../../functions/core/plan.ts';
import { REPORTED_STATUSES, REPORTED_STATUS_LABELS, type ReportedStatus, type SubmissionData, type TaskReport } from '../../../functions/core/submission.ts';
import {
  STATUS_LABELS,
  checkSubmission,
  formatPlanTime,
  localToday,
  parseFieldPath,
  taskDeadline,
  toSubmissionData,
  type FormRuleContext,
} from '../../../templates/web/form-rules.js';

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

const TASKS = [task('A', { kind: 'month', year: 2024, month: 5 }), task('B', { kind: 'date', date: '2024-06-10' }), task('C', { kind: 'text', text: 'Theo Kế hoạch 483/KH-UBND' })];
const PREVIOUS: Record<string, TaskReport> = {
  A: { taskId: 'A', status: 'dang-thuc-hien', progress: 60, result: 'x', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' },
  B: { taskId: 'B', status: 'dang-thuc-hien', progress: 20, result: 'x', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' },
};
const TODAY = '2024-06-18';

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

const clientCtx: FormRuleContext = {
  tasks: Object.fromEntries(TASKS.map((t) => [t.id, t])),
  previous: PREVIOUS,
  today: TODAY,
};

function server(data: SubmissionData, final: boolean) {
  return checkSubmissionRules(data, { dueTasks: TASKS, previous: new Map(Object.entries(PREVIOUS)), today: TODAY }, { final });
}

/** Reports that exercise every rule, alone and together; the flag says whether a submit is valid. */
const CASES: [string, TaskReport[], string, boolean][] = [
  ['a consistent report', [report('A'), report('B'), report('C')], 'Nga', true],
  ['progress fell without a reason', [report('A', { progress: 40 })], 'Nga', false],
  ['progress fell with a reason', [report('A', { progress: 40, reason: 'Điều chỉnh lại cách tính.' })], 'Nga', true],
  ['finished after the deadline, no reason', [report('A', { status: 'hoan-thanh', progress: 100, completedOn: '2024-06-03' })], 'Nga', false],
  ['finished on time', [report('B', { status: 'hoan-thanh', progress: 100, completedOn: '2024-06-10' })], 'Nga', true],
  ['finished but not 100%, no date', [report('B', { status: 'hoan-thanh', progress: 90 })], 'Nga', false],
  ['finished in the future', [report('B', { status: 'hoan-thanh', progress: 100, completedOn: '2024-06-30' })], 'Nga', false],
  ['a date on an unfinished task', [report('C', { completedOn: '2024-06-01' })], 'Nga', false],
  ['not started but with progress', [report('C', { status: 'chua-trien-khai', progress: 10, result: '' })], 'Nga', false],
  ['not started, no result needed', [report('C', { status: 'chua-trien-khai', progress: 0, result: '' })], 'Nga', true],
  ['no result, no reporter', [report('A', { result: '' }), report('C', { status: 'de-xuat-dieu-chinh', result: '' })], '', false],
  ['a text deadline never needs a late reason', [report('C', { status: 'hoan-thanh', progress: 100, completedOn: '2024-06-15' })], 'Nga', true],
  ['several problems in one task', [report('A', { status: 'hoan-thanh', progress: 50, result: '' })], '', false],
  ['a reporter name of Hangul fillers', [report('C')], '\u3164\u3164\u3164', false],
  ['a reporter name of Braille blanks', [report('C')], '\u2800\u2800', false],
  ['a reporter name of zero-width spaces and dots', [report('C')], '\u200B.\u200B.', false],
  ['a result of dashes, a reason of spaces', [report('A', { result: '---', progress: 40, reason: '\u3000' })], 'Nga', false],
  ['a one-letter name and a number for a result', [report('C', { result: '3' })], 'A', true],
  ['no task at all, while the unit has three', [], 'Nga', false],
];

describe('client rules agree with the server rules', () => {
  for (const [name, tasks, reporterName, valid] of CASES) {
    for (const final of [true, false]) {
      it(`${name} (${final ? 'submit' : 'draft'})`, () => {
        const data: SubmissionData = { tasks, otherWork: [], reporterName };
        const client = checkSubmission(data, clientCtx, { final });
        const expected = server(data, final);
        expect(client).toEqual(expected);
        if (final) expect(client.length === 0).toBe(valid);
      });
    }
  }

  it('words the fall in progress with both figures, like the server', () => {
    const data: SubmissionData = { tasks: [report('A', { progress: 40 })], otherWork: [], reporterName: 'Nga' };
    expect(checkSubmission(data, clientCtx, { final: true })).toEqual([{ field: 'tasks.0.reason', message: 'Tiến độ giảm từ 60% xuống 40%: hãy ghi ngắn gọn lý do.' }]);
  });

  it('catches what only the form can hold: empty, fractional or out-of-range progress', () => {
    const data = { tasks: [{ ...report('A'), progress: null }, { ...report('B'), progress: 150 }, { ...report('C'), progress: 12.5 }], otherWork: [], reporterName: 'Nga' };
    expect(checkSubmission(data, clientCtx, { final: true })).toEqual([
      { field: 'tasks.0.progress', message: 'Hãy nhập tiến độ: một số nguyên từ 0 đến 100.' },
      { field: 'tasks.1.progress', message: 'Tiến độ từ 0 đến 100.' },
      { field: 'tasks.2.progress', message: 'Tiến độ là số nguyên.' },
    ]);
  });

  it('uses the same status labels as the core', () => {
    expect(STATUS_LABELS).toEqual(REPORTED_STATUS_LABELS);
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...REPORTED_STATUSES].sort() as ReportedStatus[]);
  });

  it('formats plan times and deadlines like the core', () => {
    const times: (PlanTime | undefined)[] = [undefined, { kind: 'month', year: 2024, month: 2 }, { kind: 'month', year: 2023, month: 12 }, { kind: 'date', date: '2024-11-30' }, { kind: 'text', text: 'Quý III/2024' }];
    for (const t of times) {
      expect(formatPlanTime(t)).toBe(coreFormatPlanTime(t));
      expect(taskDeadline(t ? { finish: t } : {})).toBe(coreTaskDeadline(t ? { finish: t } : {}));
    }
    expect(taskDeadline({ finish: { kind: 'month', year: 2024, month: 2 } })).toBe('2024-02-29');
  });

  it("takes today's date in Viet Nam, not UTC", () => {
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
        { ...report('B', { progress: 10, reason: 'Thay đổi phạm vi.' }), productReached: 3 },
        { ...report('C', { status: 'hoan-thanh', progress: 100, completedOn: '2024-06-05' }), productReached: null },
      ],
    };
    const data = toSubmissionData(form, clientCtx);
    expect(data.otherWork).toEqual([{ kind: 'thuong-xuyen', text: 'Thẩm định 04 thuyết minh.' }]);
    expect(data.tasks[0]).not.toHaveProperty('completedOn');
    expect(data.tasks[0]).not.toHaveProperty('reason');
    expect(data.tasks[1]).toMatchObject({ reason: 'Thay đổi phạm vi.', productReached: 3 });
    expect(data.tasks[2]).toMatchObject({ completedOn: '2024-06-05' });
    expect(data.tasks[2]).not.toHaveProperty('productReached');
    // And the server accepts it.
    expect(server(data, true)).toEqual([]);
  });

  it('reads the server field paths back to the place in the form', () => {
    expect(parseFieldPath('data.tasks.3.reason')).toEqual({ kind: 'task', index: 3, field: 'reason' });
    expect(parseFieldPath('data.otherWork.1.text')).toEqual({ kind: 'otherWork', index: 1, field: 'text' });
    expect(parseFieldPath('data.reporterName')).toEqual({ kind: 'reporterName' });
    expect(parseFieldPath('period')).toEqual({ kind: 'period' });
    expect(parseFieldPath('(body)')).toEqual({ kind: 'other' });
  });
});
