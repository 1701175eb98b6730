/**
 * The exceljs adapter: what a person sees in each cell, merges kept apart, hidden sheets left out.
 * flow: test --> exceljs (write) --> readXlsxGrid
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxGrid } from '../../../functions/adapters/xlsx-grid.ts';

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsxGrid', () => {
  it('reads rich text, numbers, dates, cached formula results, links, booleans, NFD text', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Kế hoạch');
      ws.getCell('A1').value = { richText: [{ text: 'Nội ' }, { font: { bold: true }, text: 'dung' }] };
      ws.getCell('B1').value = 3;
      ws.getCell('C1').value = new Date(Date.UTC(2024, 10, 30));
      ws.getCell('C1').numFmt = 'dd/mm/yyyy';
      ws.getCell('D1').value = { formula: 'B1*4', result: 12 };
      ws.getCell('E1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('F1').value = { text: 'Cổng thông tin', hyperlink: 'https://example.org' };
      ws.getCell('G1').value = 'Thời gian thực hiện'.normalize('NFD');
      ws.getCell('H1').value = true;
      ws.getCell('I1').value = { formula: 'DATE(2024,2,1)', result: new Date(Date.UTC(2024, 1, 1)) };
      ws.getCell('A2').value = '  Dòng một\r\nDòng hai  ';
      ws.getCell('B2').value = 2.1;
    });
    const grid = await readXlsxGrid(bytes);
    expect(grid.sheets).toHaveLength(1);
    expect(grid.sheets[0]!.name).toBe('Kế hoạch');
    expect(grid.sheets[0]!.rows).toEqual([
      ['Nội dung', '3', '30/11/2024', '12', '', 'Cổng thông tin', 'Thời gian thực hiện'.normalize('NFC'), 'TRUE', '01/02/2024'],
      ['Dòng một\nDòng hai', '2.1'],
    ]);
    expect(grid.sheets[0]!.rows[0]![6]).not.toBe('Thời gian thực hiện'.normalize('NFD'));
  });

  it('keeps merges as ranges, with the text only in the top-left cell', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('P1');
      ws.getCell('A1').value = 'TT';
      ws.getCell('C1').value = 'Thời gian thực hiện';
      ws.mergeCells('A1:A2');
      ws.mergeCells('C1:D1');
      ws.getCell('C2').value = 'Bắt đầu';
      ws.getCell('D2').value = 'Hoàn thành';
      ws.getCell('E4').value = 'Bùi Quang Hoàn';
      ws.mergeCells('E4:E6');
    });
    const grid = await readXlsxGrid(new Uint8Array(bytes));
    const s = grid.sheets[0]!;
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 4, left: 5, bottom: 6, right: 5 },
      ]),
    );
    expect(s.merges).toHaveLength(3);
    expect(s.rows[0]).toEqual(['TT', '', 'Thời gian thực hiện']);
    expect(s.rows[1]).toEqual(['', '', 'Bắt đầu', 'Hoàn thành']);
    expect(s.rows[3]![4]).toBe('Bùi Quang Hoàn');
    // Rows down to the end of the last merge exist, empty.
    expect(s.rows).toHaveLength(6);
    expect(s.rows[5]).toEqual([]);
  });

  it('leaves hidden sheets out', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Phụ lục').getCell('A1').value = 'TT';
      const hidden = wb.addWorksheet('Danh mục', { state: 'hidden' });
      hidden.getCell('A1').value = 'VP';
    });
    const grid = await readXlsxGrid(bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(['Phụ lục']);
  });

  it('rejects bytes that are not a workbook', async () => {
    await expect(readXlsxGrid(Buffer.from('không phải tệp Excel'))).rejects.toThrow();
  });
});
