/**
 * Dates and times as Vietnamese readers write them: dd/mm/yyyy and dd/mm/yyyy HH:mm, local to
 * the agency's time zone.
 * flow: page templates --> format --> core clock
 */
import { localParts, type LocalDate } from '../../functions/core/clock.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const two = (n: number) => String(n).padStart(2, '0');

/** "2024-06-20" → "20/06/2024". */
export function formatDate(date: LocalDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** An ISO instant as "17/05/2024 09:00" in the zone. */
export function formatDateTime(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = localParts(d, timeZone);
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** "2024-06" → "tháng 6/2024". */
export function monthLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `tháng ${Number(m[2])}/${m[1]}` : period;
}
