/**
 * The dashboard's months on the memory stores: each month's figures are that month's Director
 * model (built as a compile builds it), December's "next month" is January, the task filters
 * pick the rows behind a number, a unit may not read it, and a task is followed over the months.
 */
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../functions/core/aggregate/build-report-model.ts';
import { filterTasks, nextMonthId } from '../../../functions/core/dashboard.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import { gatherInput } from '../../../functions/usecases/compile-reports.ts';
import { dashboard, directorMonths, taskPage } from '../../../functions/usecases/dashboard.ts';
import { submit } from '../../../functions/usecases/submissions.ts';
import { memoryStores } from '../../support/memory-stores.ts';
import { taskReport } from '../../support/small-plan.ts';

const A = 'dash-unit';
const leader = { sub: 'ld', role: 'lanh-dao' as const, agencyId: A };
const now = new Date('2024-06-03T02:00:00Z');

async function stores() {
  const s = await memoryStores(A);
  const unit = { sub: 'u', role: 'unit' as const, unit: 'QLKH', agencyId: A };
  await submit(
    s,
    unit,
    { period: '2024-02', unit: 'QLKH', baseRevision: 0, data: { reporterName: 'A', otherWork: [], tasks: [taskReport('I-1', 20)] } },
    new Date('2024-02-20T01:00:00Z'),
  );
  await submit(
    s,
    unit,
    {
      period: '2024-05',
      unit: 'QLKH',
      baseRevision: 0,
      data: { reporterName: 'A', otherWork: [], tasks: [{ ...taskReport('I-1', 70), needsDecision: true, proposals: 'Xin ý kiến' }] },
    },
    new Date('2024-05-19T01:00:00Z'),
  );
  return s;
}

describe('the dashboard use case', () => {
  it("gives each month the Director's model a compile of that month builds on the same day", async () => {
    const s = await stores();
    const months = await directorMonths(s, leader, '2024-05', now);
    expect(months.map((m) => m.period.id)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    for (const m of months) {
      const data = await gatherInput(s, A, parsePeriod(m.period.id), '2024-06-03');
      const compiled = buildReportModel({ ...data, audience: 'director', issueDate: '2024-06-03' });
      expect([m.totals, m.byUnit, m.byLeader, m.issues]).toEqual([compiled.totals, compiled.byUnit, compiled.byLeader, compiled.issues]);
    }
    const d = await dashboard(s, leader, '2024-05', now);
    expect(d.totals.total).toBe(2);
    expect(d.awaitingLeaders.map((i) => i.proposals)).toEqual(['Xin ý kiến']);
    expect(filterTasks(d, { unit: 'QLKH' }).map((t) => t.taskId)).toEqual(['I-1']);
    expect(filterTasks(d, { unit: 'TTR', status: 'chua-co-bao-cao' }).map((t) => t.taskId)).toEqual(['I-2']);
    expect(filterTasks(d, { status: 'hoan-thanh-dung-han' })).toEqual([]);
  });

  it('follows a task over the months and refuses a unit or an unknown task', async () => {
    const s = await stores();
    const t = await taskPage(s, leader, '2024-05', 'I-1', now);
    // A month without a report has no figure of its own (the month's report prints none): a gap in the line.
    expect(t.months.map((m) => [m.period, m.progress, m.unreported])).toEqual([
      ['2024-01', undefined, true],
      ['2024-02', 20, false],
      ['2024-03', undefined, true],
      ['2024-04', undefined, true],
      ['2024-05', 70, false],
    ]);
    await expect(taskPage(s, leader, '2024-05', 'I-9', now)).rejects.toMatchObject({ code: 'task_not_found' });
    await expect(dashboard(s, { sub: 'u', role: 'unit', unit: 'QLKH', agencyId: A }, '2024-05', now)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('counts December’s next month in January', () => {
    expect(nextMonthId('2024-12')).toBe('2025-01');
    expect(nextMonthId('2024-09')).toBe('2024-10');
  });
});
