/**
 * What changed between two consecutive revisions of a unit's submission, as a reader wants it:
 * task by task, field by field, each value written out in words (the form's labels), and the
 * other work added or dropped. Against nothing (a first revision) it lists what was submitted.
 * `diffSubmission` (core/submission.ts) stays the API's compact list of changed paths; this one is
 * for people (the history page, the form's conflict view).
 * flow: history use case / form conflict view --> revision diff (pure) --> submission labels
 */
import { sizeText, type AttachmentRef } from './attachment.ts';
import { reachedText, type ProductPart } from './product.ts';
import {
  OTHER_WORK_KIND_LABELS,
  PROPOSAL_ADDRESSEE_LABELS,
  REPORT_TEXT_FIELDS,
  REPORTED_STATUS_LABELS,
  type OtherWork,
  type SubmissionData,
  TASK_FIELD_LABELS,
  type TaskReport,
} from './submission.ts';

export type TaskField = Exclude<keyof TaskReport, 'taskId'>;

/** The fields of a task report in the form's order (the labels' order). */
export const TASK_FIELDS = Object.keys(TASK_FIELD_LABELS).filter((k) => k !== 'taskId') as TaskField[];

/** What an absent field means: the form shows these when nothing was filled in. */
const EMPTY: Partial<Record<TaskField, unknown>> = { needsDecision: false, proposalTo: 'lanh-dao-so', attachments: [], directionAnswers: [] };

export const EMPTY_VALUE = '(trống)';

export interface ValueChange {
  /** "progress", "reporterName". */
  field: string;
  /** The form's label: "Tiến độ (%)". */
  label: string;
  before: string;
  after: string;
}

export interface TaskChanges {
  taskId: string;
  /** added: not in the revision before (or the first revision); removed: no longer reported. */
  change: 'added' | 'changed' | 'removed';
  /** For `added`, every field filled in; for `removed`, none. */
  fields: ValueChange[];
}

export interface RevisionDiff {
  reporterName?: ValueChange;
  tasks: TaskChanges[];
  /** Other work as "Thường xuyên: text": an edited row is one removed and one added. */
  otherWork: { added: string[]; removed: string[] };
}

/**
 * A field's value as the form would show it: the status's name, "60%", "Có", a dd/mm/yyyy date, the
 * product reached against the target's parts ("20 nhiệm vụ; 05 hội nghị"; without them, the numbers).
 */
export function describeValue(field: string, value: unknown, parts: readonly ProductPart[] = []): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY_VALUE;
  if (field === 'productReached') return reachedText(parts, value) ?? EMPTY_VALUE;
  if (field === 'attachments' && Array.isArray(value)) return (value as AttachmentRef[]).map((a) => `${a.name} (${sizeText(a.size)})`).join('; ');
  if (field === 'directionAnswers' && Array.isArray(value)) return (value as { text: string }[]).map((a) => a.text).join('; ');
  if (field === 'status') return REPORTED_STATUS_LABELS[value as keyof typeof REPORTED_STATUS_LABELS] ?? String(value);
  if (field === 'progress') return `${String(value)}%`;
  if (field === 'needsDecision') return value ? 'Có' : 'Không';
  if (field === 'proposalTo') return PROPOSAL_ADDRESSEE_LABELS[value as keyof typeof PROPOSAL_ADDRESSEE_LABELS] ?? String(value);
  if (field === 'completedOn' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  return String(value);
}

const fieldValue = (r: TaskReport | undefined, f: TaskField): unknown => r?.[f] ?? EMPTY[f] ?? '';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function taskFields(before: TaskReport | undefined, after: TaskReport, parts: readonly ProductPart[]): ValueChange[] {
  return TASK_FIELDS.filter((f) => !same(fieldValue(before, f), fieldValue(after, f))).map((f) => ({
    field: f,
    label: TASK_FIELD_LABELS[f],
    before: describeValue(f, fieldValue(before, f), parts),
    after: describeValue(f, fieldValue(after, f), parts),
  }));
}

export function otherWorkLine(w: OtherWork): string {
  return `${OTHER_WORK_KIND_LABELS[w.kind] ?? w.kind}: ${w.text}`;
}

/** Lines of `a` not matched by a line of `b`, counting repeats (two equal rows, one dropped: one removed). */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}

/**
 * The changes from `before` (undefined: nothing yet) to `after`, tasks in `after`'s order then those
 * dropped. `products` gives each task's target parts (core/product.ts), for the product's words.
 */
export function revisionDiff(
  before: SubmissionData | undefined,
  after: SubmissionData,
  products: ReadonlyMap<string, readonly ProductPart[]> = new Map(),
): RevisionDiff {
  const old = new Map((before?.tasks ?? []).map((t) => [t.taskId, t]));
  const tasks: TaskChanges[] = [];
  for (const t of after.tasks) {
    const o = old.get(t.taskId);
    const fields = taskFields(o, t, products.get(t.taskId) ?? []);
    if (!o) tasks.push({ taskId: t.taskId, change: 'added', fields });
    else if (fields.length) tasks.push({ taskId: t.taskId, change: 'changed', fields });
    old.delete(t.taskId);
  }
  for (const id of old.keys()) tasks.push({ taskId: id, change: 'removed', fields: [] });
  const wasWork = (before?.otherWork ?? []).map(otherWorkLine);
  const isWork = after.otherWork.map(otherWorkLine);
  const diff: RevisionDiff = { tasks, otherWork: { added: minus(isWork, wasWork), removed: minus(wasWork, isWork) } };
  const from = before?.reporterName ?? '';
  if (from !== after.reporterName) {
    diff.reporterName = {
      field: 'reporterName',
      label: REPORT_TEXT_FIELDS.reporterName.label,
      before: describeValue('', from),
      after: describeValue('', after.reporterName),
    };
  }
  return diff;
}

/** Nothing changed (a revision sent again after a draft, with the same content). */
export function isEmptyDiff(d: RevisionDiff): boolean {
  return !d.reporterName && !d.tasks.length && !d.otherWork.added.length && !d.otherWork.removed.length;
}
