/**
 * The compiled reports page for Văn phòng and the leaders: newest versions first, each with
 * its four files (PDF and Excel for the Director and for UBND tỉnh) as short-lived download
 * links, the status board's summary for the month, and — for Văn phòng — compile and
 * lock/reopen buttons.
 * flow: reports page handler --> reports view --> layout
 */
import { PERIOD_ID_PATTERN } from '../../functions/core/period.ts';
import type { StatusBoard } from '../../functions/core/status-board.ts';
import type { ListedVersion } from '../../functions/usecases/list-reports.ts';
import { AUDIENCE_LABELS } from '../../functions/core/report-files.ts';
import { formatDateTime, formatDate, DEFAULT_TIME_ZONE } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';
import { statusSummary } from './status-view.ts';

export interface ReportsPageInput {
  versions: ListedVersion[];
  /** The period asked for, or undefined for "newest across periods". */
  period?: string;
  periodLabel?: string;
  board?: StatusBoard;
  locked?: boolean;
  user: PageUser;
  csrfToken: string;
  canCompile: boolean;
  agencyName?: string;
  timeZone?: string;
}

const FORMAT_LABEL = { pdf: 'PDF', xlsx: 'Excel' } as const;

function kb(size: number): string {
  return `${Math.max(1, Math.round(size / 1024)).toLocaleString('vi-VN')} KB`;
}

function triggerLabel(t: string): string {
  if (t.startsWith('schedule:')) return 'theo lịch';
  if (t.startsWith('cli:')) return 'do quản trị viên chạy';
  if (t.startsWith('api:')) return 'do Văn phòng tổng hợp';
  return t;
}

function versionCard(v: ListedVersion, tz: string): SafeHtml {
  const files = v.files.map(
    (f) => html`<li><a href="${f.url}" download="${f.fileName}" rel="noopener">${AUDIENCE_LABELS[f.audience]} — ${FORMAT_LABEL[f.format]}</a> <span class="muted small">(${kb(f.size)})</span></li>`,
  );
  return html`<article class="report-version" aria-labelledby="v-${v.period}-${String(v.version)}">
  <h2 id="v-${v.period}-${String(v.version)}">Kỳ ${v.period} — phiên bản ${String(v.version)}${v.latest ? html` <span class="badge badge-on-time">mới nhất</span>` : html``}</h2>
  <p class="muted">Tổng hợp lúc <time datetime="${v.createdAt}">${formatDateTime(v.createdAt, tz)}</time> (${triggerLabel(v.trigger)}); ngày ghi trên văn bản ${formatDate(v.issueDate)}.</p>
  <ul class="downloads">${files}</ul>
</article>`;
}

export function renderReportsPage(o: ReportsPageInput): string {
  const tz = o.timeZone ?? DEFAULT_TIME_ZONE;
  const title = o.periodLabel ? `Báo cáo tổng hợp ${o.periodLabel}` : 'Báo cáo tổng hợp';
  const actions = o.canCompile && o.period
    ? html`<section class="report-actions" aria-labelledby="act-title" data-period="${o.period}">
  <h2 id="act-title">Thao tác của Văn phòng</h2>
  <p>Tổng hợp lại khi số liệu đã thay đổi: nếu không có gì thay đổi, hệ thống giữ nguyên phiên bản hiện có.</p>
  <p class="buttons">
    <button type="button" class="button button-primary" data-compile>Tổng hợp báo cáo kỳ ${o.period}</button>
    ${o.board ? (o.locked ? html`<button type="button" class="button button-secondary" data-reopen>Mở lại kỳ cho các đơn vị sửa báo cáo</button>` : html`<button type="button" class="button button-secondary" data-lock>Khóa kỳ (đã ban hành)</button>`) : html``}
  </p>
  <p class="notice" role="status" aria-live="polite" data-result hidden></p>
</section>`
    : html``;
  const main = html`<div class="page-head"><h1>${title}</h1></div>
<form class="picker" method="get" action="/reports" aria-label="Chọn kỳ báo cáo">
  <div class="field">
    <label for="pick-period">Kỳ báo cáo</label>
    <input type="text" id="pick-period" name="period" value="${o.period ?? ''}" placeholder="2024-05, 2024-Q2, 2024-H1, 2024-9M, 2024" pattern="${PERIOD_ID_PATTERN.source.slice(1, -1)}" aria-describedby="pick-hint">
    <p id="pick-hint" class="hint">Tháng (2024-05), quý (2024-Q2), 6 tháng (2024-H1), 9 tháng (2024-9M) hoặc năm (2024). Để trống: các bản mới nhất.</p>
  </div>
  <button type="submit" class="button button-secondary">Xem</button>
</form>
${o.board && o.periodLabel ? statusSummary(o.board, o.periodLabel) : html``}
${o.locked ? html`<p class="notice notice-warn">Kỳ này đã khóa: các đơn vị không sửa được báo cáo cho đến khi Văn phòng mở lại.</p>` : html``}
${actions}
${o.versions.length
    ? o.versions.map((v) => versionCard(v, tz))
    : html`<p class="notice">Chưa có báo cáo tổng hợp${o.period ? ` cho kỳ ${o.period}` : ''}.${o.canCompile ? ' Dùng nút “Tổng hợp báo cáo” ở trên.' : ''}</p>`}
<p class="muted small">Đường dẫn tải có hiệu lực 5 phút; tải lại trang để lấy đường dẫn mới.</p>`;
  return layout({
    title,
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['reports.js'],
    current: 'reports',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
