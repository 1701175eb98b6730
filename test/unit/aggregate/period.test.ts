// core/period.ts: ids, windows of every kind (Nghị định 09/2019 and calendar), overrides,
// deadlines as instants in Asia/Ho_Chi_Minh, and which month a unit is reporting for.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../functions/core/clock.ts';
import {
  PeriodError,
  currentMonthlyPeriod,
  isOnTime,
  makePeriod,
  monthlyPeriodsOf,
  nextMonthlyPeriod,
  parsePeriod,
  periodContainingMonth,
  periodKindOf,
  periodLabel,
  periodMonths,
  periodWindow,
  previousPeriod,
  submissionDeadlineDate,
  submissionDeadlineInstant,
  type DeadlineSettings,
} from '../../../functions/core/period.ts';

const VN: DeadlineSettings = { timeZone: 'Asia/Ho_Chi_Minh', submissionDeadlineDay: 20 };
const w = (id: string, o?: Parameters<typeof periodWindow>[1]) => periodWindow(parsePeriod(id), o);

describe('parsePeriod', () => {
  it.each([
    ['2024-05', 'monthly', 5, [2024, 5], [2024, 5]],
    ['2024-Q1', 'quarterly', 1, [2024, 1], [2024, 3]],
    ['2024-Q4', 'quarterly', 4, [2024, 10], [2024, 12]],
    ['2024-H1', 'half-year', 1, [2024, 1], [2024, 6]],
    ['2024-H2', 'half-year', 2, [2024, 7], [2024, 12]],
    ['2024-9M', 'nine-months', 9, [2024, 1], [2024, 9]],
    ['2024', 'annual', 12, [2024, 1], [2024, 12]],
  ] as const)('%s is %s', (id, kind, index, first, last) => {
    const p = parsePeriod(id);
    expect(p).toMatchObject({ id, kind, year: 2024, index });
    expect([p.firstMonth.year, p.firstMonth.month]).toEqual(first);
    expect([p.lastMonth.year, p.lastMonth.month]).toEqual(last);
  });

  it.each(['2024-13', '2024-00', '2024-Q5', '2024-H3', '24-05', '1999', '2024-5', ''])('rejects %j with a Vietnamese message', (id) => {
    expect(() => parsePeriod(id)).toThrow(PeriodError);
    expect(() => parsePeriod(id)).toThrow(/Kỳ báo cáo không hợp lệ/);
    expect(periodKindOf(id)).toBeUndefined();
  });

  it('round-trips ids through makePeriod', () => {
    for (const id of ['2024-01', '2024-12', '2025-Q3', '2024-H2', '2024-9M', '2030']) {
      const p = parsePeriod(id);
      expect(makePeriod(p.kind, p.year, p.index).id).toBe(id);
    }
  });
});

describe('periodWindow (Nghị định 09/2019 defaults: 15th → 14th)', () => {
  it.each([
    ['2024-05', '2024-04-15', '2024-05-14'],
    ['2024-01', '2023-12-15', '2024-01-14'], // across the year end
    ['2024-12', '2024-11-15', '2024-12-14'],
    ['2024-Q1', '2023-12-15', '2024-03-14'],
    ['2024-Q2', '2024-03-15', '2024-06-14'],
    ['2024-Q4', '2024-09-15', '2024-12-14'],
    ['2024-H1', '2023-12-15', '2024-06-14'],
    ['2024-H2', '2024-06-15', '2024-12-14'],
    ['2024-9M', '2023-12-15', '2024-09-14'],
    ['2024', '2023-12-15', '2024-12-14'],
  ])('%s: %s → %s', (id, from, to) => {
    expect(w(id)).toEqual({ from, to });
  });

  it('consecutive monthly windows tile the year with no gap or overlap, for every cut-off day', () => {
    for (const cutoffDay of [1, 14, 20, 28, 29, 30, 31]) {
      let prev = periodWindow(makePeriod('monthly', 2023, 12), { cutoffDay });
      for (let m = 1; m <= 12; m++) {
        const cur = periodWindow(makePeriod('monthly', 2024, m), { cutoffDay });
        expect(cur.from, `cutoff ${cutoffDay}, month ${m}`).toBe(addDays(prev.to, 1));
        expect(cur.from <= cur.to).toBe(true);
        prev = cur;
      }
    }
  });

  it('a longer window spans exactly its monthly windows', () => {
    for (const id of ['2024-Q1', '2024-Q3', '2024-H1', '2024-H2', '2024-9M', '2024']) {
      const months = monthlyPeriodsOf(parsePeriod(id)).map((m) => periodWindow(m));
      expect(w(id)).toEqual({ from: months[0]!.from, to: months[months.length - 1]!.to });
    }
  });

  it('cutoffDay override moves both ends, clamped to short months', () => {
    expect(w('2024-05', { cutoffDay: 19 })).toEqual({ from: '2024-04-20', to: '2024-05-19' });
    expect(w('2024-02', { cutoffDay: 31 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(w('2023-02', { cutoffDay: 30 })).toEqual({ from: '2023-01-31', to: '2023-02-28' });
    expect(w('2024-03', { cutoffDay: 30 })).toEqual({ from: '2024-03-01', to: '2024-03-30' });
  });

  it('calendar mode uses whole months, leap years included', () => {
    expect(w('2024-02', { mode: 'calendar' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(w('2023-02', { mode: 'calendar' })).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(w('2024-Q1', { mode: 'calendar' })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(w('2024-H2', { mode: 'calendar' })).toEqual({ from: '2024-07-01', to: '2024-12-31' });
    expect(w('2024-9M', { mode: 'calendar' })).toEqual({ from: '2024-01-01', to: '2024-09-30' });
    expect(w('2024', { mode: 'calendar' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });
});

describe('periods around a period', () => {
  it('previousPeriod crosses year ends for every kind', () => {
    expect(previousPeriod(parsePeriod('2024-01')).id).toBe('2023-12');
    expect(previousPeriod(parsePeriod('2024-05')).id).toBe('2024-04');
    expect(previousPeriod(parsePeriod('2024-Q1')).id).toBe('2023-Q4');
    expect(previousPeriod(parsePeriod('2024-Q3')).id).toBe('2024-Q2');
    expect(previousPeriod(parsePeriod('2024-H1')).id).toBe('2023-H2');
    expect(previousPeriod(parsePeriod('2024-H2')).id).toBe('2024-H1');
    expect(previousPeriod(parsePeriod('2024-9M')).id).toBe('2023-9M');
    expect(previousPeriod(parsePeriod('2024')).id).toBe('2023');
  });

  it('nextMonthlyPeriod follows the last month', () => {
    expect(nextMonthlyPeriod(parsePeriod('2024-12')).id).toBe('2025-01');
    expect(nextMonthlyPeriod(parsePeriod('2024-Q2')).id).toBe('2024-07');
  });

  it('months and monthly periods of a longer period', () => {
    expect(monthlyPeriodsOf(parsePeriod('2024-Q4')).map((p) => p.id)).toEqual(['2024-10', '2024-11', '2024-12']);
    expect(periodMonths(parsePeriod('2024-9M'))).toHaveLength(9);
    expect(periodMonths(parsePeriod('2024'))).toHaveLength(12);
  });

  it('periodContainingMonth', () => {
    expect(periodContainingMonth('quarterly', 2024, 5).id).toBe('2024-Q2');
    expect(periodContainingMonth('half-year', 2024, 7).id).toBe('2024-H2');
    expect(periodContainingMonth('half-year', 2024, 6).id).toBe('2024-H1');
    expect(periodContainingMonth('nine-months', 2024, 3).id).toBe('2024-9M');
    expect(periodContainingMonth('annual', 2024, 3).id).toBe('2024');
    expect(periodContainingMonth('monthly', 2024, 3).id).toBe('2024-03');
  });

  it('Vietnamese labels', () => {
    expect(periodLabel(parsePeriod('2024-05'))).toBe('tháng 5 năm 2024');
    expect(periodLabel(parsePeriod('2024-Q2'))).toBe('quý II năm 2024');
    expect(periodLabel(parsePeriod('2024-H1'))).toBe('6 tháng đầu năm 2024');
    expect(periodLabel(parsePeriod('2024-H2'))).toBe('6 tháng cuối năm 2024');
    expect(periodLabel(parsePeriod('2024-9M'))).toBe('9 tháng năm 2024');
    expect(periodLabel(parsePeriod('2024'))).toBe('năm 2024');
  });
});

describe('submission deadlines in Asia/Ho_Chi_Minh', () => {
  it('the deadline day is in the last month, clamped to its length, overridable per kind', () => {
    expect(submissionDeadlineDate(parsePeriod('2024-05'), VN)).toBe('2024-05-20');
    expect(submissionDeadlineDate(parsePeriod('2024-Q1'), VN)).toBe('2024-03-20');
    expect(submissionDeadlineDate(parsePeriod('2024-02'), { ...VN, submissionDeadlineDay: 31 })).toBe('2024-02-29');
    // Seed 000: the yearly report before 10 December.
    const yearly = { ...VN, periodWindows: { deadlineDay: { annual: 10 } } };
    expect(submissionDeadlineDate(parsePeriod('2024'), yearly)).toBe('2024-12-10');
    expect(submissionDeadlineDate(parsePeriod('2024-12'), yearly)).toBe('2024-12-20');
  });

  it('a submission is late from local midnight after the deadline day (17:00 UTC, UTC+7)', () => {
    const may = parsePeriod('2024-05');
    expect(submissionDeadlineInstant(may, VN).toISOString()).toBe('2024-05-20T17:00:00.000Z');
    expect(isOnTime(may, VN, new Date('2024-05-20T23:59:59+07:00'))).toBe(true);
    expect(isOnTime(may, VN, new Date('2024-05-21T00:00:00+07:00'))).toBe(false);
    // 16:59 UTC on the 20th is still the 20th in Hà Nội; 17:00 UTC is already the 21st.
    expect(isOnTime(may, VN, new Date('2024-05-20T16:59:59Z'))).toBe(true);
    expect(isOnTime(may, VN, new Date('2024-05-20T17:00:00Z'))).toBe(false);
  });

  it('the deadline instant of December falls in the same year, of a year-end window', () => {
    expect(submissionDeadlineInstant(parsePeriod('2024-12'), VN).toISOString()).toBe('2024-12-20T17:00:00.000Z');
  });
});

describe('currentMonthlyPeriod around the 20th', () => {
  const at = (iso: string) => currentMonthlyPeriod(new Date(iso), VN).id;

  it('is the current month up to and including the deadline day, then the next month', () => {
    expect(at('2024-05-01T08:00:00+07:00')).toBe('2024-05');
    expect(at('2024-05-18T08:00:00+07:00')).toBe('2024-05');
    expect(at('2024-05-20T23:59:00+07:00')).toBe('2024-05');
    expect(at('2024-05-21T00:00:00+07:00')).toBe('2024-06');
    expect(at('2024-05-31T12:00:00+07:00')).toBe('2024-06');
  });

  it('reads the date in Viet Nam, not in UTC', () => {
    // 20 May 18:00 UTC is 21 May 01:00 in Hà Nội: already June's report.
    expect(at('2024-05-20T18:00:00Z')).toBe('2024-06');
    // 20 May 16:00 UTC is 20 May 23:00 in Hà Nội: still May's.
    expect(at('2024-05-20T16:00:00Z')).toBe('2024-05');
  });

  it('rolls over the year after 20 December', () => {
    expect(at('2024-12-20T10:00:00+07:00')).toBe('2024-12');
    expect(at('2024-12-21T10:00:00+07:00')).toBe('2025-01');
  });

  it('follows the agency deadline day', () => {
    expect(currentMonthlyPeriod(new Date('2024-05-16T10:00:00+07:00'), { ...VN, submissionDeadlineDay: 15 }).id).toBe('2024-06');
    expect(currentMonthlyPeriod(new Date('2024-02-29T10:00:00+07:00'), { ...VN, submissionDeadlineDay: 31 }).id).toBe('2024-02');
  });
});
