/**
 * The Excel renderer, read back with exceljs: sheets, print setup, fonts, the figures, the
 * grouped appendix, and that user text never becomes a formula.
 * flow: test --> render-xlsx --> exceljs (read)
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SUBMISSION_STATUS_LABELS, TASK_STATUSES, TASK_STATUS_LABELS } from '../../../functions/core/report-model.ts';
import { APPENDIX_COLUMNS, APPENDIX_HEADER_ROW, APPENDIX_SHEET } from '../../../templates/excel/appendix-sheet.ts';
import { ISSUES_HEADER_ROW, ISSUES_SHEET } from '../../../templates/excel/issues-sheet.ts';
import { renderXlsx } from '../../../templates/excel/render-xlsx.ts';
import { EXCEL_CELL_LIMIT } from '../../../templates/excel/safe-cell.ts';
import { SUBMISSIONS_HEADER_ROW, SUBMISSIONS_SHEET } from '../../../templates/excel/submissions-sheet.ts';
import { SUMMARY_HEADER_ROW, SUMMARY_SHEET, TOTALS_LABEL } from '../../../templates/excel/summary-sheet.ts';
import { directorModel, hostileModel, INJECTIONS } from '../../fixtures/report-models/monthly-2024-05.ts';
import { arrayBuffer } from './xlsx-read.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(bytes));
  return wb;
}

/** One entry of the ZIP, found through its central directory and inflated. */
function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    if (zip.toString('latin1', p + 46, p + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(p + 20))).toString('utf8');
    }
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`no ${name} in the workbook`);
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Every cell that holds something, on every sheet. */
function allCells(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(cell))));
  return out;
}

function rowValues(ws: ExcelJS.Worksheet, r: number, from: number, to: number): unknown[] {
  const out: unknown[] = [];
  for (let c = from; c <= to; c++) out.push(ws.getCell(r, c).value);
  return out;
}

const HEADER_ROWS: Record<string, number> = {
  [SUMMARY_SHEET]: SUMMARY_HEADER_ROW,
  [APPENDIX_SHEET]: APPENDIX_HEADER_ROW,
  [ISSUES_SHEET]: ISSUES_HEADER_ROW,
  [SUBMISSIONS_SHEET]: SUBMISSIONS_HEADER_ROW,
};

let bytes: Buffer;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await renderXlsx(directorModel);
  wb = await load(bytes);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('renderXlsx: workbook', () => {
  it('has the four sheets in order, names within Excel’s 31 characters', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual([SUMMARY_SHEET, APPENDIX_SHEET, ISSUES_SHEET, SUBMISSIONS_SHEET]);
    expect(names).toEqual(['Tổng hợp', 'Phụ lục', 'Khó khăn, đề xuất', 'Tình hình nộp báo cáo']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });

  it('dates the workbook from the issue date and gives the same bytes at any time of rendering', async () => {
    expect(wb.created.toISOString()).toBe('2024-05-22T00:00:00.000Z');
    expect(wb.modified.toISOString()).toBe('2024-05-22T00:00:00.000Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-09T13:37:41Z'));
    const later = await renderXlsx(directorModel);
    expect(sha256(later)).toBe(sha256(bytes));
  });

  it('writes SpreadsheetML’s own attribute values, which exceljs would map when reading back', () => {
    // The workbook writer (sheet-writer.ts) writes the XML itself: exceljs reads "center" and
    // "middle" alike, LibreOffice does not (a "middle" cell prints top-aligned with other widths).
    const styles = zipEntry(bytes, 'xl/styles.xml');
    expect(styles).toContain('vertical="center"');
    expect(styles).not.toContain('vertical="middle"');
    expect(zipEntry(bytes, 'xl/workbook.xml')).toContain('<fileVersion appName="xl"');
  });

  it('prints every sheet on A4 landscape, one page wide, header row repeated, page numbers in the footer', () => {
    for (const ws of wb.worksheets) {
      const header = HEADER_ROWS[ws.name]!;
      const ps = ws.pageSetup;
      expect(ps.paperSize, ws.name).toBe(9);
      expect(ps.orientation).toBe('landscape');
      expect(ps.fitToPage).toBe(true);
      expect(ps.fitToWidth).toBe(1);
      expect(ps.fitToHeight).toBe(0);
      expect(ps.printTitlesRow).toBe(`${header}:${header}`);
      expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).toBe('frozen');
      expect(view.ySplit).toBe(header);
    }
  });

  it('has no row outline (which with fit-to-page makes Excel ask to repair) and no overlapping merges', () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => expect(row.outlineLevel ?? 0).toBe(0));
      const merges = (ws.model as unknown as { merges: string[] }).merges.map((ref) => {
        const [a, b] = ref.split(':');
        const tl = ws.getCell(a!);
        const br = ws.getCell(b!);
        return { top: Number(tl.row), left: Number(tl.col), bottom: Number(br.row), right: Number(br.col) };
      });
      merges.forEach((m, i) => {
        expect(m.bottom >= m.top && m.right >= m.left).toBe(true);
        merges.slice(i + 1).forEach((o) => {
          const overlap = m.left <= o.right && o.left <= m.right && m.top <= o.bottom && o.top <= m.bottom;
          expect(overlap, `${ws.name}: ${JSON.stringify(m)} / ${JSON.stringify(o)}`).toBe(false);
        });
      });
    }
  });

  it('writes every cell in Times New Roman, table cells wrapped and bordered, and no formula anywhere', () => {
    const cells = allCells(wb);
    expect(cells.length).toBeGreaterThan(100);
    for (const cell of cells) {
      expect(cell.font?.name, cell.address).toBe('Times New Roman');
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBeUndefined();
    }
    for (const ws of wb.worksheets) {
      const header = HEADER_ROWS[ws.name]!;
      const first = ws.getCell(header + 1, 2);
      expect(first.alignment?.wrapText, ws.name).toBe(true);
      expect(first.border?.left?.style).toBe('thin');
      expect(ws.getCell(header, 1).font?.bold).toBe(true);
    }
  });
});

describe('renderXlsx: Tổng hợp', () => {
  it('lists the units with their counts as numbers and a "Tổng cộng" row equal to the model totals', () => {
    const ws = sheet(wb, SUMMARY_SHEET);
    const last = 3 + TASK_STATUSES.length;
    expect(rowValues(ws, SUMMARY_HEADER_ROW, 1, last)).toEqual(['TT', 'Phòng, đơn vị', 'Tổng số', ...TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s])]);
    directorModel.byUnit.forEach((u, i) => {
      const r = SUMMARY_HEADER_ROW + 1 + i;
      expect(rowValues(ws, r, 1, last)).toEqual([i + 1, u.label, u.counts.total, ...TASK_STATUSES.map((s) => u.counts[s])]);
      expect(ws.getCell(r, 3).type).toBe(ExcelJS.ValueType.Number);
    });
    const totalsRow = SUMMARY_HEADER_ROW + 1 + directorModel.byUnit.length;
    expect(ws.getCell(totalsRow, 1).value).toBe(TOTALS_LABEL);
    expect(ws.getCell(totalsRow, 1).font?.bold).toBe(true);
    const totals = rowValues(ws, totalsRow, 3, last);
    expect(totals).toEqual([directorModel.totals.total, ...TASK_STATUSES.map((s) => directorModel.totals[s])]);
    // The model's own invariants hold in what was written.
    expect(totals.slice(1).reduce((a, b) => Number(a) + Number(b), 0)).toBe(totals[0]);
    const unitSum = directorModel.byUnit.reduce((a, u) => a + u.counts.total, 0);
    expect(unitSum).toBe(directorModel.totals.total);
  });

  it('adds the counts by directing leader and by task category', () => {
    const ws = sheet(wb, SUMMARY_SHEET);
    const labels: unknown[] = [];
    ws.eachRow((row) => labels.push(row.getCell(2).value));
    for (const r of [...directorModel.byLeader, ...directorModel.byCategory]) expect(labels).toContain(r.label);
  });
});

describe('renderXlsx: Phụ lục', () => {
  const ws = () => sheet(wb, APPENDIX_SHEET);

  it('has the appendix title block and the ten column heads', () => {
    expect(ws().getCell(1, 1).value).toBe('Phụ lục');
    expect(ws().getCell(2, 1).value).toBe('KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5 NĂM 2024');
    expect(String(ws().getCell(3, 1).value)).toMatch(/^\(Kèm theo Báo cáo số\s+\/BC-SKHCN ngày 22 tháng 5 năm 2024 của Sở Khoa học và Công nghệ\)$/u);
    expect(ws().getCell(3, 1).font?.italic).toBe(true);
    expect(rowValues(ws(), APPENDIX_HEADER_ROW, 1, APPENDIX_COLUMNS.length)).toEqual(APPENDIX_COLUMNS.map((c) => c.head));
  });

  it('groups the tasks under bold, filled Roman-numeral rows, every task once', () => {
    const s = ws();
    const numerals: string[] = [];
    const taskContents: unknown[] = [];
    for (let r = APPENDIX_HEADER_ROW + 1; r <= s.rowCount; r++) {
      const a = s.getCell(r, 1);
      if (/^[IVX]+$/u.test(String(a.value))) {
        numerals.push(String(a.value));
        expect(a.font?.bold).toBe(true);
        expect((a.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9');
        expect(s.getCell(r, 2).isMerged).toBe(true);
        expect(s.getCell(r, 2).font?.bold).toBe(true);
      } else if (a.value) {
        taskContents.push(String(s.getCell(r, 2).value).split('\n')[0]);
      }
    }
    expect(numerals).toEqual(directorModel.groups.map((g) => g.numeral));
    expect(taskContents).toEqual(directorModel.groups.flatMap((g) => g.rows.map((t) => t.content)));
  });

  it('writes progress as a number and keeps each task’s unit, leader, deadline and status', () => {
    const s = ws();
    const task = directorModel.groups[0]!.rows[0]!;
    let found = false;
    s.eachRow((row) => {
      if (String(row.getCell(2).value).startsWith(task.content)) {
        found = true;
        expect(row.getCell(3).value).toBe(task.leadUnit.name);
        expect(row.getCell(4).value).toBe(task.directingLeader?.name);
        expect(row.getCell(5).value).toBe(task.deadlineText);
        expect(row.getCell(7).value).toBe(task.progress);
        expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Number);
        expect(row.getCell(8).value).toBe(TASK_STATUS_LABELS[task.status]);
        expect(row.getCell(9).value).toBe(task.difficulties);
      }
    });
    expect(found).toBe(true);
  });
});

describe('renderXlsx: Khó khăn, đề xuất and Tình hình nộp báo cáo', () => {
  it('lists every issue, marking those that ask the leaders for a decision', () => {
    const ws = sheet(wb, ISSUES_SHEET);
    directorModel.issues.forEach((issue, i) => {
      const r = ISSUES_HEADER_ROW + 1 + i;
      expect(rowValues(ws, r, 1, 7)).toEqual([
        i + 1,
        issue.unit.name,
        issue.taskNumber,
        issue.taskContent,
        issue.difficulties,
        issue.proposals,
        issue.needsDecision ? 'Có' : '',
      ]);
    });
  });

  it('shows each unit’s submission, late and missing ones in red, times in Viet Nam time', () => {
    const ws = sheet(wb, SUBMISSIONS_SHEET);
    const rows = directorModel.submissionMonths[0]!.rows;
    rows.forEach((s, i) => {
      const r = SUBMISSIONS_HEADER_ROW + 1 + i;
      expect(ws.getCell(r, 2).value).toBe(s.unit.name);
      expect(ws.getCell(r, 3).value).toBe(SUBMISSION_STATUS_LABELS[s.status]);
      const red = ws.getCell(r, 3).font?.color?.argb === 'FFC00000';
      expect(red, s.status).toBe(s.status !== 'on-time');
    });
    const late = rows.findIndex((s) => s.status === 'late');
    // 2024-05-21T01:05Z is 08:05 in Asia/Ho_Chi_Minh.
    expect(ws.getCell(SUBMISSIONS_HEADER_ROW + 1 + late, 4).value).toBe('21/05/2024 08:05');
  });
});

describe('renderXlsx: hostile text', () => {
  let hostile: ExcelJS.Workbook;
  beforeAll(async () => {
    hostile = await load(await renderXlsx(hostileModel({ longChars: 40_000 })));
  });

  it('stores formula-like user text as plain strings, never as formulas', () => {
    const cells = allCells(hostile);
    for (const cell of cells) expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
    const byValue = new Map(cells.filter((c) => typeof c.value === 'string').map((c) => [c.value as string, c]));
    for (const text of [INJECTIONS.content, INJECTIONS.result, INJECTIONS.difficulties, INJECTIONS.unitName]) {
      const cell = [...byValue.entries()].find(([v]) => v === text || v.startsWith(`${text}\n`))?.[1];
      expect(cell, text).toBeDefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
    }
    // The proposal carries the decision note on a second line; the formula-like start stays text.
    const proposal = [...byValue.keys()].find((v) => v.startsWith(INJECTIONS.proposals));
    expect(proposal).toBe(`${INJECTIONS.proposals}\n(Xin ý kiến Lãnh đạo Sở)`);
    // A leading tab survives; a leading CR becomes a line break; both stay text.
    expect([...byValue.keys()].some((v) => v.startsWith(INJECTIONS.tab))).toBe(true);
    const cr = [...byValue.entries()].find(([v]) => v.startsWith('\n=2+2'))?.[1];
    expect(cr?.type).toBe(ExcelJS.ValueType.String);
  });

  it('normalises decomposed Vietnamese to NFC and drops control characters', () => {
    const strings = allCells(hostile)
      .filter((c) => typeof c.value === 'string')
      .map((c) => c.value as string);
    for (const s of strings) {
      expect(s).toBe(s.normalize('NFC'));
      // eslint-disable-next-line no-control-regex
      expect(s).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u);
    }
    expect(strings).toContain('Phòng Quản lý khoa học công nghệ cơ sở và Sở hữu trí tuệ');
    expect(strings.some((s) => s.includes('Ký tự điều khiển: giữa câu'))).toBe(true);
  });

  it('caps a cell at Excel’s 32 767 characters', () => {
    const long = allCells(hostile).find((c) => typeof c.value === 'string' && (c.value as string).length > 30_000)!;
    expect(long).toBeDefined();
    expect((long.value as string).length).toBe(EXCEL_CELL_LIMIT);
    expect((long.value as string).endsWith('…')).toBe(true);
  });
});
