/**
 * Ruled tables: column geometry, cells as stacked lines, and one box per row for the page flow
 * (a row never breaks; the appendix cuts a row taller than a page itself, see appendix.ts).
 * flow: chart (figures table) / appendix --> grid --> render-context
 *
 * Geometry: every column has a rule on its left (and the last one on its right), then padding,
 * its content width, padding. A row is: top padding, its tallest cell, bottom padding, the rule
 * under it; the rule above belongs to the row before (or to the head). Widths given as '*'
 * share what the fixed columns leave.
 */
import type { Box } from './page-flow.ts';
import { Hold } from './page-flow.ts';
import type { RenderContext } from './render-context.ts';
import type { TextLine } from './typeset.ts';

export interface Grid {
  x: number;
  /** Content width of each column. */
  widths: number[];
  padX: number;
  padTop: number;
  padBottom: number;
  rule: number;
}

export function makeGrid(x: number, spec: readonly (number | '*')[], available: number, o: Omit<Grid, 'x' | 'widths'>): Grid {
  const offsets = spec.length * (o.rule + 2 * o.padX) + o.rule;
  const fixed = spec.reduce<number>((n, w) => n + (w === '*' ? 0 : w), 0);
  const stars = spec.filter((w) => w === '*').length;
  const star = stars ? Math.max(0, available - offsets - fixed) / stars : 0;
  return { x, widths: spec.map((w) => (w === '*' ? star : w)), ...o };
}

/** Left edge of column `i`'s rule. */
function ruleX(g: Grid, i: number): number {
  let x = g.x;
  for (let k = 0; k < i; k++) x += g.rule + 2 * g.padX + g.widths[k]!;
  return x;
}

/** Left edge of the content of column `i`. */
export function contentX(g: Grid, i: number): number {
  return ruleX(g, i) + g.rule + g.padX;
}

/** Content width of `span` columns from `i`, the rules and padding between them included. */
export function spanWidth(g: Grid, i: number, span = 1): number {
  let w = 0;
  for (let k = i; k < i + span; k++) w += g.widths[k]!;
  return w + (span - 1) * (g.rule + 2 * g.padX);
}

export function tableWidth(g: Grid): number {
  return ruleX(g, g.widths.length) + g.rule - g.x;
}

/** A cell's lines stacked, each part after its own gap. */
export interface CellContent {
  lines: { line: TextLine; top: number }[];
  height: number;
}

export function stackParts(parts: readonly { lines: readonly TextLine[]; gapBefore?: number }[]): CellContent {
  const lines: CellContent['lines'] = [];
  let y = 0;
  for (const p of parts) {
    y += p.gapBefore ?? 0;
    for (const line of p.lines) {
      lines.push({ line, top: y });
      y += line.height;
    }
  }
  return { lines, height: y };
}

export interface Cell {
  col: number;
  span: number;
  content: CellContent;
  fill?: string;
}

export function rowHeight(g: Grid, cells: readonly Cell[]): number {
  return g.padTop + Math.max(0, ...cells.map((c) => c.content.height)) + g.padBottom + g.rule;
}

/** pdfkit's number formatting: six decimals, no trailing zeros. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

/** "#e8e8e8" as the fill operator pdfkit writes for it. */
function fillOperator(hex: string): string {
  const c = [1, 3, 5].map((i) => num(parseInt(hex.slice(i, i + 2), 16) / 255));
  return `${c.join(' ')} rg`;
}

/**
 * Draws a row whose top is `top`; `ruleAbove` draws the rule above it too (a head). Fills, then
 * the text (written with the page's text), then the rules, as one piece of content.
 */
export function drawRow(ctx: RenderContext, g: Grid, cells: readonly Cell[], top: number, height: number, ruleAbove: boolean): void {
  const bodyTop = ruleAbove ? top + g.rule : top;
  const bottom = top + height;
  const ops: string[] = [];
  for (const c of cells) {
    if (!c.fill) continue;
    const x1 = ruleX(g, c.col) + g.rule / 2;
    ops.push(
      `q\n${fillOperator(c.fill)}\n${num(x1)} ${num(bodyTop - g.rule / 2)} ${num(ruleX(g, c.col + c.span) + g.rule / 2 - x1)} ${num(bottom - bodyTop)} re\nf\nQ`,
    );
  }
  for (const c of cells) {
    const x = contentX(g, c.col);
    for (const { line, top: dy } of c.content.lines) ctx.paint.line(line, x, bodyTop + g.padTop + dy);
  }
  const left = num(g.x);
  const right = num(g.x + tableWidth(g));
  const h = (y: number) => `${left} ${num(y + g.rule / 2)} m\n${right} ${num(y + g.rule / 2)} l`;
  const v = (x: number, from: number) => `${num(x)} ${num(from)} m\n${num(x)} ${num(bottom)} l`;
  ops.push(`q\n${num(g.rule)} w\n0 G`);
  if (ruleAbove) ops.push(h(top));
  ops.push(h(bottom - g.rule));
  const from = ruleAbove ? top : top - g.rule;
  for (const c of cells) ops.push(v(ruleX(g, c.col) + g.rule / 2, from));
  ops.push(v(ruleX(g, g.widths.length) + g.rule / 2, from));
  ops.push('S\nQ');
  ctx.doc.addContent(ops.join('\n'));
}

/** A row as a box; a head draws the rule above itself. */
export function rowBox(ctx: RenderContext, g: Grid, cells: readonly Cell[], o: { head?: boolean; hold?: Hold } = {}): Box {
  const height = rowHeight(g, cells) + (o.head ? g.rule : 0);
  return { gapBefore: 0, height, gapAfter: 0, hold: o.hold ?? Hold.None, draw: (top) => drawRow(ctx, g, cells, top, height, o.head === true) };
}
