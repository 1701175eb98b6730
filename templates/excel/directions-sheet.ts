/**
 * Sheet "Ý kiến chỉ đạo": the leaders' directions on the units' proposals and what came of them
 * (the unit's answer), in the reports that have any; the report to UBND tỉnh holds only those
 * marked for the province (the model already says which).
 * flow: render-xlsx --> directions-sheet --> styles, safe-cell
 */
import type { XlsxBook as Workbook, XlsxSheet as Worksheet } from './sheet-writer.ts';
import type { DirectionRow, ReportModel } from '../../functions/core/report-model.ts';
import { writeRow } from './safe-cell.ts';
import { CENTRE_TOP, FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

export const DIRECTIONS_SHEET = 'Ý kiến chỉ đạo';
const HEADER_ROW = 3;
const HEADS = ['TT', 'Phòng, đơn vị đề xuất', 'TT nhiệm vụ', 'Tháng', 'Đề xuất', 'Ý kiến chỉ đạo', 'Thời hạn', 'Đơn vị thực hiện', 'Kết quả thực hiện'];
const WIDTHS = [6, 22, 10, 10, 36, 40, 12, 22, 40];

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const month = (p: string) => `${p.slice(5, 7)}/${p.slice(0, 4)}`;

export function addDirectionsSheet(wb: Workbook, model: ReportModel, rows: readonly DirectionRow[]): Worksheet {
  const ws = wb.addWorksheet(DIRECTIONS_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRow(ws, 1, HEADS.length, `Ý KIẾN CHỈ ĐẠO CỦA LÃNH ĐẠO SỞ VÀ KẾT QUẢ THỰC HIỆN ${model.period.label.toLocaleUpperCase('vi')}`, FONT_TITLE, 22);
  writeRow(ws, HEADER_ROW, HEADS);
  styleHeader(ws, HEADER_ROW, HEADS.length);
  rows.forEach((d, i) => {
    const r = HEADER_ROW + 1 + i;
    writeRow(ws, r, [
      i + 1,
      d.unit.name,
      d.taskNumber ?? '',
      month(d.proposalPeriod),
      d.proposals,
      model.audience === 'director' ? `${d.text} (${d.byName})` : d.text,
      d.deadline ? dmy(d.deadline) : '',
      d.responsibleUnit.name,
      d.answer ? `${d.answer.text} (báo cáo tháng ${month(d.answer.period)})` : 'Chưa có báo cáo kết quả thực hiện.',
    ]);
    styleBody(ws, r, HEADS.length);
    for (const c of [1, 3, 4, 7]) ws.getCell(r, c).alignment = CENTRE_TOP;
  });
  printSetup(ws, HEADER_ROW);
  return ws;
}
