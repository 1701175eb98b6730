/**
 * Which tasks a unit reports on in a period: its tasks active in the period, plus every earlier
 * task of the year still unfinished at its latest report, and what it reported last for each
 * (the form pre-fills from it; the rules compare progress with it).
 * flow: submissions use case --> due tasks --> PlanStore / SubmissionStore
 */
import { isTaskActive, timeMonthIndex, type PlanTask } from '../core/plan.ts';
import { taskForPeriod } from '../core/plan-amendment.ts';
import { monthIndex } from '../core/clock.ts';
import type { Period } from '../core/period.ts';
import type { SubmissionHead, TaskReport } from '../core/submission.ts';
import { latestReports } from '../core/aggregate/latest-reports.ts';
import type { PlanStore, SubmissionStore } from './ports.ts';

export interface DueTasks {
  tasks: PlanTask[];
  /** Latest submitted report of each task before this period. */
  previous: Map<string, TaskReport & { period: string }>;
  /** Tasks carried over from earlier periods because they were not finished. */
  carriedOver: Set<string>;
  planFound: boolean;
}

/** The due tasks of one unit from its plan tasks and its earlier submission heads (pure). */
function tasksDue(unitTasks: readonly PlanTask[], earlier: readonly SubmissionHead[], unit: string, period: Period): DueTasks {
  // Only submitted data counts, newest period first (the same picking as the reports').
  const previous = new Map([...latestReports(earlier, () => unit, 'Asia/Ho_Chi_Minh')].map(([id, p]) => [id, { ...p.report, period: p.period }]));
  const carriedOver = new Set<string>();
  const first = monthIndex(period.firstMonth.year, period.firstMonth.month);
  // Deadlines as the period sees them: amended by decisions dated on or before its end.
  const due = unitTasks
    .map((t) => taskForPeriod(t, period))
    .filter((t) => {
      if (isTaskActive(t, period.year, period)) return true;
      const finish = timeMonthIndex(t.finish);
      const ended = finish !== undefined && finish < first;
      if (ended && previous.get(t.id)?.status !== 'hoan-thanh') {
        carriedOver.add(t.id);
        return true;
      }
      return false;
    })
    .sort((a, b) => a.order - b.order);
  return { tasks: due, previous, carriedOver, planFound: unitTasks.length > 0 };
}

/** How far back a unit's submissions are read for pre-filling and carried-over tasks: a year. */
const EARLIER_HEADS = 12;

export async function dueTasks(stores: { plans: PlanStore; submissions: SubmissionStore }, agencyId: string, unit: string, period: Period): Promise<DueTasks> {
  const [tasks, earlier] = await Promise.all([
    stores.plans.tasksByUnit(agencyId, period.year, unit),
    stores.submissions.headsOfUnitBefore(agencyId, unit, period.id, EARLIER_HEADS),
  ]);
  return tasksDue(tasks, earlier, unit, period);
}

/** The due tasks of several units, reading the year's plan once rather than once per unit. */
export async function dueTasksOfUnits(
  stores: { plans: PlanStore; submissions: SubmissionStore },
  agencyId: string,
  units: readonly string[],
  period: Period,
): Promise<Map<string, DueTasks>> {
  const [plan, earlier] = await Promise.all([
    stores.plans.getPlan(agencyId, period.year),
    Promise.all(units.map((u) => stores.submissions.headsOfUnitBefore(agencyId, u, period.id, EARLIER_HEADS))),
  ]);
  return new Map(
    units.map((u, i) => [
      u,
      tasksDue(
        (plan?.tasks ?? []).filter((t) => t.leadUnit === u),
        earlier[i]!,
        u,
        period,
      ),
    ]),
  );
}
