/**
 * Which tasks a unit reports on in a period: its tasks active in the period, plus every earlier
 * task of the year still unfinished at its latest report, and what it reported last for each
 * (the form pre-fills from it; the rules compare progress with it).
 * flow: submissions use case --> due tasks --> PlanStore / SubmissionStore
 */
import { isTaskActive, timeMonthIndex, type PlanTask } from '../core/plan.ts';
import { monthIndex } from '../core/clock.ts';
import type { Period } from '../core/period.ts';
import type { SubmissionHead, TaskReport } from '../core/submission.ts';
import type { PlanStore, SubmissionStore } from './ports.ts';

export interface DueTasks {
  tasks: PlanTask[];
  /** Latest submitted report of each task before this period. */
  previous: Map<string, TaskReport & { period: string }>;
  /** Tasks carried over from earlier periods because they were not finished. */
  carriedOver: Set<string>;
  planFound: boolean;
}

/** Reports from earlier heads, newest first wins. */
export function latestEarlierReports(heads: readonly SubmissionHead[]): Map<string, TaskReport & { period: string }> {
  const out = new Map<string, TaskReport & { period: string }>();
  const sorted = [...heads].sort((a, b) => (a.period < b.period ? 1 : -1));
  for (const h of sorted) {
    for (const r of h.data?.tasks ?? []) if (!out.has(r.taskId)) out.set(r.taskId, { ...r, period: h.period });
  }
  return out;
}

export async function dueTasks(stores: { plans: PlanStore; submissions: SubmissionStore }, agencyId: string, unit: string, period: Period): Promise<DueTasks> {
  const [tasks, earlier] = await Promise.all([
    stores.plans.tasksByUnit(agencyId, period.year, unit),
    stores.submissions.headsOfUnitBefore(agencyId, unit, period.id, 12),
  ]);
  const previous = latestEarlierReports(earlier);
  const carriedOver = new Set<string>();
  const first = monthIndex(period.firstMonth.year, period.firstMonth.month);
  const due = tasks
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
  return { tasks: due, previous, carriedOver, planFound: tasks.length > 0 };
}
