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
import { productTargetText, taskProductParts } from './product.ts';

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

/**
 * A task report as the rules read it. `progress` undefined means the form holds no usable number
 * (empty, not a number, out of range — a message of its own says so): the rules about progress wait.
 */
export type TaskRuleInput = Omit<Pick<TaskReport, 'status' | 'progress' | 'completedOn' | 'reason' | 'result'>, 'progress'> & { progress: number | undefined };

/** Whether this report needs a reason: progress fell, or the task was finished after its deadline. */
export function reasonNeeded(
  report: Pick<TaskRuleInput, 'status' | 'progress' | 'completedOn'>,
  task: Pick<PlanTask, 'finish'>,
  previous?: Pick<TaskReport, 'progress'>,
): 'progress-fell' | 'late-finish' | undefined {
  if (previous && report.progress !== undefined && report.progress < previous.progress) return 'progress-fell';
  const deadline = taskDeadline(task);
  if (report.status === 'hoan-thanh' && deadline && report.completedOn && report.completedOn > deadline) return 'late-finish';
  return undefined;
}

/** The messages about the progress figure itself (the API's schema and the form use the same). */
export const PROGRESS_MESSAGES = {
  missing: 'Hãy nhập tiến độ: một số nguyên từ 0 đến 100.',
  notNumber: 'Tiến độ là một số từ 0 đến 100.',
  notInteger: 'Tiến độ là số nguyên.',
  outOfRange: 'Tiến độ từ 0 đến 100.',
} as const;

/**
 * The rules of one task report that is due, with field names relative to the task ("progress",
 * "reason" …): the server prefixes them with the report's place, the form checks a task as it is typed.
 */
export function checkTaskRules(
  r: TaskRuleInput,
  task: Pick<PlanTask, 'finish'>,
  previous: Pick<TaskReport, 'progress'> | undefined,
  today: LocalDate,
  final: boolean,
): RuleError[] {
  const errors: RuleError[] = [];
  if (r.status === 'hoan-thanh') {
    if (r.progress !== undefined && r.progress !== 100) errors.push({ field: 'progress', message: 'Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%.' });
    if (!r.completedOn) errors.push({ field: 'completedOn', message: 'Hãy ghi ngày hoàn thành.' });
    else if (r.completedOn > today) errors.push({ field: 'completedOn', message: 'Ngày hoàn thành không thể sau ngày hôm nay.' });
  } else if (r.completedOn) {
    errors.push({ field: 'completedOn', message: 'Chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành.' });
  }
  if (r.status === 'chua-trien-khai' && r.progress !== undefined && r.progress > 0)
    errors.push({ field: 'progress', message: 'Nhiệm vụ chưa triển khai thì tiến độ là 0%.' });
  const why = reasonNeeded(r, task, previous);
  if (why && !isFilledIn(r.reason)) {
    errors.push({
      field: 'reason',
      message:
        why === 'progress-fell'
          ? `Tiến độ giảm từ ${previous!.progress}% xuống ${r.progress}%: hãy ghi ngắn gọn lý do.`
          : 'Nhiệm vụ hoàn thành sau thời hạn: hãy ghi ngắn gọn lý do.',
    });
  }
  if (final && r.status !== 'chua-trien-khai' && !isFilledIn(r.result)) {
    errors.push({ field: 'result', message: 'Hãy ghi kết quả thực hiện trong kỳ.' });
  }
  return errors;
}

/**
 * The rules of a submission as a whole: a report that names no task would count as submitted while
 * saying nothing about the work; a report is signed by a name.
 */
export function checkWholeSubmission(data: { tasks: readonly unknown[]; reporterName: string }, dueCount: number, opts: { final: boolean }): RuleError[] {
  const errors: RuleError[] = [];
  if (opts.final && data.tasks.length === 0 && dueCount > 0) {
    errors.push({ field: 'tasks', message: `Báo cáo chưa có nhiệm vụ nào: hãy báo cáo tình hình các nhiệm vụ của đơn vị trong kỳ (${dueCount} nhiệm vụ).` });
  }
  if (opts.final && !isFilledIn(data.reporterName)) errors.push({ field: 'reporterName', message: 'Hãy ghi họ tên người báo cáo.' });
  return errors;
}

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** The completion dates a plan year takes: that year, and one year either side. */
export function reportDateRange(planYear: number): { from: LocalDate; to: LocalDate } {
  return { from: `${planYear - 1}-01-01`, to: `${planYear + 1}-12-31` };
}

/**
 * Dates a person typed must exist and belong to the plan: a day on the calendar, within the plan's
 * year or one year either side (a task carried over from last year, finished early next year).
 * "2024-02-30" or "1900-01-01" would otherwise be printed in an official report.
 */
export function checkReportDates(data: SubmissionData, planYear: number): RuleError[] {
  const { from, to } = reportDateRange(planYear);
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

/** More product values than the target has parts: the report would print numbers against nothing. */
function productCountError(r: Pick<TaskReport, 'productReached'>, task: PlanTask): string | undefined {
  const sent = r.productReached?.length ?? 0;
  const parts = taskProductParts(task);
  if (sent <= Math.max(parts.length, 1)) return undefined;
  return parts.length > 1
    ? `Sản phẩm của nhiệm vụ ${task.number} có ${parts.length} phần (${productTargetText(task)}): nhận được ${sent} số.`
    : `Sản phẩm của nhiệm vụ ${task.number} chỉ có một số lượng: nhận được ${sent} số.`;
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
    const extra = productCountError(r, task);
    if (extra) errors.push({ field: at('productReached'), message: extra });
    for (const e of checkTaskRules(r, task, ctx.previous.get(r.taskId), ctx.today, opts.final)) errors.push({ field: at(e.field), message: e.message });
  });
  errors.push(...checkWholeSubmission(data, ctx.dueTasks.length, opts));
  return errors;
}
