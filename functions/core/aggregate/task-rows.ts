/**
 * Which plan tasks a report covers and one TaskRow for each, in plan order, with its status at the
 * cut-off, progress change and "newly overdue" flag.
 * flow: build-report-model --> task-rows --> task-status (pure)
 *
 * Covered tasks:
 * - every task active in the period (core/plan.ts `isTaskActive`);
 * - a task of an earlier period (its deadline before the period's first month) while it is still
 *   unfinished as far as the data shows: reported in the window and not finished before the
 *   window opened, or last known (previous / earlier submissions) as not finished;
 * - a task that starts later but that its unit already reports on in the window.
 * A task finished in an earlier period stays finished: when its unit no longer reports it, the
 * last known "hoàn thành" report is carried forward (row.fromPeriod says from which period), with
 * its difficulties, proposals and next-period plan dropped because they are no longer current.
 */
import type { AgencyProfile } from '../agency.ts';
import { monthIndex, type LocalDate } from '../clock.ts';
import { formatPlanTime, isTaskActive, taskDeadline, type Plan, type PlanTask, type PlanTime } from '../plan.ts';
import type { Period, PeriodWindow } from '../period.ts';
import type { TaskRow } from '../report-model.ts';
import { nfc } from '../text.ts';
import type { PickedReport } from './latest-reports.ts';
import { isNewlyOverdue, taskStatus } from './task-status.ts';

/** Where a row's figures come from: this window, carried forward (finished earlier), or nowhere. */
export type RowOrigin = 'current' | 'carried' | 'none';

export interface BuiltRow {
  row: TaskRow;
  task: PlanTask;
  origin: RowOrigin;
}

export interface TaskRowsArgs {
  plan: Plan;
  period: Period;
  window: PeriodWindow;
  previousCutoff: LocalDate;
  profile: AgencyProfile;
  /** Latest report per task inside the window. */
  current: Map<string, PickedReport>;
  /** Latest report per task in the previous period (progress deltas). */
  previous: Map<string, PickedReport>;
  /** Latest report per task before the window (previous and earlier periods). */
  known: Map<string, PickedReport>;
}

function monthOf(t: PlanTime | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === 'month') return monthIndex(t.year, t.month);
  if (t.kind === 'date') return monthIndex(Number(t.date.slice(0, 4)), Number(t.date.slice(5, 7)));
  return undefined;
}

function covers(task: PlanTask, args: TaskRowsArgs): boolean {
  const { plan, period, window, current, known } = args;
  if (isTaskActive(task, plan.year, period)) return true;
  const cur = current.get(task.id);
  const finish = monthOf(task.finish);
  const earlier = finish !== undefined && finish < monthIndex(period.firstMonth.year, period.firstMonth.month);
  if (!earlier) return cur !== undefined; // starts later, but already reported on
  if (cur) {
    const r = cur.report;
    return !(r.status === 'hoan-thanh' && r.completedOn !== undefined && r.completedOn < window.from);
  }
  const last = known.get(task.id);
  return last !== undefined && last.report.status !== 'hoan-thanh';
}

export function unitRef(profile: AgencyProfile, code: string): { code: string; name: string } {
  const u = profile.units.find((x) => x.code === code);
  return { code, name: u ? nfc(u.name) : code };
}

function buildRow(task: PlanTask, args: TaskRowsArgs): BuiltRow {
  const { profile, period, window, previousCutoff, current, previous, known } = args;
  const cur = current.get(task.id);
  const last = known.get(task.id);
  const used = cur ?? (last && last.report.status === 'hoan-thanh' ? last : undefined);
  const origin: RowOrigin = cur ? 'current' : used ? 'carried' : 'none';
  const deadline = taskDeadline(task);
  const statusArgs: Parameters<typeof taskStatus>[0] = { cutoff: window.to };
  if (deadline !== undefined) statusArgs.deadline = deadline;
  if (used) {
    statusArgs.reported = used.report;
    if (used.submittedOn) statusArgs.submittedOn = used.submittedOn;
  }
  const status = taskStatus(statusArgs);
  const leader = task.directingLeader ? profile.leaders.find((l) => l.id === task.directingLeader) : undefined;
  const live = origin === 'current';
  const r = used?.report;

  const row: TaskRow = {
    taskId: task.id,
    number: nfc(task.number),
    content: nfc(task.content),
    category: task.category,
    leadUnit: unitRef(profile, task.leadUnit),
    // Codes of the profile's units are printed as names; free text (a sub-department) stays as written.
    coordinatingUnits: task.coordinatingUnits.map((c) => unitRef(profile, nfc(c)).name),
    deadlineText: nfc(formatPlanTime(task.finish)),
    status,
    newlyOverdue: isNewlyOverdue(status, deadline, previousCutoff),
    result: r ? nfc(r.result) : '',
    difficulties: live && r ? nfc(r.difficulties) : '',
    proposals: live && r ? nfc(r.proposals) : '',
    needsDecision: live && r ? r.needsDecision && nfc(r.proposals) !== '' : false,
    nextPlan: live && r ? nfc(r.nextPlan) : '',
  };
  if (task.parents?.length) row.parents = task.parents.map(nfc);
  if (task.directingLeader) row.directingLeader = { id: task.directingLeader, name: leader ? nfc(leader.name) : task.directingLeader };
  if (deadline !== undefined) row.deadline = deadline;
  if (task.product) row.productTarget = nfc(task.product.text);
  if (r) {
    row.reportedStatus = r.status;
    row.progress = r.progress;
    const before = previous.get(task.id)?.report.progress;
    if (before !== undefined) row.progressDelta = r.progress - before;
    if (r.productReached !== undefined) row.productReached = r.productReached;
    if (r.status === 'hoan-thanh' && r.completedOn) row.completedOn = r.completedOn;
    if (r.reason) row.reason = nfc(r.reason);
  }
  if (used && (period.kind !== 'monthly' || used.period !== period.id)) row.fromPeriod = used.period;
  return { row, task, origin };
}

/** The rows of the report, in plan order. */
export function buildTaskRows(args: TaskRowsArgs): BuiltRow[] {
  return [...args.plan.tasks]
    .sort((a, b) => a.order - b.order)
    .filter((t) => covers(t, args))
    .map((t) => buildRow(t, args));
}

