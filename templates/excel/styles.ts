/**
 * Fonts, borders, fills and the print setup shared by every sheet, so the workbook prints like
 * the PDF appendix: A4 landscape, one page wide, header rows repeated, page numbers in the footer.
 * flow: *-sheet --> styles
 */
import type { Alignment, Borders, Fill, Font } from 'exceljs';
import type { SheetLike as Worksheet } from './sheet-writer.ts';
import { setText } from './safe-cell.ts';

export const FONT_NAME = 'Times New Roman';

export const FONT: Partial<Font> = { name: FONT_NAME, size: 12 };
export const FONT_BOLD: Partial<Font> = { ...FONT, bold: true };
export const FONT_TITLE: Partial<Font> = { name: FONT_NAME, size: 14, bold: true };
export const FONT_ITALIC: Partial<Font> = { ...FONT, italic: true };
export const FONT_ALERT: Partial<Font> = { ...FONT, color: { argb: 'FFC00000' } };

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const FILL_HEADER: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const FILL_GROUP: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

export const WRAP_TOP: Partial<Alignment> = { wrapText: true, vertical: 'top' };
export const CENTRE: Partial<Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
export const CENTRE_TOP: Partial<Alignment> = { wrapText: true, vertical: 'top', horizontal: 'center' };

/** Inches; the decree's 20/20/30/15 mm, the 30 mm binding edge on the left. */
const MARGINS = { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 };

/**
 * A4 landscape, fit to one page wide and as many tall as needed, `headerRow` repeated on every
 * printed page and frozen on screen. No outline (row grouping) properties anywhere: combined
 * with fitToPage they make Excel ask to repair the file.
 */
export function printSetup(ws: Worksheet, headerRow: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: `&C&"${FONT_NAME},Regular"&11Trang &P/&N` };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  fitRowHeights(ws, headerRow);
}

/** Title rows above a table: merged across its width, centred. */
export function titleRow(ws: Worksheet, row: number, lastColumn: number, text: string, font: Partial<Font>, height?: number): void {
  ws.mergeCells(row, 1, row, lastColumn);
  const cell = ws.getCell(row, 1);
  setText(cell, text);
  cell.font = font;
  cell.alignment = CENTRE;
  // Excel does not grow merged rows to fit wrapped text: give long titles their height.
  if (height) ws.getRow(row).height = height;
}

/** Header cells: bold, centred, filled, bordered. */
export function styleHeader(ws: Worksheet, row: number, lastColumn: number): void {
  for (let c = 1; c <= lastColumn; c++) {
    const cell = ws.getCell(row, c);
    cell.font = FONT_BOLD;
    cell.alignment = CENTRE;
    cell.border = BORDER;
    cell.fill = FILL_HEADER;
  }
}

/** Body cells: Times New Roman, wrapped, top-aligned, bordered. */
export function styleBody(ws: Worksheet, row: number, lastColumn: number, font: Partial<Font> = FONT): void {
  for (let c = 1; c <= lastColumn; c++) {
    const cell = ws.getCell(row, c);
    cell.font = font;
    cell.alignment = WRAP_TOP;
    cell.border = BORDER;
  }
}

/** Line height of 12 pt Times New Roman in points, and Excel's largest row height. */
const LINE_PT = 15.5;
const MAX_ROW_PT = 409;

/**
 * Sets each row's height from its wrapped text. Neither Excel nor LibreOffice grows rows with
 * wrapped text on opening a generated file (LibreOffice printed every row on one line), so the
 * height is estimated here: characters per line from the column width (Excel's width unit is
 * about one character of the default font), merged cells counting their combined width.
 */
export function fitRowHeights(ws: Worksheet, fromRow: number): void {
  const widths: number[] = [];
  for (const [i, col] of ws.columns.entries()) widths[i + 1] = col.width ?? 9;
  for (let r = fromRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.height) continue;
    let lines = 1;
    row.eachCell((cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = typeof cell.value === 'string' ? cell.value : cell.value === null || cell.value === undefined ? '' : String(cell.text ?? '');
      if (!text) return;
      let width = widths[c] ?? 9;
      if (cell.isMerged) {
        // exceljs exposes no merge range per cell; walk right while cells share this master.
        for (let k = c + 1; k <= widths.length; k++) {
          const next = ws.getCell(r, k);
          if (!next.isMerged || next.master.address !== cell.address) break;
          width += widths[k] ?? 9;
        }
      }
      const size = (cell.font?.size ?? 12) / 12;
      const perLine = Math.max(1, Math.floor((width * 1.05) / size));
      const needed = text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
      lines = Math.max(lines, needed);
    });
    if (lines > 1) row.height = Math.min(MAX_ROW_PT, lines * LINE_PT + 3);
  }
}
