/**
 * What the submissions say about each task, month by month, for a report of any length: the
 * latest report inside the window, one report per month of the window (a longer period merges
 * them), and the latest report before the window opened (progress at the start, tasks finished
 * earlier, tasks left unfinished).
 * flow: build-report-model --> window-reports --> latest-reports (pure)
 *
 * A longer period (quarter … year) is made of monthly submissions: each month of it is read on
 * its own, so a month a unit skipped is visible as such instead of being hidden behind the
 * newest report.
 */
import { monthlyPeriodsOf, type Period } from '../period.ts';
import type { SubmissionHead } from '../submission.ts';
import { latestReports, periodRank, type PickedReport } from './latest-reports.ts';

export interface MonthSlice {
  period: Period;
  /** Every head of the month (drafts included: they mark a unit "mới lưu nháp"). */
  heads: SubmissionHead[];
  /** The month's report of each task. */
  reports: Map<string, PickedReport>;
  /** The latest report of each task before this month (earlier months of the window included). */
  before: Map<string, PickedReport>;
}

export interface WindowReports {
  months: MonthSlice[];
  /** Latest report of each task inside the window. */
  current: Map<string, PickedReport>;
  /** Latest report of each task before the window. */
  known: Map<string, PickedReport>;
  /** Each task's reports inside the window, oldest month first. */
  history: Map<string, PickedReport[]>;
}

export function windowReports(
  period: Period,
  inWindow: readonly SubmissionHead[],
  beforeWindow: readonly SubmissionHead[],
  leadOf: (taskId: string) => string | undefined,
  timeZone: string,
): WindowReports {
  const months = monthlyPeriodsOf(period);
  const firstRank = periodRank(months[0]!.id);
  const earlier = beforeWindow.filter((h) => periodRank(h.period) < firstRank);
  const known = latestReports(earlier, leadOf, timeZone);

  const slices: MonthSlice[] = [];
  const history = new Map<string, PickedReport[]>();
  let before = known;
  for (const month of months) {
    const heads = inWindow.filter((h) => h.period === month.id);
    const reports = latestReports(heads, leadOf, timeZone);
    slices.push({ period: month, heads, reports, before });
    for (const [taskId, picked] of reports) {
      const list = history.get(taskId);
      if (list) list.push(picked);
      else history.set(taskId, [picked]);
    }
    // The next month sees this month's reports as the latest before it.
    if (reports.size > 0) before = new Map([...before, ...reports]);
  }
  const current = new Map<string, PickedReport>();
  for (const [taskId, list] of history) current.set(taskId, list[list.length - 1]!);
  return { months: slices, current, known, history };
}
