/**
 * The one rule for "when did this unit report this month": the submission that counts for the
 * period is the first one sent (it decides on time or late, for thi đua); later revisions correct
 * its content but not when it was reported. The status board and the compiled workbook's sheet
 * "Tình hình nộp báo cáo" both read it here, so they print the same instant for the same unit.
 * flow: status board + submission rows --> counted submission (pure)
 */
import { isSubmitted } from './aggregate/latest-reports.ts';
import { isOnTime, parsePeriod, type DeadlineSettings } from './period.ts';
import type { SubmissionHead } from './submission.ts';

export interface CountedSubmission {
  /** When the submission that counts was sent (ISO instant); absent on old heads with no timestamp. */
  submittedAt?: string;
  /** When the latest revision was sent, only when the unit revised after `submittedAt`. */
  lastRevisedAt?: string;
  onTime: boolean;
  /** The latest submitted revision (its content is what the report reads). */
  revision: number;
}

/**
 * Lateness is the one recorded on the head at the first submission; a head without it (written
 * before it was recorded) is judged again from the first submission time and the deadline.
 */
function onTimeOf(head: SubmissionHead, at: string | undefined, settings: DeadlineSettings): boolean {
  if (head.onTime !== undefined) return head.onTime;
  if (!at) return true; // no timestamp to hold against the unit
  try {
    return isOnTime(parsePeriod(head.period), settings, new Date(at));
  } catch {
    return true;
  }
}

/** The submission of a head that counts for its period, or undefined while only a draft exists. */
export function countedSubmission(head: SubmissionHead, settings: DeadlineSettings): CountedSubmission | undefined {
  if (!isSubmitted(head)) return undefined;
  const at = head.firstSubmittedAt ?? head.submittedAt;
  const revisedLater = head.submittedAt !== undefined && at !== undefined && head.submittedAt > at;
  return {
    ...(at ? { submittedAt: at } : {}),
    ...(revisedLater ? { lastRevisedAt: head.submittedAt } : {}),
    onTime: onTimeOf(head, at, settings),
    revision: head.revision,
  };
}
