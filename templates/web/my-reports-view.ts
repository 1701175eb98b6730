/**
 * "Báo cáo của đơn vị": a unit's twelve months of a year as a page — each month's status (the status
 * board's words and badges), when it was sent or saved, its latest revision, whether the month is
 * locked, and links to its form and its history. No script: server-rendered; the table turns into
 * labelled cards on a phone (the status board's `.board` rules).
 * flow: my reports page handler --> my reports view --> layout
 */
import { SUBMISSION_STATUS_LABELS } from '../../functions/core/report-model.ts';
import type { MyMonth, MyReports } from '../../functions/core/unit-months.ts';
import { DEFAULT_TIME_ZONE, formatDate } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { historyHref, when } from './page-parts.ts';
import { layout, type PageUser } from './layout.ts';

export interface MyReportsPageInput {
  reports: MyReports;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
}

function statusCell(m: MyMonth): SafeHtml {
  if (m.status === 'not-open') return html`<span class="muted">Chưa đến kỳ báo cáo</span>`;
  const overdue = m.status === 'missing' && m.deadlinePassed ? html` <strong class="text-late">(quá hạn)</strong>` : html``;
  const label = m.status === 'missing' ? 'Chưa nộp' : m.status === 'draft-only' ? 'Bản nháp, chưa gửi' : SUBMISSION_STATUS_LABELS[m.status];
  return html`<span class="badge badge-${m.status}">${label}</span>${overdue}${
    m.locked ? html`<br><span class="muted small">Kỳ đã khóa: báo cáo tổng hợp đã ban hành</span>` : html``
  }`;
}

function timeCell(m: MyMonth, tz: string): SafeHtml {
  if (m.submittedAt) {
    return html`Gửi lúc ${when(m.submittedAt, tz)}${m.lastRevisedAt ? html`<br><span class="muted small">Sửa lần cuối ${when(m.lastRevisedAt, tz)}</span>` : html``}${
      m.draftSavedAt && m.draftSavedAt > (m.lastRevisedAt ?? m.submittedAt)
        ? html`<br><span class="muted small">Có bản nháp lưu ${when(m.draftSavedAt, tz)}</span>`
        : html``
    }`;
  }
  if (m.draftSavedAt) return html`Lưu nháp lúc ${when(m.draftSavedAt, tz)}`;
  return html`<span class="muted">—</span>`;
}

function links(m: MyMonth, unit: string): SafeHtml {
  const q = `period=${encodeURIComponent(m.period.id)}`;
  if (m.status === 'not-open') return html`<span class="muted">—</span>`;
  const open = m.locked || m.status === 'on-time' || m.status === 'late' ? 'Xem báo cáo' : 'Nhập báo cáo';
  return html`<a href="/?${q}">${open}<span class="visually-hidden"> ${m.period.label}</span></a>${
    m.revision > 0 ? html` · <a href="${historyHref(m.period.id, unit)}">Lịch sử<span class="visually-hidden"> ${m.period.label}</span></a>` : html``
  }`;
}

export function renderMyReportsPage(o: MyReportsPageInput): string {
  const r = o.reports;
  const tz = r.timeZone || DEFAULT_TIME_ZONE;
  const title = `Báo cáo của đơn vị năm ${r.year}`;
  const rows = r.months.map(
    (m) => html`<tr>
  <th scope="row" data-label="Tháng">${m.period.label.replace(/^tháng/u, 'Tháng')}</th>
  <td data-label="Tình trạng">${statusCell(m)}</td>
  <td data-label="Hạn nộp">${formatDate(m.deadline)}</td>
  <td data-label="Thời điểm">${timeCell(m, tz)}</td>
  <td data-label="Phiên bản">${m.revision > 0 ? String(m.revision) : html`<span class="muted">—</span>`}</td>
  <td data-label="Mở">${links(m, r.unit.code)}</td>
</tr>`,
  );
  const main = html`<div class="page-head"><h1>${title}</h1><p class="lead">${r.unit.name}</p></div>
<form class="picker" method="get" action="/my-reports" aria-label="Chọn năm">
  <div class="field">
    <label for="pick-year">Năm</label>
    <input type="number" id="pick-year" name="year" value="${String(r.year)}" min="2000" max="2100" required inputmode="numeric">
  </div>
  <button type="submit" class="button button-secondary">Xem</button>
</form>
<div class="table-wrap">
<table class="board">
  <caption class="visually-hidden">Tình trạng báo cáo từng tháng năm ${String(r.year)} của ${r.unit.name}</caption>
  <thead><tr><th scope="col">Tháng</th><th scope="col">Tình trạng</th><th scope="col">Hạn nộp</th><th scope="col">Thời điểm</th><th scope="col">Phiên bản</th><th scope="col">Mở</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
</div>
<p class="muted small">Đúng hạn hay muộn tính theo lần gửi đầu tiên của tháng; các lần sửa sau là phiên bản mới. Giờ theo ${
    tz === DEFAULT_TIME_ZONE ? 'giờ Việt Nam (UTC+7)' : tz
  }.</p>`;
  return layout({
    title,
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['common.js'],
    current: 'my-reports',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
