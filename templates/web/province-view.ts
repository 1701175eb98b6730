/**
 * Văn phòng UBND tỉnh's page for a month: one row per agency of the province with where its report
 * stands (in words and a mark, colour only as a second channel), its number and date, when it
 * arrived, whether it is late against the province's deadline and the files to download; then the
 * tasks the Chủ tịch UBND tỉnh assigned, agency by agency, as the issued reports state them. On a
 * phone each row becomes a card (the same table classes as the status board).
 * flow: province page handler --> province view --> layout
 */
import { DELIVERY_STATE_LABELS, type AgencyDelivery, type DeliveryState, type ProvinceView, type RollupRow } from '../../functions/core/province.ts';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';

export interface ProvincePageInput {
  view: ProvinceView;
  user: PageUser;
  csrfToken: string;
  /** The province office's own name for the header ("Văn phòng UBND tỉnh Bắc Giang"). */
  officeName?: string;
}

const MARK: Record<DeliveryState, string> = { delivered: '✓', issued: '…', draft: '!', 'not-compiled': '✗' };
const BADGE: Record<DeliveryState, string> = { delivered: 'on-time', issued: 'draft-only', draft: 'late', 'not-compiled': 'missing' };

/** Short enough for a badge on a phone; the full words follow it, free to wrap. */
const SHORT: Record<DeliveryState, string> = { delivered: 'Đã gửi', issued: 'Đã ban hành', draft: 'Dự thảo', 'not-compiled': 'Chưa tổng hợp' };

function stateBadge(a: AgencyDelivery): SafeHtml {
  return html`<span class="badge badge-${BADGE[a.state]}" aria-hidden="true">${MARK[a.state]} ${SHORT[a.state]}</span> <span class="state-words">${DELIVERY_STATE_LABELS[a.state]}</span>`;
}

function agencyRow(a: AgencyDelivery): SafeHtml {
  const files = a.files.length
    ? html`<ul class="plain">${a.files.map((f) => html`<li><a href="${f.url}" download="${f.fileName}">${f.fileName}</a></li>`)}</ul>`
    : html`<span class="muted">—</span>`;
  return html`<tr>
    <th scope="row" data-label="Cơ quan">${a.name}</th>
    <td data-label="Tình trạng">${stateBadge(a)}${a.late ? html` <strong class="late-note">Quá hạn</strong>` : html``}</td>
    <td data-label="Số, ngày">${a.numberText ? html`${a.numberText}${a.issuedOn ? html`, ngày ${formatDate(a.issuedOn)}` : html``}` : html`<span class="muted">—</span>`}</td>
    <td data-label="Gửi lúc">${a.deliveredAt ? html`<time datetime="${a.deliveredAt}">${formatDateTime(a.deliveredAt, DEFAULT_TIME_ZONE)}</time>` : html`<span class="muted">—</span>`}</td>
    <td data-label="Tệp">${files}</td>
  </tr>`;
}

function rollupRow(r: RollupRow): SafeHtml {
  return html`<tr>
    <td data-label="Cơ quan">${r.agencyName}</td>
    <td data-label="TT">${r.number}</td>
    <td data-label="Nhiệm vụ">${r.content}</td>
    <td data-label="Thời hạn">${r.deadlineText}</td>
    <td data-label="Tình trạng">${r.statusLabel}${r.progress !== undefined ? html` (${String(r.progress)}%)` : html``}</td>
    <td data-label="Kết quả">${r.result || html`<span class="muted">—</span>`}</td>
  </tr>`;
}

export function renderProvincePage(o: ProvincePageInput): string {
  const v = o.view;
  const delivered = v.agencies.filter((a) => a.state === 'delivered').length;
  const late = v.agencies.filter((a) => a.late).length;
  const main = html`<h1>Báo cáo các Sở gửi UBND tỉnh — ${v.period.label}</h1>
<form method="get" action="/province" class="period-picker">
  <label for="period">Kỳ báo cáo (tháng)</label>
  <input id="period" name="period" type="month" value="${v.period.id}" required>
  <button type="submit" class="button">Xem</button>
</form>
<p class="summary">Hạn gửi báo cáo của các Sở: hết ngày ${formatDate(v.deadline)}. Đã gửi: ${String(delivered)}/${String(v.agencies.length)} cơ quan${late ? html`; quá hạn: ${String(late)}` : html``}.</p>
${
  v.agencies.length
    ? html`<table class="board">
  <caption class="visually-hidden">Tình trạng báo cáo của từng cơ quan</caption>
  <thead><tr><th scope="col">Cơ quan</th><th scope="col">Tình trạng</th><th scope="col">Số, ngày</th><th scope="col">Gửi lúc</th><th scope="col">Tệp</th></tr></thead>
  <tbody>${v.agencies.map(agencyRow)}</tbody>
</table>`
    : html`<p>Chưa có cơ quan nào của tỉnh trong hệ thống.</p>`
}
<h2>Nhiệm vụ do Chủ tịch UBND tỉnh giao</h2>
${
  v.rollup.length
    ? html`<table class="board">
  <caption class="visually-hidden">Nhiệm vụ do Chủ tịch UBND tỉnh giao, theo báo cáo đã ban hành của từng Sở</caption>
  <thead><tr><th scope="col">Cơ quan</th><th scope="col">TT</th><th scope="col">Nhiệm vụ</th><th scope="col">Thời hạn</th><th scope="col">Tình trạng</th><th scope="col">Kết quả</th></tr></thead>
  <tbody>${v.rollup.map(rollupRow)}</tbody>
</table>`
    : html`<p class="muted">Chưa có báo cáo đã ban hành nào nêu nhiệm vụ do Chủ tịch UBND tỉnh giao trong kỳ này.</p>`
}
<h2>Báo cáo tổng hợp của Văn phòng</h2>
<p>Tình hình gửi báo cáo và kết quả các nhiệm vụ trên, thành văn bản (PDF, Excel) theo thể thức Nghị định 30/2020 do Văn phòng ban hành:
  <a class="button" href="/reports?period=${v.period.id}">Tổng hợp, phát hành báo cáo ${v.period.label}</a></p>`;
  return layout({
    title: `Báo cáo các Sở — ${v.period.label}`,
    main,
    user: o.user,
    csrfToken: o.csrfToken,
    current: 'province',
    ...(o.officeName ? { agencyName: o.officeName } : {}),
  });
}
