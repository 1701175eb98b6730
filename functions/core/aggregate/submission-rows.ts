/**
 * Submission status per unit (nộp đúng hạn / nộp muộn / mới lưu nháp / chưa nộp) with tasks due
 * against tasks reported. flow: build-report-model --> submission-rows (pure)
 *
 * Every unit of the profile that has tasks due appears, and every unit that submitted or saved a
 * draft even without tasks. For a longer period the row describes the unit's newest monthly
 * submission in the window (the one whose figures the report uses); `period` says which.
 * Lateness is the one recorded on the head (the first submission counts, for thi đua); when a
 * head has none it is recomputed from the first submission time and the period's deadline.
 */
import type { AgencyProfile } from '../agency.ts';
import { isOnTime, parsePeriod } from '../period.ts';
import type { SubmissionRow, SubmissionStatus } from '../report-model.ts';
import type { SubmissionHead } from '../submission.ts';
import { latestSubmittedHead, type SubmittedHead } from './latest-reports.ts';
import { unitRef, type BuiltRow } from './task-rows.ts';

function onTimeOf(head: SubmittedHead, profile: AgencyProfile): boolean {
  if (head.onTime !== undefined) return head.onTime;
  const at = head.firstSubmittedAt ?? head.submittedAt;
  if (!at) return true; // no timestamp to hold against the unit
  try {
    return isOnTime(parsePeriod(head.period), profile, new Date(at));
  } catch {
    return true;
  }
}

export function buildSubmissionRows(
  profile: AgencyProfile,
  built: readonly BuiltRow[],
  headsInWindow: readonly SubmissionHead[],
): SubmissionRow[] {
  const codes: string[] = [];
  const add = (c: string) => {
    if (!codes.includes(c)) codes.push(c);
  };
  // A unit whose only tasks were finished in earlier periods has nothing due and is not chased.
  const withTasks = new Set(built.filter((b) => b.origin !== 'carried').map((b) => b.task.leadUnit));
  const withHeads = new Set(headsInWindow.map((h) => h.unit));
  for (const u of profile.units) if (withTasks.has(u.code) || withHeads.has(u.code)) add(u.code);
  for (const c of withTasks) add(c);
  for (const h of headsInWindow) add(h.unit);

  return codes.map((code) => {
    const mine = built.filter((b) => b.task.leadUnit === code);
    // A task finished in an earlier period is not due again.
    const tasksDue = mine.filter((b) => b.origin !== 'carried').length;
    const tasksReported = mine.filter((b) => b.origin === 'current').length;
    const heads = headsInWindow.filter((h) => h.unit === code);
    const latest = latestSubmittedHead(heads);
    let status: SubmissionStatus;
    const row: SubmissionRow = { unit: unitRef(profile, code), status: 'missing', tasksDue, tasksReported };
    if (latest) {
      status = onTimeOf(latest, profile) ? 'on-time' : 'late';
      const at = latest.firstSubmittedAt ?? latest.submittedAt;
      if (at) row.submittedAt = at;
      row.revision = latest.revision;
      row.period = latest.period;
    } else if (heads.some((h) => h.draft !== undefined || h.state === 'draft')) {
      status = 'draft-only';
    } else {
      status = 'missing';
    }
    row.status = status;
    return row;
  });
}
