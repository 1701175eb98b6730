/**
 * What every part of the PDF draws with: the pdfkit document, the Tinos fonts in it, the text
 * measurer and painter, and the page flow; plus the box helpers the parts share.
 * flow: render-pdf --> render-context --> pdfkit, typeset, draw-text, page-flow
 */
import type PDFDocument from 'pdfkit';
import type { PdfKitFont } from 'pdfkit';
import { TextPainter } from './draw-text.ts';
import type { FontSet, FontStyle } from './fonts.ts';
import { Hold, PageFlow, type Box } from './page-flow.ts';
import { Measurer, glyphCache, linesHeight, typeset, type GlyphCache, type ParagraphOptions, type Run, type TextLine } from './typeset.ts';

export interface RenderContext {
  doc: PDFDocument;
  fonts: FontSet;
  measure: Measurer;
  paint: TextPainter;
  flow: PageFlow;
}

const STYLES: readonly FontStyle[] = ['normal', 'bold', 'italics', 'bolditalics'];

const caches = new WeakMap<FontSet, GlyphCache>();

/**
 * The four fonts of a document, each parsed for it (pdfkit's own way). Sharing one parsed font
 * between documents would save ~20 ms a document, but fontkit caches a glyph with the characters
 * of its first request: once a document's subset has been written (which asks for accented
 * capitals' base glyphs, "E" under "Ệ", without characters), the next document's text would lose
 * those characters from its ToUnicode map, and copying or searching its text would fail.
 */
function documentFonts(doc: PDFDocument, fonts: FontSet): Record<FontStyle, PdfKitFont> {
  const out = {} as Record<FontStyle, PdfKitFont>;
  for (const style of STYLES) {
    doc.registerFont(style, fonts.bytes[style]);
    doc.font(style);
    out[style] = doc._font;
  }
  return out;
}

export function renderContext(doc: PDFDocument, fonts: FontSet): RenderContext {
  let cache = caches.get(fonts);
  if (!cache) {
    cache = glyphCache();
    caches.set(fonts, cache);
  }
  const pdfFonts = documentFonts(doc, fonts);
  const paint = new TextPainter(doc, pdfFonts);
  return { doc, fonts, measure: new Measurer(pdfFonts, cache), paint, flow: new PageFlow(doc, () => paint.flush()) };
}

/** Lines of one text in one style. */
export function textLines(ctx: RenderContext, text: string, style: Omit<Run, 'text'>, o: ParagraphOptions): TextLine[] {
  return typeset([{ text, ...style }], ctx.measure, o);
}

/** Draws lines stacked from `top` at `x`. */
export function drawLines(ctx: RenderContext, lines: readonly TextLine[], x: number, top: number): number {
  let y = top;
  for (const l of lines) {
    ctx.paint.line(l, x, y);
    y += l.height;
  }
  return y;
}

/** A horizontal rule centred in a column, `width` long. */
export function drawRule(ctx: RenderContext, x: number, y: number, width: number, columnWidth: number): void {
  const w = Math.min(width, columnWidth);
  const from = x + (columnWidth - w) / 2;
  ctx.doc
    .save()
    .lineWidth(0.6)
    .moveTo(from, y)
    .lineTo(from + w, y)
    .stroke('black');
  ctx.doc.restore();
}

/**
 * One box per line of a paragraph: no break after its first line nor before its last (no line
 * alone at the bottom or the top of a page), so paragraphs of up to three lines never break.
 */
export function paragraphBoxes(ctx: RenderContext, lines: readonly TextLine[], x: number, gapBefore: number, gapAfter: number, last: Hold = Hold.None): Box[] {
  const n = lines.length;
  return lines.map((line, i) => ({
    gapBefore: i === 0 ? gapBefore : 0,
    height: line.height,
    gapAfter: i === n - 1 ? gapAfter : 0,
    hold: i === n - 1 ? last : i + 1 < 2 || n - (i + 1) < 2 ? Hold.Must : Hold.None,
    draw: (top: number) => ctx.paint.line(line, x, top),
  }));
}

/** A block that never breaks. */
export function fixedBox(height: number, draw: (top: number) => void, o: { gapBefore?: number; gapAfter?: number; hold?: Hold } = {}): Box {
  return { gapBefore: o.gapBefore ?? 0, height, gapAfter: o.gapAfter ?? 0, hold: o.hold ?? Hold.None, draw };
}

export { linesHeight };
