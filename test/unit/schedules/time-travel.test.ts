import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import { localDate } from '../../../functions/core/clock.ts';
import { cronerPattern, firingsBetween, latestFiring, periodOfRun, scheduleDefinitions, type ScheduleDefinition } from '../../../functions/core/schedules.ts';
import { demoProfile } from '../../support/demo-profile.ts';

const demo = demoProfile();
const TZ = 'Asia/Ho_Chi_Minh';
const yearStart = (y: number) => new Date(`${y}-01-01T00:00:00+07:00`);

/** Every firing of a year, with the period each run covers and its local date. */
function year(profile: AgencyProfile, y: number) {
  return scheduleDefinitions(profile).flatMap((def) =>
    firingsBetween(def, yearStart(y), yearStart(y + 1)).map((at) => ({
      def,
      at,
      local: localDate(at, TZ),
      period: periodOfRun(def.job, def.kind, at, profile).id,
    })),
  );
}

function croner(def: ScheduleDefinition, from: Date, to: Date): Date[] {
  const job = new Cron(cronerPattern(def), { timezone: def.timeZone, paused: true });
  const out = job.nextRuns(500, new Date(from.getTime() - 1000)).filter((d) => d.getTime() < to.getTime());
  job.stop();
  return out;
}

describe('a whole year of schedules (time travel)', () => {
  for (const y of [2024, 2025]) {
    it(`${y}: every job fires when it should and covers the right period`, () => {
      const runs = year(demo, y);
      const of = (name: string) => runs.filter((r) => r.def.name === name);
      const months = Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);

      // Reminders: the 17th and the 20th of every month at 08:00 local, for that month.
      expect(of('remind-monthly').map((r) => `${r.local}→${r.period}`)).toEqual(months.flatMap((m) => [`${m}-17→${m}`, `${m}-20→${m}`]));
      expect(of('remind-monthly').every((r) => r.at.toISOString().endsWith('T01:00:00.000Z'))).toBe(true);
      // Monthly compile on the 21st compiles the month whose deadline just passed; delivery follows at 10:00.
      expect(of('compile-monthly').map((r) => `${r.local}→${r.period}`)).toEqual(months.map((m) => `${m}-21→${m}`));
      // Delivery: at 10:00 that day and each of the 5 days after, all for the same month (a report
      // not issued on the first day is sent the day it is; one already sent is not sent again).
      expect(of('deliver-monthly').map((r) => r.period)).toEqual(months.flatMap((m) => Array.from({ length: 6 }, () => m)));
      // Quarter, half-year, nine-month and year boundaries.
      expect(of('compile-quarterly').map((r) => `${r.local}→${r.period}`)).toEqual([
        `${y}-03-22→${y}-Q1`,
        `${y}-06-22→${y}-Q2`,
        `${y}-09-22→${y}-Q3`,
        `${y}-12-22→${y}-Q4`,
      ]);
      expect(of('compile-half-year').map((r) => `${r.local}→${r.period}`)).toEqual([`${y}-06-23→${y}-H1`, `${y}-12-23→${y}-H2`]);
      expect(of('compile-nine-months').map((r) => `${r.local}→${r.period}`)).toEqual([`${y}-09-23→${y}-9M`]);
      expect(of('compile-annual').map((r) => `${r.local}→${r.period}`)).toEqual([`${y}-12-24→${y}`]);
      // The leaders' digest: 07:30 local on every Monday to Friday of the year (262 in 2024, 261 in
      // 2025), never on a weekend, each for the month it is sent in.
      const digests = of('digest-daily');
      const weekdays = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(y, 0, 1 + i)))
        .filter((d) => d.getUTCFullYear() === y && d.getUTCDay() >= 1 && d.getUTCDay() <= 5)
        .map((d) => d.toISOString().slice(0, 10));
      expect(digests.map((r) => r.local)).toEqual(weekdays);
      expect(digests).toHaveLength(y === 2024 ? 262 : 261);
      expect(digests.every((r) => r.at.toISOString().endsWith('T00:30:00.000Z') && r.period === r.local.slice(0, 7))).toBe(true);
      // 6 delivery days for every kind but the annual one (24th–28th of December).
      expect(runs).toHaveLength(24 + (12 + 4 + 2 + 1 + 1) + 6 * (12 + 4 + 2 + 1) + 5 + digests.length);

      // Each period is compiled exactly once; its deliveries all come after its compile and cover it.
      for (const kind of ['monthly', 'quarterly', 'half-year', 'nine-months', 'annual']) {
        const compiles = of(`compile-${kind}`);
        const delivers = of(`deliver-${kind}`);
        expect(new Set(compiles.map((r) => r.period)).size).toBe(compiles.length);
        expect([...new Set(delivers.map((r) => r.period))]).toEqual(compiles.map((r) => r.period));
        for (const d of delivers) expect(d.at.getTime()).toBeGreaterThan(compiles.find((c) => c.period === d.period)!.at.getTime());
      }
    });
  }

  it('croner, which runs them locally, fires at exactly the same instants as the definitions say', () => {
    for (const profile of [
      demo,
      { ...demo, submissionDeadlineDay: 25 },
      { ...demo, schedules: { compile: { monthly: { time: '00:30' } }, remind: { days: [1, 28], time: '23:45' } } },
    ]) {
      for (const def of scheduleDefinitions(profile)) {
        for (const y of [2024, 2025]) {
          const ours = firingsBetween(def, yearStart(y), yearStart(y + 1)).map((d) => d.toISOString());
          expect(
            croner(def, yearStart(y), yearStart(y + 1)).map((d) => d.toISOString()),
            `${def.name} ${y}`,
          ).toEqual(ours);
        }
      }
    }
  });

  it('takes the period from the local date of the scheduled time, not the UTC date or the wall clock', () => {
    const p = demo;
    // 00:30 on 21 May in Hà Nội is still 20 May in UTC: May's deadline has passed locally.
    expect(periodOfRun('compile', 'monthly', new Date('2024-05-20T17:30:00Z'), p).id).toBe('2024-05');
    // 23:59 on 20 May local: the deadline day is not over, so a compile then is April's.
    expect(periodOfRun('compile', 'monthly', new Date('2024-05-20T16:59:00Z'), p).id).toBe('2024-04');
    // New Year: 00:30 on 1 January 2025 local is 31 December in UTC.
    expect(periodOfRun('compile', 'monthly', new Date('2024-12-31T17:30:00Z'), p).id).toBe('2024-12');
    expect(periodOfRun('compile', 'annual', new Date('2024-12-31T17:30:00Z'), p).id).toBe('2024');
    expect(periodOfRun('remind', 'monthly', new Date('2024-12-31T17:30:00Z'), p).id).toBe('2025-01');
    expect(periodOfRun('remind', 'monthly', new Date('2024-12-31T16:30:00Z'), p).id).toBe('2024-12');
    // A longer report compiled late, in the next quarter or year, covers the period that ended.
    expect(periodOfRun('compile', 'quarterly', new Date('2025-01-05T01:00:00Z'), p).id).toBe('2024-Q4');
    expect(periodOfRun('compile', 'half-year', new Date('2025-01-05T01:00:00Z'), p).id).toBe('2024-H2');
    expect(periodOfRun('compile', 'nine-months', new Date('2025-02-10T01:00:00Z'), p).id).toBe('2024-9M');
    expect(periodOfRun('compile', 'quarterly', new Date('2024-04-05T01:00:00Z'), p).id).toBe('2024-Q1');
    // On the deadline day itself (20 March) Q1 is not complete yet: a compile then covers Q4 of the year before.
    expect(periodOfRun('compile', 'quarterly', new Date('2024-03-20T01:00:00Z'), p).id).toBe('2023-Q4');
    // A leap day is an ordinary day.
    expect(periodOfRun('compile', 'monthly', new Date('2024-02-29T01:00:00Z'), p).id).toBe('2024-02');
    expect(periodOfRun('compile', 'monthly', new Date('2024-02-20T01:00:00Z'), p).id).toBe('2024-01');
  });

  it('end-of-month schedules land on 28, 29, 30 and 31 as the month has them', () => {
    const def = scheduleDefinitions({ ...demo, schedules: { compile: { monthly: { day: 'L', time: '23:30' } } } }).find((d) => d.name === 'compile-monthly')!;
    const days = firingsBetween(def, yearStart(2024), yearStart(2026)).map((d) => localDate(d, TZ).slice(5));
    expect(days.slice(0, 12)).toEqual(['01-31', '02-29', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31']);
    expect(days[13]).toBe('02-28');
    // 23:30 local on 31 December 2024 compiles December.
    const dec = firingsBetween(def, yearStart(2024), yearStart(2025)).pop()!;
    expect(dec.toISOString()).toBe('2024-12-31T16:30:00.000Z');
    expect(periodOfRun('compile', 'monthly', dec, demo).id).toBe('2024-12');
  });

  it('finds the due time of the latest firing (what a late local timer reports as its scheduled time)', () => {
    const defs = Object.fromEntries(scheduleDefinitions(demo).map((d) => [d.name, d]));
    expect(latestFiring(defs['compile-monthly']!, new Date('2024-05-21T01:00:03Z'))?.toISOString()).toBe('2024-05-21T01:00:00.000Z');
    // Before 10:00 on 21 May the latest delivery firing is April's last retry, on the 26th.
    expect(latestFiring(defs['deliver-monthly']!, new Date('2024-05-21T02:00:00Z'))?.toISOString()).toBe('2024-04-26T03:00:00.000Z');
    expect(latestFiring(defs['remind-monthly']!, new Date('2024-05-19T00:00:00Z'))?.toISOString()).toBe('2024-05-17T01:00:00.000Z');
  });
});
