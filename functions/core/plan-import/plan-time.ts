/**
 * Reads the times plans write ("01", "Tháng 11/2024", "Từ tháng 04 đến tháng 12/2024",
 * "Tháng 01-02/2024", "30/11/2024") into a start and a finish; anything else is kept as text.
 * flow: plan-import rows --> plan-time (pure)
 */
import { daysInMonth, monthIndex, ymd } from '../clock.ts';
import type { PlanTime } from '../plan.ts';
import { foldAccents, squash } from '../text.ts';

export type TimeParse =
  | { ok: true; start: PlanTime; finish: PlanTime /** Years written in the text, for the year check. */; years: number[] }
  | { ok: false; reason: string; reasonEn: string };

/**
 * Lower case without diacritics, but unlike foldKey it keeps "/" and "-": they carry the meaning
 * of a time ("3-6/2024"). Dashes of every width become "-".
 */
export function foldTime(value: string): string {
  return foldAccents(squash(value))
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[.;,:]+$/u, '')
    .trim();
}

const M = '(\\d{1,2})';
const Y = '(\\d{4})';
const D = '(\\d{1,2})';
const THANG = '(?:thang\\s*)?';
const SEP = '\\s*[/.-]\\s*';

const SINGLE_MONTH = new RegExp(`^${THANG}${M}$`);
const MONTH_YEAR = new RegExp(`^${THANG}${M}${SEP}${Y}$`);
const MONTH_NAM_YEAR = new RegExp(`^${THANG}${M}\\s+nam\\s+${Y}$`);
const MONTH_SPAN = new RegExp(`^(?:tu\\s+)?${THANG}${M}\\s*-\\s*${M}(?:\\s*[/.]\\s*${Y})?$`);
const FROM_TO_MONTH = new RegExp(`^tu\\s+${THANG}${M}(?:\\s*[/.]\\s*${Y})?\\s*(?:den|-)\\s*${THANG}${M}(?:\\s*[/.]\\s*${Y})?$`);
const DATE = new RegExp(`^(?:ngay\\s*)?${D}\\s*/\\s*${M}\\s*/\\s*${Y}$`);
const FROM_TO_DATE = new RegExp(`^tu\\s+(?:ngay\\s*)?${D}\\s*/\\s*${M}\\s*/\\s*${Y}\\s*(?:den|-)\\s*(?:ngay\\s*)?${D}\\s*/\\s*${M}\\s*/\\s*${Y}$`);

function bad(reason: string, reasonEn: string): TimeParse {
  return { ok: false, reason, reasonEn };
}

function month(year: number, m: number): PlanTime {
  return { kind: 'month', year, month: m };
}

/** Sort key of a time's first day (start) or last day (finish); undefined for free text. */
export function timeKey(t: PlanTime | undefined, edge: 'start' | 'finish'): number | undefined {
  if (!t || t.kind === 'text') return undefined;
  if (t.kind === 'date') {
    return monthIndex(Number(t.date.slice(0, 4)), Number(t.date.slice(5, 7))) * 32 + Number(t.date.slice(8, 10));
  }
  return monthIndex(t.year, t.month) * 32 + (edge === 'start' ? 1 : daysInMonth(t.year, t.month));
}

/**
 * Parses a time cell. Returns undefined for an empty cell. A text that looks like a month or a
 * date but is impossible ("13", "Tháng 13/2024", "31/02/2024", "Tháng 6-3/2024") is an error, not
 * free text: it is almost always a typo that would silently drop the deadline.
 */
export function parsePlanTime(raw: string, planYear: number): TimeParse | undefined {
  const text = squash(raw);
  if (!text) return undefined;
  const s = foldTime(text);
  const years: number[] = [];

  const checkYear = (y: number): boolean => {
    years.push(y);
    return Math.abs(y - planYear) <= 5;
  };
  const badMonth = (m: number): TimeParse =>
    bad(`Tháng không hợp lệ: ${m} (tháng phải từ 1 đến 12) trong "${text}"`, `Invalid month: ${m} (must be 1–12) in "${text}"`);
  const badYear = (): TimeParse => bad(`Năm không hợp lý trong "${text}" (kế hoạch năm ${planYear})`, `Implausible year in "${text}" (plan year ${planYear})`);
  const reversed = (): TimeParse => bad(`Thời gian bắt đầu sau thời gian kết thúc: "${text}"`, `Start is after finish: "${text}"`);
  const validMonth = (m: number): boolean => m >= 1 && m <= 12;

  let m: RegExpExecArray | null;
  m = SINGLE_MONTH.exec(s);
  if (m) {
    const mo = Number(m[1]);
    if (!validMonth(mo)) return badMonth(mo);
    return { ok: true, start: month(planYear, mo), finish: month(planYear, mo), years };
  }
  m = MONTH_YEAR.exec(s) ?? MONTH_NAM_YEAR.exec(s);
  if (m) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (!validMonth(mo)) return badMonth(mo);
    if (!checkYear(y)) return badYear();
    return { ok: true, start: month(y, mo), finish: month(y, mo), years };
  }
  m = MONTH_SPAN.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3] ? Number(m[3]) : planYear;
    if (!validMonth(a)) return badMonth(a);
    if (!validMonth(b)) return badMonth(b);
    if (m[3] && !checkYear(y)) return badYear();
    if (a > b) return reversed();
    return { ok: true, start: month(y, a), finish: month(y, b), years };
  }
  m = FROM_TO_MONTH.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const yb = m[4] ? Number(m[4]) : planYear;
    const ya = m[2] ? Number(m[2]) : yb;
    if (!validMonth(a)) return badMonth(a);
    if (!validMonth(b)) return badMonth(b);
    if ((m[2] && !checkYear(ya)) || (m[4] && !checkYear(yb))) return badYear();
    if (monthIndex(ya, a) > monthIndex(yb, b)) return reversed();
    return { ok: true, start: month(ya, a), finish: month(yb, b), years };
  }
  const dateOf = (d: number, mo: number, y: number): PlanTime | TimeParse => {
    if (!validMonth(mo)) return badMonth(mo);
    if (!checkYear(y)) return badYear();
    if (d < 1 || d > daysInMonth(y, mo)) {
      return bad(`Ngày không hợp lệ: ${d}/${mo}/${y}`, `Invalid date: ${d}/${mo}/${y}`);
    }
    return { kind: 'date', date: ymd(y, mo, d) };
  };
  m = DATE.exec(s);
  if (m) {
    const t = dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if ('ok' in t) return t;
    return { ok: true, start: t, finish: t, years };
  }
  m = FROM_TO_DATE.exec(s);
  if (m) {
    const a = dateOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if ('ok' in a) return a;
    const b = dateOf(Number(m[4]), Number(m[5]), Number(m[6]));
    if ('ok' in b) return b;
    if ((timeKey(a, 'start') ?? 0) > (timeKey(b, 'finish') ?? 0)) return reversed();
    return { ok: true, start: a, finish: b, years };
  }
  const t: PlanTime = { kind: 'text', text };
  return { ok: true, start: t, finish: t, years };
}
