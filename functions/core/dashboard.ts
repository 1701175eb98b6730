/**
 * The leaders' dashboard: figures read from the Director's ReportModel of each month of the year,
 * never computed a second way, so the dashboard and the Director's report cannot disagree (a test
 * compares them). The caller builds the models with buildReportModel (audience 'director').
 * flow: dashboard use case --> buildReportModel per month --> dashboard (pure) --> page / API / xlsx
 */
import type { LocalDate } from './clock.ts';
import { isFinished } from './aggregate/task-status.ts';
import { directionId } from './direction.ts';
import type { CountRow, IssueRow, ReportModel, StatusCounts, SubmissionRow, TaskRow, TaskStatus } from './report-model.ts';

export interface DashboardTask {
  taskId: string;
  number: string;
  content: string;
  leadUnit: { code: string; name: string };
  directingLeader?: { id: string; name: string };
  deadlineText: string;
  deadline?: LocalDate;
  status: TaskStatus;
  progress?: number;
}

export interface OverduePoint {
  /** "2024-05". */
  period: string;
  /** "T5". */
  shortLabel: string;
  /** Unfinished tasks past their deadline at the month's cut-off. */
  overdue: number;
  /** Finished late, counted at that cut-off. */
  finishedLate: number;
}

export interface Dashboard {
  year: number;
  /** The month the figures are at ("2024-05"); its label "tháng 5 năm 2024". */
  period: string;
  label: string;
  /** The Director's report's own counts for that month. */
  totals: StatusCounts;
  byUnit: CountRow[];
  byLeader: CountRow[];
  overdueByMonth: OverduePoint[];
  /** Unfinished tasks whose (computable) deadline falls in this month, and in the next. */
  dueThisMonth: DashboardTask[];
  dueNextMonth: DashboardTask[];
  /** Who reported this month (the Director's report's table). */
  reporting: { deadline: LocalDate; due: boolean; rows: SubmissionRow[] };
  /** Proposals that ask the Sở's leaders for a decision, newest month first. */
  awaitingLeaders: IssueRow[];
  /** Every task row of the month, for the lists the figures link to. */
  tasks: DashboardTask[];
}

function taskOf(r: TaskRow): DashboardTask {
  return {
    taskId: r.taskId,
    number: r.number,
    content: r.content,
    leadUnit: r.leadUnit,
    ...(r.directingLeader ? { directingLeader: r.directingLeader } : {}),
    deadlineText: r.deadlineText,
    ...(r.deadline ? { deadline: r.deadline } : {}),
    status: r.status,
    ...(r.progress !== undefined ? { progress: r.progress } : {}),
  };
}

/** "2024-05" → "2024-06" (December → January of the next year). */
export function nextMonthId(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * @param months the Director's monthly models from January to the dashboard's month, in order
 *               (the last one is the month shown).
 */
export function buildDashboard(months: readonly ReportModel[]): Dashboard {
  const current = months.at(-1);
  if (!current) throw new Error('buildDashboard needs at least one month');
  if (current.audience !== 'director' || current.period.kind !== 'monthly') throw new Error('buildDashboard reads monthly Director models');
  const rows = current.groups.flatMap((g) => g.rows);
  const thisMonth = current.period.id;
  const nextMonth = nextMonthId(thisMonth);
  const dueIn = (month: string) => rows.filter((r) => r.deadline?.startsWith(`${month}-`) && !isFinished(r.status)).map(taskOf);
  const reportingMonth = current.submissionMonths.find((m) => m.period === thisMonth);
  return {
    year: Number(thisMonth.slice(0, 4)),
    period: thisMonth,
    label: current.period.label,
    totals: current.totals,
    byUnit: current.byUnit,
    byLeader: current.byLeader,
    overdueByMonth: months.map((m) => ({
      period: m.period.id,
      shortLabel: `T${Number(m.period.id.slice(5))}`,
      overdue: m.totals['chua-hoan-thanh-qua-han'],
      finishedLate: m.totals['hoan-thanh-qua-han'],
    })),
    dueThisMonth: dueIn(thisMonth),
    dueNextMonth: dueIn(nextMonth),
    reporting: reportingMonth
      ? { deadline: reportingMonth.deadline, due: reportingMonth.due, rows: reportingMonth.rows }
      : { deadline: current.period.submissionDeadline, due: false, rows: [] },
    awaitingLeaders: pendingProposals(current),
    tasks: rows.map(taskOf),
  };
}

/**
 * The proposals of a Director's model that ask the Sở's leaders for a decision and have no
 * direction yet, newest month first: the dashboard's list and the leaders' digest read this one
 * rule. A proposal with a direction (the model's `directedProposals`) is answered.
 */
export function pendingProposals(model: ReportModel): IssueRow[] {
  const directed = new Set(model.directedProposals ?? []);
  return model.issues
    .filter((i) => i.needsDecision && i.proposalTo === 'lanh-dao-so')
    .filter((i) => !(i.taskId && i.period && directed.has(directionId(i.period, i.unit.code, i.taskId))))
    .sort((a, b) => ((a.period ?? '') < (b.period ?? '') ? 1 : (a.period ?? '') > (b.period ?? '') ? -1 : 0));
}

/** Filters of the task list a figure links to. */
export interface TaskFilter {
  unit?: string;
  leader?: string;
  status?: TaskStatus;
  due?: 'this-month' | 'next-month';
}

export function filterTasks(d: Dashboard, f: TaskFilter): DashboardTask[] {
  if (f.due === 'this-month') return d.dueThisMonth;
  if (f.due === 'next-month') return d.dueNextMonth;
  return d.tasks.filter(
    (t) =>
      (f.unit === undefined || t.leadUnit.code === f.unit) &&
      (f.leader === undefined || (t.directingLeader?.id ?? '') === f.leader) &&
      (f.status === undefined || t.status === f.status),
  );
}

/** One month of a task as that month's Director report printed it. */
export interface TaskMonth {
  period: string;
  shortLabel: string;
  status: TaskStatus;
  progress?: number;
  result: string;
  difficulties: string;
  proposals: string;
  /** No report on the task that month (the status comes from the plan and earlier reports). */
  unreported: boolean;
}

export interface TaskTimeline {
  task: DashboardTask & { category: string; coordinatingUnits: string[]; productTarget?: string };
  months: TaskMonth[];
}

/** A task across the months of the year, from the same monthly Director models; undefined if no month has it. */
export function taskTimeline(months: readonly ReportModel[], taskId: string): TaskTimeline | undefined {
  let latest: TaskRow | undefined;
  const out: TaskMonth[] = [];
  for (const m of months) {
    const row = m.groups.flatMap((g) => g.rows).find((r) => r.taskId === taskId);
    if (!row) continue;
    latest = row;
    out.push({
      period: m.period.id,
      shortLabel: `T${Number(m.period.id.slice(5))}`,
      status: row.status,
      ...(row.progress !== undefined ? { progress: row.progress } : {}),
      result: row.result ?? '',
      difficulties: row.difficulties ?? '',
      proposals: row.proposals ?? '',
      unreported: row.unreported === true || row.carried === true,
    });
  }
  if (!latest) return undefined;
  return {
    task: {
      ...taskOf(latest),
      category: latest.category,
      coordinatingUnits: latest.coordinatingUnits,
      ...(latest.productTarget ? { productTarget: latest.productTarget } : {}),
    },
    months: out,
  };
}
