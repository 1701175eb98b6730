/**
 * Sheet "Tổng hợp": task counts by unit and status with the totals row, then by directing
 * leader and by task category. The figures are the model's, written as numbers (no SUM
 * formulas): they must equal the PDF's, which prints the same model.
 * flow: render-xlsx --> summary-sheet --> styles, safe-cell
 */
import type { XlsxBook as Workbook, XlsxSheet as Worksheet } from './sheet-writer.ts';
import { TASK_STATUSES, TASK_STATUS_LABELS, type CountRow, type ReportModel, type StatusCounts } from '../../functions/core/report-model.ts';
import { setText, writeRow } from './safe-cell.ts';
import { appendixReference, DRAFT_MARK, issuerFullName } from '../common/date-line.ts';
import { FONT_ALERT, FONT_BOLD, FONT_ITALIC, FONT_TITLE, CENTRE_TOP, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

export const SUMMARY_SHEET = 'Tổng hợp';
export const SUMMARY_HEADER_ROW = 4;
export const TOTALS_LABEL = 'Tổng cộng';
const COLUMNS = 2 + 1 + TASK_STATUSES.length;

function header(ws: Worksheet, row: number, first: string): void {
  writeRow(ws, row, ['TT', first, 'Tổng số', ...TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s])]);
  styleHeader(ws, row, COLUMNS);
}

function countsValues(c: StatusCounts): number[] {
  return [c.total, ...TASK_STATUSES.map((s) => c[s])];
}

function countRows(ws: Worksheet, start: number, rows: CountRow[]): number {
  let r = start;
  rows.forEach((row, i) => {
    writeRow(ws, r, [i + 1, row.label, ...countsValues(row.counts)]);
    styleBody(ws, r, COLUMNS);
    for (let c = 3; c <= COLUMNS; c++) ws.getCell(r, c).alignment = CENTRE_TOP;
    ws.getCell(r, 1).alignment = CENTRE_TOP;
    r++;
  });
  return r;
}

function section(ws: Worksheet, start: number, title: string, first: string, rows: CountRow[]): number {
  ws.mergeCells(start, 1, start, COLUMNS);
  setText(ws.getCell(start, 1), title);
  ws.getCell(start, 1).font = FONT_BOLD;
  header(ws, start + 1, first);
  return countRows(ws, start + 2, rows);
}

export function addSummarySheet(wb: Workbook, model: ReportModel): Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEET);
  ws.columns = [{ width: 6 }, { width: 42 }, { width: 10 }, ...TASK_STATUSES.map(() => ({ width: 14 }))];
  titleRow(ws, 1, COLUMNS, `TỔNG HỢP TÌNH TRẠNG THỰC HIỆN NHIỆM VỤ ${model.period.label.toLocaleUpperCase('vi')}`, FONT_TITLE, 22);
  titleRow(ws, 2, COLUMNS, `(Số liệu từ ngày ${dmy(model.period.window.from)} đến ngày ${dmy(model.period.window.to)})`, FONT_ITALIC);
  // The first sheet says what the workbook is: a draft, or the appendix of the issued report.
  const reference = appendixReference(model.documentSymbol, model.issueDate, issuerFullName(model), model.documentNumber);
  titleRow(
    ws,
    3,
    COLUMNS,
    model.draft ? `${DRAFT_MARK} — chưa phát hành. ${reference}` : reference,
    model.draft ? { ...FONT_ALERT, bold: true } : FONT_ITALIC,
    30,
  );

  // A province roll-up counts by Sở, a Sở's report by its units.
  header(ws, SUMMARY_HEADER_ROW, model.rollup ? 'Cơ quan' : 'Phòng, đơn vị');
  let r = countRows(ws, SUMMARY_HEADER_ROW + 1, model.byUnit);
  writeRow(ws, r, [TOTALS_LABEL, undefined, ...countsValues(model.totals)]);
  ws.mergeCells(r, 1, r, 2);
  styleBody(ws, r, COLUMNS, FONT_BOLD);
  for (let c = 3; c <= COLUMNS; c++) ws.getCell(r, c).alignment = CENTRE_TOP;
  ws.getCell(r, 1).alignment = CENTRE_TOP;
  r += 2;

  if (model.byLeader.length) r = section(ws, r, 'Theo lãnh đạo Sở trực tiếp chỉ đạo', 'Lãnh đạo chỉ đạo', model.byLeader) + 1;
  if (model.byCategory.length) section(ws, r, 'Theo nhóm nhiệm vụ', 'Nhóm nhiệm vụ', model.byCategory);

  printSetup(ws, SUMMARY_HEADER_ROW);
  return ws;
}

/** "15/4/2024": the day/month style of running text in the seeds. */
export function dmy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}
