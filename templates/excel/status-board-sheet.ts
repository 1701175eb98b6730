/**
 * The status board as a workbook (GET /api/status?format=xlsx): one sheet, one row per unit with
 * the same words and times as the page, and under it the summary and the notes (when the data was
 * read, the deadline, the day overdue tasks are judged on).
 * flow: status handler --> status-board sheet --> status-board text, submissions sheet, styles, safe-cell
 *
 * "Thời điểm gửi" is the board's `submittedAt`, the instant the compiled report's sheet "Tình hình
 * nộp báo cáo" prints for the same unit (core/counted-submission.ts); a later revision goes in a
 * column of its own. Every value that comes from people (unit names, task content) goes in as a
 * string cell through safe-cell, never a formula.
 */
import ExcelJS from 'exceljs';
import type { BoardRow, StatusBoard } from '../../functions/core/status-board.ts';
import { deadlineLine, readLine, revisedText, submittedText } from '../common/status-board-text.ts';
import { DEFAULT_TIME_ZONE, formatDateTime } from '../web/format.ts';
import { setText, writeRow } from './safe-cell.ts';
import { statusText } from './submissions-sheet.ts';
import { dmy } from './summary-sheet.ts';
import { CENTRE_TOP, FONT_ALERT, FONT_ITALIC, FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

export const BOARD_SHEET = 'Theo dõi nộp báo cáo';
export const BOARD_HEADER_ROW = 4;
export const BOARD_HEADS = [
  'TT',
  'Phòng, đơn vị',
  'Mã',
  'Tình trạng',
  'Thời điểm gửi',
  'Sửa lần cuối / lưu nháp',
  'Phiên bản',
  'Số nhiệm vụ phải báo cáo',
  'Số nhiệm vụ đã báo cáo',
  'Nhiệm vụ quá hạn',
];
const WIDTHS = [6, 40, 9, 22, 18, 30, 10, 14, 14, 60];
const COLUMN = { status: 4, count: [1, 3, 5, 7, 8, 9] } as const;

export interface BoardWorkbookInput {
  board: StatusBoard;
  /** "Sở Khoa học và Công nghệ — Bắc Giang". */
  agencyName: string;
  /** "tháng 5 năm 2024". */
  periodLabel: string;
}

/** What the unit did after the submission that counts, or when it saved a draft. */
function laterText(r: BoardRow, zone: string): string {
  if (r.lastRevisedAt) return revisedText(r, zone);
  return r.draftSavedAt ? `Nháp lưu lúc ${formatDateTime(r.draftSavedAt, zone)}` : '';
}

function overdueText(r: BoardRow): string {
  return r.overdue.map((t) => `${t.number}. ${t.content} (hạn ${t.deadline})`).join('\n');
}

function summaryText(b: StatusBoard): string {
  const s = b.summary;
  return `${s['on-time'] + s.late}/${s.units} đơn vị đã nộp: ${s['on-time']} đúng hạn, ${s.late} muộn, ${s['draft-only']} mới lưu nháp, ${s.missing} chưa nộp.`;
}

/** A note line under the table, merged across it. */
function noteRow(ws: ExcelJS.Worksheet, row: number, text: string): void {
  ws.mergeCells(row, 1, row, BOARD_HEADS.length);
  const cell = ws.getCell(row, 1);
  setText(cell, text);
  cell.font = FONT_ITALIC;
  cell.alignment = { wrapText: true, vertical: 'top' };
}

export function buildBoardWorkbook(o: BoardWorkbookInput): ExcelJS.Workbook {
  const b = o.board;
  const zone = b.timeZone || DEFAULT_TIME_ZONE;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'baocao';
  wb.title = `Theo dõi nộp báo cáo ${o.periodLabel}`;
  wb.created = new Date(b.readAt);
  wb.calcProperties = { fullCalcOnLoad: false };
  const ws = wb.addWorksheet(BOARD_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRow(ws, 1, BOARD_HEADS.length, `TÌNH HÌNH NỘP BÁO CÁO ${o.periodLabel.toLocaleUpperCase('vi')} CỦA CÁC PHÒNG, ĐƠN VỊ`, FONT_TITLE, 22);
  titleRow(ws, 2, BOARD_HEADS.length, o.agencyName, FONT_ITALIC);
  titleRow(ws, 3, BOARD_HEADS.length, `(Hạn gửi báo cáo: hết ngày ${dmy(b.deadline)})`, FONT_ITALIC);
  writeRow(ws, BOARD_HEADER_ROW, BOARD_HEADS);
  styleHeader(ws, BOARD_HEADER_ROW, BOARD_HEADS.length);
  let r = BOARD_HEADER_ROW + 1;
  b.rows.forEach((row, i) => {
    writeRow(ws, r, [
      i + 1,
      row.unit.name,
      row.unit.code,
      statusText({ due: b.deadlinePassed }, row.status),
      submittedText(row, zone),
      laterText(row, zone),
      row.revision,
      row.tasksDue,
      row.tasksReported,
      overdueText(row),
    ]);
    styleBody(ws, r, BOARD_HEADS.length);
    for (const c of COLUMN.count) ws.getCell(r, c).alignment = CENTRE_TOP;
    if (row.status !== 'on-time' && b.deadlinePassed) ws.getCell(r, COLUMN.status).font = { ...FONT_ALERT, bold: true };
    r++;
  });
  if (!b.rows.length) noteRow(ws, r++, 'Kỳ này chưa có đơn vị nào có nhiệm vụ phải báo cáo (chưa nhập kế hoạch năm?).');
  noteRow(ws, ++r, summaryText(b));
  noteRow(ws, ++r, readLine(b));
  noteRow(ws, ++r, deadlineLine(b));
  printSetup(ws, BOARD_HEADER_ROW);
  return wb;
}

export async function renderBoardXlsx(o: BoardWorkbookInput): Promise<Buffer> {
  return Buffer.from((await buildBoardWorkbook(o).xlsx.writeBuffer()) as ArrayBuffer);
}
