/**
 * Who reported, month by month: for each month of the period, each unit's submission status
 * (nộp đúng hạn / nộp muộn / mới lưu nháp / chưa nộp) with its tasks due against tasks reported.
 * flow: build-report-model --> submission-rows --> task-rows (covered tasks of each month) (pure)
 *
 * Every unit of the profile that has tasks due in the month appears, and every unit that submitted
 * or saved a draft that month even without tasks. A month is judged on its own data: the tasks
 * due in it are those the month's own report would cover, and the report of another month never
 * stands in for a month a unit skipped. When a unit reported and whether on time is the rule of
 * core/counted-submission.ts, the one the status board follows too.
 */
import type { AgencyProfile } from '../agency.ts';
import type { LocalDate } from '../clock.ts';
import type { Plan } from '../plan.ts';
import { countedSubmission } from '../counted-submission.ts';
import { periodLabel, periodWindow, submissionDeadlineDate } from '../period.ts';
import type { SubmissionMonth, SubmissionRow, SubmissionStatus } from '../report-model.ts';
import type { SubmissionHead } from '../submission.ts';
import { isSubmitted } from './latest-reports.ts';
import { coversTask, unitRef, type RowOrigin } from './task-rows.ts';
import type { MonthSlice } from './window-reports.ts';

/** A task as the month's report sees it: whose it is and where its figures come from. */
export interface DueTask {
  leadUnit: string;
  origin: RowOrigin;
}

/** One month's rows, from the tasks its report covers and the heads of that month. */
export function buildSubmissionRows(profile: AgencyProfile, tasks: readonly DueTask[], heads: readonly SubmissionHead[]): SubmissionRow[] {
  const codes: string[] = [];
  const add = (c: string) => {
    if (!codes.includes(c)) codes.push(c);
  };
  // A unit whose only tasks were finished in earlier periods has nothing due and is not chased.
  const withTasks = new Set(tasks.filter((t) => t.origin !== 'carried').map((t) => t.leadUnit));
  const withHeads = new Set(heads.map((h) => h.unit));
  for (const u of profile.units) if (withTasks.has(u.code) || withHeads.has(u.code)) add(u.code);
  for (const c of withTasks) add(c);
  for (const h of heads) add(h.unit);

  return codes.map((code) => {
    const mine = tasks.filter((t) => t.leadUnit === code);
    // A task finished in an earlier period is not due again.
    const tasksDue = mine.filter((t) => t.origin !== 'carried').length;
    const tasksReported = mine.filter((t) => t.origin === 'current').length;
    const own = heads.filter((h) => h.unit === code);
    const row: SubmissionRow = { unit: unitRef(profile, code), status: 'missing', tasksDue, tasksReported };
    let status: SubmissionStatus = 'missing';
    const head = own.find(isSubmitted);
    const counted = head && countedSubmission(head, profile);
    if (head && counted) {
      status = counted.onTime ? 'on-time' : 'late';
      if (counted.submittedAt) row.submittedAt = counted.submittedAt;
      row.revision = counted.revision;
      row.period = head.period;
    } else if (own.some((h) => h.draft !== undefined || h.state === 'draft')) {
      status = 'draft-only';
    }
    row.status = status;
    return row;
  });
}

/** The months of the window, each with its own rows; `due` once its deadline is before the report's date. */
export function buildSubmissionMonths(profile: AgencyProfile, plan: Plan | undefined, months: readonly MonthSlice[], issueDate: LocalDate): SubmissionMonth[] {
  return months.map((m) => {
    const window = periodWindow(m.period, profile.periodWindows);
    const tasks: DueTask[] = (plan?.tasks ?? [])
      .filter((t) => coversTask(t, plan!, m.period, window, m.reports, m.before))
      .map((t) => {
        const cur = m.reports.get(t.id);
        const before = m.before.get(t.id);
        const origin: RowOrigin = cur ? 'current' : before?.report.status === 'hoan-thanh' ? 'carried' : 'none';
        return { leadUnit: t.leadUnit, origin };
      });
    const deadline = submissionDeadlineDate(m.period, profile);
    return { period: m.period.id, label: periodLabel(m.period), deadline, due: deadline < issueDate, rows: buildSubmissionRows(profile, tasks, m.heads) };
  });
}
