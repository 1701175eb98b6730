/**
 * A task's status in the government's vocabulary at a cut-off, from its deadline and what its unit
 * reported. flow: build-report-model --> task-rows --> task-status (pure)
 *
 * Rules (dates are local YYYY-MM-DD, so string comparison is date comparison):
 * - no report in the window                      → chưa có báo cáo;
 * - reported hoàn thành: completed on or before the deadline, or no computable deadline
 *                                                 → hoàn thành đúng hạn, otherwise quá hạn;
 *   the completion date is `completedOn`, else the day the report was submitted (the latest it can
 *   have been finished), else the cut-off;
 * - anything else (đang thực hiện, đề xuất điều chỉnh, chưa triển khai) is not finished:
 *   cut-off after the deadline → chưa hoàn thành, quá hạn. This includes a task that was never
 *   started: once its deadline has passed it is overdue, and reporting it as merely "chưa triển
 *   khai" would hide exactly the tasks the leaders most need to see;
 * - not finished and not overdue (cut-off ≤ deadline, or a free-text deadline): chưa triển khai
 *   when so reported, else chưa hoàn thành, trong hạn.
 */
import type { LocalDate } from '../clock.ts';
import type { TaskStatus } from '../report-model.ts';
import type { TaskReport } from '../submission.ts';

export function taskStatus(args: { deadline?: LocalDate; reported?: TaskReport; cutoff: LocalDate; submittedOn?: LocalDate }): TaskStatus {
  const { deadline, reported, cutoff, submittedOn } = args;
  if (!reported) return 'chua-co-bao-cao';
  if (reported.status === 'hoan-thanh') {
    if (deadline === undefined) return 'hoan-thanh-dung-han';
    const done = reported.completedOn ?? submittedOn ?? cutoff;
    return done <= deadline ? 'hoan-thanh-dung-han' : 'hoan-thanh-qua-han';
  }
  if (isPastDeadline(deadline, cutoff)) return 'chua-hoan-thanh-qua-han';
  return reported.status === 'chua-trien-khai' ? 'chua-trien-khai' : 'chua-hoan-thanh-trong-han';
}

/** Whether a deadline has passed at a cut-off (a free-text deadline never passes). */
export function isPastDeadline(deadline: LocalDate | undefined, cutoff: LocalDate): boolean {
  return deadline !== undefined && cutoff > deadline;
}

export function isFinished(status: TaskStatus): boolean {
  return status === 'hoan-thanh-dung-han' || status === 'hoan-thanh-qua-han';
}

/**
 * Overdue at this cut-off and not at the previous one: the deadline falls on or after the
 * previous cut-off and before this one. Only unfinished tasks are "overdue" in this sense.
 */
export function isNewlyOverdue(status: TaskStatus, deadline: LocalDate | undefined, previousCutoff: LocalDate): boolean {
  return status === 'chua-hoan-thanh-qua-han' && deadline !== undefined && !isPastDeadline(deadline, previousCutoff);
}
