// Minimal typing of the pdfkit 0.19 and linebreak 1.1 APIs this renderer uses (neither ships types).
declare module 'pdfkit' {
  import type { Readable } from 'node:stream';

  interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
    advanceWidth: number;
  }
  /** pdfkit's EmbeddedFont: one font file inside one document (its subset, its resource id). */
  export interface PdfKitFont {
    id: string;
    ascender: number;
    descender: number;
    layoutCache?: Record<string, unknown>;
    encode(text: string): [string[], GlyphPosition[]];
    widthOfString(text: string, size: number): number;
    ref(): unknown;
  }
  export interface PdfKitOptions {
    size?: [number, number];
    margin?: number;
    autoFirstPage?: boolean;
    font?: string | null;
    compress?: boolean;
    lang?: string;
    info?: Record<string, string | Date>;
    pdfVersion?: string;
    displayTitle?: boolean;
  }
  export interface PageOptions {
    size: [number, number];
    margin: number;
  }
  class PDFDocument extends Readable {
    constructor(options?: PdfKitOptions);
    page: { width: number; height: number; fonts: Record<string, unknown> };
    _font: PdfKitFont;
    registerFont(name: string, src: Buffer): this;
    font(name: string): this;
    addPage(options: PageOptions): this;
    addContent(data: string): this;
    save(): this;
    restore(): this;
    transform(a: number, b: number, c: number, d: number, e: number, f: number): this;
    lineWidth(w: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, w: number, h: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    fillAndStroke(fill: string, stroke: string): this;
    end(): void;
  }
  export default PDFDocument;
}

declare module 'linebreak' {
  class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
  export default LineBreaker;
}
