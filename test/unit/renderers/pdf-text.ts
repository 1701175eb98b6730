/**
 * Test helper: reads a PDF with pdfjs-dist (no Poppler needed) into pages of text lines with
 * their positions (points from the top-left corner), font names and fill colours.
 * flow: renderer tests --> pdf-text --> pdfjs-dist
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfLine {
  text: string;
  /** Left edge of the first glyph. */
  x: number;
  /** Right edge of the last glyph. */
  right: number;
  /** Baseline, from the top of the page. */
  top: number;
  fontSize: number;
  /** Real font names ("BZZZZZ+Tinos-Bold"). */
  fonts: string[];
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  fillColours: string[];
}

export interface PdfRead {
  pages: PdfPage[];
  info: Record<string, unknown>;
  /** Every font used, with whether its file is embedded. */
  fonts: { name: string; embedded: boolean }[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

export async function readPdf(bytes: Buffer): Promise<PdfRead> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  const fonts = new Map<string, boolean>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const ops = await page.getOperatorList();
    const fontName = new Map<string, string>();
    for (const id of Object.keys(content.styles)) {
      const f = page.commonObjs.get(id) as { name: string; missingFile: boolean };
      fontName.set(id, f.name);
      fonts.set(f.name, !f.missingFile);
    }
    const fillColours = new Set<string>();
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFillRGBColor) return;
      // pdfjs 4 passes the three 0–255 components (a typed array) or a "#rrggbb" string.
      const args = Array.from(ops.argsArray[i] as ArrayLike<unknown>);
      const hex =
        typeof args[0] === 'string'
          ? args[0]
          : `#${args
              .slice(0, 3)
              .map((v) => Number(v).toString(16).padStart(2, '0'))
              .join('')}`;
      fillColours.add(hex.toLowerCase());
    });
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      const t = it.transform as number[];
      items.push({ str: it.str, x: t[4]!, y: height - t[5]!, width: it.width, size: Math.abs(t[3]!), font: fontName.get(it.fontName) ?? it.fontName });
    }
    pages.push({ width, height, lines: groupLines(items), fillColours: [...fillColours] });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })) };
}

/**
 * Items whose baselines are within 1.5 pt form a line, split again into cells where glyphs are
 * far apart: more than 5 pt for table text (≤ 11.5 pt, never justified, so word gaps are one
 * space) and more than 12 pt for body text (whose justified spaces can reach 8 pt). pdfjs fills
 * gaps with synthetic space items, so the gap is measured between visible glyphs only.
 */
function groupLines(items: Item[]): PdfLine[] {
  const rows: Item[][] = [];
  for (const it of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) < 1.5);
    if (row) row.push(it);
    else rows.push([it]);
  }
  const lines: PdfLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let cur: Item[] = [];
    const flush = () => {
      const visible = cur.filter((c) => c.str.trim() !== '');
      cur = [];
      if (!visible.length) return;
      const first = visible[0]!;
      const last = visible[visible.length - 1]!;
      let text = '';
      visible.forEach((c, i) => {
        const prev = visible[i - 1];
        if (prev && c.x - (prev.x + prev.width) > 0.8) text += ' ';
        text += c.str;
      });
      lines.push({
        text: text
          .replace(/\u00a0/gu, ' ')
          .replace(/\s+/gu, ' ')
          .trim(),
        x: first.x,
        right: last.x + last.width,
        top: first.y,
        fontSize: Math.max(...visible.map((c) => c.size)),
        fonts: [...new Set(visible.map((c) => c.font))],
      });
    };
    let lastVisible: Item | undefined;
    for (const it of row) {
      if (it.str.trim() === '') {
        cur.push(it);
        continue;
      }
      if (lastVisible) {
        const gap = it.x - (lastVisible.x + lastVisible.width);
        const limit = Math.min(it.size, lastVisible.size) <= 11.5 ? 5 : 12;
        if (gap > limit || it.size !== lastVisible.size) flush();
      }
      cur.push(it);
      lastVisible = it;
    }
    flush();
  }
  return lines;
}

/** The text of every line on the same baseline as `line`, left to right: a table row or a split line. */
export function rowText(page: PdfPage, line: PdfLine): string {
  return page.lines
    .filter((l) => Math.abs(l.top - line.top) < 1.5)
    .sort((a, b) => a.x - b.x)
    .map((l) => l.text)
    .join(' ');
}

export function findLine(page: PdfPage, match: string | RegExp): PdfLine | undefined {
  return page.lines.find((l) => (typeof match === 'string' ? l.text.includes(match) : match.test(l.text)));
}

/** The page number printed in the top margin, if any. */
export function pageNumberOf(page: PdfPage): string | undefined {
  return page.lines.find((l) => l.top < 56 && /^\d+$/u.test(l.text))?.text;
}
