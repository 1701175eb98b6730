/**
 * Which plan tasks a report covers and one TaskRow for each, in plan order, with its status at the
 * cut-off, its progress at the start and the end of the window, what was reported in each month
 * of a longer window, and the "newly overdue" flag.
 * flow: build-report-model --> task-rows --> task-status (pure)
 *
 * Covered tasks:
 * - every task active in the period (core/plan.ts `isTaskActive`);
 * - a task of an earlier period (its deadline before the period's first month) while it is still
 *   unfinished as far as the data shows: reported in the window and not finished before the
 *   window opened, or last known (earlier submissions) as not finished;
 * - a task that starts later but that its unit already reports on in the window.
 *
 * Status without a report in the window: a task finished earlier stays finished (its last
 * "hoàn thành" report is carried forward, row.fromPeriod says from when, with its difficulties,
 * proposals and next steps dropped because they are no longer current); any other task whose
 * deadline has passed at the cut-off is overdue — no report is no evidence it was done — and one
 * still within its deadline is "chưa có báo cáo".
 *
 * The plan comes resolved for the period (core/plan-amendment.ts#planForPeriod): `finish` is the
 * deadline in force at the period's end, and an amended one is printed with its decision.
 */
import type { AgencyProfile, Audience } from '../agency.ts';
import { monthIndex, type LocalDate } from '../clock.ts';
import { isTaskActive, taskDeadline, type Plan, type PlanTask, type PlanTime } from '../plan.ts';
import { deadlineText } from '../plan-amendment.ts';
import type { Period, PeriodWindow } from '../period.ts';
import type { MonthReport, TaskRow } from '../report-model.ts';
import { nfc } from '../text.ts';
import { reachedList, reachedText, taskProductParts } from '../product.ts';
import { monthRef } from './format.ts';
import type { PickedReport } from './latest-reports.ts';
import { isNewlyOverdue, isPastDeadline, taskStatus } from './task-status.ts';

/** Where a row's figures come from: this window, carried forward (finished earlier), or nowhere. */
export type RowOrigin = 'current' | 'carried' | 'none';

export interface BuiltRow {
  row: TaskRow;
  task: PlanTask;
  origin: RowOrigin;
  /** The report the row's figures come from (current or carried), if any. */
  picked?: PickedReport;
  /** The latest report before the window, if any. */
  before?: PickedReport;
}

export interface TaskRowsArgs {
  plan: Plan;
  period: Period;
  window: PeriodWindow;
  previousCutoff: LocalDate;
  profile: AgencyProfile;
  audience: Audience;
  /** Latest report per task inside the window. */
  current: Map<string, PickedReport>;
  /** Latest report per task before the window. */
  known: Map<string, PickedReport>;
  /** Every report per task inside the window, oldest first (longer periods). */
  history?: Map<string, PickedReport[]>;
}

function monthOf(t: PlanTime | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === 'month') return monthIndex(t.year, t.month);
  if (t.kind === 'date') return monthIndex(Number(t.date.slice(0, 4)), Number(t.date.slice(5, 7)));
  return undefined;
}

/** Whether the report covers a task, given the reports inside and before its window. */
export function coversTask(
  task: PlanTask,
  plan: Plan,
  period: Period,
  window: PeriodWindow,
  current: ReadonlyMap<string, PickedReport>,
  known: ReadonlyMap<string, PickedReport>,
): boolean {
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

/**
 * A longer window's monthly results as one text, oldest first; months that repeat the same
 * result (the form pre-fills last month's text) are written once: "Tháng 04/2024: … Tháng
 * 05–06/2024: …".
 */
export function mergeMonthlyResults(history: readonly MonthReport[]): string {
  const runs: { first: string; last: string; text: string }[] = [];
  for (const h of history) {
    const text = nfc(h.result);
    if (!text) continue;
    const prev = runs[runs.length - 1];
    if (prev && prev.text === text) prev.last = h.period;
    else runs.push({ first: h.period, last: h.period, text });
  }
  return runs
    .map((r) => {
      const when = r.first === r.last ? monthRef(r.first) : `${monthRef(r.first).replace(/\/\d{4}$/u, '')}–${monthRef(r.last).slice('tháng '.length)}`;
      const body = /[.!?…]$/u.test(r.text) ? r.text : `${r.text}.`;
      return `${when.charAt(0).toLocaleUpperCase('vi')}${when.slice(1)}: ${body}`;
    })
    .join(' ');
}

function buildRow(task: PlanTask, args: TaskRowsArgs): BuiltRow {
  const { profile, period, window, previousCutoff, current, known, audience } = args;
  const cur = current.get(task.id);
  const before = known.get(task.id);
  const used = cur ?? (before && before.report.status === 'hoan-thanh' ? before : undefined);
  const origin: RowOrigin = cur ? 'current' : used ? 'carried' : 'none';
  const deadline = taskDeadline(task);
  const statusArgs: Parameters<typeof taskStatus>[0] = { cutoff: window.to };
  if (deadline !== undefined) statusArgs.deadline = deadline;
  // An unfinished task with no report in the window is judged on its last known report.
  const judged = used ?? before;
  if (judged) {
    statusArgs.reported = judged.report;
    if (judged.submittedOn) statusArgs.submittedOn = judged.submittedOn;
  }
  let status = taskStatus(statusArgs);
  if (origin === 'none') status = isPastDeadline(deadline, window.to) ? 'chua-hoan-thanh-qua-han' : 'chua-co-bao-cao';
  const leader = task.directingLeader ? profile.leaders.find((l) => l.id === task.directingLeader) : undefined;
  const live = origin === 'current';
  const r = used?.report;
  // The report to UBND tỉnh carries only proposals addressed to the province.
  const proposalTo = r?.proposalTo ?? 'lanh-dao-so';
  const showProposal = live && r !== undefined && nfc(r.proposals) !== '' && (audience === 'director' || proposalTo === 'ubnd-tinh');

  const row: TaskRow = {
    taskId: task.id,
    number: nfc(task.number),
    content: nfc(task.content),
    category: task.category,
    leadUnit: unitRef(profile, task.leadUnit),
    // Codes of the profile's units are printed as names; free text (a sub-department) stays as written.
    coordinatingUnits: task.coordinatingUnits.map((c) => unitRef(profile, nfc(c)).name),
    deadlineText: nfc(deadlineText(task)),
    status,
    newlyOverdue: isNewlyOverdue(status, deadline, previousCutoff),
    result: r ? nfc(r.result) : '',
    difficulties: live && r ? nfc(r.difficulties) : '',
    proposals: showProposal ? nfc(r!.proposals) : '',
    needsDecision: showProposal && audience === 'director' ? r!.needsDecision && proposalTo === 'lanh-dao-so' : false,
    nextPlan: live && r ? nfc(r.nextPlan) : '',
  };
  if (showProposal) row.proposalTo = proposalTo;
  if (task.parents?.length) row.parents = task.parents.map(nfc);
  if (task.directingLeader) row.directingLeader = { id: task.directingLeader, name: leader ? nfc(leader.name) : task.directingLeader };
  if (deadline !== undefined) row.deadline = deadline;
  if (task.amendedBy) {
    const d = task.amendedBy.decision;
    row.deadlineAmendment = { number: nfc(d.number), date: d.date, reason: nfc(d.reason) };
  }
  if (task.product) row.productTarget = nfc(task.product.text);
  if (before) row.progressStart = before.report.progress;
  if (r) {
    row.reportedStatus = r.status;
    row.progress = r.progress;
    if (live && before !== undefined) row.progressDelta = r.progress - before.report.progress;
    const reached = reachedList(r.productReached);
    if (reached) {
      row.productReached = reached;
      const text = reachedText(taskProductParts(task), reached);
      if (text) row.productReachedText = nfc(text);
    }
    if (r.status === 'hoan-thanh' && r.completedOn) row.completedOn = r.completedOn;
    // The reason a unit gave stays until it gives another: a later month without one does not erase it.
    const reason = r.reason || (live ? [...(args.history?.get(task.id) ?? [])].reverse().find((p) => p.report.reason)?.report.reason : undefined);
    if (reason) row.reason = nfc(reason);
    if (r.attachments?.length) row.attachments = r.attachments.map((a) => ({ name: nfc(a.name), size: a.size }));
  }
  if (origin === 'none') row.unreported = true;
  if (origin === 'carried') row.carried = true;
  if (used && (period.kind !== 'monthly' || used.period !== period.id)) row.fromPeriod = used.period;
  const months = period.kind === 'monthly' ? undefined : args.history?.get(task.id);
  if (months && months.length > 0) {
    row.history = months.map((p) => ({ period: p.period, status: p.report.status, progress: p.report.progress, result: nfc(p.report.result) }));
    row.result = mergeMonthlyResults(row.history);
  }
  const out: BuiltRow = { row, task, origin };
  if (used) out.picked = used;
  if (before) out.before = before;
  return out;
}

/** The rows of the report, in plan order. */
export function buildTaskRows(args: TaskRowsArgs): BuiltRow[] {
  return [...args.plan.tasks]
    .sort((a, b) => a.order - b.order)
    .filter((t) => coversTask(t, args.plan, args.period, args.window, args.current, args.known))
    .map((t) => buildRow(t, args));
}
