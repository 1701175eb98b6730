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

/**
 * "Số: 15/BC-SKHCN" once issued; "Số:       /BC-SKHCN" on a draft, the number left blank for the
 * register (numbers below 10 take a leading zero: "Số: 05/BC-SKHCN").
 */
export function numberLine(documentSymbol: string, documentNumber?: string): string {
  return documentNumber ? `Số: ${paddedNumber(documentNumber)}/${documentSymbol}` : `Số:${NUMBER_BLANK}/${documentSymbol}`;
}

/** "5" → "05": Nghị định 30/2020 writes numbers below 10 with a leading zero. */
export function paddedNumber(documentNumber: string): string {
  return /^\d$/.test(documentNumber) ? `0${documentNumber}` : documentNumber;
}

/**
 * "(Kèm theo Báo cáo số 15/BC-SKHCN ngày 21 tháng 5 năm 2024 của Sở Khoa học và Công nghệ)": the
 * same number and date as page 1 — on a draft the number is blank there too, the date is the one
 * page 1 carries.
 */
export function appendixReference(documentSymbol: string, issueDate: LocalDate, issuerName: string, documentNumber?: string): string {
  const { year, month, day } = parseYmd(issueDate);
  const number = documentNumber ? ` ${paddedNumber(documentNumber)}` : NUMBER_BLANK;
  return `(Kèm theo Báo cáo số${number}/${documentSymbol} ngày ${dayText(day)} tháng ${monthText(month)} năm ${year} của ${issuerName})`;
}

/** The issuer as a reference names it: "Sở Khoa học và Công nghệ", "Văn phòng Sở Khoa học và Công nghệ". */
export function issuerFullName(model: { issuer: { name: string }; agency: { name: string } }): string {
  const { issuer, agency } = model;
  if (issuer.name === agency.name || issuer.name.includes(agency.name)) return issuer.name;
  // "VĂN PHÒNG" over the agency "Văn phòng UBND tỉnh": the agency's own name says it all.
  if (agency.name.toLocaleLowerCase('vi').startsWith(issuer.name.toLocaleLowerCase('vi'))) return agency.name;
  return `${issuer.name} ${agency.name}`;
}

/** The mark printed on a version not yet issued. */
export const DRAFT_MARK = 'DỰ THẢO';
