/**
 * Line breaking: plain text splits at spaces exactly where the Unicode line breaker would; words
 * fill lines greedily, justified lines end flush with the column, a word wider than the column is
 * cut, and widths are the same whichever document measured them first.
 * flow: test --> typeset --> linebreak, pdfkit fonts
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../../templates/pdf/fonts.ts';
import { renderContext } from '../../../templates/pdf/render-context.ts';
import { splitWords, typeset, unicodeWords } from '../../../templates/pdf/typeset.ts';
import { benchModels } from '../../fixtures/report-models/documents.ts';

describe('splitting into words', () => {
  it('agrees with the Unicode line breaker on every cell and paragraph of a bench report', () => {
    const { model } = benchModels(300)[0]!;
    const texts = [
      ...model.groups.flatMap((g) => g.rows.flatMap((r) => [r.content, r.result, r.leadUnit.name, r.deadlineText, r.difficulties, r.proposals])),
      ...model.body.flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? [b.text] : b.type === 'bullets' ? b.items : [])),
      ' hai  khoảng trắng ở đầu (và giữa), dấu: chấm; phẩy.',
    ].filter((t) => t.length > 0);
    expect(texts.length).toBeGreaterThan(1000);
    for (const t of texts) expect(splitWords(t), t).toEqual(unicodeWords(t));
  });

  it('breaks after a slash or a hyphen inside a word only through the line breaker', () => {
    expect(splitWords('số 184/QĐ-UBND ngày').map((w) => w.text)).toEqual(unicodeWords('số 184/QĐ-UBND ngày').map((w) => w.text));
    expect(splitWords('a\nb')).toEqual([
      { text: 'a', lineEnd: true },
      { text: 'b', lineEnd: false },
    ]);
  });
});

describe('filling lines', () => {
  const ctx = renderContext(new PDFDocument({ autoFirstPage: false, font: null }), loadFonts());
  const text = 'Sở Khoa học và Công nghệ báo cáo kết quả thực hiện nhiệm vụ tháng 5 năm 2024 của các phòng, đơn vị trực thuộc Sở.';

  it('justifies every line but the last to the column width', () => {
    const lines = typeset([{ text, font: 'normal', size: 14 }], ctx.measure, { width: 200, align: 'justify' });
    expect(lines.length).toBeGreaterThan(2);
    for (const [i, l] of lines.entries()) {
      const last = l.pieces[l.pieces.length - 1]!;
      const end = last.x + ctx.measure.width(last.text.trimEnd(), { font: 'normal', size: 14 });
      if (i < lines.length - 1) expect(end).toBeCloseTo(200, 6);
      else expect(end).toBeLessThan(200);
    }
    expect(lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe(text);
  });

  it('centres a line on its width without the trailing space, and cuts a word wider than the column', () => {
    const [line] = typeset([{ text: 'BÁO CÁO ', font: 'bold', size: 14 }], ctx.measure, { width: 300, align: 'center' });
    const w = ctx.measure.width('BÁO CÁO', { font: 'bold', size: 14 });
    expect(line!.pieces[0]!.x).toBeCloseTo((300 - w) / 2, 6);
    const long = typeset([{ text: 'x'.repeat(80), font: 'normal', size: 11 }], ctx.measure, { width: 100, align: 'left' });
    expect(long.length).toBeGreaterThan(1);
    for (const l of long) expect(ctx.measure.width(l.pieces[0]!.text, { font: 'normal', size: 11 })).toBeLessThanOrEqual(100);
  });
});
