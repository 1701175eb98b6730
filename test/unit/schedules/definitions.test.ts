import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import {
  eventBridgeCron,
  eventBridgeSchedules,
  cronerPattern,
  scheduleDefinitions,
  schedulerInput,
  type ScheduleSettings,
} from '../../../functions/core/schedules.ts';
import { validateAgencyProfile } from '../../../functions/usecases/agency-schema.ts';
import { demoProfile } from '../../support/demo-profile.ts';

const demo = demoProfile();
const withSchedules = (schedules: ScheduleSettings, extra: Partial<AgencyProfile> = {}): AgencyProfile => ({ ...demo, ...extra, schedules });
const byName = (p: AgencyProfile) => Object.fromEntries(scheduleDefinitions(p).map((d) => [d.name, d]));

describe('schedule definitions from the agency profile', () => {
  it('defaults: reminders on the 17th and 20th, monthly compile on the 21st, each longer kind on its own day, delivery two hours after its compile and each of the 5 days after', () => {
    const all = eventBridgeSchedules(demo);
    expect(all.map((s) => [s.name, s.expression])).toEqual([
      ['remind-monthly', 'cron(0 8 17,20 * ? *)'],
      ['digest-daily', 'cron(30 7 ? * MON-FRI *)'],
      ['compile-monthly', 'cron(0 8 21 * ? *)'],
      ['deliver-monthly', 'cron(0 10 21,22,23,24,25,26 * ? *)'],
      ['compile-quarterly', 'cron(0 8 22 3,6,9,12 ? *)'],
      ['deliver-quarterly', 'cron(0 10 22,23,24,25,26,27 3,6,9,12 ? *)'],
      ['compile-half-year', 'cron(0 8 23 6,12 ? *)'],
      ['deliver-half-year', 'cron(0 10 23,24,25,26,27,28 6,12 ? *)'],
      ['compile-nine-months', 'cron(0 8 23 9 ? *)'],
      ['deliver-nine-months', 'cron(0 10 23,24,25,26,27,28 9 ? *)'],
      ['compile-annual', 'cron(0 8 24 12 ? *)'],
      // The annual delivery's retries stop at the 28th: every month has it.
      ['deliver-annual', 'cron(0 10 24,25,26,27,28 12 ? *)'],
    ]);
    for (const s of all) {
      expect(s.timeZone).toBe('Asia/Ho_Chi_Minh');
      expect(s.description.length).toBeGreaterThan(10);
      expect(JSON.parse(s.input)).toEqual({ job: s.job, kind: s.kind, agencyId: demo.agencyId, scheduledTime: '<aws.scheduler.scheduled-time>' });
    }
    // The same definition drives the local scheduler: croner's five fields.
    const d = byName(demo);
    expect(cronerPattern(d['remind-monthly']!)).toBe('0 8 17,20 * *');
    expect(cronerPattern(d['compile-quarterly']!)).toBe('0 8 22 3,6,9,12 *');
    expect(schedulerInput(d['deliver-annual']!, 'skhcn-bacgiang')).toBe(
      '{"job":"deliver","kind":"annual","agencyId":"skhcn-bacgiang","scheduledTime":"<aws.scheduler.scheduled-time>"}',
    );
    // Each agency's schedules name it: the job runs for that agency only.
    expect(eventBridgeSchedules({ ...demo, agencyId: 'skhcn-tayninh' }).every((s) => JSON.parse(s.input).agencyId === 'skhcn-tayninh')).toBe(true);
  });

  it('moves the defaults with the agency deadline; a day past the 28th becomes the last day of the month', () => {
    const d = byName({ ...demo, submissionDeadlineDay: 25 });
    expect(d['remind-monthly']!.days).toEqual([22, 25]);
    expect(d['compile-monthly']!.days).toEqual([26]);
    expect(d['compile-quarterly']!.days).toEqual([27]);
    expect(d['compile-half-year']!.days).toEqual([28]);
    expect(d['compile-annual']!.days).toEqual(['L']);
    expect(eventBridgeCron(d['compile-annual']!)).toBe('cron(0 8 L 12 ? *)');
    expect(cronerPattern(d['deliver-annual']!)).toBe('0 10 L 12 *');
  });

  it('waits for the later of the kind deadline and the monthly deadline (a longer report is built from the monthly ones)', () => {
    const d = byName({ ...demo, periodWindows: { deadlineDay: { annual: 10, quarterly: 22 } } });
    expect(d['compile-annual']!.days).toEqual([24]);
    expect(d['compile-quarterly']!.days).toEqual([24]);
    expect(d['compile-monthly']!.days).toEqual([21]);
  });

  it('applies per-agency overrides and lets a schedule be turned off', () => {
    const d = byName(
      withSchedules({
        remind: { days: [20, 15, 18, 15], time: '07:30' },
        compile: { monthly: { day: 22, time: '09:15' }, quarterly: { enabled: false }, annual: { day: 'L', time: '14:00' } },
        deliver: { monthly: { time: '16:45' }, 'half-year': { enabled: false } },
      }),
    );
    expect(d['remind-monthly']).toMatchObject({ days: [15, 18, 20], hour: 7, minute: 30 });
    expect(d['compile-monthly']).toMatchObject({ days: [22], hour: 9, minute: 15 });
    expect(d['deliver-monthly']).toMatchObject({ days: [22, 23, 24, 25, 26, 27], hour: 16, minute: 45 });
    expect(d['compile-quarterly']).toBeUndefined();
    expect(d['deliver-quarterly']).toBeUndefined();
    expect(d['compile-half-year']).toBeDefined();
    expect(d['deliver-half-year']).toBeUndefined();
    expect(d['deliver-annual']).toMatchObject({ days: ['L'], hour: 16, minute: 0 });
    expect(byName(withSchedules({ remind: { enabled: false } }))['remind-monthly']).toBeUndefined();
  });

  it('keeps a default delivery on the same day, at 23:59 at the latest', () => {
    const d = byName(withSchedules({ compile: { monthly: { time: '22:30' } } }));
    expect(d['deliver-monthly']).toMatchObject({ days: [21, 22, 23, 24, 25, 26], hour: 23, minute: 59 });
  });

  it('retries the delivery the configured number of days (0: once)', () => {
    expect(byName(withSchedules({ deliverRetryDays: 0 }))['deliver-monthly']!.days).toEqual([21]);
    expect(byName(withSchedules({ deliverRetryDays: 2 }))['deliver-monthly']!.days).toEqual([21, 22, 23]);
  });

  it('validates the schedules in the profile file, with Vietnamese reasons and the field path', () => {
    const problems = (schedules: unknown) => {
      const r = validateAgencyProfile({ ...demo, schedules });
      return r.ok ? [] : r.problems;
    };
    expect(problems({ compile: { monthly: { day: 22, time: '09:15' } }, deliver: { annual: { day: 'L' } } })).toEqual([]);
    // The example in docs/operations.md.
    const example = YAML.parse(
      readFileSync(new URL('../../../docs/operations.md', import.meta.url), 'utf8')
        .split('```yaml\n')[1]!
        .split('```')[0]!,
    ).schedules;
    expect(example.remind.days).toEqual([15, 18, 20]);
    expect(problems(example)).toEqual([]);
    expect(problems({ compile: { monthly: { day: 20 } } })).toEqual([
      'schedules.compile.monthly.day: ngày tổng hợp báo cáo tháng (ngày 20) phải sau hạn nộp báo cáo (ngày 20)',
    ]);
    expect(problems({ deliver: { quarterly: { time: '07:00' } } })).toEqual([
      'schedules.deliver.quarterly: gửi báo cáo quý cho UBND tỉnh phải sau khi tổng hợp (08:00 ngày 22)',
    ]);
    expect(problems({ remind: { time: '8:00' } })[0]).toMatch(/^schedules\.remind\.time: giờ dạng HH:MM/);
    expect(problems({ compile: { annual: { day: 30 } } })[0]).toMatch(/^schedules\.compile\.annual\.day: /);
    expect(problems({ compile: { weekly: { day: 3 } } }).length).toBeGreaterThan(0);
    expect(problems({ reminders: {} }).length).toBeGreaterThan(0);
    const ok = validateAgencyProfile({ ...demo, schedules: { remind: { days: [18] } } });
    expect(ok.ok && ok.profile.schedules).toEqual({ remind: { days: [18] } });
  });
});

describe('agency profile problems', () => {
  it('are worded in Vietnamese, field by field, even where zod words them (a missing field, a wrong type, a bad address)', () => {
    const { superiorHeader: _drop, ...rest } = demo;
    const r = validateAgencyProfile({ ...rest, submissionDeadlineDay: 40, emails: { ...demo.emails, ubnd: ['not-an-address'] } });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.find((p) => p.startsWith('superiorHeader:'))).toMatch(/^superiorHeader: Đầu vào không hợp lệ/u);
    expect(problems.find((p) => p.startsWith('submissionDeadlineDay:'))).toMatch(/^submissionDeadlineDay: Quá lớn/u);
    expect(problems.find((p) => p.startsWith('emails.ubnd.0:'))).toMatch(/email không hợp lệ/u);
    for (const p of problems) expect(p, p).not.toMatch(/Invalid|expected|Too big/u);
  });
});
