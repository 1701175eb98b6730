/**
 * Which submitted data counts, and the latest report of each task across several monthly heads.
 * flow: build-report-model --> latest-reports (pure)
 *
 * Drafts are not data: only a head with a submitted revision (revision > 0 and `data`) counts.
 * A longer period (quarter … year) is made of monthly submissions; for each task the newest
 * monthly period that reported it wins, so the figures are the latest known inside the window.
 */
import { localDate, monthIndex, type LocalDate } from '../clock.ts';
import { parsePeriod } from '../period.ts';
import type { SubmissionData, SubmissionHead, TaskReport } from '../submission.ts';

export type SubmittedHead = SubmissionHead & { data: SubmissionData };

export function isSubmitted(head: SubmissionHead): head is SubmittedHead {
  return head.revision > 0 && head.data !== undefined;
}

/** A task report with where it came from. */
export interface PickedReport {
  report: TaskReport;
  unit: string;
  /** Period id of the submission ("2024-05"). */
  period: string;
  /** Local date the report was last submitted, if known. */
  submittedOn?: LocalDate;
}

/** Comparable rank of a period id: the month index of its last month (unknown ids rank lowest). */
export function periodRank(id: string): number {
  try {
    const p = parsePeriod(id);
    return monthIndex(p.lastMonth.year, p.lastMonth.month);
  } catch {
    return -1;
  }
}

/**
 * The latest report of each task among submitted heads. Ties between heads of the same period
 * (a coordinating unit reporting on a task too) go to the task's lead unit, then to the most
 * recent submission.
 */
export function latestReports(
  heads: readonly SubmissionHead[],
  leadUnitOf: (taskId: string) => string | undefined,
  timeZone: string,
): Map<string, PickedReport> {
  const out = new Map<string, { picked: PickedReport; rank: number; lead: boolean; at: string }>();
  for (const head of heads) {
    if (!isSubmitted(head)) continue;
    const rank = periodRank(head.period);
    const at = head.submittedAt ?? '';
    const submittedOn = head.submittedAt ? localDate(new Date(head.submittedAt), timeZone) : undefined;
    for (const report of head.data.tasks) {
      const lead = leadUnitOf(report.taskId) === head.unit;
      const seen = out.get(report.taskId);
      const better = !seen || rank > seen.rank || (rank === seen.rank && lead && !seen.lead) || (rank === seen.rank && lead === seen.lead && at > seen.at);
      if (better) {
        const picked: PickedReport = { report, unit: head.unit, period: head.period };
        if (submittedOn) picked.submittedOn = submittedOn;
        out.set(report.taskId, { picked, rank, lead, at });
      }
    }
  }
  return new Map([...out].map(([k, v]) => [k, v.picked]));
}

/** The newest submitted head of a unit among heads (by period, then submission time). */
export function latestSubmittedHead(heads: readonly SubmissionHead[]): SubmittedHead | undefined {
  let best: SubmittedHead | undefined;
  for (const h of heads) {
    if (!isSubmitted(h)) continue;
    if (
      !best ||
      periodRank(h.period) > periodRank(best.period) ||
      (periodRank(h.period) === periodRank(best.period) && (h.submittedAt ?? '') > (best.submittedAt ?? ''))
    ) {
      best = h;
    }
  }
  return best;
}
