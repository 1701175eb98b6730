/**
 * Sheet "Tình hình nộp báo cáo" (the Director's workbook only): every unit's submission, month by
 * month — a longer period lists each of its months — late and missing ones in red, with a count
 * line per status under each month.
 * flow: render-xlsx --> submissions-sheet --> styles, safe-cell
 */
import type { XlsxBook as Workbook, XlsxSheet as Worksheet } from './sheet-writer.ts';
import { localParts } from '../../functions/core/clock.ts';
import { SUBMISSION_STATUS_LABELS, type ReportModel, type SubmissionMonth, type SubmissionStatus } from '../../functions/core/report-model.ts';
import { dmy } from './summary-sheet.ts';
import { setText, writeRow } from './safe-cell.ts';
import { CENTRE_TOP, FILL_GROUP, FONT_ALERT, FONT_BOLD, FONT_ITALIC, FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

export const SUBMISSIONS_SHEET = 'Tình hình nộp báo cáo';
export const SUBMISSIONS_HEADER_ROW = 3;
const HEADS = ['TT', 'Phòng, đơn vị', 'Tình trạng', 'Thời điểm gửi', 'Lần gửi', 'Số nhiệm vụ phải báo cáo', 'Số nhiệm vụ đã báo cáo'];
const WIDTHS = [6, 46, 24, 20, 9, 14, 14];
const ALERT: SubmissionStatus[] = ['late', 'missing', 'draft-only'];

/** "20/05/2024 16:40" in the agency's zone. */
export function submittedAtText(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = localParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** A month's status label: a report not sent before the deadline has passed is "chưa đến hạn". */
export function statusText(month: Pick<SubmissionMonth, 'due'>, status: SubmissionStatus): string {
  return status === 'missing' && !month.due ? 'Chưa nộp (chưa đến hạn)' : SUBMISSION_STATUS_LABELS[status];
}

/** "Tổng số 5 phòng, đơn vị. Nộp đúng hạn: 3; …" under a month's rows. */
export function monthCountsLine(month: SubmissionMonth): string {
  const counts = (Object.keys(SUBMISSION_STATUS_LABELS) as SubmissionStatus[])
    .map((k) => `${statusText(month, k)}: ${month.rows.filter((s) => s.status === k).length}`)
    .join('; ');
  return `Tổng số ${month.rows.length} phòng, đơn vị. ${counts}.`;
}

function writeMonth(ws: Worksheet, start: number, month: SubmissionMonth, zone: string, withHeading: boolean): number {
  let r = start;
  if (withHeading) {
    ws.mergeCells(r, 1, r, HEADS.length);
    setText(ws.getCell(r, 1), `${month.label.charAt(0).toLocaleUpperCase('vi')}${month.label.slice(1)} (hạn gửi báo cáo: ngày ${dmy(month.deadline)})`);
    ws.getCell(r, 1).font = FONT_BOLD;
    ws.getCell(r, 1).fill = FILL_GROUP;
    r++;
  }
  month.rows.forEach((s, i) => {
    writeRow(ws, r, [i + 1, s.unit.name, statusText(month, s.status), submittedAtText(s.submittedAt, zone), s.revision, s.tasksDue, s.tasksReported]);
    styleBody(ws, r, HEADS.length);
    for (const c of [1, 4, 5, 6, 7]) ws.getCell(r, c).alignment = CENTRE_TOP;
    if (ALERT.includes(s.status) && month.due) ws.getCell(r, 3).font = { ...FONT_ALERT, bold: true };
    r++;
  });
  setText(ws.getCell(r, 2), monthCountsLine(month));
  ws.mergeCells(r, 2, r, HEADS.length);
  ws.getCell(r, 2).font = FONT_ITALIC;
  ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
  return r + 2;
}

export function addSubmissionsSheet(wb: Workbook, model: ReportModel): Worksheet {
  const ws = wb.addWorksheet(SUBMISSIONS_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  const zone = model.agency.timeZone ?? 'Asia/Ho_Chi_Minh';
  const months = model.submissionMonths;
  titleRow(ws, 1, HEADS.length, `TÌNH HÌNH GỬI BÁO CÁO ${model.period.label.toLocaleUpperCase('vi')} CỦA CÁC PHÒNG, ĐƠN VỊ`, FONT_TITLE, 22);
  titleRow(
    ws,
    2,
    HEADS.length,
    months.length === 1
      ? `(Hạn gửi báo cáo: ngày ${dmy(months[0]!.deadline)})`
      : `(Báo cáo hằng tháng, từ ${months[0]?.label ?? ''} đến ${months[months.length - 1]?.label ?? ''})`,
    FONT_ITALIC,
  );
  writeRow(ws, SUBMISSIONS_HEADER_ROW, HEADS);
  styleHeader(ws, SUBMISSIONS_HEADER_ROW, HEADS.length);
  let r = SUBMISSIONS_HEADER_ROW + 1;
  for (const month of months) r = writeMonth(ws, r, month, zone, months.length > 1);
  printSetup(ws, SUBMISSIONS_HEADER_ROW);
  return ws;
}
