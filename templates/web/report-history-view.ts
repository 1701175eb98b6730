/**
 * A month's compiled reports as history, for Văn phòng and the leaders: each version newest first
 * with when and how it was compiled, which units' submissions changed since the version before
 * (each a link to that unit's history), what was issued from it, by whom, and whether it was
 * delivered; then the month's delivery log (every email: when, to whom, message id, outcome) and
 * its lock log (each lock and reopening: when, who, why).
 * flow: history page handler --> report history view --> layout
 */
import type { Audience } from '../../functions/core/agency.ts';
import type { DeliveryLine, PeriodHistory, UnitRevisions, VersionEntry } from '../../functions/core/history.ts';
import { formatDate, monthLabel } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { historyHref, monthPicker, person, when } from './page-parts.ts';
import { layout, type PageUser } from './layout.ts';
import { DOCUMENT_LABEL, triggerLabel } from './reports-view.ts';

export interface PeriodHistoryPageInput {
  history: PeriodHistory;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
}

const STATUS_LABEL: Record<DeliveryLine['status'], string> = {
  sending: 'Đang gửi',
  retrying: 'Đang gửi lại',
  sent: 'Đã gửi',
  failed: 'Không gửi được',
  interrupted: 'Bị gián đoạn (không rõ đã gửi hay chưa)',
};

function purposeLabel(purpose: string, h: PeriodHistory): string {
  if (purpose.startsWith('reminder:')) {
    const code = purpose.slice('reminder:'.length);
    return `Nhắc nộp báo cáo: ${h.units.find((u) => u.code === code)?.name ?? code}`;
  }
  // "digest:2024-05-21:<sub>": a leader's morning digest of that day.
  if (purpose.startsWith('digest:')) return `Thư tóm tắt buổi sáng cho Lãnh đạo Sở (${purpose.slice(7, 17).split('-').reverse().join('/')})`;
  const labels: Record<string, string> = {
    'ubnd-report': 'Báo cáo gửi UBND tỉnh',
    'ubnd-failure-notice': 'Báo Văn phòng: chưa gửi được UBND tỉnh',
    'not-issued-notice': 'Báo Văn phòng: báo cáo chưa phát hành',
    'reminder-summary': 'Tổng hợp nhắc nộp, gửi Văn phòng',
  };
  return labels[purpose] ?? purpose;
}

function unitList(units: UnitRevisions[], period: string): SafeHtml {
  return html`<ul>${units.map(
    (u) => html`<li><a href="${historyHref(period, u.code)}">${u.name}</a>: phiên bản ${u.revisions.map(String).join(', ')}</li>`,
  )}</ul>`;
}

function changes(v: VersionEntry, h: PeriodHistory, first: boolean): SafeHtml {
  if (first)
    return v.units.length
      ? html`<p>Bản đầu tiên của kỳ, tổng hợp từ báo cáo của:</p>${unitList(v.units, h.period)}`
      : html`<p>Bản đầu tiên của kỳ; khi tổng hợp chưa đơn vị nào gửi báo cáo.</p>`;
  if (v.sameInput) return html`<p>Cùng số liệu với phiên bản trước; chỉ khác ngày ghi trên bản dự thảo (${formatDate(v.issueDate)}).</p>`;
  if (!v.units.length) return html`<p>Không đơn vị nào gửi báo cáo mới kể từ phiên bản trước; số liệu khác (kế hoạch, hồ sơ cơ quan) đã thay đổi.</p>`;
  return html`<p>Thay đổi so với phiên bản trước — các đơn vị đã gửi báo cáo mới:</p>${unitList(v.units, h.period)}`;
}

function issued(v: VersionEntry, h: PeriodHistory): SafeHtml {
  const audiences: Audience[] = ['ubnd', 'director'];
  return html`<ul>${audiences.map((a) => {
    const i = v.issued.find((x) => x.audience === a);
    if (!i) return html`<li>${DOCUMENT_LABEL[a]}: <span class="muted">chưa phát hành</span></li>`;
    return html`<li>${DOCUMENT_LABEL[a]}: số <strong>${i.numberText}</strong> ngày ${formatDate(i.date)}, phát hành lúc ${when(i.at, h.timeZone)} — ${
      i.auto ? 'hệ thống tự cấp số khi gửi' : person(i.by, i.byName)
    }${i.signedAt ? html`; có bản ký số (${when(i.signedAt, h.timeZone)})` : html``}${
      a === 'ubnd' && v.delivered ? html` <span class="badge badge-on-time">Đã gửi UBND tỉnh</span>` : html``
    }</li>`;
  })}</ul>`;
}

function versionCard(v: VersionEntry, h: PeriodHistory, first: boolean): SafeHtml {
  const id = `v-${String(v.version)}`;
  return html`<article class="report-version" aria-labelledby="${id}">
  <h2 id="${id}">Phiên bản ${String(v.version)}</h2>
  <p class="muted">Tổng hợp lúc ${when(v.createdAt, h.timeZone)} (${triggerLabel(v.trigger)}${v.triggeredBy ? `: ${v.triggeredBy}` : ''}).</p>
  ${changes(v, h, first)}
  ${issued(v, h)}
</article>`;
}

function deliveryLog(h: PeriodHistory): SafeHtml {
  if (!h.deliveries.length) return html`<p class="notice">Chưa có thư nào được gửi cho kỳ này.</p>`;
  const rows = h.deliveries.map((d) => {
    return html`<tr>
  <th scope="row" data-label="Thư">${purposeLabel(d.purpose, h)}${d.reportVersion ? html` <span class="muted small">(phiên bản ${String(d.reportVersion)})</span>` : html``}</th>
  <td data-label="Lúc">${when(d.at, h.timeZone)}</td>
  <td data-label="Gửi tới" class="email">${d.to.join(', ')}</td>
  <td data-label="Mã thư" class="email">${d.messageId ?? html`<span class="muted">—</span>`}</td>
  <td data-label="Kết quả">${STATUS_LABEL[d.status]}${d.attempts > 1 ? ` sau ${d.attempts} lần thử` : ''}${d.error ? html`<br><span class="small">${d.error}</span>` : html``}</td>
</tr>`;
  });
  return html`<div class="table-wrap"><table class="board">
  <caption class="visually-hidden">Nhật ký gửi thư của kỳ</caption>
  <thead><tr><th scope="col">Thư</th><th scope="col">Lúc</th><th scope="col">Gửi tới</th><th scope="col">Mã thư</th><th scope="col">Kết quả</th></tr></thead>
  <tbody>${rows}</tbody>
</table></div>`;
}

function lockLog(h: PeriodHistory): SafeHtml {
  if (!h.locks.length) return html`<p class="notice">Kỳ này chưa được khóa hay mở lại lần nào.</p>`;
  const rows = h.locks.map(
    (l) => html`<tr>
  <th scope="row" data-label="Thao tác">${l.locked ? 'Khóa kỳ' : 'Mở lại kỳ'}</th>
  <td data-label="Lúc">${when(l.at, h.timeZone)}</td>
  <td data-label="Người thực hiện">${l.by}</td>
  <td data-label="Lý do">${l.reason ?? html`<span class="muted">(không ghi lý do)</span>`}</td>
</tr>`,
  );
  return html`<div class="table-wrap"><table class="board">
  <caption class="visually-hidden">Nhật ký khóa và mở lại kỳ</caption>
  <thead><tr><th scope="col">Thao tác</th><th scope="col">Lúc</th><th scope="col">Người thực hiện</th><th scope="col">Lý do</th></tr></thead>
  <tbody>${rows}</tbody>
</table></div>`;
}

export function renderPeriodHistoryPage(o: PeriodHistoryPageInput): string {
  const h = o.history;
  const label = monthLabel(h.period);
  const title = `Lịch sử báo cáo tổng hợp ${label}`;
  const oldest = h.versions[h.versions.length - 1];
  const main = html`<div class="page-head"><h1>${title}</h1></div>
${monthPicker('/history', h.period)}
<p><a href="/reports?period=${encodeURIComponent(h.period)}">Báo cáo tổng hợp ${label} (tải tệp, phát hành)</a></p>
<section aria-labelledby="units-title">
  <h2 id="units-title">Lịch sử báo cáo của từng đơn vị</h2>
  <ul>${h.units.map(
    (u) =>
      html`<li><a href="${historyHref(h.period, u.code)}">${u.name}</a> <span class="muted small">${u.revision > 0 ? `(${u.revision} phiên bản)` : '(chưa gửi)'}</span></li>`,
  )}</ul>
</section>
<h2>Các phiên bản báo cáo tổng hợp</h2>
${h.versions.length ? h.versions.map((v) => versionCard(v, h, v === oldest)) : html`<p class="notice">Chưa có báo cáo tổng hợp cho ${label}.</p>`}
<h2 id="delivery-log">Nhật ký gửi thư</h2>
${deliveryLog(h)}
<h2 id="lock-log">Nhật ký khóa và mở lại kỳ</h2>
${lockLog(h)}`;
  return layout({
    title,
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['common.js'],
    current: 'reports',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
