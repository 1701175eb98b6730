/**
 * Văn phòng's status board for a month: for each unit, whether it submitted on time, late, only
 * a draft, or not yet; when; which revision; tasks reported out of due; which tasks are overdue.
 * "When" is the submission that counts for the period (core/counted-submission.ts), the instant
 * the compiled workbook prints too; a later revision is shown beside it, never instead of it.
 * flow: status use case --> status board (pure) --> counted submission
 */
import type { AgencyProfile } from './agency.ts';
import type { LocalDate } from './clock.ts';
import { taskDeadline, type PlanTask } from './plan.ts';
import { deadlineText } from './plan-amendment.ts';
import type { SubmissionStatus } from './report-model.ts';
import type { SubmissionHead, TaskReport } from './submission.ts';
import { countedSubmission } from './counted-submission.ts';
import { isFinished, taskStatus } from './aggregate/task-status.ts';

export interface BoardRow {
  unit: { code: string; name: string };
  status: SubmissionStatus;
  /** When the submission that counts for the period was sent (the workbook's "Thời điểm gửi"). */
  submittedAt?: string;
  /** When the unit last revised it, only when later than `submittedAt`. */
  lastRevisedAt?: string;
  draftSavedAt?: string;
  revision: number;
  tasksDue: number;
  tasksReported: number;
  overdue: { taskId: string; number: string; content: string; deadline: string }[];
}

export interface StatusBoard {
  period: string;
  deadline: LocalDate;
  /** The day overdue tasks are judged on (local): today, or the deadline for a past month. */
  asOf: LocalDate;
  /** The moment the board was read (ISO instant): every row's time is at or before it. */
  readAt: string;
  /** The agency's IANA zone, in which the board's days and times are shown. */
  timeZone: string;
  deadlinePassed: boolean;
  rows: BoardRow[];
  summary: Record<SubmissionStatus, number> & { units: number };
}

export interface BoardInput {
  profile: AgencyProfile;
  period: string;
  deadline: LocalDate;
  today: LocalDate;
  /** The moment the submissions were read. */
  readAt: Date;
  /** Day at which "overdue" is judged: today, or the deadline for a past period. */
  asOf: LocalDate;
  /** Due tasks per unit code (active in the period plus carried-over), resolved for the period (core/plan-amendment.ts). */
  dueByUnit: ReadonlyMap<string, readonly PlanTask[]>;
  /** Latest earlier report of each task, for tasks a unit has not reported yet this month. */
  previousReports: ReadonlyMap<string, TaskReport>;
  heads: readonly SubmissionHead[];
}

/**
 * A unit's status for a month, from its head: on time or late by the submission that counts
 * (core/counted-submission.ts), a draft only, or nothing. The status board and the unit's own
 * "Báo cáo của đơn vị" both read it here.
 */
export function unitMonthStatus(
  head: SubmissionHead | undefined,
  settings: AgencyProfile,
): { status: SubmissionStatus; counted?: NonNullable<ReturnType<typeof countedSubmission>> } {
  const counted = head && countedSubmission(head, settings);
  if (counted) return { status: counted.onTime ? 'on-time' : 'late', counted };
  return { status: head?.draft ? 'draft-only' : 'missing' };
}

export function buildStatusBoard(input: BoardInput): StatusBoard {
  const heads = new Map(input.heads.map((h) => [h.unit, h]));
  const rows: BoardRow[] = [];
  for (const unit of input.profile.units) {
    const due = input.dueByUnit.get(unit.code) ?? [];
    const head = heads.get(unit.code);
    if (due.length === 0 && !head) continue;
    const reported = new Map((head?.data?.tasks ?? []).map((t) => [t.taskId, t]));
    const { status, counted } = unitMonthStatus(head, input.profile);
    const overdue = due
      .filter((t) => {
        const report = reported.get(t.id) ?? input.previousReports.get(t.id);
        const deadline = taskDeadline(t);
        const s = taskStatus({ ...(deadline ? { deadline } : {}), ...(report ? { reported: report } : {}), cutoff: input.asOf });
        return deadline !== undefined && deadline < input.asOf && !isFinished(s);
      })
      .map((t) => ({ taskId: t.id, number: t.number, content: t.content, deadline: deadlineText(t) }));
    rows.push({
      unit: { code: unit.code, name: unit.name },
      status,
      ...(counted?.submittedAt ? { submittedAt: counted.submittedAt } : {}),
      ...(counted?.lastRevisedAt ? { lastRevisedAt: counted.lastRevisedAt } : {}),
      ...(head?.draft ? { draftSavedAt: head.draft.savedAt } : {}),
      revision: head?.revision ?? 0,
      tasksDue: due.length,
      tasksReported: due.filter((t) => reported.has(t.id)).length,
      overdue,
    });
  }
  const summary = { 'on-time': 0, late: 0, 'draft-only': 0, missing: 0, units: rows.length };
  for (const r of rows) summary[r.status]++;
  return {
    period: input.period,
    deadline: input.deadline,
    asOf: input.asOf,
    readAt: input.readAt.toISOString(),
    timeZone: input.profile.timeZone,
    deadlinePassed: input.today > input.deadline,
    rows,
    summary,
  };
}
