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

function hLine(ctx: RenderContext, g: Grid, y: number): void {
  ctx.doc.moveTo(g.x, y + g.rule / 2).lineTo(g.x + tableWidth(g), y + g.rule / 2);
}

/** Draws a row whose top is `top`; `ruleAbove` draws the rule above it too (a head). */
export function drawRow(ctx: RenderContext, g: Grid, cells: readonly Cell[], top: number, height: number, ruleAbove: boolean): void {
  const doc = ctx.doc;
  const bodyTop = ruleAbove ? top + g.rule : top;
  const bottom = top + height;
  for (const c of cells) {
    if (!c.fill) continue;
    const x1 = ruleX(g, c.col) + g.rule / 2;
    doc.rect(x1, bodyTop - g.rule / 2, ruleX(g, c.col + c.span) + g.rule / 2 - x1, bottom - bodyTop).fill(c.fill);
  }
  for (const c of cells) {
    const x = contentX(g, c.col);
    for (const { line, top: dy } of c.content.lines) ctx.paint.line(line, x, bodyTop + g.padTop + dy);
  }
  doc.save().lineWidth(g.rule);
  if (ruleAbove) hLine(ctx, g, top);
  hLine(ctx, g, bottom - g.rule);
  const from = ruleAbove ? top : top - g.rule;
  for (const c of cells) doc.moveTo(ruleX(g, c.col) + g.rule / 2, from).lineTo(ruleX(g, c.col) + g.rule / 2, bottom);
  const end = ruleX(g, g.widths.length) + g.rule / 2;
  doc.moveTo(end, from).lineTo(end, bottom);
  doc.stroke('black');
  doc.restore();
}

/** A row as a box; a head draws the rule above itself. */
export function rowBox(ctx: RenderContext, g: Grid, cells: readonly Cell[], o: { head?: boolean; hold?: Hold } = {}): Box {
  const height = rowHeight(g, cells) + (o.head ? g.rule : 0);
  return { gapBefore: 0, height, gapAfter: 0, hold: o.hold ?? Hold.None, draw: (top) => drawRow(ctx, g, cells, top, height, o.head === true) };
}
