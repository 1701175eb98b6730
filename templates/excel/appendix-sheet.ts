/**
 * Sheet "Phụ lục": the task table grouped under Roman-numeral rows (bold, filled), the same rows
 * as the PDF appendix, with difficulties and proposals in separate columns for re-use.
 * flow: render-xlsx --> appendix-sheet --> styles, safe-cell
 */
import type { XlsxBook as Workbook, XlsxSheet as Worksheet } from './sheet-writer.ts';
import { TASK_STATUS_LABELS, type ReportModel, type TaskRow } from '../../functions/core/report-model.ts';
import { attachmentsLine } from '../../functions/core/attachment.ts';
import { REACHED_LABEL } from '../../functions/core/product.ts';
import { proposalNote } from '../common/cells.ts';
import { appendixReference, issuerFullName } from '../common/date-line.ts';
import { setText, writeRow } from './safe-cell.ts';
import { BORDER, CENTRE_TOP, FILL_GROUP, FONT, FONT_BOLD, FONT_ITALIC, FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

export const APPENDIX_SHEET = 'Phụ lục';
export const APPENDIX_HEADER_ROW = 4;
export const APPENDIX_COLUMNS = [
  { head: 'TT', width: 6 },
  { head: 'Nội dung nhiệm vụ', width: 46 },
  { head: 'Đơn vị chủ trì', width: 20 },
  { head: 'Lãnh đạo chỉ đạo', width: 16 },
  { head: 'Thời hạn', width: 13 },
  { head: 'Kết quả thực hiện', width: 46 },
  { head: 'Tiến độ (%)', width: 9 },
  { head: 'Tình trạng', width: 17 },
  { head: 'Khó khăn, vướng mắc', width: 32 },
  { head: 'Đề xuất, kiến nghị', width: 32 },
] as const;
const LAST = APPENDIX_COLUMNS.length;

function contentText(row: TaskRow): string {
  return row.productTarget ? `${row.content}\nSản phẩm: ${row.productTarget}` : row.content;
}

function resultText(row: TaskRow): string {
  const parts = [row.result];
  if (row.productReachedText) parts.push(`${REACHED_LABEL}: ${row.productReachedText}`);
  if (row.completedOn) parts.push(`Hoàn thành ngày: ${row.completedOn.split('-').reverse().join('/')}`);
  if (row.reason) parts.push(`Lý do: ${row.reason}`);
  // A longer period's progress column holds its end; the start is said here.
  if (row.history && row.progressStart !== undefined) parts.push(`Tiến độ đầu kỳ: ${row.progressStart}%`);
  if (row.attachments?.length) parts.push(attachmentsLine(row.attachments));
  return parts.filter(Boolean).join('\n');
}

function statusText(row: TaskRow): string {
  return row.newlyOverdue ? `${TASK_STATUS_LABELS[row.status]}\n(quá hạn trong kỳ)` : TASK_STATUS_LABELS[row.status];
}

function proposalText(row: TaskRow): string {
  const note = proposalNote(row);
  return row.proposals && note ? `${row.proposals}\n(${note})` : row.proposals;
}

/** A row with the first cell on its own and the rest merged: group and parent-task rows. */
function spanningRow(ws: Worksheet, r: number, first: string, rest: string, bold: boolean, italic: boolean, filled: boolean): void {
  setText(ws.getCell(r, 1), first);
  setText(ws.getCell(r, 2), rest);
  ws.mergeCells(r, 2, r, LAST);
  const font = { ...FONT, bold, italic };
  for (let c = 1; c <= LAST; c++) {
    const cell = ws.getCell(r, c);
    cell.font = font;
    cell.border = BORDER;
    cell.alignment = c === 1 ? CENTRE_TOP : { wrapText: true, vertical: 'top' };
    if (filled) cell.fill = FILL_GROUP;
  }
}

export function addAppendixSheet(wb: Workbook, model: ReportModel): Worksheet {
  const ws = wb.addWorksheet(APPENDIX_SHEET);
  ws.columns = APPENDIX_COLUMNS.map((c) => ({ width: c.width }));
  titleRow(ws, 1, LAST, 'Phụ lục', FONT_TITLE);
  titleRow(ws, 2, LAST, model.appendixTitle.toLocaleUpperCase('vi'), FONT_TITLE, 22);
  titleRow(ws, 3, LAST, appendixReference(model.documentSymbol, model.issueDate, issuerFullName(model), model.documentNumber), FONT_ITALIC);

  writeRow(
    ws,
    APPENDIX_HEADER_ROW,
    APPENDIX_COLUMNS.map((c) => c.head),
  );
  styleHeader(ws, APPENDIX_HEADER_ROW, LAST);

  let r = APPENDIX_HEADER_ROW + 1;
  for (const group of model.groups) {
    spanningRow(ws, r++, group.numeral, group.title.toLocaleUpperCase('vi'), true, false, true);
    let parents = '';
    for (const row of group.rows) {
      const key = (row.parents ?? []).join(' - ');
      if (key && key !== parents) spanningRow(ws, r++, '', key, true, true, false);
      parents = key;
      writeRow(ws, r, [
        row.number,
        contentText(row),
        row.leadUnit.name,
        row.directingLeader?.name ?? '',
        row.deadlineText,
        resultText(row),
        row.progress,
        statusText(row),
        row.difficulties,
        proposalText(row),
      ]);
      styleBody(ws, r, LAST);
      for (const c of [1, 5, 7]) ws.getCell(r, c).alignment = CENTRE_TOP;
      if (row.status === 'chua-hoan-thanh-qua-han' || row.newlyOverdue) ws.getCell(r, 8).font = { ...FONT_BOLD, color: { argb: 'FFC00000' } };
      r++;
    }
  }
  printSetup(ws, APPENDIX_HEADER_ROW);
  return ws;
}
