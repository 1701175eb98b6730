/**
 * Small Vietnamese wording helpers for the report body: counts with a leading zero, lists joined
 * with "và", dates, percentages, and turning free text typed by units into clean sentences.
 * flow: narrative-* --> format (pure)
 */
import { parseYmd, type LocalDate } from '../clock.ts';
import { squash } from '../text.ts';

/**
 * A count as official documents print it: 1 to 9 get a leading zero ("05 nhiệm vụ", "01 đơn
 * vị"), as seeds 000, 002 and 004 do ("02 nhiệm vụ", "03 doanh nghiệp", "01 Quy chế"); 10 and
 * above as they are. Zero is never printed as a count ("00" reads as a blank form field): the
 * sentences say "không có …" / "chưa có …" instead, and a zero reaching here is written "0".
 * Percentages and dates have their own rules (docs/report-content.md).
 */
export function so(n: number): string {
  return n >= 1 && n < 10 ? `0${n}` : String(n);
}

/** "tháng 04/2024" for a monthly period id ("2024-04"), as plan deadlines are printed ("Tháng 11/2024"). */
export function monthRef(periodId: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(periodId);
  return m ? `tháng ${m[2]}/${m[1]}` : periodId;
}

/** "A", "A và B", "A, B và C". */
export function joinVi(items: readonly string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]!}`;
}

/** 20/05/2024: the dd/mm/yyyy form the seeds use for dates inside sentences. */
export function dateVi(date: LocalDate): string {
  const { year, month, day } = parseYmd(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** 37,5% — Vietnamese decimal comma, at most one decimal. */
export function percentVi(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const v = Math.round((part / whole) * 1000) / 10;
  return `${String(v).replace('.', ',')}%`;
}

/** Free text as a clause to embed in a sentence: one line, no trailing punctuation. */
export function clause(text: string | undefined): string {
  return squash(text ?? '').replace(/[\s.;,:]+$/u, '');
}

/**
 * Names joined for a sentence: "A, B và C", or "A; B; C" when a name itself holds "và" or a comma
 * ("Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ"), where "và" would be ambiguous.
 */
export function joinNames(items: readonly string[]): string {
  return items.some((i) => i.includes(' và ') || i.includes(',')) ? items.join('; ') : joinVi(items);
}

/** Free text as a complete sentence: one line, capitalised, ending with a full stop. */
export function sentence(text: string | undefined): string {
  const c = clause(text);
  if (!c) return '';
  const first = c.charAt(0).toLocaleUpperCase('vi');
  const body = first + c.slice(1);
  return /[.!?…]$/u.test(body) ? body : `${body}.`;
}

/**
 * Free text typed by a unit, as a sentence placed after a label and a colon: one line, a full stop
 * at the end, its letters exactly as typed — the first word may be a proper noun ("Sở Tài chính
 * chưa bố trí kinh phí") and changing its case would misprint it.
 */
export function asTyped(text: string | undefined): string {
  const c = clause(text);
  if (!c) return '';
  return /[.!?…]$/u.test(c) ? c : `${c}.`;
}

/** Lower-cases the first letter, for a user clause placed mid-sentence (keeps acronyms like "UBND"). */
export function lowerFirst(text: string): string {
  if (text.length < 2) return text.toLocaleLowerCase('vi');
  const second = text.charAt(1);
  // "UBND…", "KH&CN…": an acronym keeps its case.
  if (second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi')) return text;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * A long plan content shortened for a reference inside a sentence: up to `maxWords` words, cut at
 * a word boundary with an ellipsis. Plans carry legal references that make contents very long.
 */
export function brief(content: string, maxWords = 24): string {
  const words = clause(content).split(' ').filter(Boolean);
  if (words.length <= maxWords) return words.join(' ');
  return `${words
    .slice(0, maxWords)
    .join(' ')
    .replace(/[,;:]$/u, '')}…`;
}

/** "tăng 20 điểm phần trăm", "giảm 5 điểm phần trăm", "không thay đổi". */
export function deltaVi(delta: number): string {
  if (delta > 0) return `tăng ${delta} điểm phần trăm`;
  if (delta < 0) return `giảm ${-delta} điểm phần trăm`;
  return 'không thay đổi';
}
