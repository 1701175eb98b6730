/**
 * Writes typeset lines into the page's content stream: each line one Tm and one TJ, the words'
 * glyph codes and kerning as pdfkit's own text() writes them, the gaps between words as shifts.
 * flow: page-flow boxes --> draw-text --> pdfkit content stream
 *
 * pdfkit's text() costs ten operators and several objects per call, and a line of justified
 * text was a dozen calls. Here a page's text is collected and written as one BT … ET when the
 * page is full: nothing on these pages is drawn over text, so text last looks the same. The
 * glyph codes of a word depend only on the word and the document's font subset: encoded once.
 */
import type PDFDocument from 'pdfkit';
import type { PdfKitFont } from 'pdfkit';
import type { FontStyle } from './fonts.ts';
import type { TextLine } from './typeset.ts';

/** Text is black, or white on a dark bar of the chart. */
export type TextColour = 'black' | 'white';
const COLOURS: Record<TextColour, string> = { black: '0 g', white: '1 g' };

/** pdfkit's number formatting: six decimals, no trailing zeros. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

/** A word's glyphs as TJ operands, and its advance (1000 units) with kerning. */
interface Encoded {
  tj: string;
  advance: number;
}

export class TextPainter {
  private readonly encoded = new Map<PdfKitFont, Map<string, Encoded | null>>();
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<FontStyle, PdfKitFont>,
  ) {}

  /**
   * The word as TJ operands: runs of glyphs split after kerned ones, each followed by its kerning
   * as pdfkit writes it; null for a word with a glyph offset (a mark placed on its own).
   */
  private encode(font: PdfKitFont, text: string): Encoded | null {
    let words = this.encoded.get(font);
    if (!words) {
      words = new Map();
      this.encoded.set(font, words);
    }
    let known = words.get(text);
    if (known !== undefined) return known;
    const [codes, positions] = font.encode(text);
    let tj = '';
    let last = 0;
    let advance = 0;
    known = { tj: '', advance: 0 };
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]!;
      if (p.xOffset || p.yOffset) {
        known = null;
        break;
      }
      advance += p.xAdvance;
      const kern = p.xAdvance - p.advanceWidth;
      if (kern !== 0 || i === positions.length - 1) {
        tj += `${tj ? ' ' : ''}<${codes.slice(last, i + 1).join('')}>${kern !== 0 ? ` ${num(-kern)}` : ''}`;
        last = i + 1;
      }
    }
    if (known) known = { tj, advance };
    words.set(text, known);
    return known;
  }

  /** pdfkit's own placement of a word with offset glyphs: a Tm for each of them. */
  private offsetWord(font: PdfKitFont, size: number, text: string, x0: number, y: number): string {
    const [codes, positions] = font.encode(text);
    const out: string[] = [`1 0 0 1 ${num(x0)} ${num(y)} Tm`];
    const scale = size / 1000;
    let x = x0;
    let last = 0;
    const flush = (end: number) => {
      if (end <= last) return;
      const p = positions[end - 1]!;
      out.push(`[<${codes.slice(last, end).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}] TJ`);
      last = end;
    };
    positions.forEach((p, i) => {
      if (p.xOffset || p.yOffset) {
        flush(i);
        out.push(`1 0 0 1 ${num(x + p.xOffset * scale)} ${num(y + p.yOffset * scale)} Tm`);
        flush(i + 1);
        out.push(`1 0 0 1 ${num(x + p.xAdvance * scale)} ${num(y)} Tm`);
      }
      x += p.xAdvance * scale;
    });
    flush(positions.length);
    return out.join('\n');
  }

  /** The page's text so far, in PDF space; the font and colour last set in it. */
  private page: string[] = [];
  private font: PdfKitFont | undefined;
  private size = 0;
  private colour: TextColour = 'black';

  /** Writes the page's text into its content stream (before the page is closed). */
  flush(): void {
    if (this.page.length > 0) {
      // pdfkit's page space runs from the top; text is set in PDF space, flipped back for it,
      // in black whatever fill the page's shapes left set.
      this.doc.addContent(`q\n1 0 0 -1 0 ${num(this.doc.page.height)} cm\nBT\n0 g\n${this.page.join('')}ET\nQ`);
    }
    this.page = [];
    this.font = undefined;
    this.size = 0;
    this.colour = 'black';
  }

  /**
   * Draws a line whose top is at `top` (page coordinates from the top-left), left edge at `x`:
   * one TJ for the line, the space between words written as a shift, so each word starts
   * exactly where the layout put it.
   */
  line(line: TextLine, x: number, top: number, colour: TextColour = 'black'): void {
    const doc = this.doc;
    // The baseline: every piece sits on the line's largest ascender.
    const y = doc.page.height - (top + line.ascender);
    let out = '';
    let font = this.font;
    let size = this.size;
    if (colour !== this.colour) {
      out += `${COLOURS[colour]}\n`;
      this.colour = colour;
    }
    /** Where the text position is after the last word drawn; undefined outside a TJ. */
    let pen: number | undefined;
    for (const p of line.pieces) {
      if (p.text.length === 0) continue;
      const f = this.fonts[p.font];
      if (f !== font || p.size !== size) {
        if (pen !== undefined) out += '] TJ\n';
        pen = undefined;
        if (doc.page.fonts[f.id] == null) doc.page.fonts[f.id] = f.ref();
        out += `/${f.id} ${num(p.size)} Tf\n`;
        font = f;
        size = p.size;
      }
      const at = x + p.x;
      const word = this.encode(f, p.text);
      if (!word) {
        if (pen !== undefined) out += '] TJ\n';
        pen = undefined;
        out += `${this.offsetWord(f, size, p.text, at, y)}\n`;
        continue;
      }
      if (pen === undefined) out += `1 0 0 1 ${num(at)} ${num(y)} Tm\n[`;
      else {
        const shift = ((at - pen) * 1000) / size;
        if (shift !== 0) out += ` ${num(-shift)} `;
        else out += ' ';
      }
      out += word.tj;
      pen = at + (word.advance * size) / 1000;
    }
    if (pen !== undefined) out += '] TJ\n';
    this.font = font;
    this.size = size;
    if (out) this.page.push(out);
  }
}
