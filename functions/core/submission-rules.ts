/**
 * The rules a unit's submission must follow beyond field types: only its own due tasks, each
 * at most once; a fall in progress or a task finished after its deadline needs a short reason;
 * a finished task is at 100% with a completion date. Messages are Vietnamese, per field.
 * flow: submit use case --> submission rules (pure)
 */
import { daysInMonth, isCalendarDate, type LocalDate } from './clock.ts';
import { taskDeadline, type PlanTask } from './plan.ts';
import type { SubmissionData, TaskReport } from './submission.ts';
import { isFilledIn } from './text.ts';

export interface RuleError {
  field: string;
  message: string;
}

export interface RuleContext {
  /** Tasks the unit may report on this period (active + earlier unfinished). */
  dueTasks: readonly PlanTask[];
  /** What the unit reported last time for each task, for the "progress fell" rule. */
  previous: ReadonlyMap<string, TaskReport>;
  /** Today, local. */
  today: LocalDate;
}

/** Whether this report needs a reason: progress fell, or the task was finished after its deadline. */
export function reasonNeeded(report: Pick<TaskReport, 'status' | 'progress' | 'completedOn'>, task: Pick<PlanTask, 'finish'>, previous?: Pick<TaskReport, 'progress'>): 'progress-fell' | 'late-finish' | undefined {
  if (previous && report.progress < previous.progress) return 'progress-fell';
  const deadline = taskDeadline(task);
  if (report.status === 'hoan-thanh' && deadline && report.completedOn && report.completedOn > deadline) return 'late-finish';
  return undefined;
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * Dates a person typed must exist and belong to the plan: a day on the calendar, within the plan's
 * year or one year either side (a task carried over from last year, finished early next year).
 * "2024-02-30" or "1900-01-01" would otherwise be printed in an official report.
 */
export function checkReportDates(data: SubmissionData, planYear: number): RuleError[] {
  const from = `${planYear - 1}-01-01`;
  const to = `${planYear + 1}-12-31`;
  const errors: RuleError[] = [];
  data.tasks.forEach((r, i) => {
    const date = r.completedOn;
    if (date === undefined) return;
    const field = `tasks.${i}.completedOn`;
    if (!isCalendarDate(date)) {
      const month = Number(date.slice(5, 7));
      errors.push({
        field,
        message:
          month >= 1 && month <= 12
            ? `Ngày hoàn thành ${dmy(date)} không có trên lịch: tháng ${month}/${date.slice(0, 4)} có ${daysInMonth(Number(date.slice(0, 4)), month)} ngày.`
            : `Ngày hoàn thành ${dmy(date)} không có trên lịch: tháng phải từ 01 đến 12.`,
      });
    } else if (date < from || date > to) {
      errors.push({ field, message: `Ngày hoàn thành ${dmy(date)} nằm ngoài kế hoạch năm ${planYear}: chỉ nhận từ ${dmy(from)} đến ${dmy(to)}.` });
    }
  });
  return errors;
}

export function checkSubmissionRules(data: SubmissionData, ctx: RuleContext, opts: { final: boolean }): RuleError[] {
  const errors: RuleError[] = [];
  const due = new Map(ctx.dueTasks.map((t) => [t.id, t]));
  const seen = new Set<string>();
  data.tasks.forEach((r, i) => {
    const at = (f: string) => `tasks.${i}.${f}`;
    const task = due.get(r.taskId);
    if (!task) {
      errors.push({ field: at('taskId'), message: `Nhiệm vụ "${r.taskId}" không thuộc danh sách nhiệm vụ của đơn vị trong kỳ này.` });
      return;
    }
    if (seen.has(r.taskId)) errors.push({ field: at('taskId'), message: `Nhiệm vụ ${task.number} được báo cáo hai lần.` });
    seen.add(r.taskId);
    if (r.status === 'hoan-thanh') {
      if (r.progress !== 100) errors.push({ field: at('progress'), message: 'Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%.' });
      if (!r.completedOn) errors.push({ field: at('completedOn'), message: 'Hãy ghi ngày hoàn thành.' });
      else if (r.completedOn > ctx.today) errors.push({ field: at('completedOn'), message: 'Ngày hoàn thành không thể sau ngày hôm nay.' });
    } else if (r.completedOn) {
      errors.push({ field: at('completedOn'), message: 'Chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành.' });
    }
    if (r.status === 'chua-trien-khai' && r.progress > 0) errors.push({ field: at('progress'), message: 'Nhiệm vụ chưa triển khai thì tiến độ là 0%.' });
    const why = reasonNeeded(r, task, ctx.previous.get(r.taskId));
    if (why && !isFilledIn(r.reason)) {
      errors.push({
        field: at('reason'),
        message:
          why === 'progress-fell'
            ? `Tiến độ giảm từ ${ctx.previous.get(r.taskId)!.progress}% xuống ${r.progress}%: hãy ghi ngắn gọn lý do.`
            : 'Nhiệm vụ hoàn thành sau thời hạn: hãy ghi ngắn gọn lý do.',
      });
    }
    if (opts.final && r.status !== 'chua-trien-khai' && !isFilledIn(r.result)) {
      errors.push({ field: at('result'), message: 'Hãy ghi kết quả thực hiện trong kỳ.' });
    }
  });
  // A report that names no task would count as submitted while saying nothing about the work.
  if (opts.final && data.tasks.length === 0 && ctx.dueTasks.length > 0) {
    errors.push({ field: 'tasks', message: `Báo cáo chưa có nhiệm vụ nào: hãy báo cáo tình hình các nhiệm vụ của đơn vị trong kỳ (${ctx.dueTasks.length} nhiệm vụ).` });
  }
  if (opts.final && !isFilledIn(data.reporterName)) errors.push({ field: 'reporterName', message: 'Hãy ghi họ tên người báo cáo.' });
  return errors;
}
