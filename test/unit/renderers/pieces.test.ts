/**
 * The small pieces the renderers rely on: the date-line rule, text measuring, line balancing,
 * recipients and signer lines, text cleaning, Excel cell limits, ZIP timestamps.
 * flow: test --> templates/common, templates/pdf, templates/excel pieces
 */
import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendixReference, dateLine, numberLine } from '../../../templates/common/date-line.ts';
import { cleanText } from '../../../templates/common/clean-text.ts';
import { EXCEL_CELL_LIMIT, safeText } from '../../../templates/excel/safe-cell.ts';
import { zip as zipEntries } from '../../../templates/excel/zip-writer.ts';
import { justifiedRuns } from '../../../templates/pdf/body.ts';
import { fontDir, loadFonts } from '../../../templates/pdf/fonts.ts';
import { balanceLines } from '../../../templates/pdf/rule.ts';
import { recipientLines, signerLines } from '../../../templates/pdf/signature.ts';
import { renderXlsx } from '../../../templates/excel/render-xlsx.ts';
import { renderPdf } from '../../../templates/pdf/render-pdf.ts';
import { emptyCounts } from '../../../functions/core/report-model.ts';
import { ubndModel } from '../../fixtures/report-models/monthly-2024-05.ts';

describe('date line', () => {
  it.each([
    ['2024-02-05', 'Bắc Giang, ngày 05 tháng 02 năm 2024'],
    ['2024-01-31', 'Bắc Giang, ngày 31 tháng 01 năm 2024'],
    ['2024-06-29', 'Bắc Giang, ngày 29 tháng 6 năm 2024'],
    ['2024-10-09', 'Bắc Giang, ngày 09 tháng 10 năm 2024'],
    ['2026-01-05', 'Bắc Giang, ngày 05 tháng 01 năm 2026'],
  ])('%s → %s', (date, expected) => {
    expect(dateLine('Bắc Giang', date)).toBe(expected);
  });

  it("a draft leaves the number blank for the register; the appendix line carries page 1's date", () => {
    expect(numberLine('BC-SKHCN').replace(/\u00a0/gu, ' ')).toMatch(/^Số: {5,}\/BC-SKHCN$/u);
    expect(appendixReference('BC-SKHCN', '2024-05-22', 'Sở Khoa học và Công nghệ').replace(/\u00a0/gu, ' ')).toMatch(
      /^\(Kèm theo Báo cáo số {5,}\/BC-SKHCN ngày 22 tháng 5 năm 2024 của Sở Khoa học và Công nghệ\)$/u,
    );
  });

  it('an issued document carries its number, below 10 with a leading zero', () => {
    expect(numberLine('BC-SKHCN', '15')).toBe('Số: 15/BC-SKHCN');
    expect(numberLine('BC-VP', '5')).toBe('Số: 05/BC-VP');
    expect(appendixReference('BC-SKHCN', '2024-02-05', 'Sở Khoa học và Công nghệ', '15')).toBe(
      '(Kèm theo Báo cáo số 15/BC-SKHCN ngày 05 tháng 02 năm 2024 của Sở Khoa học và Công nghệ)',
    );
  });
});

describe('text measuring and layout helpers', () => {
  const fonts = loadFonts();

  it('measures Tinos like Times New Roman (metric-compatible advance widths)', () => {
    // Times New Roman advances (units of 2048): "H" 1479, "a" 909, space 512.
    expect(fonts.measure.normal('H', 2048)).toBe(1479);
    expect(fonts.measure.normal('a', 2048)).toBe(909);
    expect(fonts.measure.normal(' ', 2048)).toBe(512);
    // Precomposed and decomposed Vietnamese measure the same (NFC first).
    expect(fonts.measure.bold('NGHỆ'.normalize('NFD'), 13)).toBeCloseTo(fonts.measure.bold('NGHỆ', 13), 6);
    expect(fonts.measure.bold('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12)).toBeGreaterThan(240);
  });

  it('splits a centred title too long for one line into two similar lines', () => {
    const text = 'Kết quả thực hiện nhiệm vụ trọng tâm và nhiệm vụ chấp thuận tháng 5 năm 2024';
    const lines = balanceLines(text, fonts.measure.bold, 14, 467).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(text);
    const [a, b] = lines.map((l) => fonts.measure.bold(l, 14));
    expect(Math.abs(a! - b!)).toBeLessThan(60);
    expect(balanceLines('Ngắn', fonts.measure.bold, 14, 467)).toBe('Ngắn');
  });

  it('keeps "184/QĐ-UBND" one unbreakable word but lets a very long word break', () => {
    const runs = justifiedRuns(`Quyết định số 184/QĐ-UBND ngày 24/01/2024 ${'x'.repeat(60)}`, 'normal');
    expect(runs.map((i) => i.text)).toEqual(['Quyết ', 'định ', 'số ', '184/QĐ-UBND ', 'ngày ', '24/01/2024 ', 'x'.repeat(60)]);
    expect(runs[3]!.noWrap).toBe(true);
    expect(runs[6]!.noWrap).toBe(false);
  });

  it('reads the fonts from the font folder and says which file is missing', () => {
    expect(loadFonts().bytes.normal.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    expect(() => loadFonts('/nonexistent/fonts')).toThrow(/Không tìm thấy phông chữ Tinos-Regular\.ttf/u);
  });
});

describe('signature pieces', () => {
  it('writes recipients "- …;" and the archive line last with a full stop, whatever the input punctuation', () => {
    expect(recipientLines(['UBND tỉnh (b/c)', '- Sở Nội vụ;', 'Lưu: VT, VP.'])).toEqual(['- UBND tỉnh (b/c);', '- Sở Nội vụ;', '- Lưu: VT, VP.']);
  });

  it('builds the authority lines for each way of signing', () => {
    expect(signerLines({ prefix: '', authority: 'Giám đốc', name: 'Trần Văn An' })).toEqual(['GIÁM ĐỐC']);
    expect(signerLines({ prefix: 'KT.', authority: 'GIÁM ĐỐC', title: 'Phó Giám đốc', name: 'Ngô Chí Vinh' })).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signerLines({ prefix: 'TL.', authority: 'GIÁM ĐỐC', title: 'CHÁNH VĂN PHÒNG', name: 'Nguyễn Thị Hà' })).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
  });
});

describe('text cleaning and Excel limits', () => {
  it('normalises to NFC, keeps line breaks and tabs, drops controls and lone surrogates', () => {
    expect(cleanText('Sở Khoa học'.normalize('NFD'))).toBe('Sở Khoa học');
    expect(cleanText('a\r\nb\rc\td\u0007e\u202Ef\uD800g')).toBe('a\nb\nc\tdef\uFFFDg');
    expect(cleanText('a\tb', { tabsToSpaces: true })).toBe('a b');
  });

  it('caps text at 32 767 characters without splitting a surrogate pair', () => {
    expect(safeText('x'.repeat(EXCEL_CELL_LIMIT))).toHaveLength(EXCEL_CELL_LIMIT);
    const capped = safeText('😀'.repeat(20_000));
    expect(capped.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(capped.endsWith('…')).toBe(true);
    expect(capped.slice(0, -1)).toBe(capped.slice(0, -1).normalize('NFC'));
    expect(/[\uD800-\uDBFF]$/u.test(capped.slice(0, -1))).toBe(false);
  });
});

describe('ZIP timestamps', () => {
  /** Each entry's name, DOS date/time (as numbers), and its data checked against its CRC-32. */
  function walk(zip: Buffer): { name: string; stamp: number[]; data: Buffer }[] {
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = zip.readUInt32LE(eocd + 16);
    const out = [];
    for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
      const time = zip.readUInt16LE(p + 12);
      const day = zip.readUInt16LE(p + 14);
      const local = zip.readUInt32LE(p + 42);
      expect(zip.readUInt16LE(local + 10)).toBe(time);
      expect(zip.readUInt16LE(local + 12)).toBe(day);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(p + 20)));
      expect(data.length).toBe(zip.readUInt32LE(p + 24));
      expect(crc32(data)).toBe(zip.readUInt32LE(p + 16));
      const name = zip.toString('latin1', p + 46, p + 46 + zip.readUInt16LE(p + 28));
      out.push({ name, stamp: [(day >> 9) + 1980, (day >> 5) & 15, day & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2], data });
      p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    }
    return out;
  }

  it('stamps every entry of the xlsx with the issue date, whatever the clock', async () => {
    const entries = walk(await renderXlsx({ ...ubndModel, issueDate: '2001-02-03' }));
    expect(entries.length).toBeGreaterThan(5);
    expect(entries[0]!.name).toBe('[Content_Types].xml');
    for (const e of entries) expect(e.stamp, e.name).toEqual([2001, 2, 3, 0, 0, 0]);
  });

  it('zips entries readable by inflate, with their CRC-32, sizes and the given time', () => {
    const data = Buffer.from('Báo cáo tháng 5\n'.repeat(500), 'utf8');
    const entries = walk(
      zipEntries(
        [
          { name: 'a.xml', data },
          { name: 'b/c.xml', data: Buffer.alloc(0) },
        ],
        new Date('2001-02-03T04:05:06Z'),
      ),
    );
    expect(entries.map((e) => [e.name, e.stamp, e.data.length])).toEqual([
      ['a.xml', [2001, 2, 3, 4, 5, 6], data.length],
      ['b/c.xml', [2001, 2, 3, 4, 5, 6], 0],
    ]);
    expect(entries[0]!.data.equals(data)).toBe(true);
  });

  it('ships the font licence next to the fonts', () => {
    const licence = readFileSync(join(fontDir(), 'LICENSE.txt'), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(licence).toContain('Google');
  });
});

describe('empty period', () => {
  it('renders a model with no tasks, issues or submissions into both formats', async () => {
    const empty = {
      ...ubndModel,
      body: [
        { type: 'chart' as const, title: 'Biểu đồ' },
        { type: 'paragraph' as const, text: 'Trong kỳ không có nhiệm vụ.' },
      ],
      groups: [],
      byUnit: [],
      byLeader: [],
      byCategory: [],
      totals: emptyCounts(),
      issues: [],
      submissions: [],
      recipients: [],
    };
    const pdf = await renderPdf(empty);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await renderXlsx(empty);
    expect(xlsx.readUInt32LE(0)).toBe(0x04034b50);
  });
});
