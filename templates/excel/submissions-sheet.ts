/**
 * Sheet "Tình hình nộp báo cáo": every unit's submission for the period, late and missing ones
 * in red, with a count line per status at the end.
 * flow: render-xlsx --> submissions-sheet --> styles, safe-cell
 */
import type { Workbook, Worksheet } from 'exceljs';
import { localParts } from '../../functions/core/clock.ts';
import { SUBMISSION_STATUS_LABELS, type ReportModel, type SubmissionStatus } from '../../functions/core/report-model.ts';
import { dmy } from './summary-sheet.ts';
import { setText, writeRow } from './safe-cell.ts';
import { CENTRE_TOP, FONT_ALERT, FONT_BOLD, FONT_ITALIC, FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

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

export function addSubmissionsSheet(wb: Workbook, model: ReportModel): Worksheet {
  const ws = wb.addWorksheet(SUBMISSIONS_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  const zone = model.agency.timeZone ?? 'Asia/Ho_Chi_Minh';
  titleRow(ws, 1, HEADS.length, `TÌNH HÌNH GỬI BÁO CÁO ${model.period.label.toLocaleUpperCase('vi')} CỦA CÁC PHÒNG, ĐƠN VỊ`, FONT_TITLE, 22);
  titleRow(ws, 2, HEADS.length, `(Hạn gửi báo cáo: ngày ${dmy(model.period.submissionDeadline)})`, FONT_ITALIC);
  writeRow(ws, SUBMISSIONS_HEADER_ROW, HEADS);
  styleHeader(ws, SUBMISSIONS_HEADER_ROW, HEADS.length);
  let r = SUBMISSIONS_HEADER_ROW + 1;
  model.submissions.forEach((s, i) => {
    writeRow(ws, r, [i + 1, s.unit.name, SUBMISSION_STATUS_LABELS[s.status], submittedAtText(s.submittedAt, zone), s.revision, s.tasksDue, s.tasksReported]);
    styleBody(ws, r, HEADS.length);
    for (const c of [1, 4, 5, 6, 7]) ws.getCell(r, c).alignment = CENTRE_TOP;
    if (ALERT.includes(s.status)) ws.getCell(r, 3).font = { ...FONT_ALERT, bold: true };
    r++;
  });
  r++;
  const counts = (Object.keys(SUBMISSION_STATUS_LABELS) as SubmissionStatus[])
    .map((k) => `${SUBMISSION_STATUS_LABELS[k]}: ${model.submissions.filter((s) => s.status === k).length}`)
    .join('; ');
  setText(ws.getCell(r, 2), `Tổng số ${model.submissions.length} phòng, đơn vị. ${counts}.`);
  ws.mergeCells(r, 2, r, HEADS.length);
  ws.getCell(r, 2).font = FONT_BOLD;
  ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
  printSetup(ws, SUBMISSIONS_HEADER_ROW);
  return ws;
}
