/**
 * "BÁO CÁO", the subject line (trích yếu) with its short rule, and "Kính gửi:" for a report to
 * the superior.
 * flow: render-pdf --> title --> rule, render-context
 */
import type { ReportModel } from '../../functions/core/report-model.ts';
import { kinhGuiLines as kinhGuiText } from '../common/document-lines.ts';
import { PAGE_MARGINS, PORTRAIT_WIDTH, SIZE } from './pdf-types.ts';
import type { Box } from './page-flow.ts';
import { drawLines, drawRule, fixedBox, linesHeight, textLines, type RenderContext } from './render-context.ts';
import { balanceLines, widestLine } from './rule.ts';
import type { TextLine } from './typeset.ts';

/** The rule under the subject: a third of its longest line, as the decree asks 1/3 to 1/2. */
const SUBJECT_RULE_RATIO = 1 / 3;
const TITLE_GAP = 22;
const SUBJECT_RULE_GAP = 5;
const KINH_GUI_GAP = 14;
/** Below the title block: one empty body line and 10 pt. */
const AFTER_TITLE = 10;

export function titleBox(model: ReportModel, ctx: RenderContext): Box {
  const x = PAGE_MARGINS.left;
  const centred = { width: PORTRAIT_WIDTH, align: 'center' as const };
  const bold = { font: 'bold' as const, size: SIZE.title };
  const subjectText = balanceLines(model.subject, ctx.fonts.measure.bold, SIZE.title, PORTRAIT_WIDTH);
  const subjectWidth = Math.min(widestLine(subjectText, ctx.fonts.measure.bold, SIZE.title), PORTRAIT_WIDTH);
  const title = textLines(ctx, 'BÁO CÁO', bold, centred);
  const subject = textLines(ctx, subjectText, bold, centred);
  const kinhGui = kinhGuiLines(model.kinhGui, ctx);
  const blank = ctx.measure.lineHeight({ font: 'normal', size: SIZE.body });
  const kinhGuiHeight = kinhGui ? KINH_GUI_GAP + kinhGui.height : 0;
  const height = TITLE_GAP + linesHeight(title) + linesHeight(subject) + SUBJECT_RULE_GAP + kinhGuiHeight + blank + AFTER_TITLE;
  return fixedBox(height, (top) => {
    let y = drawLines(ctx, title, x, top + TITLE_GAP);
    y = drawLines(ctx, subject, x, y) + SUBJECT_RULE_GAP;
    drawRule(ctx, x, y, subjectWidth * SUBJECT_RULE_RATIO, PORTRAIT_WIDTH);
    if (kinhGui) kinhGui.draw(y + KINH_GUI_GAP);
  });
}

/**
 * One addressee: "Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang." centred on one line. Several: the
 * label, then one "- …;" line each, the last ending with a full stop, the two as a centred block.
 */
function kinhGuiLines(lines: string[], ctx: RenderContext): { height: number; draw: (top: number) => void } | undefined {
  const printed = kinhGuiText(lines);
  if (printed.length === 0) return undefined;
  const style = { font: 'normal' as const, size: SIZE.body };
  const x = PAGE_MARGINS.left;
  if (printed.length === 1) {
    const one = textLines(ctx, printed[0]!, style, { width: PORTRAIT_WIDTH, align: 'center' });
    return { height: linesHeight(one), draw: (top) => drawLines(ctx, one, x, top) };
  }
  // A borderless two-cell table (4 pt on each side of the gap between its cells), centred.
  const [label, ...items] = printed as [string, ...string[]];
  const labelWidth = ctx.measure.width(label, style);
  const listWidth = Math.min(Math.max(...items.map((t) => ctx.measure.width(t, style))), PORTRAIT_WIDTH - labelWidth - 8);
  const list: TextLine[] = items.flatMap((t) => textLines(ctx, t, style, { width: listWidth, align: 'left' }));
  const labelLines = textLines(ctx, label, style, { width: labelWidth, align: 'left' });
  const blockWidth = labelWidth + 8 + listWidth;
  const left = x + (PORTRAIT_WIDTH - blockWidth) / 2;
  return {
    height: Math.max(linesHeight(labelLines), linesHeight(list)) + 4,
    draw: (top) => {
      drawLines(ctx, labelLines, left, top + 2);
      drawLines(ctx, list, left + labelWidth + 8, top + 2);
    },
  };
}
