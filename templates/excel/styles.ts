/**
 * Fonts, borders, fills and the print setup shared by every sheet, so the workbook prints like
 * the PDF appendix: A4 landscape, one page wide, header rows repeated, page numbers in the footer.
 * flow: *-sheet --> styles
 */
import type { Alignment, Borders, Fill, Font, Worksheet } from 'exceljs';
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
