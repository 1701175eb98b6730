/**
 * Types of form-rules.js (plain JS the browser loads without a build step), so the TypeScript
 * tests that compare it with core/submission-rules.ts are type-checked too.
 * flow: tests --> form-rules.d.ts
 */
import type { PlanTask, PlanTime } from '../../functions/core/plan.ts';
import type { ReportedStatus, SubmissionData, TaskReport } from '../../functions/core/submission.ts';

/** A task report as the form holds it: progress may be null (empty input) or NaN (not a number). */
export type FormTaskReport = Omit<TaskReport, 'progress' | 'productReached'> & { progress: number | null; productReached?: number | null };
export interface FormData {
  tasks: FormTaskReport[];
  otherWork: { kind: string; text: string }[];
  reporterName: string;
}
export interface FormRuleContext {
  tasks: Record<string, Pick<PlanTask, 'finish'>>;
  previous: Record<string, Pick<TaskReport, 'progress'>>;
  today: string;
}
export interface FormError {
  field: string;
  message: string;
}

export const STATUS_LABELS: Record<ReportedStatus, string>;
export const STATUSES: ReportedStatus[];
export const OTHER_WORK_LABELS: Record<'thuong-xuyen' | 'dot-xuat', string>;
export const PROPOSAL_TO_LABELS: Record<'lanh-dao-so' | 'ubnd-tinh', string>;
export function formatPlanTime(t: PlanTime | undefined): string;
export function taskDeadline(task: Pick<PlanTask, 'finish'> | undefined): string | undefined;
export function localToday(now?: Date, timeZone?: string): string;
export function reasonNeeded(report: Pick<FormTaskReport, 'status' | 'progress' | 'completedOn'>, task: Pick<PlanTask, 'finish'> | undefined, previous?: Pick<TaskReport, 'progress'>): 'progress-fell' | 'late-finish' | undefined;
export function checkTask(report: FormTaskReport, task: Pick<PlanTask, 'finish'>, previous: Pick<TaskReport, 'progress'> | undefined, today: string, final: boolean): FormError[];
export function checkSubmission(data: FormData, ctx: FormRuleContext, opts: { final: boolean }): FormError[];
export function toSubmissionData(form: FormData, ctx: FormRuleContext): SubmissionData;
export function emptyReport(taskId: string): TaskReport;
export function parseFieldPath(path: string):
  | { kind: 'task'; index: number; field: string }
  | { kind: 'otherWork'; index: number; field: string }
  | { kind: 'reporterName' }
  | { kind: 'period' }
  | { kind: 'other' };
