/**
 * Sheet "Khó khăn, đề xuất": the difficulties and proposals units reported, marking those that
 * ask the leaders for a decision.
 * flow: render-xlsx --> issues-sheet --> styles, safe-cell
 */
import type { XlsxBook as Workbook, XlsxSheet as Worksheet } from './sheet-writer.ts';
import type { ReportModel } from '../../functions/core/report-model.ts';
import { writeRow } from './safe-cell.ts';
import { CENTRE_TOP, FONT_ITALIC, FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

export const ISSUES_SHEET = 'Khó khăn, đề xuất';
export const ISSUES_HEADER_ROW = 3;
const HEADS = ['TT', 'Phòng, đơn vị', 'TT nhiệm vụ', 'Nội dung nhiệm vụ', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị', 'Xin ý kiến Lãnh đạo Sở'];
const WIDTHS = [6, 24, 10, 40, 40, 40, 12];

export function addIssuesSheet(wb: Workbook, model: ReportModel): Worksheet {
  const ws = wb.addWorksheet(ISSUES_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRow(ws, 1, HEADS.length, `KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ ${model.period.label.toLocaleUpperCase('vi')}`, FONT_TITLE, 22);
  writeRow(ws, ISSUES_HEADER_ROW, HEADS);
  styleHeader(ws, ISSUES_HEADER_ROW, HEADS.length);
  let r = ISSUES_HEADER_ROW + 1;
  model.issues.forEach((issue, i) => {
    writeRow(ws, r, [
      i + 1,
      issue.unit.name,
      issue.taskNumber ?? '',
      issue.taskContent ?? '',
      issue.difficulties,
      issue.proposals,
      issue.needsDecision ? 'Có' : '',
    ]);
    styleBody(ws, r, HEADS.length);
    for (const c of [1, 3, 7]) ws.getCell(r, c).alignment = CENTRE_TOP;
    r++;
  });
  if (model.issues.length === 0) {
    writeRow(ws, r, ['', 'Không có khó khăn, vướng mắc được báo cáo trong kỳ.']);
    ws.mergeCells(r, 2, r, HEADS.length);
    styleBody(ws, r, HEADS.length, FONT_ITALIC);
  }
  printSetup(ws, ISSUES_HEADER_ROW);
  return ws;
}
