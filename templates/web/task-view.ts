/**
 * /dashboard/task — one task across the year: what the plan says, its progress month by month (a
 * figure and its table) and each month's result, difficulties and proposals, as the Director's
 * report of that month printed them.
 * flow: dashboard page handler --> task view --> charts, layout
 */
import type { TaskTimeline } from '../../functions/core/dashboard.ts';
import { CATEGORY_LABELS, type TaskCategory } from '../../functions/core/plan.ts';
import { TASK_STATUS_LABELS } from '../../functions/core/report-model.ts';
import { progressLine } from './charts.ts';
import { dashboardHref } from './dashboard-view.ts';
import { html, raw } from './html.ts';
import { layout, type PageUser } from './layout.ts';
import { historyHref } from './page-parts.ts';
import { directionEditForm, directionForm, directionView } from './direction-parts.ts';
import type { Direction } from '../../functions/core/direction.ts';
import type { IssueRow } from '../../functions/core/report-model.ts';

export interface TaskPageInput {
  timeline: TaskTimeline;
  /** The task's proposals awaiting a leader, and the directions given on it (newest first). */
  pending?: IssueRow[];
  directions?: Direction[];
  units?: { code: string; name: string }[];
  canDirect?: boolean;
  period: string;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
}

export function renderTaskPage(o: TaskPageInput): string {
  const { task, months } = o.timeline;
  const unitName = (code: string) => o.units?.find((u) => u.code === code)?.name ?? code;
  const svg = progressLine(months).replace('<svg ', '<svg role="img" aria-labelledby="progress-caption" focusable="false" ');
  const main = html`<p><a href="${dashboardHref(o.period).replace('#tasks', '')}">← Bảng điều hành</a></p>
<h1>Nhiệm vụ ${task.number}. ${task.content}</h1>
<dl class="facts">
  <dt>Đơn vị chủ trì</dt><dd>${task.leadUnit.name}</dd>
  ${task.coordinatingUnits.length ? html`<dt>Đơn vị phối hợp</dt><dd>${task.coordinatingUnits.join(', ')}</dd>` : html``}
  ${task.directingLeader ? html`<dt>Lãnh đạo chỉ đạo</dt><dd>${task.directingLeader.name}</dd>` : html``}
  <dt>Loại nhiệm vụ</dt><dd>${CATEGORY_LABELS[task.category as TaskCategory] ?? task.category}</dd>
  <dt>Thời hạn</dt><dd>${task.deadlineText}</dd>
  ${task.productTarget ? html`<dt>Sản phẩm</dt><dd>${task.productTarget}</dd>` : html``}
  <dt>Tình trạng (${o.period.slice(5)}/${o.period.slice(0, 4)})</dt><dd>${TASK_STATUS_LABELS[task.status]}${task.progress !== undefined ? `, tiến độ ${task.progress}%` : ''}</dd>
</dl>
<figure class="chart" id="tien-do">
  <figcaption id="progress-caption">Tiến độ (%) qua các tháng</figcaption>
  <div class="chart-svg">${raw(svg)}</div>
</figure>
<section aria-labelledby="directions-title">
<h2 id="directions-title">Đề xuất và ý kiến chỉ đạo</h2>
${
  (o.pending ?? []).length
    ? html`<ul class="proposals">${(o.pending ?? []).map(
        (i) =>
          html`<li><strong>${i.unit.name}</strong> (tháng ${String(Number((i.period ?? '').slice(5)))}/${(i.period ?? '').slice(0, 4)}): ${i.proposals}${directionForm(i, o.units ?? [], o.canDirect === true)}</li>`,
      )}</ul>`
    : html``
}
${
  (o.directions ?? []).length
    ? html`<ul class="directions">${(o.directions ?? []).map(
        (d) =>
          html`<li><p><strong>${unitName(d.proposal.unit)}</strong> đề xuất (tháng ${String(Number(d.proposal.period.slice(5)))}/${d.proposal.period.slice(0, 4)}): ${d.proposal.proposals}</p>${directionView(d, unitName)}${directionEditForm(d, o.units ?? [], o.canDirect === true)}</li>`,
      )}</ul>`
    : html`<p class="muted">Chưa có ý kiến chỉ đạo về nhiệm vụ này.</p>`
}
</section>
<h2>Kết quả từng tháng</h2>
${months
  .slice()
  .reverse()
  .map(
    (m) => html`<section class="report-document" aria-labelledby="m-${m.period}">
  <h3 id="m-${m.period}">Tháng ${String(Number(m.period.slice(5)))}/${m.period.slice(0, 4)}: ${TASK_STATUS_LABELS[m.status]}${m.progress !== undefined ? `, ${m.progress}%` : ''}</h3>
  ${m.unreported ? html`<p class="muted">Đơn vị không báo cáo nhiệm vụ này trong tháng (tình trạng tính theo kế hoạch và các tháng trước).</p>` : html``}
  ${m.result ? html`<p><strong>Kết quả:</strong> ${m.result}</p>` : html``}
  ${m.difficulties ? html`<p><strong>Khó khăn, vướng mắc:</strong> ${m.difficulties}</p>` : html``}
  ${m.proposals ? html`<p><strong>Đề xuất, kiến nghị:</strong> ${m.proposals}</p>` : html``}
  <p class="small"><a href="${historyHref(m.period, task.leadUnit.code)}">Lịch sử báo cáo của ${task.leadUnit.name} tháng ${String(Number(m.period.slice(5)))}</a></p>
</section>`,
  )}`;
  return layout({
    title: `Nhiệm vụ ${task.number}`,
    main,
    user: o.user,
    csrfToken: o.csrfToken,
    scripts: ['dashboard.js'],
    current: 'dashboard',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
