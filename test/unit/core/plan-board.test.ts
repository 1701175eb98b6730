import { describe, expect, it } from 'vitest';
import { activeTasks, formatPlanTime, isTaskActive, taskDeadline, taskIdFromPath, type Plan, type PlanTask } from '../../../functions/core/plan.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import { buildStatusBoard } from '../../../functions/core/status-board.ts';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import type { SubmissionHead } from '../../../functions/core/submission.ts';

const t = (id: string, start: PlanTask['start'], finish: PlanTask['finish'], leadUnit = 'QLKH'): PlanTask => ({
  id,
  number: id,
  group: { numeral: 'I', title: 'X' },
  category: 'ke-hoach',
  content: id,
  leadUnit,
  coordinatingUnits: [],
  milestones: [],
  order: Number(id.replace(/\D/g, '')) || 0,
  ...(start ? { start } : {}),
  ...(finish ? { finish } : {}),
});
const m = (month: number) => ({ kind: 'month' as const, year: 2024, month });

describe('tasks in a period', () => {
  it('is active when its months overlap the period; free text spans the plan year', () => {
    const may = parsePeriod('2024-05');
    expect(isTaskActive(t('1', m(2), m(11)), 2024, may)).toBe(true);
    expect(isTaskActive(t('2', m(6), m(11)), 2024, may)).toBe(false);
    expect(isTaskActive(t('3', m(1), m(4)), 2024, may)).toBe(false);
    expect(isTaskActive(t('4', undefined, { kind: 'text', text: 'Theo Kế hoạch 483/KH-UBND' }), 2024, may)).toBe(true);
    expect(isTaskActive(t('5', m(4), m(6)), 2024, parsePeriod('2024-Q2'))).toBe(true);
    const plan: Plan = { agencyId: 'a', year: 2024, tasks: [t('9', m(5), m(5)), t('1', m(1), m(12)), t('2', m(6), m(7))] };
    expect(activeTasks(plan, may).map((x) => x.id)).toEqual(['1', '9']);
  });
  it('computes deadlines and labels', () => {
    expect(taskDeadline({ finish: m(2) })).toBe('2024-02-29');
    expect(taskDeadline({ finish: { kind: 'date', date: '2024-11-15' } })).toBe('2024-11-15');
    expect(taskDeadline({ finish: { kind: 'text', text: 'Sau khi GPI được công bố' } })).toBeUndefined();
    expect(formatPlanTime(m(4))).toBe('Tháng 04/2024');
    expect(taskIdFromPath(['II', '2.2', '1'])).toBe('II-2-2-1');
  });
});

describe('status board', () => {
  const profile = {
    units: [
      { code: 'QLKH', name: 'Phòng QLKH', kind: 'phong' },
      { code: 'TTR', name: 'Thanh tra', kind: 'thanh-tra' },
      { code: 'VP', name: 'Văn phòng', kind: 'van-phong' },
      { code: 'KT', name: 'Không nhiệm vụ', kind: 'khac' },
    ],
  } as AgencyProfile;
  const head = (unit: string, over: Partial<SubmissionHead>): SubmissionHead => ({
    agencyId: 'a',
    period: '2024-05',
    unit,
    state: 'submitted',
    revision: 1,
    updatedAt: 'x',
    ...over,
  });
  it('shows each unit on time / late / draft / missing, with reported counts and overdue tasks', () => {
    const board = buildStatusBoard({
      profile,
      period: '2024-05',
      deadline: '2024-05-20',
      today: '2024-05-25',
      readAt: new Date('2024-05-25T03:00:00.000Z'),
      asOf: '2024-05-20',
      dueByUnit: new Map([
        ['QLKH', [t('1', m(1), m(4)), t('2', m(1), m(12))]],
        ['TTR', [t('3', m(1), m(12), 'TTR')]],
        ['VP', [t('4', m(1), m(12), 'VP')]],
      ]),
      previousReports: new Map(),
      heads: [
        head('QLKH', {
          onTime: true,
          submittedAt: '2024-05-17T02:00:00Z',
          data: {
            reporterName: 'N',
            otherWork: [],
            tasks: [{ taskId: '2', status: 'dang-thuc-hien', progress: 40, result: 'x', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' }],
          },
        }),
        head('TTR', {
          state: 'draft',
          revision: 0,
          draft: { data: { reporterName: '', otherWork: [], tasks: [] }, savedAt: '2024-05-19T00:00:00Z', savedBy: 'u' },
        }),
      ],
    });
    expect(board.rows.map((r) => [r.unit.code, r.status, r.tasksReported, r.tasksDue])).toEqual([
      ['QLKH', 'on-time', 1, 2],
      ['TTR', 'draft-only', 0, 1],
      ['VP', 'missing', 0, 1],
    ]);
    expect(board.rows[0]!.overdue.map((o) => o.taskId)).toEqual(['1']);
    expect(board.summary).toEqual({ 'on-time': 1, late: 0, 'draft-only': 1, missing: 1, units: 3 });
    expect(board.deadlinePassed).toBe(true);
  });
});
