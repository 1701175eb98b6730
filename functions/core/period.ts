/**
 * Reporting periods and their data cut-off windows (Nghị định 09/2019/NĐ-CP, Điều 12), with the
 * agency's submission deadline. All dates are local to the agency's time zone.
 * flow: use case --> period (pure)
 *
 * Period ids: "2024-05" (monthly), "2024-Q2" (quarterly), "2024-H1" / "2024-H2" (half-year),
 * "2024-9M" (nine months), "2024" (annual).
 */
import { addDays, addMonths, daysInMonth, localParts, monthIndex, ymd, zonedInstant, type LocalDate } from './clock.ts';

export type PeriodKind = 'monthly' | 'quarterly' | 'half-year' | 'nine-months' | 'annual';
export const PERIOD_KINDS: readonly PeriodKind[] = ['monthly', 'quarterly', 'half-year', 'nine-months', 'annual'];

export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 9 for nine months; 12 for a year. */
  index: number;
  /** First and last reporting month (inclusive) of the period. */
  firstMonth: { year: number; month: number };
  lastMonth: { year: number; month: number };
}

/**
 * Per-agency overrides of the default windows.
 * - `cutoffDay`: the window closes on this day of the period's last month and opens the day after
 *   it in the month before the first month (default 14: 15th → 14th).
 * - `mode: 'calendar'`: windows are whole calendar months instead (1st → last day).
 * - `deadlineDay`: submission deadline day per kind (default: the profile's submissionDeadlineDay).
 */
export interface PeriodWindowOverrides {
  mode?: 'nd09' | 'calendar';
  cutoffDay?: number;
  deadlineDay?: Partial<Record<PeriodKind, number>>;
}

/** Any period id (the shape only; parsePeriod also checks the year). */
export const PERIOD_ID_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-9M)?$/;

export class PeriodError extends Error {
  override name = 'PeriodError';
}

const PATTERNS: [RegExp, PeriodKind][] = [
  [/^(\d{4})-(0[1-9]|1[0-2])$/, 'monthly'],
  [/^(\d{4})-Q([1-4])$/, 'quarterly'],
  [/^(\d{4})-H([12])$/, 'half-year'],
  [/^(\d{4})-9M$/, 'nine-months'],
  [/^(\d{4})$/, 'annual'],
];

/** Parses a period id; throws PeriodError with a message a person can act on. */
export function parsePeriod(id: string): Period {
  for (const [re, kind] of PATTERNS) {
    const m = re.exec(id);
    if (!m) continue;
    const year = Number(m[1]);
    if (year < 2000 || year > 2100) break;
    return makePeriod(kind, year, m[2] !== undefined ? Number(m[2]) : kind === 'nine-months' ? 9 : 12);
  }
  throw new PeriodError(
    `Kỳ báo cáo không hợp lệ: "${id}". Dùng YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M hoặc YYYY. ` +
      `(Invalid period "${id}": use YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M or YYYY.)`,
  );
}

export function makePeriod(kind: PeriodKind, year: number, index: number): Period {
  const month = (m: number) => ({ year, month: m });
  switch (kind) {
    case 'monthly':
      return { id: `${year}-${String(index).padStart(2, '0')}`, kind, year, index, firstMonth: month(index), lastMonth: month(index) };
    case 'quarterly':
      return { id: `${year}-Q${index}`, kind, year, index, firstMonth: month(index * 3 - 2), lastMonth: month(index * 3) };
    case 'half-year':
      return { id: `${year}-H${index}`, kind, year, index, firstMonth: month(index * 6 - 5), lastMonth: month(index * 6) };
    case 'nine-months':
      return { id: `${year}-9M`, kind, year, index: 9, firstMonth: month(1), lastMonth: month(9) };
    case 'annual':
      return { id: `${year}`, kind, year, index: 12, firstMonth: month(1), lastMonth: month(12) };
  }
}

/** The kind a period id implies, or undefined when it is not a period id. */
export function periodKindOf(id: string): PeriodKind | undefined {
  try {
    return parsePeriod(id).kind;
  } catch {
    return undefined;
  }
}

export interface PeriodWindow {
  /** First local day of data (inclusive). */
  from: LocalDate;
  /** Last local day of data (inclusive): the cut-off. */
  to: LocalDate;
}

/** The data window of a period. Default: 15th of the month before the first month → 14th of the last month. */
export function periodWindow(period: Period, overrides?: PeriodWindowOverrides): PeriodWindow {
  if (overrides?.mode === 'calendar') {
    const { year, month } = period.lastMonth;
    return { from: ymd(period.firstMonth.year, period.firstMonth.month, 1), to: ymd(year, month, daysInMonth(year, month)) };
  }
  const cutoff = overrides?.cutoffDay ?? 14;
  const before = addMonths(period.firstMonth.year, period.firstMonth.month, -1);
  const lastDay = Math.min(cutoff, daysInMonth(period.lastMonth.year, period.lastMonth.month));
  const to = ymd(period.lastMonth.year, period.lastMonth.month, lastDay);
  const from = addDays(ymd(before.year, before.month, Math.min(cutoff, daysInMonth(before.year, before.month))), 1);
  return { from, to };
}

/** Every month of the period, oldest first. */
export function periodMonths(period: Period): { year: number; month: number }[] {
  const out: { year: number; month: number }[] = [];
  const start = monthIndex(period.firstMonth.year, period.firstMonth.month);
  const end = monthIndex(period.lastMonth.year, period.lastMonth.month);
  for (let i = start; i <= end; i++) out.push({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  return out;
}

/** The monthly periods a longer period is made of (its submissions are monthly). */
export function monthlyPeriodsOf(period: Period): Period[] {
  return periodMonths(period).map((m) => makePeriod('monthly', m.year, m.month));
}

export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case 'monthly': {
      const m = addMonths(period.year, period.index, -1);
      return makePeriod('monthly', m.year, m.month);
    }
    case 'quarterly':
      return period.index === 1 ? makePeriod('quarterly', period.year - 1, 4) : makePeriod('quarterly', period.year, period.index - 1);
    case 'half-year':
      return period.index === 1 ? makePeriod('half-year', period.year - 1, 2) : makePeriod('half-year', period.year, 1);
    case 'nine-months':
      return makePeriod('nine-months', period.year - 1, 9);
    case 'annual':
      return makePeriod('annual', period.year - 1, 12);
  }
}

export function nextMonthlyPeriod(period: Period): Period {
  const m = addMonths(period.lastMonth.year, period.lastMonth.month, 1);
  return makePeriod('monthly', m.year, m.month);
}

export interface DeadlineSettings {
  timeZone: string;
  submissionDeadlineDay: number;
  periodWindows?: PeriodWindowOverrides;
}

/** The last local day on which a submission for the period is on time. */
export function submissionDeadlineDate(period: Period, settings: DeadlineSettings): LocalDate {
  const day = settings.periodWindows?.deadlineDay?.[period.kind] ?? settings.submissionDeadlineDay;
  const { year, month } = period.lastMonth;
  return ymd(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The first instant at which a submission for the period is late (local midnight after the deadline day). */
export function submissionDeadlineInstant(period: Period, settings: DeadlineSettings): Date {
  return zonedInstant(addDays(submissionDeadlineDate(period, settings), 1), settings.timeZone);
}

/** Whether a submission made at `at` is on time for the period. */
export function isOnTime(period: Period, settings: DeadlineSettings, at: Date): boolean {
  return at.getTime() < submissionDeadlineInstant(period, settings).getTime();
}

/**
 * The monthly period a unit is reporting for at an instant: the current month until its
 * deadline day has passed, then the next month. On 18 May the May report (due 20 May) is the
 * one to fill in; from 21 May it is June's.
 */
export function currentMonthlyPeriod(at: Date, settings: DeadlineSettings): Period {
  const p = localParts(at, settings.timeZone);
  const here = makePeriod('monthly', p.year, p.month);
  const deadline = submissionDeadlineDate(here, settings);
  const today = ymd(p.year, p.month, p.day);
  return today <= deadline ? here : nextMonthlyPeriod(here);
}

/** The period of a kind that contains a given reporting month. */
export function periodContainingMonth(kind: PeriodKind, year: number, month: number): Period {
  switch (kind) {
    case 'monthly':
      return makePeriod(kind, year, month);
    case 'quarterly':
      return makePeriod(kind, year, Math.ceil(month / 3));
    case 'half-year':
      return makePeriod(kind, year, month <= 6 ? 1 : 2);
    case 'nine-months':
      return makePeriod(kind, year, 9);
    case 'annual':
      return makePeriod(kind, year, 12);
  }
}

/** Vietnamese label: "tháng 5 năm 2024", "quý II năm 2024", "6 tháng đầu năm 2024" … */
export function periodLabel(period: Period): string {
  const roman = ['I', 'II', 'III', 'IV'];
  switch (period.kind) {
    case 'monthly':
      return `tháng ${period.index} năm ${period.year}`;
    case 'quarterly':
      return `quý ${roman[period.index - 1]} năm ${period.year}`;
    case 'half-year':
      return period.index === 1 ? `6 tháng đầu năm ${period.year}` : `6 tháng cuối năm ${period.year}`;
    case 'nine-months':
      return `9 tháng năm ${period.year}`;
    case 'annual':
      return `năm ${period.year}`;
  }
}
