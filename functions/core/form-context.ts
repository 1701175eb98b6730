/**
 * What GET /api/form answers: the period, the unit, its due tasks with last period's values, where
 * the submission stands and what the form starts with. The form's script reads the same type.
 * flow: form context use case, page script --> form context (types only)
 */
import type { PlanTask } from './plan.ts';
import type { SubmissionData, SubmissionHead } from './submission.ts';
import { responsibleUnitOf, type Direction } from './direction.ts';
import type { AgencyProfile } from './agency.ts';
import { parsePeriod, periodLabel } from './period.ts';

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
  /**
   * The leaders' directions the unit answers this month, next to their task: given on a proposal
   * of an earlier month and not yet answered in a report sent before this month (core/direction.ts).
   */
  directions?: FormDirection[];
}

/** A direction as the form shows it. */
export interface FormDirection {
  id: string;
  taskId: string;
  version: number;
  text: string;
  deadline?: string;
  responsibleUnit: { code: string; name: string };
  /** Who gave it and when (ISO instant of its current version). */
  byName: string;
  at: string;
  proposal: { period: string; label: string; proposals: string };
}

export function formDirection(d: Direction, profile: Pick<AgencyProfile, 'units'>): FormDirection {
  const code = responsibleUnitOf(d);
  return {
    id: d.id,
    taskId: d.proposal.taskId,
    version: d.version,
    text: d.text,
    ...(d.deadline ? { deadline: d.deadline } : {}),
    responsibleUnit: { code, name: profile.units.find((u) => u.code === code)?.name ?? code },
    byName: d.byName,
    at: d.at,
    proposal: { period: d.proposal.period, label: periodLabel(parsePeriod(d.proposal.period)), proposals: d.proposal.proposals },
  };
}
