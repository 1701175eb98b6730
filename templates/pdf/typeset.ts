/**
 * Breaks text into lines for a given width: pieces, widths, greedy line filling, alignment.
 * flow: body / appendix / header / chart --> typeset --> glyph widths (shared per font file)
 *
 * The rules are those the reports were first laid out with (pdfmake 0.3), so that pages the
 * pagination rules leave alone keep every word where it was: a piece is a word with its trailing
 * spaces; a line takes pieces while they fit with the last one's spaces trimmed; a piece wider
 * than a whole line is cut at the last character that fits; centred lines are centred on their
 * trimmed width; justified lines (all but a paragraph's last) spread the difference evenly
 * between pieces. Widths are measured per space-separated chunk, as pdfkit measures them, and
 * kept for the life of the process: a warm compile measures almost nothing.
 */
import LineBreaker from 'linebreak';
import type { PdfKitFont } from 'pdfkit';
import type { FontStyle } from './fonts.ts';

/** What a piece of text is set in. */
export interface TextStyle {
  font: FontStyle;
  size: number;
}

/** A run of text in one style, as a template writes it. */
export interface Run extends TextStyle {
  text: string;
  /** Keep whole (only the space-separated words of justified body text are). */
  noWrap?: boolean;
}

interface Piece extends TextStyle {
  text: string;
  width: number;
  leadingCut: number;
  trailingCut: number;
  noWrap: boolean;
  lineEnd: boolean;
}

export interface PlacedPiece extends TextStyle {
  text: string;
  /** From the line's left edge. */
  x: number;
}

export interface TextLine {
  pieces: PlacedPiece[];
  /** Line height (font line height × line spacing). */
  height: number;
  /** Largest ascender, from the line's top to the baseline. */
  ascender: number;
}

export type Align = 'left' | 'center' | 'justify' | 'right';

export interface ParagraphOptions {
  width: number;
  align: Align;
  /** Line spacing factor (1 = the font's line height). */
  lineHeight?: number;
  /** Indent of the first line. */
  firstIndent?: number;
}

/** Widths and pdfkit layouts of one font folder's chunks, kept for the life of the process. */
export interface GlyphCache {
  widths: Record<FontStyle, Map<string, number>>;
  layouts: Record<FontStyle, Record<string, unknown>>;
}

/** Distinct chunks kept per style; Vietnamese text has a few thousand syllables. */
const CACHE_LIMIT = 50_000;

export function glyphCache(): GlyphCache {
  const layout = () => Object.create(null) as Record<string, unknown>;
  return {
    widths: { normal: new Map(), bold: new Map(), italics: new Map(), bolditalics: new Map() },
    layouts: { normal: layout(), bold: layout(), italics: layout(), bolditalics: layout() },
  };
}

/** Font metrics and widths of the four styles in one document. */
export class Measurer {
  constructor(
    readonly fonts: Record<FontStyle, PdfKitFont>,
    private readonly cache: GlyphCache,
  ) {
    for (const style of Object.keys(fonts) as FontStyle[]) {
      // pdfkit lays out each space-separated chunk once per document; share them across documents.
      if (Object.keys(cache.layouts[style]).length > CACHE_LIMIT) cache.layouts[style] = Object.create(null) as Record<string, unknown>;
      fonts[style].layoutCache = cache.layouts[style];
    }
  }

  /** pdfkit's widthOfString, cached per chunk for the process. */
  width(text: string, style: TextStyle): number {
    const widths = this.cache.widths[style.font];
    let w = widths.get(text);
    if (w === undefined) {
      if (widths.size > CACHE_LIMIT) widths.clear();
      w = this.fonts[style.font].widthOfString(text, 1000);
      widths.set(text, w);
    }
    return w * (style.size / 1000);
  }

  lineHeight(style: TextStyle, factor = 1): number {
    const f = this.fonts[style.font];
    return ((f.ascender - f.descender) / 1000) * style.size * factor;
  }

  ascender(style: TextStyle): number {
    return (this.fonts[style.font].ascender / 1000) * style.size;
  }
}

/**
 * Text made of letters, digits, spaces and the punctuation that never opens a break opportunity
 * of its own ( , . ; : and parentheses) breaks only after its spaces (UAX #14 rules LB18, LB29,
 * LB30); it is split with a regular expression instead of the Unicode line breaker, which costs
 * a trie lookup per character (typeset.test.ts checks that the two agree).
 */
const PLAIN = /^[\p{L}\p{M}\p{N} ,.;:()]*$/u;
const PLAIN_WORDS = /^ +|[^ ]+ */gu;

/** Words with their trailing spaces, cut where Unicode allows a line break (UAX #14). */
export function splitWords(text: string): { text: string; lineEnd: boolean }[] {
  if (text.length === 0) return [{ text: '', lineEnd: false }];
  if (PLAIN.test(text)) return (text.match(PLAIN_WORDS) ?? []).map((w) => ({ text: w, lineEnd: false }));
  return unicodeWords(text);
}

/** The Unicode line breaker's words, a hard break ending a word with `lineEnd`. */
export function unicodeWords(text: string): { text: string; lineEnd: boolean }[] {
  const out: { text: string; lineEnd: boolean }[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    let word = text.slice(last, bk.position);
    const hard = bk.required || /\r?\n$|\r$/u.test(word);
    if (hard) word = word.replace(/\r?\n$|\r$/u, '');
    out.push({ text: word, lineEnd: hard });
    last = bk.position;
  }
  return out;
}

/** JavaScript's \\s, without a regular expression per word. */
const isSpace = (c: number) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** Widths of the leading and trailing white space of a word (cut at line starts and ends). */
function cuts(text: string, style: TextStyle, m: Measurer): [number, number] {
  let lead = 0;
  while (lead < text.length && isSpace(text.charCodeAt(lead))) lead++;
  let trail = text.length;
  while (trail > 0 && isSpace(text.charCodeAt(trail - 1))) trail--;
  if (lead === 0 && trail === text.length) return [0, 0];
  if (lead === text.length) {
    const w = m.width(text, style);
    return [w, w];
  }
  return [lead ? m.width(text.substring(0, lead), style) : 0, trail < text.length ? m.width(text.substring(trail), style) : 0];
}

function piece(text: string, run: Run, m: Measurer, lineEnd: boolean): Piece {
  const [leadingCut, trailingCut] = cuts(text, run, m);
  return { text, font: run.font, size: run.size, width: m.width(text, run), leadingCut, trailingCut, noWrap: run.noWrap === true, lineEnd };
}

function measurePieces(runs: readonly Run[], m: Measurer, firstIndent: number): Piece[] {
  const pieces: Piece[] = [];
  for (const run of runs) {
    if (run.noWrap) pieces.push(piece(run.text, run, m, false));
    else for (const w of splitWords(run.text)) pieces.push(piece(w.text, run, m, w.lineEnd));
  }
  if (firstIndent && pieces[0]) pieces[0].leadingCut = -firstIndent;
  return pieces;
}

/** The longest prefix (at least one character) that fits, found by bisection. */
function maxFit(text: string, width: number, measure: (t: string) => number): number {
  let lo = 1;
  let hi = text.length;
  let best = 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (measure(text.substring(0, mid)) <= width) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

interface Building {
  pieces: Piece[];
  xs: number[];
  widths: number;
  leadingCut: number;
  trailingCut: number;
  forced: boolean;
}

const trimmedWidth = (l: Building) => l.widths - l.leadingCut - l.trailingCut;

function fits(line: Building, p: Piece, max: number): boolean {
  if (line.pieces.length === 0) return true;
  if (line.forced) return false;
  return line.widths + p.width - line.leadingCut - p.trailingCut <= max;
}

function addPiece(line: Building, p: Piece): void {
  if (line.pieces.length === 0) line.leadingCut = p.leadingCut;
  line.trailingCut = p.trailingCut;
  line.xs.push(line.widths - line.leadingCut);
  line.pieces.push(p);
  line.widths += p.width;
  if (p.lineEnd) line.forced = true;
}

/** Lays a paragraph out in lines: one pass over its pieces. */
export function typeset(runs: readonly Run[], m: Measurer, o: ParagraphOptions): TextLine[] {
  const queue = measurePieces(runs, m, o.firstIndent ?? 0);
  const lines: TextLine[] = [];
  const factor = o.lineHeight ?? 1;
  let i = 0;
  while (i < queue.length) {
    const line: Building = { pieces: [], xs: [], widths: 0, leadingCut: 0, trailingCut: 0, forced: false };
    while (i < queue.length && fits(line, queue[i]!, o.width)) {
      const p = queue[i]!;
      const available = o.width - trimmedWidth(line);
      if (!p.noWrap && p.text.length > 1 && p.width > available) {
        const n = maxFit(p.text, available, (t) => m.width(t, p));
        if (n < p.text.length) {
          const rest: Piece = { ...p, text: p.text.substring(n), width: m.width(p.text.substring(n), p) };
          queue.splice(i + 1, 0, rest);
          addPiece(line, { ...p, text: p.text.substring(0, n), width: m.width(p.text.substring(0, n), p), lineEnd: false });
          i++;
          continue;
        }
      }
      addPiece(line, p);
      i++;
    }
    lines.push(finishLine(line, i >= queue.length, m, o, factor));
  }
  return lines;
}

function finishLine(line: Building, last: boolean, m: Measurer, o: ParagraphOptions, factor: number): TextLine {
  let offset = 0;
  const width = trimmedWidth(line);
  if (o.align === 'center') offset = (o.width - width) / 2;
  else if (o.align === 'right') offset = o.width - width;
  const spread = o.align === 'justify' && !line.forced && !last && line.pieces.length > 1 ? (o.width - width) / (line.pieces.length - 1) : 0;
  let height = 0;
  let ascender = 0;
  const pieces = line.pieces.map((p, k) => {
    height = Math.max(height, m.lineHeight(p, factor));
    ascender = Math.max(ascender, m.ascender(p));
    return { text: p.text, font: p.font, size: p.size, x: offset + line.xs[k]! + k * spread };
  });
  return { pieces, height, ascender };
}

/** Height of lines stacked without gaps. */
export function linesHeight(lines: readonly TextLine[]): number {
  let h = 0;
  for (const l of lines) h += l.height;
  return h;
}
