/**
 * Deadline amendments (gia hạn): a decision extends a task's deadline mid-year. The one rule every
 * status reads deadlines through: the deadline in force for a period is that of the latest
 * amendment whose decision is dated on or before the period's last day; a period that ended
 * before the decision keeps the plan's deadline (docs/decisions.md). Callers resolve tasks for
 * their period once (taskForPeriod / planForPeriod); what follows (isTaskActive, taskDeadline,
 * the status rules, the reports' rows) then reads the resolved `finish`.
 * flow: due tasks, reports, status board, amend-plan use case --> plan amendment (pure)
 */
import { daysInMonth, type LocalDate, ymd } from './clock.ts';
import { isPastDeadline, taskStatus } from './aggregate/task-status.ts';
import { makePeriod, periodLabel, type Period } from './period.ts';
import { formatPlanTime, taskDeadline, type DeadlineAmendment, type Plan, type PlanTask, type PlanTime } from './plan.ts';
import { TASK_STATUS_LABELS, type TaskStatus } from './report-model.ts';
import type { TaskReport } from './submission.ts';

/** The last calendar day of a period's last month: decisions dated up to it apply to the period. */
export function periodEnd(period: Pick<Period, 'lastMonth'>): LocalDate {
  const { year, month } = period.lastMonth;
  return ymd(year, month, daysInMonth(year, month));
}

/** The amendment in force on `asOf`: the latest decision dated on or before it (ties: the later recording). */
export function amendmentInForce(task: Pick<PlanTask, 'amendments'>, asOf: LocalDate): DeadlineAmendment | undefined {
  let best: DeadlineAmendment | undefined;
  for (const a of task.amendments ?? []) {
    if (a.decision.date > asOf) continue;
    if (!best || a.decision.date > best.decision.date || (a.decision.date === best.decision.date && a.recordedAt >= best.recordedAt)) best = a;
  }
  return best;
}

/** The plan's own finish of a task, whether or not it was resolved for a period. */
export function plannedFinish(task: Pick<PlanTask, 'finish' | 'plannedFinish' | 'amendedBy'>): PlanTime | undefined {
  return task.amendedBy ? task.plannedFinish : task.finish;
}

/** The finish in force on `asOf`: the amended deadline, else the plan's. */
export function effectiveFinish(task: Pick<PlanTask, 'finish' | 'plannedFinish' | 'amendedBy' | 'amendments'>, asOf: LocalDate): PlanTime | undefined {
  const a = amendmentInForce(task, asOf);
  return a ? { kind: 'date', date: a.deadline } : plannedFinish(task);
}

/** The task as a period sees it: `finish` is the deadline in force at the period's end. */
export function taskForPeriod(task: PlanTask, period: Pick<Period, 'lastMonth'>): PlanTask {
  const original = plannedFinish(task);
  const { amendedBy: _a, plannedFinish: _p, ...plain } = task;
  const a = amendmentInForce(task, periodEnd(period));
  if (!a) {
    const out: PlanTask = { ...plain };
    if (original) out.finish = original;
    else delete out.finish;
    return out;
  }
  const out: PlanTask = { ...plain, finish: { kind: 'date', date: a.deadline }, amendedBy: a };
  if (original) out.plannedFinish = original;
  return out;
}

export function planForPeriod(plan: Plan, period: Pick<Period, 'lastMonth'>): Plan {
  return { ...plan, tasks: plan.tasks.map((t) => taskForPeriod(t, period)) };
}

const dmy = (d: LocalDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** "gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 01/07/2024; lý do: …". */
export function amendmentCitation(a: DeadlineAmendment): string {
  const reason = a.decision.reason.trim().replace(/[.;]+$/u, '');
  return `gia hạn theo Quyết định số ${a.decision.number} ngày ${dmy(a.decision.date)}${reason ? `; lý do: ${reason}` : ''}`;
}

/**
 * The deadline as reports and pages print it: "Tháng 06/2024", or for a task resolved under an
 * amendment "30/09/2024 (gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 01/07/2024; lý do: …)".
 */
export function deadlineText(task: Pick<PlanTask, 'finish' | 'amendedBy'>): string {
  const base = formatPlanTime(task.finish);
  return task.amendedBy ? `${base} (${amendmentCitation(task.amendedBy)})` : base;
}

/** How an amendment changes one month's view of a task: its deadline and status at the cut-off. */
export interface AmendmentEffect {
  period: string;
  /** "tháng 7 năm 2024". */
  label: string;
  deadlineBefore: string;
  deadlineAfter: string;
  statusBefore: TaskStatus;
  statusAfter: TaskStatus;
  statusBeforeLabel: string;
  statusAfterLabel: string;
}

/**
 * The months of the plan year whose view of the task an amendment changes (those ending on or after
 * its decision's date), with the status at each month's
 * cut-off judged on the latest report known by then, as the reports judge it (no report: overdue
 * once the deadline has passed, else "chưa có báo cáo").
 */
export function amendmentEffects(args: {
  task: PlanTask;
  amendment: DeadlineAmendment;
  planYear: number;
  /** The cut-off (window end) of a monthly period. */
  cutoffOf: (period: Period) => LocalDate;
  /** The latest report of the task submitted for that month or earlier. */
  reportAsOf: (period: Period) => TaskReport | undefined;
}): AmendmentEffect[] {
  const { task, amendment, planYear } = args;
  const amended: PlanTask = { ...task, amendments: [...(task.amendments ?? []), amendment] };
  const out: AmendmentEffect[] = [];
  for (let m = 1; m <= 12; m++) {
    const period = makePeriod('monthly', planYear, m);
    const before = taskForPeriod(task, period);
    const after = taskForPeriod(amended, period);
    if (deadlineText(before) === deadlineText(after)) continue;
    const cutoff = args.cutoffOf(period);
    const reported = args.reportAsOf(period);
    const status = (t: PlanTask): TaskStatus => {
      const deadline = taskDeadline(t);
      if (!reported) return isPastDeadline(deadline, cutoff) ? 'chua-hoan-thanh-qua-han' : 'chua-co-bao-cao';
      return taskStatus({ ...(deadline ? { deadline } : {}), reported, cutoff });
    };
    const [sb, sa] = [status(before), status(after)];
    out.push({
      period: period.id,
      label: periodLabel(period),
      deadlineBefore: deadlineText(before),
      deadlineAfter: deadlineText(after),
      statusBefore: sb,
      statusAfter: sa,
      statusBeforeLabel: TASK_STATUS_LABELS[sb],
      statusAfterLabel: TASK_STATUS_LABELS[sa],
    });
  }
  return out;
}
