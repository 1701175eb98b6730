/**
 * Speed-ups of pdfmake 0.3 (and the pdfkit 0.19 beneath it) that leave every glyph exactly where
 * it was; docs/performance.md has the figures, the profile they came from, and the check (page
 * images compared pixel for pixel, text extraction compared) that nothing moved.
 * flow: render-pdf --> pdfmake-speedups --> pdfmake Renderer / PDFDocument / StyleContextStack
 *
 * 1. Text runs. pdfmake draws each inline (for justified text: each word) with its own pdfkit
 *    `text()` call: colour, save, transform, BT, Tm, Tf, TJ, ET, restore, ten content operators
 *    and ten Buffers a word. A line's consecutive inlines with the same font, size, colour and
 *    opacity are drawn here inside one BT … ET, each still placed at its own x by its own Tm,
 *    with the glyph codes and kerning adjustments pdfkit's `_fragment` would write (cached per
 *    word and font object, since a word's glyph codes are fixed once its subset holds them).
 * 2. Glyph layout and widths. pdfkit caches fontkit's layout of each space-separated word per
 *    font object, and pdfmake makes new font objects for every document, so each render laid out
 *    the same Vietnamese syllables again (and the UBND report after the director's); measuring a
 *    word also re-scanned it character by character. Layouts and widths are shared per font file
 *    for the life of the process (a warm Lambda), bounded.
 * 3. Style lookups. pdfmake resolves some twenty style properties for every inline by pushing it
 *    on the style stack, allocating a closure, walking the stack and popping it. The same answer
 *    comes from walking the stack below the inline; named styles (unused here) take the old path.
 *
 * Anything the fast paths do not reproduce (links, decorations, backgrounds, sub/superscript,
 * character spacing, font features, page references, outlines, line breaks inside an inline,
 * named styles) goes to pdfmake's own code. Other pdfmake versions are left unpatched.
 * BAOCAO_PDFMAKE_SPEEDUPS=off turns all of it off (for before/after comparisons).
 */
import PDFDocumentModule from 'pdfmake/js/PDFDocument.js';
import RendererModule from 'pdfmake/js/Renderer.js';
import StyleContextStackModule from 'pdfmake/js/StyleContextStack.js';
import pdfmakePackage from 'pdfmake/package.json' with { type: 'json' };

/** The pdfmake version whose internals this file was written against. */
export const PATCHED_PDFMAKE = /^0\.3\./;

/** Words kept per font file; Vietnamese text has a few thousand distinct syllables. */
const CACHE_LIMIT = 50_000;

// Loose shapes of the pdfmake/pdfkit internals touched here (neither package ships types).
type Positions = { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[];
interface EmbeddedFont {
  id: string;
  ascender: number;
  layoutCache?: Record<string, unknown>;
  layout(text: string, features: unknown, onlyWidth: boolean): { advanceWidth: number };
  widthOfString(text: string, size: number, features?: unknown): number;
  encode(text: string, features?: unknown): [string[], Positions];
  ref(): unknown;
}
interface Inline {
  text: string;
  x: number;
  width: number;
  font: EmbeddedFont;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  [key: string]: unknown;
}
interface Line {
  x: number;
  y: number;
  inlines: Inline[];
  getHeight(): number;
  getAscenderHeight(): number;
  [key: string]: unknown;
}
interface PdfKitDoc {
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  _font: EmbeddedFont;
  _fontSize: number;
  fonts: Record<string, Record<string, unknown>>;
  opacity(o: number): PdfKitDoc;
  fill(color: unknown): PdfKitDoc;
  fontSize(size: number): PdfKitDoc;
  save(): PdfKitDoc;
  restore(): PdfKitDoc;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): PdfKitDoc;
  addContent(data: string): PdfKitDoc;
  resolveColor(color: unknown, fallback: unknown): unknown;
}
interface RendererProto {
  pdfDocument: PdfKitDoc;
  renderLine(line: Line, x: number, y: number): void;
}
interface StyleStack {
  styleOverrides: unknown[] | null;
  defaultStyle?: Record<string, unknown>;
  getProperty(property: string): unknown;
  push(item: unknown): void;
  pop(howMany?: number): void;
  /** Answers of getProperty since the stack last changed (added here). */
  memo?: Map<string, unknown>;
}
interface StyleStackClass {
  prototype: StyleStack;
  getStyleProperty(item: unknown, stack: StyleStack | undefined, property: string, defaultValue: unknown): unknown;
}
interface PdfDocumentProto {
  fonts: Record<string, Record<string, unknown>>;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont;
}

/** A CommonJS class seen through ESM interop: Node gives module.exports, esbuild may give the default. */
function classOf<T extends { prototype: unknown }>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (typeof m === 'function' ? m : m.default) as T;
}

/** pdfkit's number formatting (PDFObject.number): six decimals, no trailing zeros. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const isValue = (v: unknown) => v !== undefined && v !== null;
const isString = (v: unknown) => typeof v === 'string' || v instanceof String;

function plainInline(i: Inline): boolean {
  return (
    i._pageNodeRef === undefined &&
    i.link == null &&
    !i.linkToPage &&
    !i.linkToDestination &&
    !i.fontFeatures &&
    !i.sup &&
    !i.sub &&
    !i.characterSpacing &&
    !i.background &&
    !i.decoration &&
    typeof i.text === 'string' &&
    !i.text.includes('\n')
  );
}

function plainLine(line: Line): boolean {
  return !line._outline && !line._pageNodeRef && !line.id && line.inlines.every(plainInline);
}

const opacityOf = (i: Inline) => (isNumber(i.opacity) ? i.opacity : 1);

/**
 * The content operators pdfkit's `_fragment` writes for one inline at (x, y) in flipped space,
 * minus BT/Tf/ET: a Tm, then TJ segments split where a glyph's advance differs from its width
 * (kerning) and a Tm of its own for a glyph with an x/y offset. Written without closures: this
 * runs once per word.
 */
const tjCache = new WeakMap<EmbeddedFont, Map<string, string>>();

function inlineOps(out: string[], font: EmbeddedFont, fontSize: number, text: string, x0: number, y: number): void {
  out.push(`1 0 0 1 ${num(x0)} ${num(y)} Tm`);
  let words = tjCache.get(font);
  if (!words) {
    words = new Map();
    tjCache.set(font, words);
  }
  const known = words.get(text);
  if (known) return void out.push(known);
  const [encoded, positions] = font.encode(text);
  // Without offset glyphs the TJ does not depend on x or the size: keep it for the next time.
  const plain = positions.every((p) => !p.xOffset && !p.yOffset);
  const mark = out.length;
  const scale = fontSize / 1000;
  let x = x0;
  let commands = '';
  let last = 0;
  let hadOffset = false;
  const n = positions.length;
  for (let i = 0; i <= n; i++) {
    const pos = i < n ? positions[i]! : undefined;
    // Where a segment ends: before an offset glyph (and after it), after a kerned glyph, at the end.
    const offset = pos !== undefined && (pos.xOffset || pos.yOffset);
    const kerned = pos !== undefined && !offset && pos.xAdvance - pos.advanceWidth !== 0;
    const cut = pos === undefined || offset ? i : kerned ? i + 1 : -1;
    if (pos !== undefined && !offset && hadOffset) {
      out.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
      hadOffset = false;
    }
    if (cut >= 0 && last < cut) {
      const p = positions[cut - 1]!;
      commands += `${commands ? ' ' : ''}<${encoded.slice(last, cut).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`;
      last = cut;
    }
    if (pos === undefined || offset) {
      if (commands) out.push(`[${commands}] TJ`);
      commands = '';
    }
    if (pos !== undefined && offset) {
      out.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      // The offset glyph on its own (pdfkit: flush(i + 1)).
      const p = positions[i]!;
      out.push(`[<${encoded.slice(last, i + 1).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}] TJ`);
      last = i + 1;
      hadOffset = true;
    }
    if (pos !== undefined) x += pos.xAdvance * scale;
  }
  if (plain) words.set(text, out.slice(mark).join('\n'));
}

/** renderLine for plain lines: one BT … ET per run of same-styled inlines. */
function renderRuns(doc: PdfKitDoc, line: Line, x: number, y: number): void {
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  const inlines = line.inlines;
  let start = 0;
  while (start < inlines.length) {
    const first = inlines[start]!;
    let end = start + 1;
    while (
      end < inlines.length &&
      inlines[end]!.font === first.font &&
      inlines[end]!.fontSize === first.fontSize &&
      inlines[end]!.color === first.color &&
      opacityOf(inlines[end]!) === opacityOf(first)
    ) {
      end++;
    }
    // The state pdfmake sets before each inline, set once for the run.
    doc.opacity(opacityOf(first));
    doc.fill(doc.resolveColor(first.color, 'black'));
    doc._font = first.font;
    doc.fontSize(first.fontSize);
    const font = first.font;
    const size = first.fontSize;
    // Where pdfmake puts the inline (Renderer.renderLine), then where pdfkit's _fragment puts
    // the text origin in the flipped coordinates.
    // (Same arithmetic, in the same order, as pdfmake's shiftToBaseline.)
    const topY = y + (lineHeight - (font.ascender / 1000) * size - descent);
    const pdfY = doc.page.height - topY - (font.ascender / 1000) * size;
    const ops: string[] = [];
    for (let k = start; k < end; k++) {
      const inline = inlines[k]!;
      if (inline.text.length === 0) continue;
      inlineOps(ops, font, size, inline.text, x + inline.x, pdfY);
    }
    if (ops.length > 0) {
      doc.save();
      doc.transform(1, 0, 0, -1, 0, doc.page.height);
      if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
      doc.addContent(`BT\n/${font.id} ${num(size)} Tf\n${ops.join('\n')}\nET`);
      doc.restore();
    }
    const lastInline = inlines[end - 1]!;
    doc.x = x + lastInline.x + lastInline.width;
    doc.y = topY;
    start = end;
  }
}

let applied: boolean | undefined;

/** Patches pdfmake once per process; returns whether the speed-ups are active. */
export function applyPdfmakeSpeedups(version: string = pdfmakePackage.version): boolean {
  if (applied !== undefined) return applied;
  applied = false;
  if (process.env.BAOCAO_PDFMAKE_SPEEDUPS === 'off' || !PATCHED_PDFMAKE.test(version)) return applied;

  const renderer = classOf<{ prototype: RendererProto }>(RendererModule).prototype;
  const original = renderer.renderLine;
  renderer.renderLine = function renderLine(this: RendererProto, line: Line, x: number, y: number) {
    if (!plainLine(line)) return original.call(this, line, x, y);
    renderRuns(this.pdfDocument, line, x || 0, y || 0);
  };

  const pdfDocument = classOf<{ prototype: PdfDocumentProto }>(PDFDocumentModule).prototype;
  const provideFont = pdfDocument.provideFont;
  const layouts = new Map<string, Record<string, unknown>>();
  const widths = new Map<string, Map<string, number>>();
  const shared = new WeakSet<object>();
  pdfDocument.provideFont = function (this: PdfDocumentProto, family: string, bold: boolean, italics: boolean) {
    const font = provideFont.call(this, family, bold, italics);
    if (shared.has(font)) return font;
    shared.add(font);
    // Keyed by the font file, so another folder's fonts never share a cache.
    const key = JSON.stringify(this.fonts[family]?.[this.getFontType(bold, italics)] ?? `${family}/${bold}/${italics}`);
    let layout = layouts.get(key);
    let width = widths.get(key);
    if (!layout || !width || width.size > CACHE_LIMIT) {
      layout = Object.create(null) as Record<string, unknown>;
      width = new Map();
      layouts.set(key, layout);
      widths.set(key, width);
    }
    if (font.layoutCache) font.layoutCache = layout;
    const ownWidth = font.widthOfString;
    const cachedWidths = width;
    font.widthOfString = function (this: EmbeddedFont, text: string, size: number, features?: unknown) {
      if (features) return ownWidth.call(this, text, size, features);
      let w = cachedWidths.get(text);
      if (w === undefined) {
        w = this.layout(text, undefined, true).advanceWidth;
        cachedWidths.set(text, w);
      }
      // The same arithmetic as pdfkit's EmbeddedFont.widthOfString.
      return w * (size / 1000);
    };
    return font;
  };

  const styles = classOf<StyleStackClass>(StyleContextStackModule);
  const { getProperty, push, pop } = styles.prototype;
  // The stack only changes through push and pop; between two changes the same property has the
  // same answer, and a text node asks it once for each of its words.
  styles.prototype.push = function (this: StyleStack, item: unknown) {
    this.memo = undefined;
    return push.call(this, item);
  };
  styles.prototype.pop = function (this: StyleStack, howMany?: number) {
    this.memo = undefined;
    return pop.call(this, howMany);
  };
  styles.prototype.getProperty = function (this: StyleStack, property: string) {
    const memo = (this.memo ??= new Map());
    if (memo.has(property)) return memo.get(property);
    let value: unknown;
    const overrides = this.styleOverrides;
    let i = overrides ? overrides.length - 1 : -1;
    for (; i >= 0; i--) {
      const item = overrides![i] as Record<string, unknown>;
      if (isString(item)) {
        value = getProperty.call(this, property);
        break;
      }
      if (isValue(item[property])) {
        value = item[property];
        break;
      }
    }
    if (i < 0) value = this.defaultStyle && this.defaultStyle[property];
    memo.set(property, value);
    return value;
  };
  const getStyleProperty = styles.getStyleProperty;
  styles.getStyleProperty = function (item: unknown, stack: StyleStack | undefined, property: string, defaultValue: unknown) {
    const node = item as Record<string, unknown>;
    const own = node[property];
    if (isValue(own)) return own;
    if (!stack) return defaultValue;
    if (isString(item) || node.section !== undefined || node.style) return getStyleProperty.call(this, item, stack, property, defaultValue);
    // pdfmake would push the item on the stack first; it has no value for `property`, so the
    // stack beneath it gives the answer.
    const v = stack.getProperty(property);
    return isValue(v) ? v : defaultValue;
  };
  applied = true;
  return applied;
}
