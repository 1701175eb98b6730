/**
 * The synthetic agency is what every benchmark figure rests on: it must be the same for a seed,
 * have the sizes it claims, and pass the rules the submit use case enforces.
 * flow: vitest --> synthetic --> core submission rules
 * Run: npx vitest run --config bench/vitest.config.ts
 */
import { describe, expect, it } from 'vitest';
import { validateAgencyProfile } from '../functions/usecases/agency-schema.ts';
import { isTaskActive } from '../functions/core/plan.ts';
import { parsePeriod } from '../functions/core/period.ts';
import { checkSubmissionRules } from '../functions/core/submission-rules.ts';
import type { TaskReport } from '../functions/core/submission.ts';
import { rng, syntheticAgency, toRoman } from './synthetic.ts';

describe('synthetic agency', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = syntheticAgency({ agencyId: 'bench-a', tasks: 300, seed: 7 });
    const b = syntheticAgency({ agencyId: 'bench-a', tasks: 300, seed: 7 });
    const c = syntheticAgency({ agencyId: 'bench-a', tasks: 300, seed: 8 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it.each([
    [300, 20],
    [2000, 20],
    [10000, 40],
  ])('%i tasks: exactly that many, over %i units, each unit at most 300 (the API limit per report)', (tasks, units) => {
    const a = syntheticAgency({ agencyId: 'bench-size', tasks });
    expect(a.plan.tasks).toHaveLength(tasks);
    expect(new Set(a.plan.tasks.map((t) => t.id)).size).toBe(tasks);
    expect(a.profile.units).toHaveLength(units);
    for (const s of a.months.flatMap((m) => m.submissions)) expect(s.data.tasks.length).toBeLessThanOrEqual(300);
  });

  it('has a profile the agency schema accepts', () => {
    const v = validateAgencyProfile(syntheticAgency({ agencyId: 'bench-profile', tasks: 2000 }).profile);
    expect(v.ok ? [] : v.problems).toEqual([]);
  });

  it('reports only due tasks, by the month compiled: most units on time, some late, one draft, one missing', () => {
    const a = syntheticAgency({ agencyId: 'bench-may', tasks: 2000 });
    const [april, may] = a.months;
    expect(april!.submissions.every((s) => s.kind === 'submit' && s.at.toISOString() < '2024-04-20T17:00:00.000Z')).toBe(true);
    expect(may!.missing).toHaveLength(1);
    expect(may!.submissions.filter((s) => s.kind === 'draft')).toHaveLength(1);
    const late = may!.submissions.filter((s) => s.kind === 'submit' && s.at.toISOString() >= '2024-05-20T17:00:00.000Z');
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(may!.submissions.length / 3);
    const period = parsePeriod(a.period);
    const byId = new Map(a.plan.tasks.map((t) => [t.id, t]));
    const inApril = new Map(april!.submissions.flatMap((s) => s.data.tasks.map((r) => [r.taskId, r.status] as const)));
    let carried = 0;
    for (const s of may!.submissions) {
      for (const r of s.data.tasks) {
        const task = byId.get(r.taskId)!;
        expect(task.leadUnit).toBe(s.unit);
        // Due: active in May, or an earlier task carried over because April did not finish it.
        if (!isTaskActive(task, 2024, period)) {
          expect(inApril.get(r.taskId)).not.toBe('hoan-thanh');
          carried++;
        }
      }
    }
    expect(carried).toBeGreaterThan(0);
  });

  it('passes the submission rules the submit use case applies (progress never falls, finished means 100 % with a date)', () => {
    const a = syntheticAgency({ agencyId: 'bench-rules', tasks: 2000 });
    const previous = new Map<string, TaskReport>();
    for (const month of a.months) {
      for (const s of month.submissions) {
        const due = a.plan.tasks.filter((t) => s.data.tasks.some((r) => r.taskId === t.id));
        const today = s.at.toISOString().slice(0, 10);
        const errors = checkSubmissionRules(s.data, { dueTasks: due, previous, today }, { final: s.kind === 'submit' });
        expect(errors).toEqual([]);
      }
      for (const s of month.submissions) if (s.kind === 'submit') for (const r of s.data.tasks) previous.set(r.taskId, r);
    }
  });

  it('uses the seeds’ vocabulary, in NFC', () => {
    const text = JSON.stringify(syntheticAgency({ agencyId: 'bench-words', tasks: 300 }));
    expect(text).toBe(text.normalize('NFC'));
    for (const phrase of ['Phòng Quản lý Khoa học', 'Chi cục Tiêu chuẩn Đo lường Chất lượng', 'Quyết định số 184/QĐ-UBND', 'Hội đồng sáng kiến tỉnh']) {
      expect(text).toContain(phrase);
    }
  });

  it('numbers groups in Roman numerals and draws the same random sequence for a seed', () => {
    expect([1, 4, 9, 14, 40, 42].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XLII']);
    const r1 = rng(42);
    const r2 = rng(42);
    const xs = Array.from({ length: 5 }, () => r1());
    expect(Array.from({ length: 5 }, () => r2())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
