/**
 * The dashboard's figures as SVG, drawn on the server by Apache ECharts (SSR mode: no browser
 * script, nothing for a phone to download but the SVG itself). Series are told apart by decal
 * patterns as well as colour; the page puts a caption and the figure's data table (with links to
 * the tasks behind each number) next to every chart, so nothing is said by the picture alone.
 * docs/decisions.md says why ECharts.
 * flow: dashboard view --> charts --> echarts (SVG renderer)
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { CountRow, TaskStatus } from '../../functions/core/report-model.ts';
import { TASK_STATUS_LABELS, TASK_STATUSES } from '../../functions/core/report-model.ts';
import type { OverduePoint } from '../../functions/core/dashboard.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Status colours (contrast ≥ 3:1 against white for the bars), the same order as TASK_STATUSES. */
export const STATUS_COLOURS: Record<TaskStatus, string> = {
  'hoan-thanh-dung-han': '#1a7f37',
  'hoan-thanh-qua-han': '#7a5c00',
  'chua-hoan-thanh-trong-han': '#0b5cad',
  'chua-hoan-thanh-qua-han': '#b42318',
  'chua-trien-khai': '#6b4fa3',
  'chua-co-bao-cao': '#5f6368',
};

const FONT = { fontFamily: 'system-ui, sans-serif', fontSize: 13, color: '#1f2328' };
const WIDTH = 400;

/**
 * The portal's CSP allows no inline style (style-src 'self'): the hover rules ECharts writes into
 * a <style> element mean nothing in a static picture and go; style="font-size:…;font-family:…"
 * becomes the equivalent SVG presentation attributes, which CSP does not govern.
 */
export function cspSafe(svg: string): string {
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '').replace(/ style="([^"]*)"/g, (_m, decls: string) =>
    decls
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const i = d.indexOf(':');
        return ` ${d.slice(0, i).trim()}="${d.slice(i + 1).trim()}"`;
      })
      .join(''),
  );
}

function render(option: Record<string, unknown>, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: FONT, aria: { enabled: true, decal: { show: true } }, ...option });
    return cspSafe(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * Horizontal bars, one per row (unit or leader), stacked by status. Statuses absent from every
 * row are left out of the legend.
 */
export function stackedStatusBars(rows: readonly CountRow[]): string {
  const used = TASK_STATUSES.filter((s) => rows.some((r) => r.counts[s] > 0));
  const ordered = [...rows].reverse(); // ECharts draws category axes bottom-up; the table reads top-down.
  const legendRows = Math.ceil(used.length / 2);
  const height = 24 + ordered.length * 30 + legendRows * 22 + 40;
  return render(
    {
      grid: { left: 8, right: 16, top: 8, bottom: legendRows * 22 + 28 },
      legend: { bottom: 0, itemWidth: 18, itemHeight: 12, textStyle: { ...FONT, fontSize: 12 }, data: used.map((s) => TASK_STATUS_LABELS[s]) },
      xAxis: { type: 'value', minInterval: 1, axisLabel: FONT },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { ...FONT, width: 150, overflow: 'truncate' },
      },
      series: used.map((s) => ({
        name: TASK_STATUS_LABELS[s],
        type: 'bar',
        stack: 'status',
        barMaxWidth: 22,
        itemStyle: { color: STATUS_COLOURS[s] },
        data: ordered.map((r) => r.counts[s]),
      })),
    },
    height,
  );
}

/** Overdue tasks at each month's cut-off: unfinished past deadline, and finished late. */
export function overdueLine(points: readonly OverduePoint[]): string {
  return render(
    {
      grid: { left: 8, right: 16, top: 16, bottom: 56 },
      legend: { bottom: 0, textStyle: { ...FONT, fontSize: 12 } },
      xAxis: { type: 'category', data: points.map((p) => p.shortLabel), axisLabel: FONT },
      yAxis: { type: 'value', minInterval: 1, axisLabel: FONT },
      series: [
        {
          name: TASK_STATUS_LABELS['chua-hoan-thanh-qua-han'],
          type: 'line',
          symbol: 'circle',
          symbolSize: 8,
          itemStyle: { color: STATUS_COLOURS['chua-hoan-thanh-qua-han'] },
          data: points.map((p) => p.overdue),
        },
        {
          name: TASK_STATUS_LABELS['hoan-thanh-qua-han'],
          type: 'line',
          symbol: 'triangle',
          symbolSize: 10,
          lineStyle: { type: 'dashed' },
          itemStyle: { color: STATUS_COLOURS['hoan-thanh-qua-han'] },
          data: points.map((p) => p.finishedLate),
        },
      ],
    },
    260,
  );
}

/** A task's progress (%) month by month; months without a figure are gaps. */
export function progressLine(points: readonly { shortLabel: string; progress?: number }[]): string {
  return render(
    {
      grid: { left: 8, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: points.map((p) => p.shortLabel), axisLabel: FONT },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...FONT, formatter: '{value}%' } },
      series: [
        {
          name: 'Tiến độ',
          type: 'line',
          symbol: 'circle',
          symbolSize: 8,
          connectNulls: false,
          itemStyle: { color: STATUS_COLOURS['chua-hoan-thanh-trong-han'] },
          data: points.map((p) => (p.progress === undefined ? null : p.progress)),
        },
      ],
    },
    220,
  );
}
