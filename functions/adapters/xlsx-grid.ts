/**
 * Reads an .xlsx workbook into a Grid: each visible sheet's cell texts and merged ranges.
 * flow: CLI / use case (file bytes) --> readXlsxGrid (exceljs) --> Grid --> core/plan-import
 *
 * The cell text is what a person sees: rich text joined, formulas by their cached result (the
 * importer never recalculates), dates as dd/mm/yyyy, everything in Unicode NFC.
 */
import ExcelJS from 'exceljs';
import type { Grid, GridMerge, GridSheet } from '../core/plan-import/grid.ts';
import { parseA1Range } from '../core/plan-import/grid.ts';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * exceljs turns date cells into Dates at UTC midnight of the serial's day, so the UTC fields are
 * the calendar date the sheet shows, whatever the machine's zone.
 */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** The visible text of a cell value, whatever its kind. */
export function cellValueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result !== null && typeof result === 'object' && !(result instanceof Date) && 'error' in result) return '';
      return cellValueText(result as ExcelJS.CellValue | undefined);
    }
    if ('hyperlink' in value) return cellValueText((value as { text?: ExcelJS.CellValue }).text);
    if ('error' in value) return '';
  }
  return '';
}

function sheetToGrid(ws: ExcelJS.Worksheet): GridSheet {
  const merges: GridMerge[] = [];
  for (const range of ws.model.merges ?? []) {
    const m = parseA1Range(range);
    if (m) merges.push(m);
  }
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    }
  }
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Cells hidden under a merge repeat the merge's value in exceljs; the Grid keeps it once.
      if (covered.has(`${r}:${c}`)) return;
      const text = cellValueText(cell.value).normalize('NFC').replace(/\r\n?/g, '\n').trim();
      if (text) cells[c - 1] = text;
    });
    rows[r - 1] = Array.from(cells, (t) => t ?? '');
  });
  // Fill gaps so that rows[r - 1] always exists up to the last row with text or a merge.
  const lastMergeRow = merges.reduce((n, m) => Math.max(n, m.bottom), 0);
  const height = Math.max(rows.length, lastMergeRow);
  const dense: string[][] = [];
  for (let i = 0; i < height; i++) dense.push(rows[i] ?? []);
  while (dense.length > 0 && dense[dense.length - 1]!.every((t) => t === '') && dense.length > lastMergeRow) dense.pop();
  return { name: ws.name, rows: dense, merges };
}

/** Visible sheets only: hidden ones hold lookup lists and drafts, not the plan. */
export async function readXlsxGrid(buf: Buffer | Uint8Array): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  const bytes = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: GridSheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') return;
    sheets.push(sheetToGrid(ws));
  });
  return { sheets };
}
