// Status table at the edges: deadline vs cut-off vs completion, free-text deadlines, no report.
import { describe, expect, it } from 'vitest';
import { isNewlyOverdue, isPastDeadline, taskStatus } from '../../../functions/core/aggregate/task-status.ts';
import { taskDeadline } from '../../../functions/core/plan.ts';
import { report } from './fixtures.ts';

const MAY_31 = taskDeadline({ finish: { kind: 'month', year: 2024, month: 5 } });

describe('taskStatus', () => {
  it('a month deadline is the last day of that month', () => {
    expect(MAY_31).toBe('2024-05-31');
    expect(taskDeadline({ finish: { kind: 'text', text: 'Theo Kế hoạch 483/KH-UBND' } })).toBeUndefined();
  });

  it('no report is "chưa có báo cáo", whatever the deadline', () => {
    expect(taskStatus({ cutoff: '2024-06-14' })).toBe('chua-co-bao-cao');
    expect(taskStatus({ deadline: '2024-01-31', cutoff: '2024-06-14' })).toBe('chua-co-bao-cao');
  });

  it.each([
    // completedOn, deadline, expected
    ['2024-05-31', '2024-05-31', 'hoan-thanh-dung-han'], // on the deadline day itself
    ['2024-05-30', '2024-05-31', 'hoan-thanh-dung-han'],
    ['2024-06-01', '2024-05-31', 'hoan-thanh-qua-han'], // one day late
  ] as const)('hoàn thành on %s with deadline %s → %s', (completedOn, deadline, expected) => {
    expect(taskStatus({ deadline, cutoff: '2024-06-14', reported: report('t', { status: 'hoan-thanh', progress: 100, completedOn }) })).toBe(expected);
  });

  it('hoàn thành with a free-text deadline is on time', () => {
    expect(taskStatus({ cutoff: '2024-12-14', reported: report('t', { status: 'hoan-thanh', completedOn: '2024-12-01' }) })).toBe('hoan-thanh-dung-han');
  });

  it('without completedOn, the submission day bounds the completion date', () => {
    const done = report('t', { status: 'hoan-thanh', progress: 100 });
    expect(taskStatus({ deadline: '2024-05-31', cutoff: '2024-06-14', reported: done, submittedOn: '2024-05-20' })).toBe('hoan-thanh-dung-han');
    expect(taskStatus({ deadline: '2024-05-31', cutoff: '2024-06-14', reported: done, submittedOn: '2024-06-18' })).toBe('hoan-thanh-qua-han');
    // Nothing known but the cut-off: the cut-off is used.
    expect(taskStatus({ deadline: '2024-06-14', cutoff: '2024-06-14', reported: done })).toBe('hoan-thanh-dung-han');
  });

  it.each([
    // cutoff, deadline, expected for an unfinished task
    ['2024-05-14', '2024-05-31', 'chua-hoan-thanh-trong-han'], // deadline month equal to the period
    ['2024-05-31', '2024-05-31', 'chua-hoan-thanh-trong-han'], // cut-off on the deadline: still within it
    ['2024-06-01', '2024-05-31', 'chua-hoan-thanh-qua-han'],
    ['2024-06-14', '2024-05-31', 'chua-hoan-thanh-qua-han'],
  ] as const)('đang thực hiện at cut-off %s, deadline %s → %s', (cutoff, deadline, expected) => {
    expect(taskStatus({ deadline, cutoff, reported: report('t') })).toBe(expected);
  });

  it('a free-text deadline never makes an unfinished task overdue', () => {
    expect(taskStatus({ cutoff: '2024-12-14', reported: report('t') })).toBe('chua-hoan-thanh-trong-han');
    expect(taskStatus({ cutoff: '2024-12-14', reported: report('t', { status: 'chua-trien-khai', progress: 0 }) })).toBe('chua-trien-khai');
  });

  it('chưa triển khai within the deadline stays "chưa triển khai"; past it, it is overdue', () => {
    const notStarted = report('t', { status: 'chua-trien-khai', progress: 0 });
    expect(taskStatus({ deadline: '2024-05-31', cutoff: '2024-05-14', reported: notStarted })).toBe('chua-trien-khai');
    expect(taskStatus({ deadline: '2024-05-31', cutoff: '2024-06-14', reported: notStarted })).toBe('chua-hoan-thanh-qua-han');
  });

  it('"đề xuất điều chỉnh" counts as not finished', () => {
    const adjust = report('t', { status: 'de-xuat-dieu-chinh', progress: 30 });
    expect(taskStatus({ deadline: '2024-05-31', cutoff: '2024-05-14', reported: adjust })).toBe('chua-hoan-thanh-trong-han');
    expect(taskStatus({ deadline: '2024-05-31', cutoff: '2024-06-14', reported: adjust })).toBe('chua-hoan-thanh-qua-han');
  });
});

describe('newly overdue', () => {
  it('is overdue now and was not at the previous cut-off', () => {
    // Deadline 31/5: May report (cut-off 14/5) in time, June report (14/6) newly overdue, July no longer "new".
    expect(isPastDeadline('2024-05-31', '2024-05-14')).toBe(false);
    expect(isNewlyOverdue('chua-hoan-thanh-qua-han', '2024-05-31', '2024-05-14')).toBe(true);
    expect(isNewlyOverdue('chua-hoan-thanh-qua-han', '2024-05-31', '2024-06-14')).toBe(false);
  });

  it('only unfinished tasks can be newly overdue', () => {
    expect(isNewlyOverdue('hoan-thanh-qua-han', '2024-05-31', '2024-05-14')).toBe(false);
    expect(isNewlyOverdue('chua-co-bao-cao', '2024-05-31', '2024-05-14')).toBe(false);
    expect(isNewlyOverdue('chua-hoan-thanh-qua-han', undefined, '2024-05-14')).toBe(false);
  });
});
