/**
 * The director's chart: task status by unit as stacked horizontal bars drawn as vector shapes
 * (prints sharp, text stays searchable), a legend, and the figures as a table with the totals row.
 * flow: body --> chart --> grid, render-context
 */
import { TASK_STATUSES, TASK_STATUS_LABELS, type CountRow, type ReportModel, type StatusCounts, type TaskStatus } from '../../functions/core/report-model.ts';
import { makeGrid, rowBox, rowHeight, spanWidth, stackParts, drawRow, type Cell, type Grid } from './grid.ts';
import { Hold, type Box } from './page-flow.ts';
import { PAGE_MARGINS, PORTRAIT_WIDTH, SIZE } from './pdf-types.ts';
import { drawLines, fixedBox, linesHeight, textLines, type RenderContext } from './render-context.ts';
import type { FontStyle } from './fonts.ts';

/**
 * Colours chosen to stay distinguishable when printed in grey: done (dark/light green), in
 * progress (blue), overdue (red), not started (grey), no report (white, outlined).
 */
export const STATUS_COLOURS: Record<TaskStatus, string> = {
  'hoan-thanh-dung-han': '#1b5e20',
  'hoan-thanh-qua-han': '#81c784',
  'chua-hoan-thanh-trong-han': '#1e88e5',
  'chua-hoan-thanh-qua-han': '#c62828',
  'chua-trien-khai': '#9e9e9e',
  'chua-co-bao-cao': '#ffffff',
};

/** Short column heads for the figures table (the full labels are in the legend). */
export const STATUS_SHORT: Record<TaskStatus, string> = {
  'hoan-thanh-dung-han': 'HT đúng hạn',
  'hoan-thanh-qua-han': 'HT quá hạn',
  'chua-hoan-thanh-trong-han': 'Chưa HT, trong hạn',
  'chua-hoan-thanh-qua-han': 'Chưa HT, quá hạn',
  'chua-trien-khai': 'Chưa triển khai',
  'chua-co-bao-cao': 'Chưa có báo cáo',
};

const LABEL_WIDTH = 150;
const TOTAL_WIDTH = 28;
const GAP = 6;
const BAR_HEIGHT = 14;
const BAR_WIDTH = PORTRAIT_WIDTH - LABEL_WIDTH - TOTAL_WIDTH - 2 * GAP;
const BAR_ROW_GAP = 5;
/** Label and total sit 2 pt lower than the bar's top, level with the figures inside it. */
const LABEL_DROP = 2;
const TITLE_SIZE = 12;
const LEGEND_SWATCH = 9;

function isLight(colour: string): boolean {
  return colour === '#ffffff' || colour === '#81c784' || colour === '#9e9e9e';
}

function rect(ctx: RenderContext, x: number, y: number, w: number, h: number, colour: string): void {
  ctx.doc.save().lineWidth(0.4).rect(x, y, w, h).fillAndStroke(colour, '#424242');
  ctx.doc.restore();
}

/** One unit's bar: label, stacked segments with their figures, total. Returns its height. */
function barRow(ctx: RenderContext, row: CountRow, scale: number): { height: number; draw: (top: number) => void } {
  const x = PAGE_MARGINS.left;
  const small = { font: 'normal' as const, size: SIZE.chart };
  const label = textLines(ctx, row.label, small, { width: LABEL_WIDTH, align: 'right' });
  const total = textLines(ctx, String(row.counts.total), { font: 'bold', size: SIZE.chart }, { width: TOTAL_WIDTH, align: 'left' });
  const height = Math.max(LABEL_DROP + linesHeight(label), BAR_HEIGHT, LABEL_DROP + linesHeight(total));
  return {
    height,
    draw: (top) => {
      drawLines(ctx, label, x, top + LABEL_DROP);
      const barX = x + LABEL_WIDTH + GAP;
      let at = 0;
      for (const status of TASK_STATUSES) {
        const n = row.counts[status];
        if (n <= 0) continue;
        const w = n * scale;
        const colour = STATUS_COLOURS[status];
        rect(ctx, barX + at, top, w, BAR_HEIGHT, colour);
        const figure = String(n);
        const fw = ctx.fonts.measure.normal(figure, SIZE.chart);
        if (w >= fw + 4) {
          const line = textLines(ctx, figure, small, { width: fw + 1, align: 'left' });
          ctx.paint.line(line[0]!, barX + at + (w - fw) / 2, top + 1.5, isLight(colour) ? 'black' : 'white');
        }
        at += w;
      }
      if (at === 0) {
        ctx.doc
          .save()
          .lineWidth(0.4)
          .moveTo(barX, top)
          .lineTo(barX, top + BAR_HEIGHT)
          .stroke('black');
        ctx.doc.restore();
      }
      drawLines(ctx, total, barX + BAR_WIDTH + GAP, top + LABEL_DROP);
    },
  };
}

/** Two lines of three fixed-width items: every label stays on one line at 10 pt. */
function legend(ctx: RenderContext): { height: number; draw: (top: number) => void } {
  const itemWidth = PORTRAIT_WIDTH / 3;
  const items = TASK_STATUSES.map((s) => ({
    status: s,
    lines: textLines(ctx, TASK_STATUS_LABELS[s], { font: 'normal', size: SIZE.chart }, { width: itemWidth - 12, align: 'left' }),
  }));
  const lineOf = (from: number) => Math.max(LEGEND_SWATCH + 2, ...items.slice(from, from + 3).map((i) => linesHeight(i.lines)));
  const first = lineOf(0);
  const second = lineOf(3);
  return {
    height: first + 3 + second,
    draw: (top) => {
      items.forEach((item, k) => {
        const x = PAGE_MARGINS.left + (k % 3) * itemWidth;
        const y = k < 3 ? top : top + first + 3;
        rect(ctx, x, y + 2, LEGEND_SWATCH, LEGEND_SWATCH, STATUS_COLOURS[item.status]);
        drawLines(ctx, item.lines, x + LEGEND_SWATCH + 3, y);
      });
    },
  };
}

const CHART_TITLE_GAP = [4, 8] as const;
const LEGEND_GAP = [4, 8] as const;

function chartBox(title: string, model: ReportModel, ctx: RenderContext): Box {
  const rows = model.byUnit;
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const scale = BAR_WIDTH / max;
  const titleLines = textLines(ctx, title, { font: 'bold', size: TITLE_SIZE }, { width: PORTRAIT_WIDTH, align: 'center' });
  const bars = rows.map((r) => barRow(ctx, r, scale));
  const key = legend(ctx);
  const height =
    CHART_TITLE_GAP[0] +
    linesHeight(titleLines) +
    CHART_TITLE_GAP[1] +
    bars.reduce((h, b) => h + b.height + BAR_ROW_GAP, 0) +
    LEGEND_GAP[0] +
    key.height +
    LEGEND_GAP[1];
  return fixedBox(
    height,
    (top) => {
      let y = drawLines(ctx, titleLines, PAGE_MARGINS.left, top + CHART_TITLE_GAP[0]) + CHART_TITLE_GAP[1];
      for (const b of bars) {
        b.draw(y);
        y += b.height + BAR_ROW_GAP;
      }
      key.draw(y + LEGEND_GAP[0]);
    },
    { gapBefore: 2 },
  );
}

const COUNT_WIDTHS = ['*', 34, 44, 44, 50, 50, 46, 46] as const;

function countsGrid(): Grid {
  return makeGrid(PAGE_MARGINS.left, COUNT_WIDTHS, PORTRAIT_WIDTH, { padX: 4, padTop: 2, padBottom: 2, rule: 0.5 });
}

function countCells(ctx: RenderContext, g: Grid, texts: string[], bold: (i: number) => boolean, leftFirst: boolean): Cell[] {
  return texts.map((text, col) => {
    const font: FontStyle = bold(col) ? 'bold' : 'normal';
    const lines = textLines(ctx, text, { font, size: SIZE.chart }, { width: spanWidth(g, col), align: col === 0 && leftFirst ? 'left' : 'center' });
    return { col, span: 1, content: stackParts([{ lines }]) };
  });
}

function countsLine(label: string, c: StatusCounts): string[] {
  return [label, String(c.total), ...TASK_STATUSES.map((s) => String(c[s]))];
}

/** Figures by unit with the "Tổng cộng" row, printed from the same model as the workbook. */
export function countsTableBoxes(ctx: RenderContext, rows: CountRow[], totals: StatusCounts, firstHead: string, caption: string): Box[] {
  const g = countsGrid();
  const head = countCells(ctx, g, [firstHead, 'Tổng số', ...TASK_STATUSES.map((s) => STATUS_SHORT[s])], () => true, false);
  const body = [
    ...rows.map((r) => countCells(ctx, g, countsLine(r.label, r.counts), (i) => i === 1, true)),
    countCells(ctx, g, countsLine('Tổng cộng', totals), () => true, true),
  ];
  const captionLines = textLines(ctx, caption, { font: 'italics', size: SIZE.chart }, { width: PORTRAIT_WIDTH, align: 'left' });
  const captionHeight = linesHeight(captionLines) + CAPTION_GAP;
  const headHeight = rowHeight(g, head) + g.rule;
  if (rows.length <= SHORT_TABLE_ROWS) {
    // A short table reads badly split over two pages.
    const heights = body.map((cells) => rowHeight(g, cells));
    return [
      fixedBox(
        captionHeight + headHeight + heights.reduce((a, b) => a + b, 0),
        (top) => {
          drawLines(ctx, captionLines, PAGE_MARGINS.left, top);
          let y = top + captionHeight;
          drawRow(ctx, g, head, y, headHeight, true);
          y += headHeight;
          body.forEach((cells, i) => {
            drawRow(ctx, g, cells, y, heights[i]!, false);
            y += heights[i]!;
          });
        },
        { gapAfter: TABLE_GAP_AFTER },
      ),
    ];
  }
  // A long table breaks between rows, its head repeated; caption, head and two rows stay together.
  const headBox = rowBox(ctx, g, head, { head: true, hold: Hold.Must });
  headBox.runningHead = headBox;
  const boxes: Box[] = [fixedBox(captionHeight, (top) => drawLines(ctx, captionLines, PAGE_MARGINS.left, top), { hold: Hold.Must }), headBox];
  for (const [i, cells] of body.entries()) boxes.push(rowBox(ctx, g, cells, { hold: i === 0 ? Hold.Must : Hold.None }));
  const last = boxes[boxes.length - 1]!;
  last.gapAfter = TABLE_GAP_AFTER;
  last.runningHead = null;
  return boxes;
}

const SHORT_TABLE_ROWS = 12;
const CAPTION_GAP = 3;
const TABLE_GAP_AFTER = 10;

/** The chart is kept on one page; a long figures table may break (its head repeats). */
export function chartBoxes(title: string, model: ReportModel, ctx: RenderContext): Box[] {
  return [
    chartBox(title, model, ctx),
    ...countsTableBoxes(ctx, model.byUnit, model.totals, 'Phòng, đơn vị', 'Số nhiệm vụ theo phòng, đơn vị và tình trạng thực hiện:'),
  ];
}
