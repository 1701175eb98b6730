/**
 * The PDF renderer against the Nghị định 30/2020 layout: page sizes, header columns, margins,
 * date line, page numbering, embedded Tinos, signature block, appendix, chart and totals.
 * flow: test --> render-pdf (+ render-xlsx for the totals) --> pdf-text
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TASK_STATUSES, type ReportModel } from '../../../functions/core/report-model.ts';
import { STATUS_COLOURS } from '../../../templates/pdf/chart.ts';
import { LEFT_COLUMN } from '../../../templates/pdf/header.ts';
import { A4, FIRST_LINE_INDENT, PAGE_MARGINS } from '../../../templates/pdf/pdf-types.ts';
import { renderPdf } from '../../../templates/pdf/render-pdf.ts';
import { renderXlsx } from '../../../templates/excel/render-xlsx.ts';
import { SUMMARY_SHEET, TOTALS_LABEL } from '../../../templates/excel/summary-sheet.ts';
import { benchModels } from '../../fixtures/report-models/documents.ts';
import { directorModel, hostileModel, ubndModel } from '../../fixtures/report-models/monthly-2024-05.ts';
import { arrayBuffer } from './xlsx-read.ts';
import { findLine, pageNumberOf, readPdf, rowText, type PdfLine, type PdfPage, type PdfRead } from './pdf-text.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const isLandscape = (p: PdfPage) => p.width > p.height;
const centre = (l: PdfLine) => (l.x + l.right) / 2;

/** Lines on the same baseline as `line`, left to right: a table row. */
function rowOf(page: PdfPage, line: PdfLine): PdfLine[] {
  return page.lines.filter((l) => Math.abs(l.top - line.top) < 1.5).sort((a, b) => a.x - b.x);
}

let director: PdfRead;
let directorBytes: Buffer;
let ubnd: PdfRead;

beforeAll(async () => {
  directorBytes = await renderPdf(directorModel);
  director = await readPdf(directorBytes);
  ubnd = await readPdf(await renderPdf(ubndModel));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('renderPdf: pages', () => {
  it('is a PDF whose body pages are A4 portrait and whose appendix pages are A4 landscape', () => {
    expect(directorBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const firstAppendix = director.pages.findIndex(isLandscape);
    expect(firstAppendix).toBeGreaterThan(0);
    director.pages.forEach((p, i) => {
      if (i < firstAppendix) expect([p.width, p.height]).toEqual([A4.width, A4.height]);
      else expect([p.width, p.height]).toEqual([A4.height, A4.width]);
    });
    expect(findLine(director.pages[firstAppendix]!, /^Phụ lục$/u)).toBeDefined();
  });

  it('embeds the Tinos font files (subset) and no other font', () => {
    expect(director.fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of director.fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+Tinos(-Bold|-Italic|-BoldItalic)?$/u);
      expect(f.embedded).toBe(true);
    }
    expect(directorBytes.includes('/FontFile2')).toBe(true);
  });

  it('records the issue date, not the clock, as creation date', () => {
    expect(director.info.CreationDate).toBe('D:20240521170000Z');
    expect(director.info.Title).toContain(directorModel.subject);
  });

  it('gives the same bytes for the same model, whatever the time of rendering', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T08:00:00Z'));
    const later = await renderPdf(directorModel);
    expect(sha256(later)).toBe(sha256(directorBytes));
  });
});

describe('renderPdf: Nghị định 30 header block', () => {
  const page = () => director.pages[0]!;
  const leftCentre = PAGE_MARGINS.left + LEFT_COLUMN / 2;
  const rightCentre = PAGE_MARGINS.left + LEFT_COLUMN + (A4.width - PAGE_MARGINS.right - PAGE_MARGINS.left - LEFT_COLUMN) / 2;

  it('puts the superior and the agency, centred, in the left column', () => {
    for (const text of ['UBND TỈNH BẮC GIANG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ']) {
      const line = findLine(page(), text)!;
      expect(line, text).toBeDefined();
      expect(Math.abs(centre(line) - leftCentre)).toBeLessThan(2);
      expect(line.right).toBeLessThan(PAGE_MARGINS.left + LEFT_COLUMN);
    }
    expect(findLine(page(), 'SỞ KHOA HỌC VÀ CÔNG NGHỆ')!.fonts.every((f) => f.endsWith('Tinos-Bold'))).toBe(true);
  });

  it('puts the national name and the motto, bold, centred, in the right column', () => {
    const national = findLine(page(), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
    const motto = findLine(page(), 'Độc lập - Tự do - Hạnh phúc')!;
    for (const line of [national, motto]) {
      expect(Math.abs(centre(line) - rightCentre)).toBeLessThan(2);
      expect(line.x).toBeGreaterThan(PAGE_MARGINS.left + LEFT_COLUMN);
      expect(line.fonts.every((f) => f.endsWith('Tinos-Bold'))).toBe(true);
    }
    expect(motto.fontSize).toBe(14);
    expect(motto.top).toBeGreaterThan(national.top);
  });

  it('prints "Số:" with a blank number and the italic date line on the same line', () => {
    const number = findLine(page(), /^Số:/u)!;
    const date = findLine(page(), 'Bắc Giang, ngày 22 tháng 5 năm 2024')!;
    expect(number).toBeDefined();
    expect(date).toBeDefined();
    // The number itself is left blank for the registry clerk.
    expect(rowText(page(), number)).toBe('Số: /BC-SKHCN Bắc Giang, ngày 22 tháng 5 năm 2024');
    expect(Math.abs(number.top - date.top)).toBeLessThan(1.5);
    expect(centre(number)).toBeLessThan(PAGE_MARGINS.left + LEFT_COLUMN);
    expect(Math.abs(centre(date) - rightCentre)).toBeLessThan(2);
    expect(date.fonts.every((f) => f.endsWith('Tinos-Italic'))).toBe(true);
  });

  it.each([
    ['2024-02-05', 'Bắc Giang, ngày 05 tháng 02 năm 2024'],
    ['2024-06-29', 'Bắc Giang, ngày 29 tháng 6 năm 2024'],
  ])('writes the date %s with the leading-zero rule', async (issueDate, expected) => {
    const read = await readPdf(await renderPdf({ ...ubndModel, issueDate }));
    expect(findLine(read.pages[0]!, expected)).toBeDefined();
  });

  it('titles the report "BÁO CÁO" and the subject, bold and centred', () => {
    const title = findLine(page(), /^BÁO CÁO$/u)!;
    const subject = findLine(page(), directorModel.subject)!;
    const middle = PAGE_MARGINS.left + (A4.width - PAGE_MARGINS.left - PAGE_MARGINS.right) / 2;
    for (const line of [title, subject]) {
      expect(Math.abs(centre(line) - middle)).toBeLessThan(2);
      expect(line.fonts.every((f) => f.endsWith('Tinos-Bold'))).toBe(true);
    }
    expect(subject.top).toBeGreaterThan(title.top);
  });

  it('addresses the UBND report "Kính gửi:" and none for the Director', () => {
    expect(findLine(ubnd.pages[0]!, 'Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.')).toBeDefined();
    expect(director.pages.some((p) => findLine(p, 'Kính gửi'))).toBe(false);
  });
});

describe('renderPdf: draft and issued', () => {
  it('marks a draft "DỰ THẢO", bold and framed at the top right of page 1, above the header', async () => {
    const read = await readPdf(await renderPdf({ ...ubndModel, draft: true }));
    const mark = findLine(read.pages[0]!, /^DỰ THẢO$/u)!;
    expect(mark).toBeDefined();
    expect(mark.fonts.every((f) => f.endsWith('Tinos-Bold'))).toBe(true);
    expect(A4.width - PAGE_MARGINS.right - mark.right).toBeGreaterThan(8);
    expect(A4.width - PAGE_MARGINS.right - mark.right).toBeLessThan(14);
    expect(mark.top).toBeLessThan(findLine(read.pages[0]!, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!.top);
    expect(read.pages.slice(1).some((p) => findLine(p, 'DỰ THẢO'))).toBe(false);
  });

  it("prints an issued report's number on page 1 and in the appendix line, and no mark", async () => {
    const read = await readPdf(await renderPdf({ ...ubndModel, draft: false, documentNumber: '15' }));
    const number = findLine(read.pages[0]!, /^Số:/u)!;
    expect(rowText(read.pages[0]!, number)).toBe('Số: 15/BC-SKHCN Bắc Giang, ngày 24 tháng 5 năm 2024');
    expect(findLine(read.pages[0]!, 'DỰ THẢO')).toBeUndefined();
    const appendix = read.pages.find(isLandscape)!;
    expect(rowText(appendix, findLine(appendix, /^\(Kèm theo/u)!)).toBe(
      '(Kèm theo Báo cáo số 15/BC-SKHCN ngày 24 tháng 5 năm 2024 của Sở Khoa học và Công nghệ)',
    );
  });
});

describe('renderPdf: body', () => {
  const bodyPages = () => director.pages.filter((p) => !isLandscape(p));

  it('starts every body line at the 30 mm left margin, first lines indented 1.27 cm', () => {
    const paragraphLines = bodyPages()
      .flatMap((p) => p.lines)
      .filter((l) => l.fontSize === 14 && l.top > 200 && l.fonts.every((f) => f.endsWith('+Tinos')));
    expect(paragraphLines.length).toBeGreaterThan(20);
    const lefts = paragraphLines.map((l) => l.x);
    const atMargin = lefts.filter((x) => Math.abs(x - PAGE_MARGINS.left) < 0.5);
    const indented = lefts.filter((x) => Math.abs(x - (PAGE_MARGINS.left + FIRST_LINE_INDENT)) < 0.5);
    expect(Math.abs(PAGE_MARGINS.left - 85.04)).toBeLessThan(0.01);
    expect(atMargin.length).toBeGreaterThan(10);
    expect(indented.length).toBeGreaterThan(5);
    // Nothing of the body sticks out into the left margin.
    expect(
      Math.min(
        ...bodyPages()
          .flatMap((p) => p.lines)
          .filter((l) => l.top > 60)
          .map((l) => l.x),
      ),
    ).toBeGreaterThanOrEqual(PAGE_MARGINS.left - 0.5);
  });

  it('upper-cases level-1 headings in bold', () => {
    const heading = bodyPages()
      .map((p) => findLine(p, 'I. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC PHÒNG, ĐƠN VỊ'))
      .find(Boolean)!;
    expect(heading).toBeDefined();
    expect(heading.fonts.every((f) => f.endsWith('Tinos-Bold'))).toBe(true);
  });

  it('does not widen "184/QĐ-UBND" at its slash and hyphen when justifying', () => {
    const line = findLine(ubnd.pages[0]!, 'Quyết định số')!;
    expect(line.text).toContain('184/QĐ-UBND');
  });

  it('draws the status chart as vector shapes in the six status colours, with its legend', () => {
    const chartPage = bodyPages().find((p) => findLine(p, 'Biểu đồ: Tình trạng thực hiện nhiệm vụ theo phòng, đơn vị'))!;
    expect(chartPage).toBeDefined();
    for (const s of TASK_STATUSES) {
      if (STATUS_COLOURS[s] !== '#ffffff') expect(chartPage.fillColours).toContain(STATUS_COLOURS[s]);
    }
    expect(findLine(chartPage, 'Chưa hoàn thành, quá hạn')).toBeDefined();
    expect(findLine(ubnd.pages[0]!, 'Biểu đồ')).toBeUndefined();
  });

  it('prints the "Tổng cộng" row equal to the model totals and to the workbook', async () => {
    const page = director.pages.find((p) => findLine(p, /^Tổng cộng$/u))!;
    const cells = rowOf(page, findLine(page, /^Tổng cộng$/u)!).map((l) => l.text);
    const expected = [directorModel.totals.total, ...TASK_STATUSES.map((s) => directorModel.totals[s])];
    expect(cells).toEqual(['Tổng cộng', ...expected.map(String)]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(await renderXlsx(directorModel)));
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    let xlsxTotals: unknown[] = [];
    ws.eachRow((row) => {
      if (row.getCell(1).value === TOTALS_LABEL) xlsxTotals = expected.map((_, i) => row.getCell(3 + i).value);
    });
    expect(xlsxTotals).toEqual(cells.slice(1).map(Number));
  });
});

describe('renderPdf: signature and recipients', () => {
  const lastBody = (read: PdfRead) => read.pages.filter((p) => !isLandscape(p)).at(-1)!;

  it('signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" with the name, right of "Nơi nhận:"', () => {
    const page = lastBody(ubnd);
    const kt = findLine(page, 'KT. GIÁM ĐỐC')!;
    const title = findLine(page, /^PHÓ GIÁM ĐỐC$/u)!;
    const name = findLine(page, /^Ngô Chí Vinh$/u)!;
    const noiNhan = findLine(page, /^Nơi nhận:$/u)!;
    expect(kt.top).toBeLessThan(title.top);
    expect(name.top - title.top).toBeGreaterThan(60);
    for (const l of [kt, title, name]) expect(l.fonts.every((f) => f.endsWith('Tinos-Bold'))).toBe(true);
    expect(Math.abs(noiNhan.top - kt.top)).toBeLessThan(3);
    expect(noiNhan.x).toBeCloseTo(PAGE_MARGINS.left, 0);
    expect(noiNhan.fontSize).toBe(12);
    expect(noiNhan.fonts.every((f) => f.endsWith('Tinos-BoldItalic'))).toBe(true);
    expect(centre(kt)).toBeGreaterThan(A4.width / 2);
  });

  it('lists the recipients in 11 pt, each "- …;", the archive line last with a full stop', () => {
    const page = lastBody(ubnd);
    const lines = page.lines.filter((l) => l.fontSize === 11 && l.text.startsWith('- ')).map((l) => l.text);
    expect(lines).toEqual(['- UBND tỉnh (b/c);', '- Văn phòng UBND tỉnh;', '- Sở Nội vụ;', '- Lãnh đạo Sở;', '- Lưu: VT, VP.']);
  });

  it('signs the Director report "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG"', () => {
    const page = lastBody(director);
    expect(findLine(page, 'TL. GIÁM ĐỐC')).toBeDefined();
    expect(findLine(page, /^CHÁNH VĂN PHÒNG$/u)).toBeDefined();
    expect(findLine(page, /^Nguyễn Thị Hà$/u)).toBeDefined();
  });
});

describe('renderPdf: page numbers', () => {
  it('numbers body pages from 2 in the top margin, and the appendix on its own from 1', () => {
    const firstAppendix = director.pages.findIndex(isLandscape);
    expect(director.pages.length - firstAppendix).toBeGreaterThanOrEqual(2);
    director.pages.forEach((p, i) => {
      const expected = i < firstAppendix ? i + 1 : i - firstAppendix + 1;
      expect(pageNumberOf(p), `page ${i + 1}`).toBe(expected === 1 ? undefined : String(expected));
    });
    const two = director.pages[1]!.lines.find((l) => l.text === '2')!;
    expect(two.top).toBeLessThan(PAGE_MARGINS.top);
    expect(Math.abs(centre(two) - (PAGE_MARGINS.left + (A4.width - PAGE_MARGINS.left - PAGE_MARGINS.right) / 2))).toBeLessThan(2);
  });
});

describe('renderPdf: appendix', () => {
  const appendix = () => director.pages.filter(isLandscape);

  it('has the "Phụ lục" title block and the italic reference to the report', () => {
    const first = appendix()[0]!;
    expect(findLine(first, 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5 NĂM 2024')).toBeDefined();
    const ref = findLine(first, /^\(Kèm theo Báo cáo số/u)!;
    // The draft leaves the number blank, and carries page 1's date.
    expect(rowText(first, ref)).toBe('(Kèm theo Báo cáo số /BC-SKHCN ngày 22 tháng 5 năm 2024 của Sở Khoa học và Công nghệ)');
    expect(ref.fonts.every((f) => f.endsWith('Tinos-Italic'))).toBe(true);
  });

  it('repeats the table header on every appendix page', () => {
    for (const p of appendix()) {
      expect(findLine(p, /^Nội dung nhiệm vụ$/u)).toBeDefined();
      expect(findLine(p, /^Kết quả thực hiện$/u)).toBeDefined();
    }
  });

  it('groups the tasks under Roman-numeral rows', () => {
    const lines = appendix().flatMap((p) => p.lines);
    for (const [numeral, title] of [
      ['I', 'NHIỆM VỤ TRỌNG TÂM DO CHỦ TỊCH UBND TỈNH GIAO'],
      ['II', 'NHIỆM VỤ CHẤP THUẬN'],
      ['III', 'NHIỆM VỤ ĐỘT XUẤT, PHÁT SINH'],
    ]) {
      const t = lines.find((l) => l.text === title)!;
      expect(t, title).toBeDefined();
      expect(lines.some((l) => l.text === numeral && Math.abs(l.top - t.top) < 1.5)).toBe(true);
    }
  });
});

describe('renderPdf: text a reader copies', () => {
  it('maps every glyph back to its characters, whatever the process rendered before (Poppler reads only the ToUnicode map)', async () => {
    // Other reports first: writing their font subsets asks fontkit for base glyphs ("E" under
    // "Ệ") without characters, which once cost a later document its "E" (fonts were shared then).
    for (const { model } of benchModels(300)) await renderPdf(model);
    const dir = mkdtempSync(join(tmpdir(), 'baocao-text-'));
    try {
      const file = join(dir, 'hostile.pdf');
      writeFileSync(file, await renderPdf(hostileModel()));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
      expect(text).toContain('=HYPERLINK(');
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('renderPdf: hostile text', () => {
  it('renders decomposed Vietnamese as precomposed glyphs and survives formula-like and very long text', async () => {
    const model: ReportModel = hostileModel();
    const read = await readPdf(await renderPdf(model));
    const text = read.pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
    // The NFD subject comes out precomposed; the NFD words of a table cell too (wrapped, so word by word).
    expect(findLine(read.pages[0]!, /^Kết quả thực hiện nhiệm vụ tháng 5 năm 2024$/u)).toBeDefined();
    const words = new Set(text.split(/\s+/u));
    for (const w of 'Nâng cao chất lượng xét đánh giá'.split(' ')) expect(words, w).toContain(w);
    expect(text).not.toMatch(/\p{M}/u);
    expect(text).toContain('=HYPERLINK(');
    expect(text).not.toContain('\u0007');
    // Nothing is drawn outside the page, however long the word.
    for (const p of read.pages) for (const l of p.lines) expect(l.right).toBeLessThanOrEqual(p.width - PAGE_MARGINS.right + 1);
  });
});
