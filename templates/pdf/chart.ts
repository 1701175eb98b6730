/**
 * The director's chart: task status by unit as stacked horizontal bars drawn with pdfmake
 * canvas (vector, prints sharp, text stays searchable), a legend, and the figures as a table
 * with the totals row.
 * flow: body --> chart
 */
import { TASK_STATUSES, TASK_STATUS_LABELS, type CountRow, type ReportModel, type StatusCounts, type TaskStatus } from '../../functions/core/report-model.ts';
import type { FontSet } from './fonts.ts';
import { PORTRAIT_WIDTH, SIZE, type Content, type ContentNode } from './pdf-types.ts';

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

function isLight(colour: string): boolean {
  return colour === '#ffffff' || colour === '#81c784' || colour === '#9e9e9e';
}

function barRow(row: CountRow, scale: number, fonts: FontSet): ContentNode {
  const rects: ContentNode[] = [];
  const labels: ContentNode[] = [];
  let x = 0;
  for (const status of TASK_STATUSES) {
    const n = row.counts[status];
    if (n <= 0) continue;
    const w = n * scale;
    const colour = STATUS_COLOURS[status];
    rects.push({ type: 'rect', x, y: 0, w, h: BAR_HEIGHT, color: colour, lineColor: '#424242', lineWidth: 0.4 });
    const label = String(n);
    const lw = fonts.measure.normal(label, SIZE.chart);
    if (w >= lw + 4) {
      labels.push({
        text: label,
        fontSize: SIZE.chart,
        color: isLight(colour) ? 'black' : 'white',
        relativePosition: { x: x + (w - lw) / 2, y: -BAR_HEIGHT + 1.5 },
      });
    }
    x += w;
  }
  return {
    columns: [
      { width: LABEL_WIDTH, text: row.label, fontSize: SIZE.chart, alignment: 'right', margin: [0, 2, 0, 0] },
      { width: BAR_WIDTH, stack: [{ canvas: rects.length ? rects : [{ type: 'line', x1: 0, y1: 0, x2: 0, y2: BAR_HEIGHT, lineWidth: 0.4 }] }, ...labels] },
      { width: TOTAL_WIDTH, text: String(row.counts.total), fontSize: SIZE.chart, bold: true, margin: [0, 2, 0, 0] },
    ],
    columnGap: GAP,
    margin: [0, 0, 0, 5],
  };
}

/** Two lines of three fixed-width items: every label stays on one line at 10 pt. */
function legend(): ContentNode {
  const itemWidth = PORTRAIT_WIDTH / 3;
  const items = TASK_STATUSES.map((s) => ({
    width: itemWidth,
    columns: [
      { width: 9, canvas: [{ type: 'rect', x: 0, y: 2, w: 9, h: 9, color: STATUS_COLOURS[s], lineColor: '#424242', lineWidth: 0.4 }] },
      { width: itemWidth - 12, text: TASK_STATUS_LABELS[s], fontSize: SIZE.chart },
    ],
    columnGap: 3,
  }));
  return {
    stack: [
      { columns: items.slice(0, 3), columnGap: 0 },
      { columns: items.slice(3), columnGap: 0, margin: [0, 3, 0, 0] },
    ],
    margin: [0, 4, 0, 8],
  };
}

function countsLine(label: string, c: StatusCounts, bold: boolean): ContentNode[] {
  return [
    { text: label, bold, alignment: 'left' },
    { text: String(c.total), bold: true },
    ...TASK_STATUSES.map((s) => ({ text: String(c[s]), bold })),
  ];
}

/** Figures by unit with the "Tổng cộng" row, printed from the same model as the workbook. */
export function countsTable(rows: CountRow[], totals: StatusCounts, firstHead: string): ContentNode {
  const head = [firstHead, 'Tổng số', ...TASK_STATUSES.map((s) => STATUS_SHORT[s])].map((t) => ({ text: t, bold: true }));
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 34, 44, 44, 50, 50, 46, 46],
      body: [head, ...rows.map((r) => countsLine(r.label, r.counts, false)), countsLine('Tổng cộng', totals, true)],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: SIZE.chart,
    alignment: 'center',
  };
}

const SHORT_TABLE_ROWS = 12;

/** The chart is kept on one page; a long figures table may break (its head repeats). */
export function chartBlock(title: string, model: ReportModel, fonts: FontSet): Content[] {
  const rows = model.byUnit;
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const scale = BAR_WIDTH / max;
  return [
    {
      stack: [
        { text: title, fontSize: 12, bold: true, alignment: 'center', margin: [0, 4, 0, 8] },
        ...rows.map((r) => barRow(r, scale, fonts)),
        legend(),
      ],
      unbreakable: true,
      margin: [0, 2, 0, 0],
    },
    {
      stack: [
        { text: 'Số nhiệm vụ theo phòng, đơn vị và tình trạng thực hiện:', fontSize: SIZE.chart, italics: true, margin: [0, 0, 0, 3] },
        countsTable(rows, model.totals, 'Phòng, đơn vị'),
      ],
      // A short table reads badly split over two pages; a long one must be allowed to break.
      unbreakable: rows.length <= SHORT_TABLE_ROWS,
      margin: [0, 0, 0, 10],
    },
  ];
}
