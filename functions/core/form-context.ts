/**
 * What GET /api/form answers: the period, the unit, its due tasks with last period's values, where
 * the submission stands and what the form starts with. The form's script reads the same type.
 * flow: form context use case, page script --> form context (types only)
 */
import type { PlanTask } from './plan.ts';
import type { SubmissionData, SubmissionHead } from './submission.ts';

export interface FormTask {
  task: PlanTask;
  carriedOver: boolean;
  previous?: SubmissionData['tasks'][number] & { period: string };
}

export interface FormContext {
  period: { id: string; label: string; deadline: string; window: { from: string; to: string } };
  unit: { code: string; name: string };
  tasks: FormTask[];
  head?: SubmissionHead;
  /** What the form starts with: the draft, else the latest submission, else last period's values. */
  initial: SubmissionData;
  locked: boolean;
  planFound: boolean;
  leaders: { id: string; name: string }[];
}
