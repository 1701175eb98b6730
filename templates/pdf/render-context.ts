/**
 * What every part of the PDF draws with: the pdfkit document, the Tinos fonts in it, the text
 * measurer and painter, and the page flow; plus the box helpers the parts share.
 * flow: render-pdf --> render-context --> pdfkit, typeset, draw-text, page-flow
 */
import PDFDocument from 'pdfkit';
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

/** What one font folder shares between documents: the parsed fonts and the measured chunks. */
interface Shared {
  cache: GlyphCache;
  /** pdfkit's EmbeddedFont class and the fontkit fonts of the first document. */
  make?: (doc: PDFDocument, style: FontStyle) => PdfKitFont;
}
const shared = new WeakMap<FontSet, Shared>();

/** pdfkit internals used to give a document a font parsed once (pinned to pdfkit 0.19). */
interface FontInternals {
  _fontFamilies: Record<string, PdfKitFont>;
  _fontCount: number;
}
type EmbeddedFontClass = new (doc: PDFDocument, font: unknown, id: string) => PdfKitFont;

/**
 * The four fonts of a document. The first document parses the TTFs (fontkit); later ones get new
 * pdfkit fonts (their own subsets and resource ids) over the same parsed fonts, as pdfkit's
 * own `font()` would make them, which saves parsing four fonts' tables per document.
 */
function documentFonts(doc: PDFDocument, fonts: FontSet, s: Shared): Record<FontStyle, PdfKitFont> {
  const out = {} as Record<FontStyle, PdfKitFont>;
  if (s.make) {
    for (const style of STYLES) out[style] = s.make(doc, style);
    return out;
  }
  const parsed = {} as Record<FontStyle, unknown>;
  let Embedded: EmbeddedFontClass | undefined;
  for (const style of STYLES) {
    doc.registerFont(style, fonts.bytes[style]);
    doc.font(style);
    out[style] = doc._font;
    parsed[style] = (doc._font as unknown as { font: unknown }).font;
    Embedded = doc._font.constructor as EmbeddedFontClass;
  }
  const Font = Embedded!;
  s.make = (d, style) => {
    const internals = d as unknown as FontInternals;
    const font = new Font(d, parsed[style], `F${++internals._fontCount}`);
    // Registered where pdfkit looks for fonts to embed when the document ends.
    internals._fontFamilies[style] = font;
    return font;
  };
  return out;
}

export function renderContext(doc: PDFDocument, fonts: FontSet): RenderContext {
  let s = shared.get(fonts);
  if (!s) shared.set(fonts, (s = { cache: glyphCache() }));
  const pdfFonts = documentFonts(doc, fonts, s);
  const paint = new TextPainter(doc, pdfFonts);
  return { doc, fonts, measure: new Measurer(pdfFonts, s.cache), paint, flow: new PageFlow(doc, () => paint.flush()) };
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
  ctx.doc.save().lineWidth(0.6).moveTo(from, y).lineTo(from + w, y).stroke('black');
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
