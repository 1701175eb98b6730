/**
 * /dashboard — what a leader looks at instead of reading a document: for the month chosen, task
 * status by unit and by directing leader, overdue tasks month by month, tasks falling due this
 * month and next, who has reported, and the proposals waiting for the leaders. Every figure is an
 * SVG with a caption and its data table beside it; every number in a table links to the tasks
 * behind it (/dashboard?…&status=…), and every task to its page (/dashboard/task?id=…).
 * flow: dashboard page handler --> dashboard view --> charts, layout
 */
import type { Dashboard, DashboardTask, TaskFilter } from '../../functions/core/dashboard.ts';
import { TASK_STATUS_LABELS, TASK_STATUSES, SUBMISSION_STATUS_LABELS, type CountRow, type TaskStatus } from '../../functions/core/report-model.ts';
import { overdueLine, stackedStatusBars } from './charts.ts';
import { formatDate } from './format.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';
import { digestSetting } from './digest-setting.ts';
import { directionForm } from './direction-parts.ts';
import { monthPicker, reportHref, when } from './page-parts.ts';

export interface DashboardPageInput {
  dashboard: Dashboard;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
  timeZone: string;
  /** The task list asked for by a figure's link, if any. */
  filter?: TaskFilter;
  /** A leader's own morning-digest setting (templates/web/digest-setting.ts); undefined: not offered (Văn phòng). */
  digest?: boolean;
  /** The agency's units (a direction's responsible unit) and whether the viewer gives directions (a leader). */
  units?: { code: string; name: string }[];
  canDirect?: boolean;
}

const q = (params: Record<string, string | undefined>): string =>
  Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

export const dashboardHref = (period: string, f: TaskFilter = {}): string => `/dashboard?${q({ period, ...f })}#tasks`;
export const taskHref = (period: string, taskId: string): string => `/dashboard/task?${q({ period, id: taskId })}`;

/** An inline SVG figure labelled by its caption (role img), with a link to download it. */
function figure(id: string, caption: string, svg: string, d: Dashboard, table: SafeHtml): SafeHtml {
  const labelled = svg.replace('<svg ', `<svg role="img" aria-labelledby="${id}-caption" focusable="false" `);
  return html`<figure class="chart" id="${id}" data-period="${d.period}">
  <figcaption id="${id}-caption">${caption}</figcaption>
  <div class="chart-svg">${raw(labelled)}</div>
  <p class="chart-export small"><button type="button" class="link-button" data-png hidden>Tải hình (PNG)</button> · <a href="/dashboard/figure?${q({ period: d.period, name: id })}" download="${id}-${d.period}.svg">Tải hình (SVG)</a>
    · <a href="/api/dashboard?${q({ period: d.period, format: 'xlsx' })}" download>Tải số liệu (Excel)</a></p>
  <details><summary>Bảng số liệu của hình</summary>${table}</details>
</figure>`;
}

/** Rows × statuses; each count links to its tasks. */
function countTable(caption: string, rows: readonly CountRow[], d: Dashboard, filterOf: (key: string) => TaskFilter): SafeHtml {
  const used = TASK_STATUSES.filter((s) => rows.some((r) => r.counts[s] > 0));
  const cell = (key: string, s: TaskStatus, n: number) =>
    n ? html`<a href="${dashboardHref(d.period, { ...filterOf(key), status: s })}">${String(n)}</a>` : html`0`;
  return html`<div class="table-wrap"><table class="board counts">
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr><th scope="col">${caption}</th>${used.map((s) => html`<th scope="col">${TASK_STATUS_LABELS[s]}</th>`)}<th scope="col">Tổng số</th></tr></thead>
  <tbody>${rows.map(
    (r) => html`<tr><th scope="row">${r.label}</th>${used.map((s) => html`<td data-label="${TASK_STATUS_LABELS[s]}">${cell(r.key, s, r.counts[s])}</td>`)}
    <td data-label="Tổng số"><a href="${dashboardHref(d.period, filterOf(r.key))}">${String(r.counts.total)}</a></td></tr>`,
  )}</tbody>
</table></div>`;
}

function taskList(tasks: readonly DashboardTask[], d: Dashboard, empty: string): SafeHtml {
  if (!tasks.length) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="task-list">${tasks.map(
    (t) => html`<li><a href="${taskHref(d.period, t.taskId)}">Nhiệm vụ ${t.number}. ${t.content}</a>
    <span class="muted small">— ${t.leadUnit.name}; thời hạn: ${t.deadlineText}; ${TASK_STATUS_LABELS[t.status]}${t.progress !== undefined ? `; tiến độ ${t.progress}%` : ''}</span></li>`,
  )}</ul>`;
}

function filterTitle(f: TaskFilter, d: Dashboard): string {
  if (f.due === 'this-month') return `Nhiệm vụ đến hạn trong ${d.label}`;
  if (f.due === 'next-month') return 'Nhiệm vụ đến hạn tháng sau';
  const parts: string[] = [];
  if (f.unit !== undefined) parts.push(d.byUnit.find((r) => r.key === f.unit)?.label ?? f.unit);
  if (f.leader !== undefined) parts.push(`Lãnh đạo chỉ đạo: ${d.byLeader.find((r) => r.key === f.leader)?.label ?? f.leader}`);
  if (f.status !== undefined) parts.push(TASK_STATUS_LABELS[f.status]);
  return `Nhiệm vụ: ${parts.join(' — ') || 'tất cả'}`;
}

export function renderDashboardPage(o: DashboardPageInput & { filtered?: readonly DashboardTask[] }): string {
  const d = o.dashboard;
  const reported = d.reporting.rows.filter((r) => r.status === 'on-time' || r.status === 'late');
  const main = html`<h1>Bảng điều hành — ${d.label}</h1>
${monthPicker('/dashboard', d.period)}
<p class="muted small">Số liệu lấy từ báo cáo gửi Lãnh đạo Sở của từng tháng (cùng cách tính), tính đến ngày hôm nay. Bấm vào một con số để xem các nhiệm vụ.</p>
${
  o.filter && o.filtered
    ? html`<section id="tasks" class="report-document" aria-labelledby="tasks-title" tabindex="-1">
  <h2 id="tasks-title">${filterTitle(o.filter, d)} (${String(o.filtered.length)})</h2>
  ${taskList(o.filtered, d, 'Không có nhiệm vụ nào.')}
  <p><a href="/dashboard?${q({ period: d.period })}">Bỏ lọc</a></p>
</section>`
    : html``
}
<section aria-labelledby="totals-title">
  <h2 id="totals-title">Tổng số ${String(d.totals.total)} nhiệm vụ</h2>
  <ul class="status-totals">${TASK_STATUSES.filter((s) => d.totals[s] > 0).map(
    (s) =>
      html`<li><a href="${dashboardHref(d.period, { status: s })}"><strong>${String(d.totals[s])}</strong> ${TASK_STATUS_LABELS[s].toLocaleLowerCase('vi')}</a></li>`,
  )}</ul>
</section>
${figure(
  'theo-don-vi',
  `Tình trạng nhiệm vụ theo đơn vị chủ trì, ${d.label}`,
  stackedStatusBars(d.byUnit),
  d,
  countTable('Đơn vị chủ trì', d.byUnit, d, (k) => ({ unit: k })),
)}
${figure(
  'theo-lanh-dao',
  `Tình trạng nhiệm vụ theo Lãnh đạo Sở chỉ đạo, ${d.label}`,
  stackedStatusBars(d.byLeader),
  d,
  countTable('Lãnh đạo chỉ đạo', d.byLeader, d, (k) => ({ leader: k })),
)}
${figure(
  'qua-han',
  `Nhiệm vụ quá hạn qua các tháng năm ${String(d.year)}`,
  overdueLine(d.overdueByMonth),
  d,
  html`<div class="table-wrap"><table class="board counts"><thead><tr><th scope="col">Tháng</th><th scope="col">${TASK_STATUS_LABELS['chua-hoan-thanh-qua-han']}</th><th scope="col">${TASK_STATUS_LABELS['hoan-thanh-qua-han']}</th></tr></thead>
  <tbody>${d.overdueByMonth.map(
    (p) =>
      html`<tr><th scope="row">${p.shortLabel.replace('T', 'Tháng ')}</th><td data-label="${TASK_STATUS_LABELS['chua-hoan-thanh-qua-han']}">${String(p.overdue)}</td><td data-label="${TASK_STATUS_LABELS['hoan-thanh-qua-han']}">${String(p.finishedLate)}</td></tr>`,
  )}</tbody></table></div>`,
)}
<section aria-labelledby="due-title">
  <h2 id="due-title">Nhiệm vụ sắp đến hạn</h2>
  <h3>Trong ${d.label} (${String(d.dueThisMonth.length)})</h3>
  ${taskList(d.dueThisMonth, d, 'Không có nhiệm vụ chưa hoàn thành nào đến hạn trong tháng.')}
  <h3>Tháng sau (${String(d.dueNextMonth.length)})</h3>
  ${taskList(d.dueNextMonth, d, 'Không có nhiệm vụ chưa hoàn thành nào đến hạn tháng sau.')}
</section>
<section aria-labelledby="reporting-title">
  <h2 id="reporting-title">Các đơn vị đã báo cáo ${d.label}: ${String(reported.length)}/${String(d.reporting.rows.length)}</h2>
  <p class="muted small">Hạn nộp: ${formatDate(d.reporting.deadline)}.</p>
  <ul class="reporting">${d.reporting.rows.map(
    (r) =>
      html`<li><a href="${reportHref(d.period, r.unit.code)}">${r.unit.name}</a>: <span class="badge badge-${r.status}">${SUBMISSION_STATUS_LABELS[r.status]}</span>${r.submittedAt ? html` <span class="muted small">(${when(r.submittedAt, o.timeZone)})</span>` : html``}</li>`,
  )}</ul>
</section>
<section aria-labelledby="awaiting-title">
  <h2 id="awaiting-title">Đề xuất chờ Lãnh đạo cho ý kiến (${String(d.awaitingLeaders.length)})</h2>
  ${
    d.awaitingLeaders.length
      ? html`<ul class="proposals">${d.awaitingLeaders.map(
          (i) =>
            html`<li><strong><a href="${reportHref(i.period ?? d.period, i.unit.code)}">${i.unit.name}</a></strong>${i.taskId ? html` — <a href="${taskHref(d.period, i.taskId)}">Nhiệm vụ ${i.taskNumber ?? ''}</a>` : html``}: ${i.proposals}${directionForm(i, o.units ?? [], o.canDirect === true)}</li>`,
        )}</ul>`
      : html`<p class="muted">Không có đề xuất nào cần Lãnh đạo cho ý kiến trong tháng.</p>`
  }
</section>
${o.digest !== undefined ? digestSetting(o.digest) : html``}`;
  return layout({
    title: `Bảng điều hành — ${d.label}`,
    main,
    user: o.user,
    csrfToken: o.csrfToken,
    scripts: ['dashboard.js'],
    current: 'dashboard',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
