/**
 * The pagination rules (docs/rendering.md) on every fixture document: both audiences, every
 * period kind, the hand-written May 2024 fixtures, and the bench's 300 and 2,000-task reports;
 * plus an appendix row taller than a page, and the checks themselves on pages made to break
 * each rule.
 * flow: test --> documents (build-report-model) --> render-pdf --> pdf-text --> pagination-checks
 */
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../functions/core/report-model.ts';
import { renderPdf } from '../../../templates/pdf/render-pdf.ts';
import { benchModels, fixtureModels, type NamedModel } from '../../fixtures/report-models/documents.ts';
import { directorModel } from '../../fixtures/report-models/monthly-2024-05.ts';
import { appendixViolations, headingViolations, pageNumberViolations, signatureViolations, widowOrphanViolations } from './pagination-checks.ts';
import { findLine, readPdf, type PdfLine, type PdfPage, type PdfRead } from './pdf-text.ts';

async function checkAll(model: ReportModel): Promise<{ pdf: PdfRead; problems: Record<string, string[]> }> {
  const pdf = await readPdf(await renderPdf(model));
  return {
    pdf,
    problems: {
      headings: headingViolations(pdf),
      widowsAndOrphans: widowOrphanViolations(pdf),
      signature: signatureViolations(pdf, model),
      appendixRows: appendixViolations(pdf).violations,
      pageNumbers: pageNumberViolations(pdf),
    },
  };
}

const NONE = { headings: [], widowsAndOrphans: [], signature: [], appendixRows: [], pageNumbers: [] };

describe('pagination rules on the fixture documents', () => {
  it.each(fixtureModels().map((d): [string, NamedModel] => [d.name, d]))('%s', async (_name, { model }) => {
    const { problems } = await checkAll(model);
    expect(problems).toEqual(NONE);
  });
});

describe('pagination rules on the bench documents', () => {
  it.each([...benchModels(300), ...benchModels(2000)].map((d): [string, NamedModel] => [d.name, d]))(
    '%s',
    async (_name, { model }) => {
      const { pdf, problems } = await checkAll(model);
      // Long enough that every rule meets many page breaks.
      expect(pdf.pages.length).toBeGreaterThan(50);
      expect(problems).toEqual(NONE);
    },
    600_000,
  );
});

describe('an appendix row taller than a page', () => {
  it('is cut, and each continuation repeats its TT and task name under the repeated head', async () => {
    const rows = directorModel.groups[0]!.rows;
    const tall = {
      ...rows[0]!,
      number: '7',
      result: Array.from({ length: 260 }, (_, i) => `Kết quả đợt ${i + 1} đã được nghiệm thu và bàn giao cho đơn vị sử dụng.`).join(' '),
    };
    const model: ReportModel = {
      ...directorModel,
      groups: [{ ...directorModel.groups[0]!, rows: [rows[1]!, tall, rows[2]!] }, ...directorModel.groups.slice(1)],
    };
    const pdf = await readPdf(await renderPdf(model));
    const { violations, topRows } = appendixViolations(pdf);
    expect(violations).toEqual([]);
    const continued = topRows.filter((r) => r.tt === '7');
    expect(continued.length).toBeGreaterThanOrEqual(2);
    const name = tall.content.split(' ').slice(0, 3).join(' ');
    for (const r of continued) expect(r.text.startsWith(name), r.text).toBe(true);
    // The rows before and after it are whole, on their own pages.
    expect(pdf.pages.some((p) => findLine(p, rows[2]!.content.split(' ').slice(0, 4).join(' ')))).toBe(true);
  });
});

describe('the checks themselves', () => {
  const L = 85.04;
  const INDENT = L + 36;
  const line = (text: string, x: number, top: number, font = 'ABCDEF+Tinos', fontSize = 14): PdfLine => ({
    text,
    x,
    right: x + 100,
    top,
    fontSize,
    fonts: [font],
  });
  const portrait = (lines: PdfLine[]): PdfPage => ({ width: 595.28, height: 841.89, lines, fillColours: [] });
  const landscape = (lines: PdfLine[]): PdfPage => ({ width: 841.89, height: 595.28, lines, fillColours: [] });
  const read = (pages: PdfPage[]): PdfRead => ({ pages, info: {}, fonts: [] });
  const BOLD = 'ABCDEF+Tinos-Bold';

  it('see a heading left with one line at the foot of its page', () => {
    const pdf = read([
      portrait([line('Đoạn trước.', L, 700), line('1. Văn phòng Sở', INDENT, 740, BOLD), line('Chủ trì 14 nhiệm vụ.', INDENT, 760)]),
      portrait([line('Tiếp theo.', INDENT, 80)]),
    ]);
    expect(headingViolations(pdf)).toEqual(['page 1: heading "1. Văn phòng Sở" followed by 1 line(s) on its page']);
  });

  it('see an orphan and a widow', () => {
    const orphan = read([portrait([line('Đoạn mới bắt đầu', INDENT, 760)]), portrait([line('tiếp tục dòng hai', L, 80), line('và dòng ba.', L, 96)])]);
    expect(widowOrphanViolations(orphan)).toEqual(['page 1: orphan "Đoạn mới bắt đầu" at the bottom']);
    const widow = read([portrait([line('dòng áp chót', L, 760)]), portrait([line('dòng cuối.', L, 80), line('Đoạn sau', INDENT, 96)])]);
    expect(widowOrphanViolations(widow)).toEqual(['page 2: widow "dòng cuối." at the top']);
  });

  it('see the signature on another page than the last paragraph', () => {
    const model = { ...directorModel, body: [{ type: 'paragraph' as const, text: 'Trên đây là báo cáo tháng 5.' }] };
    const pdf = read([portrait([line('Trên đây là báo cáo tháng 5.', INDENT, 760)]), portrait([line('Nơi nhận:', L, 80, 'ABCDEF+Tinos-BoldItalic', 12)])]);
    expect(signatureViolations(pdf, model)).toEqual(['page 2: the signature is not on the page of the last paragraph ("Trên đây là báo …")']);
  });

  it('see the rest of a split row under the repeated head', () => {
    const head = (top: number) => [line('TT', L + 5, top, BOLD, 11), line('Nội dung nhiệm vụ', L + 60, top, BOLD, 11)];
    const pdf = read([
      landscape([...head(120), line('1', L + 10, 140, 'ABCDEF+Tinos', 11), line('Nhiệm vụ một', L + 40, 140, 'ABCDEF+Tinos', 11)]),
      landscape([...head(60), line('trong', L + 500, 80, 'ABCDEF+Tinos', 11), line('hạn', L + 500, 93, 'ABCDEF+Tinos', 11)]),
    ]);
    expect(appendixViolations(pdf).violations).toEqual(['page 2: the first row under the head is the rest of a split row ("trong")']);
  });
});
