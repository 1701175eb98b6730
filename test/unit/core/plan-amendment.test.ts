/**
 * Deadline amendments: the deadline in force for a period is the latest decision dated by the
 * period's end; a period before the decision keeps the plan's. Reports (one model → PDF and Excel)
 * cite the decision; the import's diff and the carried amendments.
 * flow: test --> plan-amendment, plan-diff, build-report-model, renderers
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../functions/core/aggregate/build-report-model.ts';
import { parsePeriod } from '../../../functions/core/period.ts';
import {
  amendmentEffects,
  amendmentInForce,
  deadlineText,
  effectiveFinish,
  periodEnd,
  planForPeriod,
  taskForPeriod,
} from '../../../functions/core/plan-amendment.ts';
import { carryAmendments, diffPlans, isEmptyDiff } from '../../../functions/core/plan-diff.ts';
import { isTaskActive, taskDeadline, type DeadlineAmendment, type Plan, type PlanTask } from '../../../functions/core/plan.ts';
import { buildStatusBoard } from '../../../functions/core/status-board.ts';
import { renderPdf } from '../../../templates/pdf/render-pdf.ts';
import { renderXlsx } from '../../../templates/excel/render-xlsx.ts';
import { planTask } from '../../support/plan-task.ts';
import { juneInput, profile2024, report, submitted } from '../aggregate/fixtures.ts';
import { arrayBuffer } from '../renderers/xlsx-read.ts';

const amendment = (deadline: string, date: string, number = '123/QĐ-SKHCN', reason = 'Chờ kinh phí bổ sung'): DeadlineAmendment => ({
  deadline,
  decision: { number, date, reason },
  recordedAt: `${date}T03:00:00.000Z`,
  recordedBy: 'Nguyễn Thị Hoa (u-1)',
});

/** Due by June 2024, extended to 30/9 by a decision of 01/07/2024. */
function juneTask(...amendments: DeadlineAmendment[]): PlanTask {
  return { ...planTask(1, 'QLKH'), start: { kind: 'month', year: 2024, month: 3 }, finish: { kind: 'month', year: 2024, month: 6 }, amendments };
}

describe('the deadline in force', () => {
  it('is the plan’s before the decision and the amended one from the period that holds the decision on', () => {
    const t = juneTask(amendment('2024-09-30', '2024-07-01'));
    expect(periodEnd(parsePeriod('2024-06'))).toBe('2024-06-30');
    expect(taskDeadline(taskForPeriod(t, parsePeriod('2024-06')))).toBe('2024-06-30');
    expect(taskDeadline(taskForPeriod(t, parsePeriod('2024-07')))).toBe('2024-09-30');
    // A quarter ending after the decision (Q3), or the year, sees the amendment; the first half does not.
    expect(taskDeadline(taskForPeriod(t, parsePeriod('2024-Q3')))).toBe('2024-09-30');
    expect(taskDeadline(taskForPeriod(t, parsePeriod('2024-H1')))).toBe('2024-06-30');
    expect(taskDeadline(taskForPeriod(t, parsePeriod('2024')))).toBe('2024-09-30');
  });

  it('is the latest decision dated by the period’s end, whatever order they were recorded in', () => {
    const t = juneTask(amendment('2024-12-31', '2024-10-15', '200/QĐ-SKHCN'), amendment('2024-09-30', '2024-07-01'));
    expect(amendmentInForce(t, '2024-09-30')?.decision.number).toBe('123/QĐ-SKHCN');
    expect(amendmentInForce(t, '2024-10-31')?.decision.number).toBe('200/QĐ-SKHCN');
    expect(amendmentInForce(t, '2024-06-30')).toBeUndefined();
    expect(effectiveFinish(t, '2024-10-31')).toEqual({ kind: 'date', date: '2024-12-31' });
  });

  it('keeps a task active in the months its extension adds', () => {
    const t = juneTask(amendment('2024-09-30', '2024-07-01'));
    expect(isTaskActive(t, 2024, parsePeriod('2024-08'))).toBe(false);
    expect(isTaskActive(taskForPeriod(t, parsePeriod('2024-08')), 2024, parsePeriod('2024-08'))).toBe(true);
  });

  it('resolving again for another period starts from the plan’s own deadline', () => {
    const t = juneTask(amendment('2024-09-30', '2024-07-01'));
    const july = taskForPeriod(t, parsePeriod('2024-07'));
    expect(july.plannedFinish).toEqual({ kind: 'month', year: 2024, month: 6 });
    const june = taskForPeriod(july, parsePeriod('2024-06'));
    expect(june.finish).toEqual({ kind: 'month', year: 2024, month: 6 });
    expect(june.amendedBy).toBeUndefined();
    expect(deadlineText(june)).toBe('Tháng 06/2024');
    expect(deadlineText(july)).toBe('30/09/2024 (gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 01/07/2024; lý do: Chờ kinh phí bổ sung)');
  });

  it('the status board judges overdue on the deadline in force', () => {
    const t = juneTask(amendment('2024-09-30', '2024-07-01'));
    const board = (period: string, task: PlanTask) =>
      buildStatusBoard({
        profile: profile2024(),
        period,
        deadline: `${period}-20`,
        today: `${period}-25`,
        readAt: new Date(`${period}-25T03:00:00Z`),
        asOf: `${period}-25`,
        dueByUnit: new Map([['QLKH', [task]]]),
        previousReports: new Map([[t.id, report(t.id, { progress: 50 })]]),
        heads: [],
      }).rows.find((r) => r.unit.code === 'QLKH')!.overdue;
    // Without the amendment the task would be overdue in July; with it, it is not.
    expect(board('2024-07', { ...t, amendments: [] })).toHaveLength(1);
    expect(board('2024-07', taskForPeriod(t, parsePeriod('2024-07')))).toHaveLength(0);
  });

  it('a preview lists the months the decision changes, with the status before and after', () => {
    const t = juneTask();
    const effects = amendmentEffects({
      task: t,
      amendment: amendment('2024-09-30', '2024-07-01'),
      planYear: 2024,
      cutoffOf: (p) => `${p.id}-14`,
      reportAsOf: () => report(t.id, { progress: 50 }),
    });
    expect(effects.map((e) => e.period)).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(effects[0]).toMatchObject({ deadlineBefore: 'Tháng 06/2024', statusBefore: 'chua-hoan-thanh-qua-han', statusAfter: 'chua-hoan-thanh-trong-han' });
    expect(effects[3]).toMatchObject({ statusBefore: 'chua-hoan-thanh-qua-han', statusAfter: 'chua-hoan-thanh-qua-han' });
  });
});

describe('reports cite the decision', () => {
  /** June's fixture: I-3 (QLKHCNCS, due June, 80%) extended to 30/9 by a decision of 20/06/2024. */
  function juneModel(decisionDate: string) {
    const input = juneInput('ubnd');
    const plan: Plan = {
      ...input.plan!,
      tasks: input.plan!.tasks.map((t) =>
        t.id === 'I-3' ? { ...t, amendments: [amendment('2024-09-30', decisionDate, '123/QĐ-SKHCN', 'Chờ ý kiến thẩm định')] } : t,
      ),
    };
    return buildReportModel({ ...input, plan });
  }
  const row = (m: ReturnType<typeof juneModel>) => m.groups.flatMap((g) => g.rows).find((r) => r.taskId === 'I-3')!;
  const CITATION = '30/09/2024 (gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 20/06/2024; lý do: Chờ ý kiến thẩm định)';

  it('the month of the decision prints the new deadline with it; a decision after the month leaves the plan’s', () => {
    const m = juneModel('2024-06-20');
    expect(row(m)).toMatchObject({ deadline: '2024-09-30', deadlineText: CITATION, deadlineAmendment: { number: '123/QĐ-SKHCN', date: '2024-06-20' } });
    expect(m.body.map((b) => ('text' in b ? b.text : 'items' in b ? b.items.join(' ') : '')).join(' ')).toContain(
      'Thời hạn hoàn thành: 30/09/2024 (gia hạn theo Quyết định số 123/QĐ-SKHCN',
    );
    const later = row(juneModel('2024-07-02'));
    expect(later.deadlineText).toBe('Tháng 06/2024');
    expect(later.deadlineAmendment).toBeUndefined();
  });

  it('the PDF (pdftotext) and the Excel appendix both print it', async () => {
    const m = juneModel('2024-06-20');
    const dir = mkdtempSync(join(tmpdir(), 'amend-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, await renderPdf(m));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
      expect(text).toContain('gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 20/06/2024; lý do: Chờ ý kiến thẩm định');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(await renderXlsx(m)));
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? '')))));
    expect(cells).toContain(CITATION);
  });

  it('a plan resolved for a period is what the report reads (the stored plan keeps only the history)', () => {
    const input = juneInput();
    const plan = { ...input.plan!, tasks: input.plan!.tasks.map((t) => (t.id === 'I-3' ? { ...t, amendments: [amendment('2024-09-30', '2024-06-20')] } : t)) };
    const resolved = planForPeriod(plan, parsePeriod('2024-06'));
    expect(resolved.tasks.find((t) => t.id === 'I-3')!.finish).toEqual({ kind: 'date', date: '2024-09-30' });
    expect(plan.tasks.find((t) => t.id === 'I-3')!.finish).toEqual({ kind: 'month', year: 2024, month: 6 });
    // The status follows: 80% with a deadline in September is on track at the July cut-off.
    const july = buildReportModel({
      ...input,
      plan,
      period: parsePeriod('2024-07'),
      issueDate: '2024-07-21',
      submissions: [submitted('QLKHCNCS', '2024-07', [report('I-3', { progress: 85, result: 'Đang hoàn thiện' })])],
      previousSubmissions: input.submissions,
    });
    expect(july.groups.flatMap((g) => g.rows).find((r) => r.taskId === 'I-3')!.status).toBe('chua-hoan-thanh-trong-han');
  });
});

describe('the import’s diff', () => {
  const plan = (tasks: PlanTask[]): Plan => ({ agencyId: 'a', year: 2024, tasks });
  it('says what is added, changed field by field and removed; the same plan is no change', () => {
    const before = plan([planTask(1, 'QLKH'), planTask(2, 'QLKH'), { ...planTask(3, 'TTR'), amendments: [amendment('2025-03-31', '2024-11-01')] }]);
    const after = plan([
      { ...planTask(1, 'QLKH'), finish: { kind: 'month', year: 2024, month: 9 }, content: 'Nội dung mới' },
      planTask(2, 'QLKH'),
      planTask(4, 'QLCN'),
    ]);
    const d = diffPlans(before, after);
    expect(d.added.map((t) => t.id)).toEqual(['I-4']);
    expect(d.removed).toEqual([{ id: 'I-3', number: '3', content: 'Nhiệm vụ số 3', leadUnit: 'TTR', amended: true }]);
    expect(d.changed).toEqual([
      {
        id: 'I-1',
        number: '1',
        content: 'Nội dung mới',
        leadUnit: 'QLKH',
        fields: [
          { field: 'content', label: 'Nội dung', before: 'Nhiệm vụ số 1', after: 'Nội dung mới' },
          { field: 'finish', label: 'Thời hạn hoàn thành', before: 'Tháng 12/2024', after: 'Tháng 09/2024' },
        ],
      },
    ]);
    expect(d.unchanged).toBe(1);
    expect(isEmptyDiff(diffPlans(before, before))).toBe(true);
    expect(diffPlans(undefined, after).added).toHaveLength(3);
  });

  it('amendments stay with the tasks a re-import keeps, so the same file again is no change', () => {
    const stored = plan([{ ...planTask(1, 'QLKH'), amendments: [amendment('2025-01-31', '2024-11-01')] }, planTask(2, 'QLKH')]);
    const file = plan([planTask(1, 'QLKH'), planTask(2, 'QLKH')]);
    const carried = carryAmendments(stored, file);
    expect(carried).toEqual(stored);
    expect(isEmptyDiff(diffPlans(stored, carried))).toBe(true);
  });
});
