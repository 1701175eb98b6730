/**
 * What a leader's morning digest says (issue 15, item 4): the proposals awaiting the Sở's leaders
 * that arrived since the previous digest, and the tasks that became overdue since then. Both come
 * from the dashboard (core/dashboard.ts), never computed a second way: the proposals are its
 * pending-proposals list (whatever rule it keeps — e.g. leaving out those already directed), the
 * tasks its Director-report rows, judged overdue today with the reports' own rule
 * (core/aggregate/task-status.ts). Pure.
 * flow: leader digest use case --> leader digest (pure) --> dashboard, task status
 */
import { isNewlyOverdue, isPastDeadline } from './aggregate/task-status.ts';
import type { LocalDate } from './clock.ts';
import type { Dashboard, DashboardTask } from './dashboard.ts';
import type { IssueRow } from './report-model.ts';

export interface DigestProposal extends IssueRow {
  /** When the unit sent the report that carries it. */
  submittedAt: string;
}

export interface DigestContent {
  proposals: DigestProposal[];
  overdue: DashboardTask[];
}

export interface DigestWindow {
  /** The previous digest's instant (the previous working day, same time): proposals sent from then on are new. */
  since: Date;
  /** This digest's instant. */
  until: Date;
  /** Local dates of the previous digest and of today: a deadline in [sinceDate, today) has just passed. */
  sinceDate: LocalDate;
  today: LocalDate;
}

/** The new pending proposals of one month's dashboard: those whose unit sent its report in the window. */
function newProposals(d: Dashboard, w: DigestWindow): DigestProposal[] {
  const sentAt = new Map(d.reporting.rows.filter((r) => r.submittedAt).map((r) => [r.unit.code, r.submittedAt!]));
  const out: DigestProposal[] = [];
  for (const i of d.awaitingLeaders) {
    if ((i.period ?? d.period) !== d.period) continue;
    const at = sentAt.get(i.unit.code);
    if (!at) continue;
    const t = Date.parse(at);
    if (t >= w.since.getTime() && t < w.until.getTime()) out.push({ ...i, submittedAt: at });
  }
  return out;
}

/**
 * @param dashboards the month before and this month's dashboards (a report for last month sent late
 *                   carries proposals too); the last one's tasks are judged for overdue.
 */
export function digestContent(dashboards: readonly Dashboard[], w: DigestWindow): DigestContent {
  const current = dashboards.at(-1);
  if (!current) return { proposals: [], overdue: [] };
  return {
    proposals: dashboards.flatMap((d) => newProposals(d, w)),
    overdue: current.tasks.filter((t) => isPastDeadline(t.deadline, w.today) && isNewlyOverdue(t.status, t.deadline, w.sinceDate)),
  };
}

export function isEmptyDigest(c: DigestContent): boolean {
  return c.proposals.length === 0 && c.overdue.length === 0;
}
