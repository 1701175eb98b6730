/**
 * "Tài liệu kèm theo" in the appendix: a task's files (names and sizes) are printed under its result
 * in the PDF (read back with pdftotext, as a person copying from it would) and in the workbook.
 * flow: test --> render-pdf + render-xlsx --> pdftotext / exceljs
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../functions/core/report-model.ts';
import { APPENDIX_SHEET } from '../../../templates/excel/appendix-sheet.ts';
import { renderXlsx } from '../../../templates/excel/render-xlsx.ts';
import { renderPdf } from '../../../templates/pdf/render-pdf.ts';
import { directorModel } from '../../fixtures/report-models/monthly-2024-05.ts';
import { arrayBuffer } from './xlsx-read.ts';

const FILES = [
  { name: 'Biên bản nghiệm thu.pdf', size: Math.round(1.2 * 1024 * 1024) },
  { name: 'Số liệu tổng hợp.xlsx', size: 20 * 1024 },
];
const LINE = 'Tài liệu kèm theo: Biên bản nghiệm thu.pdf (1,2 MB); Số liệu tổng hợp.xlsx (20 KB)';

function withFiles(model: ReportModel): { model: ReportModel; taskId: string } {
  const groups = structuredClone(model.groups);
  const row = groups[0]!.rows[0]!;
  row.attachments = FILES;
  return { model: { ...model, groups }, taskId: row.taskId };
}

function pdftotext(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the appendix lists a task’s attachments', () => {
  it('in the PDF, under the result', async () => {
    const { model } = withFiles(directorModel);
    const text = pdftotext(await renderPdf(model))
      .normalize('NFC')
      .replace(/\s+/gu, ' ');
    expect(text).toContain(LINE);
    // Without files, no such line.
    expect(pdftotext(await renderPdf(directorModel)).normalize('NFC')).not.toContain('Tài liệu kèm theo');
  });

  it('in the workbook, in the result cell', async () => {
    const { model } = withFiles(directorModel);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(Buffer.from(await renderXlsx(model))));
    const cells: string[] = [];
    wb.getWorksheet(APPENDIX_SHEET)!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells.some((c) => c.split('\n').includes(LINE))).toBe(true);
  });
});
