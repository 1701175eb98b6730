/**
 * The date line and the blank-number symbol line of a Nghị định 30/2020 document.
 * flow: render-pdf / render-xlsx --> date-line
 *
 * The decree writes day < 10 and months 1 and 2 with a leading zero ("ngày 05 tháng 02"),
 * every other month without ("tháng 6"): "tháng 1" could be misread as "tháng 10–12" when a
 * digit is added by hand, the other months cannot.
 */
import { parseYmd, type LocalDate } from '../../functions/core/clock.ts';

export function dayText(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function monthText(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** "Bắc Giang, ngày 05 tháng 02 năm 2024". */
export function dateLine(placeName: string, date: LocalDate): string {
  const { year, month, day } = parseYmd(date);
  return `${placeName}, ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
}

/** Room left for the registry clerk to write the number by hand. */
export const NUMBER_BLANK = '\u00a0'.repeat(7);

/** "Số:       /BC-SKHCN": the number is given by the văn thư when the document is registered. */
export function numberLine(documentSymbol: string): string {
  return `Số:${NUMBER_BLANK}/${documentSymbol}`;
}

/**
 * "(Kèm theo Báo cáo số       /BC-SKHCN ngày    tháng    năm 2024 của Sở Khoa học và Công nghệ)":
 * number, day and month are only known once the clerk registers the report.
 */
export function appendixReference(documentSymbol: string, issueDate: LocalDate, agencyName: string): string {
  const { year } = parseYmd(issueDate);
  const gap = '\u00a0'.repeat(4);
  return `(Kèm theo Báo cáo số${NUMBER_BLANK}/${documentSymbol} ngày${gap}tháng${gap}năm ${year} của ${agencyName})`;
}
