/**
 * The job schedules of an agency, defined once: reminders to units, the compile of each period kind
 * and the delivery of the UBND report after it, in the agency's time zone, with defaults that follow
 * the submission deadline and per-agency overrides (AgencyProfile.schedules). The same definitions
 * become EventBridge Scheduler cron expressions (AWS) and croner patterns (`npm start`).
 * Also: which period a run covers, derived from its scheduled time only.
 * flow: CDK / local scheduler / run-job use case --> schedules (pure)
 */
import type { AgencyProfile } from './agency.ts';
import { addDays, daysInMonth, localDate, localParts, ymd, zonedInstant, type LocalDate } from './clock.ts';
import {
  makePeriod,
  periodContainingMonth,
  previousPeriod,
  submissionDeadlineDate,
  PERIOD_KINDS,
  type DeadlineSettings,
  type Period,
  type PeriodKind,
} from './period.ts';

export type JobName = 'compile' | 'remind' | 'deliver' | 'digest';
export const JOB_NAMES: readonly JobName[] = ['compile', 'remind', 'deliver', 'digest'];

/** A day of the month a job fires on: 1–28 (every month has them), or 'L' for the last day. */
export type ScheduleDay = number | 'L';

/** One compile or delivery slot: the day of the period's last month and the local time. */
export interface ScheduleSlot {
  enabled?: boolean;
  day?: ScheduleDay;
  /** "HH:MM", local. */
  time?: string;
}

/** Per-agency overrides; everything is optional and falls back to the defaults below. */
export interface ScheduleSettings {
  remind?: { enabled?: boolean; days?: number[]; time?: string };
  compile?: Partial<Record<PeriodKind, ScheduleSlot>>;
  deliver?: Partial<Record<PeriodKind, ScheduleSlot>>;
  /**
   * Days the delivery tries again, once a day at its time, when it finds no issued report (or
   * finds it already delivered, which costs nothing): default 5; 0 tries once.
   */
  deliverRetryDays?: number;
  /** The leaders' morning digest (usecases/leader-digest.ts), Monday to Friday: default 07:30. */
  digest?: { enabled?: boolean; time?: string };
}

/** Default days of delivery retries (the report not yet issued on the first day). */
export const DEFAULT_DELIVER_RETRY_DAYS = 5;

export type ScheduleProfile = Pick<AgencyProfile, 'timeZone' | 'submissionDeadlineDay' | 'periodWindows' | 'schedules'>;
/** What a schedule of one agency needs: its settings and whose they are (the job runs for that agency). */
export type AgencySchedules = ScheduleProfile & Pick<AgencyProfile, 'agencyId'>;

export interface ScheduleDefinition {
  /** Stable name, unique per agency: "remind-monthly", "compile-quarterly", "deliver-annual". */
  name: string;
  job: JobName;
  /** The period kind the job covers (reminders: always monthly — units submit monthly). */
  kind: PeriodKind;
  /** Local days of the month it fires on (ignored when `weekdays`). */
  days: ScheduleDay[];
  /** Fires Monday to Friday instead of on days of the month (the leaders' digest). */
  weekdays?: true;
  /** Months (1–12) it fires in. */
  months: number[];
  hour: number;
  minute: number;
  timeZone: string;
  /** What it does and when, in Vietnamese (logs, docs, the schedule's description in AWS). */
  description: string;
}

const DEFAULT_TIME = '08:00';
/** The digest comes before the working day starts (07:30 in the agency's zone). */
const DEFAULT_DIGEST_TIME = '07:30';
/** Delivery waits this long after its compile by default: time for Văn phòng to look at the report. */
export const DEFAULT_DELIVER_DELAY_MINUTES = 120;
/** Reminders: three days before the deadline, and on the deadline day. */
const REMIND_DAYS_BEFORE = 3;
/**
 * Days after the deadline each kind compiles on by default, so that on a quarter's last month the
 * monthly, quarterly, half-year and annual compiles each have their own day.
 */
const COMPILE_OFFSET: Record<PeriodKind, number> = { monthly: 1, quarterly: 2, 'half-year': 3, 'nine-months': 3, annual: 4 };

const KIND_LABELS: Record<PeriodKind, string> = {
  monthly: 'tháng',
  quarterly: 'quý',
  'half-year': '6 tháng',
  'nine-months': '9 tháng',
  annual: 'năm',
};

/** Months a kind's compile fires in: the last month of each of its periods. */
export function closingMonths(kind: PeriodKind): number[] {
  switch (kind) {
    case 'monthly':
      return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    case 'quarterly':
      return [3, 6, 9, 12];
    case 'half-year':
      return [6, 12];
    case 'nine-months':
      return [9];
    case 'annual':
      return [12];
  }
}

export function parseTime(time: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`not an HH:MM time: ${time}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

function formatTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function deadlineDayOf(p: DeadlineSettings, kind: PeriodKind): number {
  return p.periodWindows?.deadlineDay?.[kind] ?? p.submissionDeadlineDay;
}

/**
 * The last day on which submissions for a period of this kind can still arrive: its own deadline,
 * or that of its last month's monthly reports if later (a longer report is built from them).
 */
export function readyDay(p: DeadlineSettings, kind: PeriodKind): number {
  return Math.max(deadlineDayOf(p, 'monthly'), deadlineDayOf(p, kind));
}

/** Days past 28 do not exist in every month: they become the last day of the month. */
function clampDay(day: number): ScheduleDay {
  return day > 28 ? 'L' : day;
}

/** Comparable day number ('L' counts as 31: after any numbered day). */
function dayRank(day: ScheduleDay): number {
  return day === 'L' ? 31 : day;
}

function dayText(days: ScheduleDay[]): string {
  return days.map((d) => (d === 'L' ? 'ngày cuối tháng' : `ngày ${d}`)).join(', ');
}

function monthsText(months: number[]): string {
  return months.length === 12 ? 'hằng tháng' : `tháng ${months.join(', ')}`;
}

interface ResolvedSlot {
  enabled: boolean;
  day: ScheduleDay;
  hour: number;
  minute: number;
}

function compileSlot(p: ScheduleProfile, kind: PeriodKind): ResolvedSlot {
  const o = p.schedules?.compile?.[kind];
  const { hour, minute } = parseTime(o?.time ?? DEFAULT_TIME);
  return { enabled: o?.enabled ?? true, day: o?.day ?? clampDay(readyDay(p, kind) + COMPILE_OFFSET[kind]), hour, minute };
}

function deliverSlot(p: ScheduleProfile, kind: PeriodKind, compile: ResolvedSlot): ResolvedSlot {
  const o = p.schedules?.deliver?.[kind];
  let hour: number;
  let minute: number;
  if (o?.time) ({ hour, minute } = parseTime(o.time));
  else {
    // Default: two hours after the compile, on the same day; never past 23:59.
    const at = Math.min(compile.hour * 60 + compile.minute + DEFAULT_DELIVER_DELAY_MINUTES, 23 * 60 + 59);
    hour = Math.floor(at / 60);
    minute = at % 60;
  }
  return { enabled: o?.enabled ?? compile.enabled, day: o?.day ?? compile.day, hour, minute };
}

/**
 * The delivery's day and the retry days after it (one a day), within the days every month has:
 * a delivery on the 22nd with 5 retries fires on 22–27; one on the last day cannot retry in that
 * month.
 */
export function deliverDays(first: ScheduleDay, retryDays: number): ScheduleDay[] {
  if (first === 'L') return ['L'];
  const out: ScheduleDay[] = [];
  for (let d = first; d <= Math.min(first + retryDays, 28); d++) out.push(d);
  return out;
}

/** Every schedule of the agency, in a stable order: reminders, then compile and deliver per kind. */
export function scheduleDefinitions(p: ScheduleProfile): ScheduleDefinition[] {
  const out: ScheduleDefinition[] = [];
  const tz = p.timeZone;
  const remind = p.schedules?.remind;
  if (remind?.enabled ?? true) {
    const deadline = deadlineDayOf(p, 'monthly');
    const fallback = [deadline - REMIND_DAYS_BEFORE, deadline].filter((d) => d >= 1);
    const days = [...new Set(remind?.days ?? fallback)].sort((a, b) => a - b);
    const { hour, minute } = parseTime(remind?.time ?? DEFAULT_TIME);
    out.push({
      name: 'remind-monthly',
      job: 'remind',
      kind: 'monthly',
      days,
      months: closingMonths('monthly'),
      hour,
      minute,
      timeZone: tz,
      description: `Nhắc phòng, đơn vị chưa nộp báo cáo tháng (hạn ngày ${deadline}): ${formatTime(hour, minute)} ${dayText(days)} hằng tháng`,
    });
  }
  const digest = p.schedules?.digest;
  if (digest?.enabled ?? true) {
    const { hour, minute } = parseTime(digest?.time ?? DEFAULT_DIGEST_TIME);
    out.push({
      name: 'digest-daily',
      job: 'digest',
      kind: 'monthly',
      days: [],
      weekdays: true,
      months: closingMonths('monthly'),
      hour,
      minute,
      timeZone: tz,
      description: `Thư tóm tắt cho Lãnh đạo Sở đã đăng ký (đề xuất mới, nhiệm vụ mới quá hạn): ${formatTime(hour, minute)} thứ Hai đến thứ Sáu`,
    });
  }
  for (const kind of PERIOD_KINDS) {
    const c = compileSlot(p, kind);
    const months = closingMonths(kind);
    if (c.enabled) {
      out.push({
        name: `compile-${kind}`,
        job: 'compile',
        kind,
        days: [c.day],
        months,
        hour: c.hour,
        minute: c.minute,
        timeZone: tz,
        description: `Tổng hợp báo cáo ${KIND_LABELS[kind]}: ${formatTime(c.hour, c.minute)} ${dayText([c.day])} ${monthsText(months)}`,
      });
    }
    const d = deliverSlot(p, kind, c);
    if (d.enabled) {
      out.push({
        name: `deliver-${kind}`,
        job: 'deliver',
        kind,
        days: deliverDays(d.day, p.schedules?.deliverRetryDays ?? DEFAULT_DELIVER_RETRY_DAYS),
        months,
        hour: d.hour,
        minute: d.minute,
        timeZone: tz,
        description: `Gửi báo cáo ${KIND_LABELS[kind]} đã phát hành cho UBND tỉnh: ${formatTime(d.hour, d.minute)} ${dayText(deliverDays(d.day, p.schedules?.deliverRetryDays ?? DEFAULT_DELIVER_RETRY_DAYS))} ${monthsText(months)}`,
      });
    }
  }
  return out;
}

export interface ScheduleProblem {
  /** Path inside `schedules`: ["compile", "quarterly", "day"]. */
  path: (string | number)[];
  message: string;
}

/**
 * What is wrong with an agency's schedule settings, in Vietnamese: a compile before the deadline
 * would report on the previous period; a delivery before its compile would send a stale report.
 */
export function scheduleProblems(p: ScheduleProfile): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  for (const kind of PERIOD_KINDS) {
    const c = compileSlot(p, kind);
    const ready = readyDay(p, kind);
    if (c.enabled && typeof c.day === 'number' && c.day <= ready) {
      problems.push({
        path: ['compile', kind, 'day'],
        message: `ngày tổng hợp báo cáo ${KIND_LABELS[kind]} (ngày ${c.day}) phải sau hạn nộp báo cáo (ngày ${ready})`,
      });
    }
    const d = deliverSlot(p, kind, c);
    const before = dayRank(d.day) * 1440 + d.hour * 60 + d.minute <= dayRank(c.day) * 1440 + c.hour * 60 + c.minute;
    if (c.enabled && d.enabled && before) {
      problems.push({
        path: ['deliver', kind],
        message: `gửi báo cáo ${KIND_LABELS[kind]} cho UBND tỉnh phải sau khi tổng hợp (${formatTime(c.hour, c.minute)} ${dayText([c.day])})`,
      });
    }
  }
  return problems;
}

/** EventBridge Scheduler expression (with the definition's time zone set on the schedule): `cron(0 8 17,20 * ? *)`. */
export function eventBridgeCron(def: ScheduleDefinition): string {
  if (def.weekdays) return `cron(${def.minute} ${def.hour} ? * MON-FRI *)`;
  const months = def.months.length === 12 ? '*' : def.months.join(',');
  return `cron(${def.minute} ${def.hour} ${def.days.join(',')} ${months} ? *)`;
}

/** The same schedule as a five-field croner pattern, for the local scheduler: `0 8 17,20 * *`. */
export function cronerPattern(def: ScheduleDefinition): string {
  if (def.weekdays) return `${def.minute} ${def.hour} * * 1-5`;
  const months = def.months.length === 12 ? '*' : def.months.join(',');
  return `${def.minute} ${def.hour} ${def.days.join(',')} ${months} *`;
}

/** Target input for EventBridge Scheduler: the context attribute becomes the scheduled time. */
export function schedulerInput(def: ScheduleDefinition, agencyId: string): string {
  return JSON.stringify({ job: def.job, kind: def.kind, agencyId, scheduledTime: '<aws.scheduler.scheduled-time>' });
}

/** Everything the CDK needs for one `CfnSchedule` per definition. */
export interface EventBridgeSchedule {
  name: string;
  expression: string;
  timeZone: string;
  description: string;
  input: string;
  job: JobName;
  kind: PeriodKind;
}

export function eventBridgeSchedules(p: AgencySchedules): EventBridgeSchedule[] {
  return scheduleDefinitions(p).map((d) => ({
    name: d.name,
    expression: eventBridgeCron(d),
    timeZone: d.timeZone,
    description: d.description,
    input: schedulerInput(d, p.agencyId),
    job: d.job,
    kind: d.kind,
  }));
}

/** Monday to Friday (a local date; no public holidays: the profile has none). */
export function isWeekday(date: LocalDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day >= 1 && day <= 5;
}

/** The working day before `date` (Monday → the Friday before). */
export function previousWeekday(date: LocalDate): LocalDate {
  let d = addDays(date, -1);
  while (!isWeekday(d)) d = addDays(d, -1);
  return d;
}

function firesOn(def: ScheduleDefinition, date: LocalDate): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (!def.months.includes(m)) return false;
  if (def.weekdays) return isWeekday(date);
  return def.days.some((day) => (day === 'L' ? d === daysInMonth(y, m) : d === day));
}

/** Every instant the schedule fires at in [from, to), oldest first (time travel for tests and catch-up checks). */
export function firingsBetween(def: ScheduleDefinition, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  const last = addDays(localDate(to, def.timeZone), 1);
  for (let date = addDays(localDate(from, def.timeZone), -1); date <= last; date = addDays(date, 1)) {
    if (!firesOn(def, date)) continue;
    const at = zonedInstant(date, def.timeZone, def.hour, def.minute);
    if (at.getTime() >= from.getTime() && at.getTime() < to.getTime()) out.push(at);
  }
  return out;
}

/** The latest instant at or before `at` the schedule fired at (looks back two months), if any. */
export function latestFiring(def: ScheduleDefinition, at: Date): Date | undefined {
  const from = new Date(at.getTime() - 62 * 24 * 3600 * 1000);
  return firingsBetween(def, from, new Date(at.getTime() + 1)).pop();
}

/** The day after which a period's report can be compiled: every submission it is built from is due. */
export function compileReadyDate(period: Period, settings: DeadlineSettings): LocalDate {
  const own = submissionDeadlineDate(period, settings);
  const lastMonth = submissionDeadlineDate(makePeriod('monthly', period.lastMonth.year, period.lastMonth.month), settings);
  return own > lastMonth ? own : lastMonth;
}

/**
 * The period a run covers, from its scheduled time alone (never the wall clock):
 * - remind: the month the reminder fires in (its deadline is in that month; a reminder after
 *   the deadline is a late notice for the same month);
 * - compile / deliver: the latest period of the kind whose submissions are all due before the
 *   local date of the run (the 21st of May compiles May; a compile on 5 April compiles Q1).
 */
export function periodOfRun(job: JobName, kind: PeriodKind, scheduledTime: Date, settings: DeadlineSettings): Period {
  const at = localParts(scheduledTime, settings.timeZone);
  // The digest, like the reminders, belongs to the month it is sent in.
  if (job === 'remind' || job === 'digest') return makePeriod('monthly', at.year, at.month);
  const today = ymd(at.year, at.month, at.day);
  let period = periodContainingMonth(kind, at.year, at.month);
  // At most a year back: every kind has a period ending in each 12-month span.
  for (let i = 0; i < 13 && compileReadyDate(period, settings) >= today; i++) period = previousPeriod(period);
  return period;
}

/**
 * The next firing of a schedule after `after` that still covers `period` (a delivery retry the
 * next day), or undefined when the schedule's next firing belongs to a later period.
 */
export function nextFiringFor(def: ScheduleDefinition, after: Date, period: Period, settings: DeadlineSettings): Date | undefined {
  const next = firingsBetween(def, new Date(after.getTime() + 60_000), new Date(after.getTime() + 40 * 24 * 3600 * 1000))[0];
  return next && periodOfRun(def.job, def.kind, next, settings).id === period.id ? next : undefined;
}
