/**
 * The only way the Excel templates put values into cells: user text always as a plain string,
 * numbers as numbers, never a formula.
 * flow: *-sheet --> safe-cell --> clean-text
 *
 * exceljs stores a JavaScript string as a shared string (t="s"), which Excel and LibreOffice show
 * as text even when it starts with "=", "+", "-", "@", a tab or a CR; only a `{ formula }` object
 * becomes a formula, and nothing here creates one. Text is also cleaned of characters XML cannot
 * carry and capped at Excel's 32 767 characters a cell: either would make Excel offer to repair.
 */
import type { CellLike as Cell, SheetLike as Worksheet } from './sheet-writer.ts';
import { cleanText } from '../common/clean-text.ts';

export const EXCEL_CELL_LIMIT = 32_767;
const ELLIPSIS = '…';

export function safeText(value: string): string {
  const text = cleanText(value);
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  // Do not cut a surrogate pair in half.
  let cut = EXCEL_CELL_LIMIT - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
}

export function setText(cell: Cell, value: string | undefined): void {
  cell.value = safeText(value ?? '');
}

export function setNumber(cell: Cell, value: number | undefined): void {
  cell.value = value === undefined || !Number.isFinite(value) ? null : value;
}

/**
 * Writes a row of plain values (strings cleaned, numbers kept) starting at column A. `undefined`
 * leaves the cell alone: writing to the hidden part of a merged range would overwrite its
 * visible (master) cell.
 */
export function writeRow(ws: Worksheet, rowNumber: number, values: (string | number | undefined)[]): void {
  const row = ws.getRow(rowNumber);
  values.forEach((v, i) => {
    if (v === undefined) return;
    const cell = row.getCell(i + 1);
    if (typeof v === 'number') setNumber(cell, v);
    else setText(cell, v);
  });
}
