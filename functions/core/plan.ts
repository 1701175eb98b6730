/**
 * The yearly plan (kế hoạch, chương trình khung) and its tasks (nhiệm vụ), with every field the
 * seeds show, and the rule for which tasks are active in a period.
 * flow: use case --> plan (pure)
 */
import { daysInMonth, monthIndex, ymd, type LocalDate } from './clock.ts';
import type { Period } from './period.ts';
import type { PlanDocument } from './plan-document.ts';

/**
 * When a task starts or finishes. Plans give a month ("Hoàn thành (tháng) 12", "Tháng 11/2024"),
 * sometimes a date, and sometimes only a reference ("Theo Kế hoạch 483/KH-UBND") that has no
 * computable deadline.
 */
export type PlanTime = { kind: 'month'; year: number; month: number } | { kind: 'date'; date: LocalDate } | { kind: 'text'; text: string };

/** An expected (or reached) product: "03 doanh nghiệp được hỗ trợ" = quantity 3, measure "doanh nghiệp được hỗ trợ". */
export interface Product {
  text: string;
  quantity?: number;
  measure?: string;
}

export type TaskCategory =
  /** Nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao. */
  | 'trong-tam-ubnd'
  /** Nhiệm vụ chấp thuận (proposed by the Sở, approved by the Chủ tịch UBND tỉnh). */
  | 'chap-thuan'
  /** The Sở's own plan tasks (chương trình khung, kế hoạch). */
  | 'ke-hoach'
  /** Nhiệm vụ thường xuyên. */
  | 'thuong-xuyen'
  /** Nhiệm vụ đột xuất, phát sinh (e.g. from meeting conclusions). */
  | 'dot-xuat';

export const TASK_CATEGORIES: readonly TaskCategory[] = ['trong-tam-ubnd', 'chap-thuan', 'ke-hoach', 'thuong-xuyen', 'dot-xuat'];

export const CATEGORY_LABELS: Record<TaskCategory, string> = {
  'trong-tam-ubnd': 'Nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao',
  'chap-thuan': 'Nhiệm vụ chấp thuận',
  'ke-hoach': 'Nhiệm vụ theo kế hoạch của Sở',
  'thuong-xuyen': 'Nhiệm vụ thường xuyên',
  'dot-xuat': 'Nhiệm vụ đột xuất, phát sinh',
};

/** A step of a task (giải pháp thực hiện), each with its time, product and who carries it out. */
export interface Milestone {
  text: string;
  start?: PlanTime;
  finish?: PlanTime;
  product?: Product;
  /** Who carries it out, as written ("Phòng QLKH", "Đ/c Lê Thị Thanh Lợi - TP QLKH"). */
  executor?: string;
}

/** A Roman-numeral section of the plan table: it names a unit (seed 000) or a category (seed 004). */
export interface TaskGroup {
  numeral: string;
  title: string;
}

export interface PlanTask {
  /** Stable id within the plan year, safe in keys and URLs: "I-1", "II-2-1". */
  id: string;
  /** Number as printed in the TT column: "1", "2.1". */
  number: string;
  group: TaskGroup;
  /** Titles of enclosing items when the task is an indicator of a larger task ("Nhiệm vụ 2"). */
  parents?: string[];
  category: TaskCategory;
  content: string;
  /** Code of the unit in charge (đơn vị chủ trì). */
  leadUnit: string;
  coordinatingUnits: string[];
  /** Id of the leader who directs it (lãnh đạo trực tiếp chỉ đạo). */
  directingLeader?: string;
  /** Named person in charge ("Chủ trì thực hiện: Trưởng phòng QLKH"). */
  personInCharge?: string;
  start?: PlanTime;
  finish?: PlanTime;
  product?: Product;
  milestones: Milestone[];
  /** The document that assigned it ("Quyết định số 184/QĐ-UBND ngày 24/01/2024"). */
  sourceDocument?: string;
  /** Position in the plan table, for ordering. */
  order: number;
  /** Deadline extensions decided after the plan, oldest first (core/plan-amendment.ts); kept across re-imports. */
  amendments?: DeadlineAmendment[];
  /**
   * Only on a task resolved for a period (core/plan-amendment.ts#taskForPeriod): the amendment in
   * force at the period's end (`finish` is then its deadline) and the plan's own finish.
   */
  amendedBy?: DeadlineAmendment;
  plannedFinish?: PlanTime;
}

/** A decision (quyết định) that extends a task's deadline: its number, date and reason. */
export interface DeadlineDecision {
  /** "123/QĐ-SKHCN". */
  number: string;
  date: LocalDate;
  reason: string;
}

/** One extension of a task's deadline, with who recorded it and when. */
export interface DeadlineAmendment {
  /** The new last day on which the task is on time. */
  deadline: LocalDate;
  decision: DeadlineDecision;
  /** ISO instant and actor ("Nguyễn Thị Hoa (sub)") of the recording. */
  recordedAt: string;
  recordedBy: string;
}

export interface Plan {
  agencyId: string;
  year: number;
  /** Title of the plan document. */
  title?: string;
  /** Its number and date as found at import ("Kế hoạch số …/KH-KHCN"), possibly with blanks. */
  sourceDocument?: string;
  /** Kind, number, date and title set by an operator (`plan-document`); wins over what import found. */
  document?: PlanDocument;
  tasks: PlanTask[];
}

/** Month index of a plan time, or undefined when it is free text. */
export function timeMonthIndex(t: PlanTime | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === 'month') return monthIndex(t.year, t.month);
  if (t.kind === 'date') return monthIndex(Number(t.date.slice(0, 4)), Number(t.date.slice(5, 7)));
  return undefined;
}

/**
 * The last local day on which the task is on time, or undefined when the plan gives no
 * computable deadline (free text). A month deadline means the end of that month.
 */
export function taskDeadline(task: Pick<PlanTask, 'finish'>): LocalDate | undefined {
  const f = task.finish;
  if (!f) return undefined;
  if (f.kind === 'date') return f.date;
  if (f.kind === 'month') return ymd(f.year, f.month, daysInMonth(f.year, f.month));
  return undefined;
}

/**
 * Whether a task is active in a period: its months overlap the period's months. A task with no
 * start is active from the start of its plan year; one with no computable finish (free text or
 * none) until the end of it.
 */
export function isTaskActive(task: Pick<PlanTask, 'start' | 'finish'>, planYear: number, period: Period): boolean {
  const start = timeMonthIndex(task.start) ?? monthIndex(planYear, 1);
  const finish = timeMonthIndex(task.finish) ?? monthIndex(planYear, 12);
  const pFirst = monthIndex(period.firstMonth.year, period.firstMonth.month);
  const pLast = monthIndex(period.lastMonth.year, period.lastMonth.month);
  return start <= pLast && finish >= pFirst;
}

/** The tasks active in a period, in plan order. */
export function activeTasks(plan: Plan, period: Period): PlanTask[] {
  return plan.tasks.filter((t) => isTaskActive(t, plan.year, period)).sort((a, b) => a.order - b.order);
}

/** "Tháng 11/2024", "30/11/2024", or the text itself. */
export function formatPlanTime(t: PlanTime | undefined): string {
  if (!t) return '';
  if (t.kind === 'month') return `Tháng ${String(t.month).padStart(2, '0')}/${t.year}`;
  if (t.kind === 'date') return `${t.date.slice(8, 10)}/${t.date.slice(5, 7)}/${t.date.slice(0, 4)}`;
  return t.text;
}

/** Task ids are derived from the numbering path so that re-importing the same plan gives the same ids. */
export function taskIdFromPath(parts: string[]): string {
  return parts
    .map((p) => p.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('-');
}
