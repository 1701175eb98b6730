/**
 * A unit's history for a month as a page: every revision newest first, who sent it and when (the
 * agency's time zone), and what changed against the revision before it, task by task and field by
 * field; the first revision shows what was submitted. No script: server-rendered, and each
 * before/after table turns into labelled cards on a phone (the status board's `.board` rules).
 * flow: history page handler --> history view --> layout
 */
import { isEmptyDiff, type RevisionDiff, type TaskChanges, type ValueChange } from '../../functions/core/revision-diff.ts';
import type { RevisionEntry, UnitHistory } from '../../functions/core/history.ts';
import { DEFAULT_TIME_ZONE, monthLabel } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { historyHref, monthPicker, person, when } from './page-parts.ts';
import { layout, type PageUser } from './layout.ts';

export interface UnitHistoryPageInput {
  history: UnitHistory;
  user: PageUser;
  csrfToken: string;
  /** Văn phòng and the leaders also get the link to the month's report versions. */
  canReadReports: boolean;
  agencyName?: string;
}

/** Fields as a before/after table (cards on a phone); `first`: only what was sent. The readable report reuses it. */
export function changeRows(fields: ValueChange[], first: boolean): SafeHtml {
  return html`<div class="table-wrap"><table class="board diff">
  <thead><tr><th scope="col">Mục</th>${first ? html`` : html`<th scope="col">Trước</th>`}<th scope="col">${first ? 'Nội dung đã gửi' : 'Sau'}</th></tr></thead>
  <tbody>${fields.map(
    (f) =>
      html`<tr><th scope="row">${f.label}</th>${first ? html`` : html`<td data-label="Trước">${f.before}</td>`}<td data-label="${first ? 'Nội dung' : 'Sau'}">${f.after}</td></tr>`,
  )}</tbody>
</table></div>`;
}

function taskBlock(t: TaskChanges, h: UnitHistory, first: boolean): SafeHtml {
  const task = h.tasks[t.taskId];
  const title = task ? `Nhiệm vụ ${task.number}. ${task.content}` : `Nhiệm vụ ${t.taskId}`;
  const note = first ? '' : t.change === 'added' ? ' (mới báo cáo)' : t.change === 'removed' ? ' (không còn báo cáo)' : '';
  return html`<section class="report-document"><h3>${title}${note}</h3>${t.fields.length ? changeRows(t.fields, first) : html``}</section>`;
}

function otherWork(d: RevisionDiff, first: boolean): SafeHtml {
  const { added, removed } = d.otherWork;
  if (!added.length && !removed.length) return html``;
  const list = (label: string, lines: string[]) => (lines.length ? html`<p>${label}</p><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>` : html``);
  return html`<section class="report-document"><h3>Công việc khác</h3>${list(first ? 'Đã gửi:' : 'Thêm:', added)}${list('Bỏ:', removed)}</section>`;
}

function revisionCard(r: RevisionEntry, h: UnitHistory, newest: boolean): SafeHtml {
  const first = r.revision === 1;
  const d = r.diff;
  const id = `rev-${String(r.revision)}`;
  return html`<article class="report-version" aria-labelledby="${id}">
  <h2 id="${id}">Phiên bản ${String(r.revision)}${newest ? html` <span class="badge badge-on-time">mới nhất</span>` : html``}</h2>
  <p class="muted">Gửi lúc ${when(r.at, h.timeZone)} — tài khoản ${person(r.by, r.byName)}; người báo cáo: ${r.reporterName || '(trống)'}.${r.onTime ? ' Trong hạn nộp.' : html` <strong class="text-late">Sau hạn nộp.</strong>`}${r.imported ? ' (Nhập lịch sử: thời điểm gửi theo tệp của người vận hành.)' : ''}</p>
  <p>${first ? 'Nội dung đã gửi:' : `Thay đổi so với phiên bản ${String(r.revision - 1)}:`}</p>
  ${isEmptyDiff(d) ? html`<p class="muted">Không có thay đổi về nội dung.</p>` : html``}
  ${d.reporterName && !first ? changeRows([d.reporterName], false) : html``}
  ${d.tasks.map((t) => taskBlock(t, h, first))}
  ${otherWork(d, first)}
</article>`;
}

export function renderUnitHistoryPage(o: UnitHistoryPageInput): string {
  const h = o.history;
  const label = monthLabel(h.period);
  const title = `Lịch sử báo cáo ${label} — ${h.unit.name}`;
  const main = html`<div class="page-head"><h1>${title}</h1></div>
${monthPicker('/history', h.period, { keep: { unit: h.unit.code } })}
<p><a href="/?period=${encodeURIComponent(h.period)}&amp;unit=${encodeURIComponent(h.unit.code)}">Mở báo cáo ${label} của đơn vị</a>${
    o.canReadReports ? html` · <a href="${historyHref(h.period)}">Lịch sử báo cáo tổng hợp ${label}</a>` : html``
  }</p>
${
  h.revisions.length
    ? h.revisions.map((r, i) => revisionCard(r, h, i === 0))
    : html`<p class="notice">Đơn vị chưa gửi phiên bản nào cho ${label}. Bản nháp chưa gửi không có trong lịch sử.</p>`
}
<p class="muted small">Giờ theo múi giờ ${h.timeZone === DEFAULT_TIME_ZONE ? 'Việt Nam (UTC+7)' : h.timeZone}.</p>`;
  return layout({
    title,
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['common.js'],
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
