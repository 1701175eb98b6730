/**
 * The Nghị định 30/2020 header block on page 1: the issuer on the left, national name and motto
 * on the right, then "Số:" and the date line on one line under them; "DỰ THẢO" above, on a draft.
 * flow: render-pdf --> header --> date-line, render-context
 */
import type { ReportModel } from '../../functions/core/report-model.ts';
import { DRAFT_MARK, dateLine, numberLine } from '../common/date-line.ts';
import { PAGE_MARGINS, PORTRAIT_WIDTH, SIZE } from './pdf-types.ts';
import type { Box } from './page-flow.ts';
import { drawLines, drawRule, fixedBox, linesHeight, textLines, type RenderContext } from './render-context.ts';
import { MOTTO, NATIONAL_NAME, upper } from '../common/document-lines.ts';
import type { TextLine } from './typeset.ts';

export { MOTTO, NATIONAL_NAME } from '../common/document-lines.ts';

/**
 * Column widths: the agency column must hold "SỞ KHOA HỌC VÀ CÔNG NGHỆ" (≈199 pt at 13 pt bold)
 * and the motto column "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (≈250 pt at 12 pt bold) on one line
 * each, inside the 30/15 mm margins.
 */
export const LEFT_COLUMN = 205;
export const RIGHT_COLUMN = PORTRAIT_WIDTH - LEFT_COLUMN;
const NATIONAL_NAME_SIZE = 12;

/** Rule under the agency name: 40 % of the name (the decree asks 1/3 to 1/2). */
const AGENCY_RULE_RATIO = 0.4;
/** Gap between a line and the rule under it: clear of the dot below "Ệ"/"Ộ". */
const RULE_GAP = 3;
/** Between the motto block and the "Số:" / date line. */
const NUMBER_LINE_GAP = 8;

/** The draft mark's frame: 1 pt rule, 10 pt inside left and right, 3 pt above and below the text. */
const MARK_RULE = 1;
const MARK_PAD_X = 10;
const MARK_PAD_Y = 3;
/** It stands at the top right, reaching 14 pt into the top margin, 4 pt above the header. */
const MARK_RISE = 14;
const MARK_GAP = 4;

/**
 * "DỰ THẢO", bold in a ruled frame at the top right of page 1, while the version is not issued.
 * Returns how far it pushes the header down.
 */
function draftMark(ctx: RenderContext): { push: number; draw: (top: number) => void } {
  const style = { font: 'bold' as const, size: SIZE.header };
  const width = ctx.measure.width(DRAFT_MARK, style);
  const [line] = textLines(ctx, DRAFT_MARK, style, { width, align: 'left' });
  const boxWidth = width + 2 * (MARK_RULE + MARK_PAD_X);
  const boxHeight = line!.height + 2 * (MARK_RULE + MARK_PAD_Y);
  const x = PAGE_MARGINS.left + PORTRAIT_WIDTH - boxWidth;
  return {
    push: boxHeight + MARK_GAP - MARK_RISE,
    draw: (top) => {
      const y = top - MARK_RISE;
      ctx.doc
        .save()
        .lineWidth(MARK_RULE)
        .rect(x + MARK_RULE / 2, y + MARK_RULE / 2, boxWidth - MARK_RULE, boxHeight - MARK_RULE)
        .stroke('black');
      ctx.doc.restore();
      ctx.paint.line(line!, x + MARK_RULE + MARK_PAD_X, y + MARK_RULE + MARK_PAD_Y);
    },
  };
}

interface Column {
  x: number;
  width: number;
  lines: TextLine[][];
  rule: number;
}

function columnHeight(c: Column): number {
  return c.lines.reduce((h, l) => h + linesHeight(l), 0) + RULE_GAP;
}

function drawColumn(ctx: RenderContext, c: Column, top: number): void {
  let y = top;
  for (const l of c.lines) y = drawLines(ctx, l, c.x, y);
  drawRule(ctx, c.x, y + RULE_GAP, c.rule, c.width);
}

export function headerBox(model: ReportModel, ctx: RenderContext): Box {
  const centred = (width: number) => ({ width, align: 'center' as const });
  const left = PAGE_MARGINS.left;
  const right = left + LEFT_COLUMN;
  const agency = upper(model.issuer.name);
  const agencyColumn: Column = {
    x: left,
    width: LEFT_COLUMN,
    lines: [
      textLines(ctx, upper(model.issuer.superiorHeader), { font: 'normal', size: SIZE.header }, centred(LEFT_COLUMN)),
      textLines(ctx, agency, { font: 'bold', size: SIZE.header }, centred(LEFT_COLUMN)),
    ],
    rule: Math.min(ctx.fonts.measure.bold(agency, SIZE.header), LEFT_COLUMN) * AGENCY_RULE_RATIO,
  };
  const mottoColumn: Column = {
    x: right,
    width: RIGHT_COLUMN,
    lines: [
      textLines(ctx, NATIONAL_NAME, { font: 'bold', size: NATIONAL_NAME_SIZE }, centred(RIGHT_COLUMN)),
      textLines(ctx, MOTTO, { font: 'bold', size: SIZE.motto }, centred(RIGHT_COLUMN)),
    ],
    rule: ctx.fonts.measure.bold(MOTTO, SIZE.motto),
  };
  const number = textLines(ctx, numberLine(model.documentSymbol, model.documentNumber), { font: 'normal', size: SIZE.header }, centred(LEFT_COLUMN));
  const date = textLines(ctx, dateLine(model.agency.placeName, model.issueDate), { font: 'italics', size: SIZE.motto }, centred(RIGHT_COLUMN));
  const columns = Math.max(columnHeight(agencyColumn), columnHeight(mottoColumn));
  const mark = model.draft ? draftMark(ctx) : undefined;
  const push = mark?.push ?? 0;
  const height = push + columns + NUMBER_LINE_GAP + Math.max(linesHeight(number), linesHeight(date));
  return fixedBox(height, (boxTop) => {
    mark?.draw(boxTop);
    const top = boxTop + push;
    drawColumn(ctx, agencyColumn, top);
    drawColumn(ctx, mottoColumn, top);
    const y = top + columns + NUMBER_LINE_GAP;
    drawLines(ctx, number, left, y);
    drawLines(ctx, date, right, y);
  });
}
