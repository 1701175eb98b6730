/**
 * The form's checks for instant feedback while typing, on what the form holds (a progress box may be
 * empty or not a number): the figures' own checks, then the very rules the server runs
 * (core/submission-rules.ts), with the server's field paths so client and server errors land in the
 * same place. Pure: no DOM, runs in the browser and in Node.
 * flow: form page script --> form check --> core submission rules, plan, text
 */
import { localDate } from '../../../functions/core/clock.ts';
import type { FormContext } from '../../../functions/core/form-context.ts';
import type { PlanTask } from '../../../functions/core/plan.ts';
import { partLabel, productNegativeMessage, reachedList, taskProductParts } from '../../../functions/core/product.ts';
import { checkTaskRules, checkWholeSubmission, PROGRESS_MESSAGES, reasonNeeded, type RuleError } from '../../../functions/core/submission-rules.ts';
import {
  REPORT_TEXT_FIELDS,
  type OtherWorkKind,
  type ProposalAddressee,
  type ReportedStatus,
  type SubmissionData,
  type TaskReport,
} from '../../../functions/core/submission.ts';
import { charCount, isFilledIn, tooLongMessage } from '../../../functions/core/text.ts';
import { TIME_ZONE } from './time-zone.ts';

/**
 * A task report as the form holds it: progress may be null (empty input) or NaN (not a number); the
 * product one entry per box (null: empty, NaN: not a number). A copy kept on this machine before the
 * boxes were split holds one number.
 */
export type FormTaskReport = Omit<TaskReport, 'progress' | 'productReached' | 'proposalTo' | 'status'> & {
  status: ReportedStatus | string;
  progress: number | null;
  productReached?: (number | null)[] | number | null;
  proposalTo?: ProposalAddressee | string;
};
/** What the form's checks read of a task: its deadline and its product target. */
export type FormRuleTask = Pick<PlanTask, 'finish' | 'product' | 'milestones'>;
export interface FormData {
  tasks: FormTaskReport[];
  otherWork: { kind: OtherWorkKind | string; text: string }[];
  reporterName: string;
}
/** The tasks and last period's reports keyed by task id, and today in the agency's zone. */
export interface FormRuleContext {
  tasks: Record<string, FormRuleTask>;
  previous: Record<string, Pick<TaskReport, 'progress'>>;
  today: string;
}
export type FormError = RuleError;

/** Today's date (YYYY-MM-DD) in the agency's zone. */
export function localToday(now = new Date(), timeZone = TIME_ZONE): string {
  return localDate(now, timeZone);
}

export function ruleContext(ctx: Pick<FormContext, 'tasks'>, today = localToday()): FormRuleContext {
  const tasks: FormRuleContext['tasks'] = {};
  const previous: FormRuleContext['previous'] = {};
  for (const ft of ctx.tasks) {
    tasks[ft.task.id] = ft.task;
    if (ft.previous) previous[ft.task.id] = ft.previous;
  }
  return { tasks, previous, today };
}

/** The progress the rules may use: undefined while the box is empty or wrong (its own message says so). */
function usableProgress(p: number | null | undefined): number | undefined {
  return typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 100 ? p : undefined;
}

/** The form's view of a report, as the core rules read it. */
function asRuleInput(report: Pick<FormTaskReport, 'status' | 'progress' | 'completedOn' | 'reason' | 'result'>) {
  return { ...report, status: report.status as ReportedStatus, progress: usableProgress(report.progress) };
}

export function reasonNeededInForm(
  report: Pick<FormTaskReport, 'status' | 'progress' | 'completedOn'>,
  task: Pick<PlanTask, 'finish'>,
  previous?: Pick<TaskReport, 'progress'>,
) {
  return reasonNeeded(
    {
      ...report,
      status: report.status as ReportedStatus,
      progress: typeof report.progress === 'number' && !Number.isNaN(report.progress) ? report.progress : undefined,
    },
    task,
    previous,
  );
}

/**
 * Checks one task report. Field names are relative to the task ("progress", "reason" …): first
 * what the API's schema says of the figures, then the server's rules of a task.
 */
export function checkTask(
  report: FormTaskReport,
  task: FormRuleTask,
  previous: Pick<TaskReport, 'progress'> | undefined,
  today: string,
  final: boolean,
): FormError[] {
  const errors: FormError[] = [];
  const p = report.progress;
  if (p === null || p === undefined || Number.isNaN(p)) errors.push({ field: 'progress', message: PROGRESS_MESSAGES.missing });
  else if (!Number.isInteger(p)) errors.push({ field: 'progress', message: PROGRESS_MESSAGES.notInteger });
  else if (p < 0 || p > 100) errors.push({ field: 'progress', message: PROGRESS_MESSAGES.outOfRange });
  const pr = report.productReached;
  const values = typeof pr === 'number' ? [pr] : (pr ?? []);
  const parts = values.length ? taskProductParts(task) : [];
  values.forEach((v, i) => {
    if (v !== null && (Number.isNaN(v) || v < 0)) errors.push({ field: `productReached.${i}`, message: productNegativeMessage(partLabel(parts, i)) });
  });
  errors.push(...checkTaskRules(asRuleInput(report), task, previous, today, final));
  return errors;
}

/**
 * Checks a whole submission as the form holds it. Returns [{ field, message }] with the server's
 * field paths ("tasks.3.reason", "reporterName", "otherWork.1.text").
 */
export function checkSubmission(data: FormData, ctx: FormRuleContext, opts: { final: boolean }): FormError[] {
  const errors: FormError[] = [];
  data.tasks.forEach((r, i) => {
    const task = ctx.tasks[r.taskId];
    if (!task) return;
    for (const e of checkTask(r, task, ctx.previous[r.taskId], ctx.today, opts.final)) errors.push({ field: `tasks.${i}.${e.field}`, message: e.message });
  });
  const { max, label } = REPORT_TEXT_FIELDS.otherWork;
  (data.otherWork || []).forEach((w, i) => {
    if (charCount(w.text || '') > max) errors.push({ field: `otherWork.${i}.text`, message: tooLongMessage(label, max) });
  });
  errors.push(...checkWholeSubmission(data, Object.keys(ctx.tasks).length, opts));
  return errors;
}

/**
 * What the API accepts, from what the form holds: a completion date only for a finished task,
 * a reason only when one is needed or written, empty other-work rows left out.
 */
export function toSubmissionData(form: FormData, ctx: FormRuleContext): SubmissionData {
  return {
    reporterName: form.reporterName || '',
    otherWork: (form.otherWork || []).filter((w) => isFilledIn(w.text)).map((w) => ({ kind: w.kind as OtherWorkKind, text: w.text })),
    tasks: form.tasks.map((r) => {
      const out: TaskReport = {
        taskId: r.taskId,
        status: r.status as ReportedStatus,
        progress: r.progress as number,
        result: r.result || '',
        difficulties: r.difficulties || '',
        proposals: r.proposals || '',
        needsDecision: r.needsDecision === true,
        nextPlan: r.nextPlan || '',
      };
      // Only a proposal addressed to UBND tỉnh says so; leaders' is the default and a leader's decision is asked only of them.
      if (isFilledIn(r.proposals) && r.proposalTo === 'ubnd-tinh') {
        out.proposalTo = 'ubnd-tinh';
        out.needsDecision = false;
      }
      const reached = reachedList(
        typeof r.productReached === 'number' ? r.productReached : (r.productReached ?? []).map((v) => (v !== null && v >= 0 ? v : null)),
      );
      if (reached) out.productReached = reached;
      if (r.status === 'hoan-thanh' && r.completedOn) out.completedOn = r.completedOn;
      const answers = (r.directionAnswers ?? []).filter((a) => isFilledIn(a.text));
      if (answers.length) out.directionAnswers = answers;
      const task = ctx.tasks[r.taskId];
      // A reason typed earlier but no longer needed stays in the form (hidden) and is not sent.
      if (isFilledIn(r.reason) && task && reasonNeededInForm(r, task, ctx.previous[r.taskId])) out.reason = r.reason;
      return out;
    }),
  };
}

/** A fresh report for a task nobody has reported on yet. */
export function emptyReport(taskId: string): TaskReport {
  return { taskId, status: 'chua-trien-khai', progress: 0, result: '', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' };
}

export type FieldPlace =
  | { kind: 'task'; index: number; field: string }
  | { kind: 'otherWork'; index: number; field: string }
  | { kind: 'reporterName' }
  | { kind: 'period' }
  | { kind: 'other' };

/** "data.tasks.3.reason" → { kind: 'task', index: 3, field: 'reason' }; "data.reporterName" → { kind: 'reporterName' }. */
export function parseFieldPath(path: string): FieldPlace {
  const p = String(path || '').replace(/^data\./, '');
  // "tasks.0.productReached.1": the product's second box.
  let m = /^tasks\.(\d+)\.(\w+(?:\.\d+)?)/.exec(p);
  if (m) return { kind: 'task', index: Number(m[1]), field: m[2]! };
  m = /^otherWork\.(\d+)(?:\.(\w+))?/.exec(p);
  if (m) return { kind: 'otherWork', index: Number(m[1]), field: m[2] || 'text' };
  if (p === 'reporterName') return { kind: 'reporterName' };
  if (p === 'period') return { kind: 'period' };
  return { kind: 'other' };
}
