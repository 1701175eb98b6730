/**
 * The dashboard's data as a workbook (GET /api/dashboard?format=xlsx): one sheet per figure with
 * the same numbers the page draws, then the tasks falling due and the proposals awaiting the
 * leaders. Text from people goes in through safe-cell (never a formula).
 * flow: dashboard API handler --> dashboard sheet --> safe-cell, styles
 */
import ExcelJS from 'exceljs';
import type { Dashboard, DashboardTask } from '../../functions/core/dashboard.ts';
import { TASK_STATUS_LABELS, TASK_STATUSES, type CountRow } from '../../functions/core/report-model.ts';
import { writeRow } from './safe-cell.ts';
import { FONT_TITLE, printSetup, styleBody, styleHeader, titleRow } from './styles.ts';

export const DASHBOARD_SHEETS = ['Theo đơn vị', 'Theo lãnh đạo', 'Quá hạn theo tháng', 'Sắp đến hạn', 'Đề xuất chờ ý kiến'] as const;

function sheet(wb: ExcelJS.Workbook, name: string, title: string, heads: string[], rows: (string | number)[][], widths: number[]): void {
  const ws = wb.addWorksheet(name);
  titleRow(ws, 1, heads.length, title, FONT_TITLE);
  writeRow(ws, 3, heads);
  styleHeader(ws, 3, heads.length);
  rows.forEach((r, i) => {
    writeRow(ws, 4 + i, r);
    styleBody(ws, 4 + i, heads.length);
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  printSetup(ws, 3);
}

function countSheet(wb: ExcelJS.Workbook, name: string, title: string, head: string, rows: readonly CountRow[]): void {
  sheet(
    wb,
    name,
    title,
    [head, ...TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s]), 'Tổng số'],
    rows.map((r) => [r.label, ...TASK_STATUSES.map((s) => r.counts[s]), r.counts.total]),
    [40, ...TASK_STATUSES.map(() => 14), 10],
  );
}

const taskCells = (when: string, t: DashboardTask): (string | number)[] => [
  when,
  t.number,
  t.content,
  t.leadUnit.name,
  t.deadlineText,
  TASK_STATUS_LABELS[t.status],
  t.progress ?? '',
];

export async function renderDashboardXlsx(d: Dashboard, agencyName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = agencyName;
  countSheet(wb, DASHBOARD_SHEETS[0], `Tình trạng nhiệm vụ theo đơn vị chủ trì, ${d.label}`, 'Đơn vị chủ trì', d.byUnit);
  countSheet(wb, DASHBOARD_SHEETS[1], `Tình trạng nhiệm vụ theo Lãnh đạo Sở chỉ đạo, ${d.label}`, 'Lãnh đạo chỉ đạo', d.byLeader);
  sheet(
    wb,
    DASHBOARD_SHEETS[2],
    `Nhiệm vụ quá hạn qua các tháng năm ${d.year}`,
    ['Tháng', TASK_STATUS_LABELS['chua-hoan-thanh-qua-han'], TASK_STATUS_LABELS['hoan-thanh-qua-han']],
    d.overdueByMonth.map((p) => [p.period, p.overdue, p.finishedLate]),
    [12, 26, 26],
  );
  sheet(
    wb,
    DASHBOARD_SHEETS[3],
    `Nhiệm vụ chưa hoàn thành đến hạn trong ${d.label} và tháng sau`,
    ['Đến hạn', 'TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn', 'Tình trạng', 'Tiến độ (%)'],
    [...d.dueThisMonth.map((t) => taskCells('Tháng này', t)), ...d.dueNextMonth.map((t) => taskCells('Tháng sau', t))],
    [12, 8, 60, 30, 18, 24, 10],
  );
  sheet(
    wb,
    DASHBOARD_SHEETS[4],
    `Đề xuất chờ Lãnh đạo Sở cho ý kiến, ${d.label}`,
    ['Tháng', 'Đơn vị', 'Nhiệm vụ', 'Đề xuất'],
    d.awaitingLeaders.map((i) => [i.period ?? d.period, i.unit.name, i.taskNumber ? `${i.taskNumber}. ${i.taskContent ?? ''}` : '', i.proposals]),
    [10, 30, 50, 60],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
