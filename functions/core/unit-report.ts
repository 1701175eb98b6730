/**
 * One unit's monthly report as a reader wants it (issue 15, item 3): each due task with what the
 * unit submitted — never its unsent draft — and what changed since the task's previous report,
 * field by field with the history page's own diff (core/revision-diff.ts), plus the progress and
 * status delta; who reported and when. Pure: the use case reads the stores.
 * flow: unit report use case --> unit report (pure) --> revision diff
 */
import type { FormDirection, FormTask } from './form-context.ts';
import type { RevisionEntry } from './history.ts';
import { revisionDiff, type ValueChange } from './revision-diff.ts';
import type { OtherWork, SubmissionHead, TaskReport } from './submission.ts';

export interface MonthChange {
  /** Month of the report compared against ("2024-04"): the task's latest submitted report before this month. */
  period: string;
  /** This month's progress minus the previous one's (percentage points). */
  progressDelta: number;
  statusChanged: boolean;
  /** Every field that differs, in the form's order, as the history page names them. */
  fields: ValueChange[];
}

export interface UnitReportTask {
  taskId: string;
  number: string;
  content: string;
  /** Leader who directs the task (name from the profile), when the plan names one. */
  directingLeader?: { id: string; name: string };
  carriedOver: boolean;
  /** What the unit submitted for the task this month; undefined: not reported. */
  report?: TaskReport;
  /** Against the task's previous report; undefined when there is none or nothing to compare. */
  change?: MonthChange;
}

export interface UnitReport {
  period: string;
  unit: { code: string; name: string };
  timeZone: string;
  /** The latest submitted revision; 0: the unit has not sent a report for the month. */
  revision: number;
  submittedAt?: string;
  firstSubmittedAt?: string;
  onTime?: boolean;
  reporterName: string;
  /** Who pressed "Gửi" for the latest revision (account and its name when known). */
  submittedBy?: { sub: string; name?: string };
  /** A draft saved and not sent (when and by whom): its content is the unit's own until sent. */
  draftSavedAt?: string;
  otherWork: OtherWork[];
  tasks: UnitReportTask[];
  /** Newest first: who sent each revision and when. */
  revisions: Pick<RevisionEntry, 'revision' | 'at' | 'by' | 'byName' | 'onTime' | 'imported'>[];
  locked: boolean;
  planFound: boolean;
  /**
   * The leaders' directions this month's report is about: those the unit was to answer this month
   * (with its answer from the submitted report, when it gave one), then those given on this
   * month's own proposals.
   */
  directions: UnitReportDirection[];
}

/** A direction as the readable report shows it. */
export interface UnitReportDirection extends FormDirection {
  /** 'answering': given on an earlier month's proposal, answered (or to be) in this report; 'given': on this month's proposal. */
  kind: 'answering' | 'given';
  taskNumber?: string;
  /** The unit's "Kết quả thực hiện ý kiến chỉ đạo" in this month's submitted report. */
  answer?: string;
}

export interface UnitReportInput {
  period: string;
  unit: { code: string; name: string };
  timeZone: string;
  tasks: readonly FormTask[];
  head?: SubmissionHead;
  revisions: readonly RevisionEntry[];
  leaders: readonly { id: string; name: string }[];
  locked: boolean;
  planFound: boolean;
  /** The directions the form of this month shows (answered in this report or to be). */
  answering?: readonly FormDirection[];
  /** The directions given on this month's proposals of this unit. */
  given?: readonly FormDirection[];
}

function monthChange(previous: FormTask['previous'], report: TaskReport | undefined): MonthChange | undefined {
  if (!previous || !report) return undefined;
  const { period, ...before } = previous;
  const diff = revisionDiff({ tasks: [before], otherWork: [], reporterName: '' }, { tasks: [report], otherWork: [], reporterName: '' });
  return {
    period,
    progressDelta: report.progress - before.progress,
    statusChanged: report.status !== before.status,
    fields: diff.tasks[0]?.fields ?? [],
  };
}

export function buildUnitReport(i: UnitReportInput): UnitReport {
  const data = i.head && i.head.revision > 0 ? i.head.data : undefined;
  const reported = new Map((data?.tasks ?? []).map((t) => [t.taskId, t]));
  const latest = i.revisions[0];
  return {
    period: i.period,
    unit: i.unit,
    timeZone: i.timeZone,
    revision: data ? (i.head?.revision ?? 0) : 0,
    ...(data && i.head?.submittedAt ? { submittedAt: i.head.submittedAt } : {}),
    ...(data && i.head?.firstSubmittedAt ? { firstSubmittedAt: i.head.firstSubmittedAt } : {}),
    ...(data && i.head?.onTime !== undefined ? { onTime: i.head.onTime } : {}),
    reporterName: data?.reporterName ?? '',
    ...(data && latest ? { submittedBy: { sub: latest.by, ...(latest.byName ? { name: latest.byName } : {}) } } : {}),
    ...(i.head?.draft ? { draftSavedAt: i.head.draft.savedAt } : {}),
    otherWork: data?.otherWork ?? [],
    tasks: i.tasks.map((ft) => {
      const report = reported.get(ft.task.id);
      const change = monthChange(ft.previous, report);
      const leader = ft.task.directingLeader ? i.leaders.find((l) => l.id === ft.task.directingLeader) : undefined;
      return {
        taskId: ft.task.id,
        number: ft.task.number,
        content: ft.task.content,
        ...(leader ? { directingLeader: { id: leader.id, name: leader.name } } : {}),
        carriedOver: ft.carriedOver,
        ...(report ? { report } : {}),
        ...(change ? { change } : {}),
      };
    }),
    revisions: i.revisions.map(({ revision, at, by, byName, onTime, imported }) => ({
      revision,
      at,
      by,
      ...(byName ? { byName } : {}),
      onTime,
      ...(imported ? { imported } : {}),
    })),
    locked: i.locked,
    planFound: i.planFound,
    directions: [
      ...(i.answering ?? []).map((d): UnitReportDirection => {
        const answer = reported
          .get(d.taskId)
          ?.directionAnswers?.find((a) => a.id === d.id)
          ?.text.trim();
        return { ...d, kind: 'answering', ...numberOf(i.tasks, d.taskId), ...(answer ? { answer } : {}) };
      }),
      ...(i.given ?? []).map((d): UnitReportDirection => ({ ...d, kind: 'given', ...numberOf(i.tasks, d.taskId) })),
    ],
  };
}

function numberOf(tasks: readonly FormTask[], taskId: string): { taskNumber?: string } {
  const t = tasks.find((ft) => ft.task.id === taskId);
  return t ? { taskNumber: t.task.number } : {};
}
