/**
 * Sheet "Tình hình gửi báo cáo" (a province roll-up only): each Sở of the province with its report's
 * number and date, when it reached UBND tỉnh, where it stands, and how many of the tasks the Chủ tịch
 * UBND tỉnh assigned it reports; a late or missing report in red. The same rows the body's
 * "I. TÌNH HÌNH GỬI BÁO CÁO" lists (core/province-rollup.ts).
 * flow: render-xlsx --> deliveries-sheet --> styles, safe-cell
 */
import type { XlsxBook as Workbook, XlsxSheet as Worksheet } from './sheet-writer.ts';
import { DELIVERY_STATE_LABELS } from '../../functions/core/province.ts';
import type { DeliveryRow, ReportModel } from '../../functions/core/report-model.ts';
import { setText, writeRow } from './safe-cell.ts';
import { CENTRE_TOP, FONT_ALERT, FONT_ITALIC, FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';
import { dmy } from './summary-sheet.ts';

export const DELIVERIES_SHEET = 'Tình hình gửi báo cáo';
const HEADER_ROW = 3;
const HEADS = ['TT', 'Cơ quan', 'Số báo cáo', 'Ngày ban hành', 'Ngày gửi UBND tỉnh', 'Tình trạng', 'Số nhiệm vụ do Chủ tịch UBND tỉnh giao'];
const WIDTHS = [6, 44, 18, 14, 16, 30, 18];

function stateText(d: DeliveryRow): string {
  const label = DELIVERY_STATE_LABELS[d.state];
  if (d.state === 'delivered') return `${label} (${d.late ? 'sau hạn' : 'đúng hạn'})`;
  return d.late ? `${label}, đã quá hạn` : label;
}

export function addDeliveriesSheet(wb: Workbook, model: ReportModel, rows: readonly DeliveryRow[]): Worksheet {
  const ws = wb.addWorksheet(DELIVERIES_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  titleRow(ws, 1, HEADS.length, `TÌNH HÌNH GỬI BÁO CÁO ${model.period.label.toLocaleUpperCase('vi')} CỦA CÁC CƠ QUAN`, FONT_TITLE, 22);
  titleRow(ws, 2, HEADS.length, `(Hạn gửi báo cáo: ngày ${dmy(model.period.submissionDeadline)}; số liệu đến ngày ${dmy(model.issueDate)})`, FONT_ITALIC);
  writeRow(ws, HEADER_ROW, HEADS);
  styleHeader(ws, HEADER_ROW, HEADS.length);
  let r = HEADER_ROW + 1;
  rows.forEach((d, i) => {
    writeRow(ws, r, [
      i + 1,
      d.name,
      d.numberText ?? '',
      d.issuedOn ? dmy(d.issuedOn) : '',
      d.deliveredOn ? dmy(d.deliveredOn) : '',
      stateText(d),
      d.state === 'delivered' || d.state === 'issued' ? d.tasks : '',
    ]);
    styleBody(ws, r, HEADS.length);
    for (const c of [1, 3, 4, 5, 7]) ws.getCell(r, c).alignment = CENTRE_TOP;
    if (d.late || d.state !== 'delivered') ws.getCell(r, 6).font = { ...FONT_ALERT, bold: d.late };
    r++;
  });
  setText(ws.getCell(r, 2), `Tổng số ${rows.length} cơ quan; đã gửi UBND tỉnh: ${rows.filter((d) => d.state === 'delivered').length}.`);
  ws.mergeCells(r, 2, r, HEADS.length);
  ws.getCell(r, 2).font = FONT_ITALIC;
  printSetup(ws, HEADER_ROW);
  return ws;
}
