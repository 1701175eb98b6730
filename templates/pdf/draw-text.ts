/**
 * Writes typeset lines into the page's content stream: one BT … ET per line, each piece placed
 * by its own Tm, glyph codes and kerning as pdfkit's own text() writes them.
 * flow: page-flow boxes --> draw-text --> pdfkit content stream
 *
 * pdfkit's text() costs ten operators and several objects per call; a line of justified text is
 * a dozen calls. The glyph codes of a word depend only on the word and the document's font
 * subset, so they are encoded once per document and word.
 */
import type PDFDocument from 'pdfkit';
import type { PdfKitFont } from 'pdfkit';
import type { FontStyle } from './fonts.ts';
import type { TextLine } from './typeset.ts';

/** pdfkit's number formatting: six decimals, no trailing zeros. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

export class TextPainter {
  private readonly encoded = new Map<PdfKitFont, Map<string, string>>();
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<FontStyle, PdfKitFont>,
  ) {}

  /** The TJ operand(s) of a word: runs of glyphs split after kerned ones; offset glyphs placed alone. */
  private ops(font: PdfKitFont, size: number, text: string, x0: number, y: number): string {
    let words = this.encoded.get(font);
    if (!words) {
      words = new Map();
      this.encoded.set(font, words);
    }
    const known = words.get(text);
    if (known !== undefined) return `1 0 0 1 ${num(x0)} ${num(y)} Tm\n${known}`;
    const [codes, positions] = font.encode(text);
    const out: string[] = [];
    const scale = size / 1000;
    let x = x0;
    let tj = '';
    let last = 0;
    let hadOffset = false;
    const n = positions.length;
    for (let i = 0; i <= n; i++) {
      const pos = i < n ? positions[i]! : undefined;
      const offset = pos !== undefined && (pos.xOffset || pos.yOffset);
      const kerned = pos !== undefined && !offset && pos.xAdvance - pos.advanceWidth !== 0;
      const cut = pos === undefined || offset ? i : kerned ? i + 1 : -1;
      if (pos !== undefined && !offset && hadOffset) {
        out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (cut >= 0 && last < cut) {
        const p = positions[cut - 1]!;
        tj += `${tj ? ' ' : ''}<${codes.slice(last, cut).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`;
        last = cut;
      }
      if ((pos === undefined || offset) && tj) {
        out.push(`[${tj}] TJ`);
        tj = '';
      }
      if (pos !== undefined && offset) {
        out.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
        out.push(`[<${codes.slice(last, i + 1).join('')}> ${num(-(pos.xAdvance - pos.advanceWidth))}] TJ`);
        last = i + 1;
        hadOffset = true;
      }
      if (pos !== undefined) x += pos.xAdvance * scale;
    }
    const body = out.join('\n');
    // A word without offset glyphs does not depend on where it stands: keep it.
    if (positions.every((p) => !p.xOffset && !p.yOffset)) words.set(text, body);
    return `1 0 0 1 ${num(x0)} ${num(y)} Tm\n${body}`;
  }

  /** Draws a line whose top is at `top` (page coordinates from the top-left), left edge at `x`. */
  line(line: TextLine, x: number, top: number, colour = 'black'): void {
    const doc = this.doc;
    const height = doc.page.height;
    const parts: string[] = [];
    let current: PdfKitFont | undefined;
    let currentSize = 0;
    for (const p of line.pieces) {
      if (p.text.length === 0) continue;
      const font = this.fonts[p.font];
      if (font !== current || p.size !== currentSize) {
        if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
        parts.push(`/${font.id} ${num(p.size)} Tf`);
        current = font;
        currentSize = p.size;
      }
      // The baseline: each piece sits on the line's largest ascender (mixed sizes share it).
      const baseline = top + line.ascender;
      parts.push(this.ops(font, p.size, p.text, x + p.x, height - baseline));
    }
    if (parts.length === 0) return;
    doc.save();
    doc.fillColor(colour);
    doc.transform(1, 0, 0, -1, 0, height);
    doc.addContent(`BT\n${parts.join('\n')}\nET`);
    doc.restore();
  }
}
