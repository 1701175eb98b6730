/**
 * The rules a unit's submission must follow beyond field types: only its own due tasks, each
 * at most once; a fall in progress or a task finished after its deadline needs a short reason;
 * a finished task is at 100% with a completion date. Messages are Vietnamese, per field.
 * flow: submit use case --> submission rules (pure)
 */
import type { LocalDate } from './clock.ts';
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
  if (opts.final && !isFilledIn(data.reporterName)) errors.push({ field: 'reporterName', message: 'Hãy ghi họ tên người báo cáo.' });
  return errors;
}
