/**
 * Test helper: the pagination rules of docs/rendering.md, checked on a rendered PDF's text
 * positions (pdf-text) against its ReportModel. Each check returns what it found wrong, one
 * string per violation, so a failing test says where.
 * flow: pagination tests --> pagination-checks --> pdf-text
 */
import type { ReportModel } from '../../../functions/core/report-model.ts';
import { APPENDIX_HEADS } from '../../../templates/pdf/appendix.ts';
import { FIRST_LINE_INDENT, PAGE_MARGINS } from '../../../templates/pdf/pdf-types.ts';
import { pageNumberOf, type PdfLine, type PdfPage, type PdfRead } from './pdf-text.ts';

/** A visual line: the pieces on one baseline (a justified line can be read as several). */
export interface Row {
  top: number;
  x: number;
  text: string;
  fontSize: number;
  fonts: string[];
}

const LEFT = PAGE_MARGINS.left;
const INDENT = LEFT + FIRST_LINE_INDENT;
const near = (a: number, b: number, tolerance = 0.5) => Math.abs(a - b) < tolerance;
const regular = (r: Row) => r.fonts.every((f) => f.endsWith('+Tinos'));
const bold = (r: Row) => r.fonts.every((f) => f.endsWith('+Tinos-Bold'));
const isLandscape = (p: PdfPage) => p.width > p.height;
/** Lines in the top margin are page numbers. */
const TOP_MARGIN_END = 50;

/** The page's rows below the top margin, top to bottom. */
export function rowsOf(page: PdfPage): Row[] {
  const rows: PdfLine[][] = [];
  for (const l of [...page.lines].sort((a, b) => a.top - b.top || a.x - b.x)) {
    if (l.top < TOP_MARGIN_END) continue;
    const row = rows.find((r) => near(r[0]!.top, l.top, 1.5));
    if (row) row.push(l);
    else rows.push([l]);
  }
  return rows.map((r) => ({
    top: r[0]!.top,
    x: Math.min(...r.map((l) => l.x)),
    text: r.map((l) => l.text).join(' '),
    fontSize: Math.max(...r.map((l) => l.fontSize)),
    fonts: [...new Set(r.flatMap((l) => l.fonts))],
  }));
}

/** A line of a body paragraph: its first (indented) line, or a following one (at the margin). */
export const firstLine = (r: Row) => r.fontSize === 14 && regular(r) && near(r.x, INDENT);
export const continuation = (r: Row) => r.fontSize === 14 && regular(r) && near(r.x, LEFT);
/** A level-1 or level-2 heading line (bold, in the text column; the signer's lines are further right). */
export const headingLine = (r: Row) => r.fontSize === 14 && bold(r) && (near(r.x, LEFT) || near(r.x, INDENT));

function bodyPages(pdf: PdfRead): PdfPage[] {
  return pdf.pages.filter((p) => !isLandscape(p));
}

/** A heading keeps at least two lines of what follows on its page. */
export function headingViolations(pdf: PdfRead): string[] {
  const out: string[] = [];
  bodyPages(pdf).forEach((page, p) => {
    const rows = rowsOf(page);
    rows.forEach((r, i) => {
      if (!headingLine(r) || (rows[i + 1] && headingLine(rows[i + 1]!))) return;
      const after = rows.length - 1 - i;
      if (after < 2) out.push(`page ${p + 1}: heading "${r.text}" followed by ${after} line(s) on its page`);
    });
  });
  return out;
}

/** No paragraph leaves its first line alone at the bottom of a page, nor its last alone at the top. */
export function widowOrphanViolations(pdf: PdfRead): string[] {
  const out: string[] = [];
  const pages = bodyPages(pdf);
  for (let p = 0; p + 1 < pages.length; p++) {
    const here = rowsOf(pages[p]!);
    const next = rowsOf(pages[p + 1]!);
    const last = here[here.length - 1];
    const [top, second] = next;
    if (last && top && firstLine(last) && continuation(top)) out.push(`page ${p + 1}: orphan "${last.text}" at the bottom`);
    if (top && continuation(top) && !(second && continuation(second))) out.push(`page ${p + 2}: widow "${top.text}" at the top`);
  }
  return out;
}

const words = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** The body's last paragraph as printed: the last paragraph block, or the last item of a last list. */
function lastParagraph(model: ReportModel): string | undefined {
  const last = model.body[model.body.length - 1];
  if (!last) return undefined;
  if (last.type === 'paragraph')
    return last.text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1);
  if (last.type === 'bullets') {
    const item = last.items
      .flatMap((i) => i.split('\n'))
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1);
    return item && (item.startsWith('- ') ? item : `- ${item}`);
  }
  return undefined;
}

/** "Nơi nhận" and the signature are on the page where the body's last paragraph starts, below it. */
export function signatureViolations(pdf: PdfRead, model: ReportModel): string[] {
  const pages = bodyPages(pdf);
  const at = pages.findIndex((p) => rowsOf(p).some((r) => r.text.startsWith('Nơi nhận:')));
  if (at < 0) return ['no "Nơi nhận:" in the body'];
  const paragraph = lastParagraph(model);
  if (!paragraph) return [];
  const start = words(paragraph).split(' ').slice(0, 4).join(' ');
  const rows = rowsOf(pages[at]!);
  const first = rows.find((r) => firstLine(r) && words(r.text).startsWith(start));
  const signature = rows.find((r) => r.text.startsWith('Nơi nhận:'))!;
  if (!first) return [`page ${at + 1}: the signature is not on the page of the last paragraph ("${start} …")`];
  if (first.top > signature.top) return [`page ${at + 1}: the last paragraph is below the signature`];
  return [];
}

const HEAD_WORDS = new Set(APPENDIX_HEADS.join(' ').split(' '));

/** Where the repeated head ends on an appendix page (the last of its bold lines). */
function headBottom(rows: Row[]): number | undefined {
  const head = rows.find((r) => r.text.includes('Nội dung nhiệm vụ'));
  if (!head) return undefined;
  const parts = rows.filter((r) => r.top >= head.top - 20 && r.top <= head.top + 40 && bold(r) && r.text.split(' ').every((w) => HEAD_WORDS.has(w)));
  return Math.max(...parts.map((r) => r.top));
}

/** The TT column: left of the task-name column. */
const TT_RIGHT = LEFT + 0.5 + 3 + 22 + 3;

export interface AppendixRowStart {
  page: number;
  tt: string | undefined;
  text: string;
}

/**
 * On every appendix page after the first, the head is repeated, and the first row under it
 * starts a row: it has its TT (a task, or the continuation of a task taller than a page), its
 * Roman numeral (a group), or is an indicator's parent task (bold italic). The row a split left
 * behind would start with neither.
 */
export function appendixViolations(pdf: PdfRead): { violations: string[]; topRows: AppendixRowStart[] } {
  const violations: string[] = [];
  const topRows: AppendixRowStart[] = [];
  const pages = pdf.pages.filter(isLandscape);
  pages.forEach((page, i) => {
    const n = pdf.pages.indexOf(page) + 1;
    for (const l of page.lines) if (l.top > page.height - PAGE_MARGINS.bottom) violations.push(`page ${n}: "${l.text}" below the bottom margin`);
    const rows = rowsOf(page);
    const bottom = headBottom(rows);
    if (bottom === undefined) {
      violations.push(`page ${n}: no table head`);
      return;
    }
    if (i === 0) return;
    const lines = page.lines.filter((l) => l.top > bottom + 1.5);
    if (lines.length === 0) return;
    const top = Math.min(...lines.map((l) => l.top));
    const first = lines.filter((l) => near(l.top, top, 1.5)).sort((a, b) => a.x - b.x);
    const tt = first.find((l) => l.right <= TT_RIGHT);
    const parent = first.every((l) => l.fonts.every((f) => f.endsWith('Tinos-BoldItalic')));
    topRows.push({
      page: n,
      tt: tt?.text,
      text: first
        .filter((l) => l !== tt)
        .map((l) => l.text)
        .join(' | '),
    });
    if (!tt && !parent) violations.push(`page ${n}: the first row under the head is the rest of a split row ("${first.map((l) => l.text).join(' | ')}")`);
  });
  return { violations, topRows };
}

/** Page numbers: none on page 1, then 2, 3 … in the top margin; the appendix counts on its own. */
export function pageNumberViolations(pdf: PdfRead): string[] {
  const out: string[] = [];
  const firstAppendix = pdf.pages.findIndex(isLandscape);
  pdf.pages.forEach((p, i) => {
    const n = firstAppendix >= 0 && i >= firstAppendix ? i - firstAppendix + 1 : i + 1;
    const expected = n === 1 ? undefined : String(n);
    if (pageNumberOf(p) !== expected) out.push(`page ${i + 1}: number ${pageNumberOf(p) ?? 'none'}, expected ${expected ?? 'none'}`);
  });
  return out;
}
