/**
 * The compiled reports page for Văn phòng and the leaders: newest versions first; for each of its
 * two documents (the Director's, UBND tỉnh's) whether it is a draft or issued under a number, its
 * files as short-lived download links (draft, issued, signed), a form to issue the latest version
 * (Văn phòng and leaders) and to attach the signed PDF (Văn phòng); the status board's summary for
 * the month, and — for Văn phòng — compile and lock/reopen buttons.
 * flow: reports page handler --> reports view --> layout
 */
import type { Audience } from '../../functions/core/agency.ts';
import { LOCK_REASON_MAX } from '../../functions/core/lock-log.ts';
import { PERIOD_ID_PATTERN } from '../../functions/core/period.ts';
import type { StatusBoard } from '../../functions/core/status-board.ts';
import type { LinkedFile, ListedIssuance, ListedVersion } from '../../functions/core/report-version.ts';
import { formatDateTime, formatDate, DEFAULT_TIME_ZONE } from './format.ts';
import { historyHref } from './page-parts.ts';
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
  /** Văn phòng and the leaders issue; only Văn phòng attaches the signed PDF. */
  canIssue: boolean;
  canAttachSigned: boolean;
  /** Văn phòng sends the issued report to UBND tỉnh from the page ("Gửi UBND tỉnh ngay"). */
  canDeliver?: boolean;
  /** Today in the agency's zone: the default issue date. */
  today: string;
  agencyName?: string;
  timeZone?: string;
}

/** A month's versions have a history page (GET /history, monthly only). */
const MONTH = /^\d{4}-\d{2}$/;

const FORMAT_LABEL = { pdf: 'PDF', xlsx: 'Excel' } as const;

function kb(size: number): string {
  return `${Math.max(1, Math.round(size / 1024)).toLocaleString('vi-VN')} KB`;
}

/** How a version came to be, in words (the history page says it the same way). */
export function triggerLabel(t: string): string {
  if (t.startsWith('schedule:')) return 'theo lịch';
  if (t.startsWith('cli:')) return 'do quản trị viên chạy';
  if (t.startsWith('api:')) return 'do Văn phòng tổng hợp';
  return t;
}

export const DOCUMENT_LABEL: Record<Audience, string> = { ubnd: 'Báo cáo gửi UBND tỉnh', director: 'Báo cáo Lãnh đạo Sở' };

function fileLinks(files: LinkedFile[]): SafeHtml {
  return html`<ul class="downloads">${files.map(
    (f) =>
      html`<li><a href="${f.url}" download="${f.fileName}" rel="noopener">${FORMAT_LABEL[f.format]}: ${f.fileName}</a> <span class="muted small">(${kb(f.size)})</span></li>`,
  )}</ul>`;
}

function issuedBlock(i: ListedIssuance, tz: string): SafeHtml {
  const signed = i.signed
    ? html`<p>Bản đã ký số: <a href="${i.signed.url}" rel="noopener">${i.signed.fileName}</a> <span class="muted small">(${kb(i.signed.size)}, sha256 ${i.signed.sha256.slice(0, 12)}…, tải lên lúc <time datetime="${i.signed.at}">${formatDateTime(i.signed.at, tz)}</time>)</span> — tệp này được gửi UBND tỉnh.</p>`
    : html``;
  return html`<p><span class="badge badge-on-time">Đã phát hành</span> số <strong>${i.numberText}</strong> ngày ${formatDate(i.date)}${i.auto ? ' (hệ thống tự cấp số khi gửi)' : ''}.</p>
${fileLinks(i.files)}${signed}`;
}

function issueForm(v: ListedVersion, audience: Audience, o: ReportsPageInput): SafeHtml {
  const id = `${v.period}-${String(v.version)}-${audience}`;
  return html`<form class="issue-form" data-issue data-period="${v.period}" data-version="${String(v.version)}" data-audience="${audience}" aria-label="Phát hành ${DOCUMENT_LABEL[audience]}">
  <div class="row">
    <div class="field"><label for="num-${id}">Số văn bản</label><input id="num-${id}" name="number" type="number" inputmode="numeric" min="1" max="99999" aria-describedby="num-${id}-hint"><p class="hint" id="num-${id}-hint">Để trống: lấy số tiếp theo trong sổ; hoặc nhập số văn thư đã cấp.</p></div>
    <div class="field"><label for="date-${id}">Ngày ban hành</label><input id="date-${id}" name="date" type="date" value="${o.today}" min="${v.issueDate}" max="${o.today}" required></div>
  </div>
  <p class="buttons"><button type="submit" class="button button-primary">Phát hành (cấp số)</button></p>
  <p class="notice" role="status" aria-live="polite" data-result hidden></p>
</form>`;
}

function signedForm(v: ListedVersion, audience: Audience): SafeHtml {
  const id = `${v.period}-${String(v.version)}-${audience}`;
  return html`<form class="signed-form" data-signed data-period="${v.period}" data-version="${String(v.version)}" data-audience="${audience}" aria-label="Tải lên bản ký số">
  <div class="field"><label for="pdf-${id}">Bản PDF đã ký số</label><input id="pdf-${id}" name="pdf" type="file" accept="application/pdf,.pdf" required aria-describedby="pdf-${id}-hint"><p class="hint" id="pdf-${id}-hint">Tệp PDF của chính văn bản đã phát hành, sau khi Lãnh đạo ký số (tối đa 4 MB).</p></div>
  <p class="buttons"><button type="submit" class="button button-secondary">Tải lên bản ký số</button></p>
  <p class="notice" role="status" aria-live="polite" data-result hidden></p>
</form>`;
}

function documentBlock(v: ListedVersion, audience: Audience, o: ReportsPageInput, tz: string): SafeHtml {
  const issued = v.issued[audience];
  const drafts = v.files.filter((f) => f.audience === audience);
  const body = issued
    ? html`${issuedBlock(issued, tz)}${o.canAttachSigned && !issued.signed ? signedForm(v, audience) : html``}`
    : html`<p><span class="badge badge-draft-only">Dự thảo</span> chưa có số văn bản${v.latest ? '' : ' — đã có phiên bản mới hơn, không phát hành bản này'}.</p>
${fileLinks(drafts)}${v.latest && o.canIssue ? issueForm(v, audience, o) : html``}`;
  return html`<section class="report-document"><h3>${DOCUMENT_LABEL[audience]}</h3>${body}</section>`;
}

function versionCard(v: ListedVersion, o: ReportsPageInput, tz: string): SafeHtml {
  return html`<article class="report-version" aria-labelledby="v-${v.period}-${String(v.version)}">
  <h2 id="v-${v.period}-${String(v.version)}">Kỳ ${v.period} — phiên bản ${String(v.version)}${v.latest ? html` <span class="badge badge-on-time">mới nhất</span>` : html``}</h2>
  <p class="muted">Tổng hợp lúc <time datetime="${v.createdAt}">${formatDateTime(v.createdAt, tz)}</time> (${triggerLabel(v.trigger)}); ngày ghi trên bản dự thảo ${formatDate(v.issueDate)}.${
    MONTH.test(v.period) && v.kind !== 'province-rollup' ? html` <a href="${historyHref(v.period)}">Lịch sử các phiên bản kỳ ${v.period}</a>` : html``
  }</p>
  ${(v.kind === 'province-rollup' ? (['ubnd'] as const) : (['ubnd', 'director'] as const)).map((a) => documentBlock(v, a, o, tz))}
</article>`;
}

/** Lock or reopen the month, with the reason the lock log keeps (required: docs/decisions.md). */
function lockControls(locked: boolean): SafeHtml {
  return html`<div class="field lock-reason">
    <label for="lock-reason">${locked ? 'Lý do mở lại kỳ' : 'Lý do khóa kỳ'} (bắt buộc, ghi vào nhật ký)</label>
    <input id="lock-reason" name="reason" type="text" maxlength="${String(LOCK_REASON_MAX)}" autocomplete="off" aria-describedby="lock-reason-hint">
    <p class="hint" id="lock-reason-hint">${locked ? 'Ví dụ: Phòng QLKH cần sửa số liệu nhiệm vụ 3.' : 'Ví dụ: Đã ban hành báo cáo, chốt số liệu.'} Lý do hiện trên trang lịch sử của kỳ.</p>
  </div>
  <p class="buttons">${
    locked
      ? html`<button type="button" class="button button-secondary" data-reopen>Mở lại kỳ cho các đơn vị sửa báo cáo</button>`
      : html`<button type="button" class="button button-secondary" data-lock>Khóa kỳ (đã ban hành)</button>`
  }</p>`;
}

/** The delivery section when the period has an issued report to UBND tỉnh (only what is issued is sent). */
function deliveryFor(period: string, versions: ListedVersion[]): SafeHtml {
  const issued = versions.find((v) => v.period === period && v.issued.ubnd);
  return issued ? deliverySection(period, issued) : html``;
}

/**
 * "Gửi UBND tỉnh ngay": the button asks the server for the preview (POST …/deliver?dryRun=true),
 * which the script writes into the panel below; "Xác nhận gửi" sends. The delivery log (when, to
 * whom, message id, outcome) is the period's history page.
 */
function deliverySection(period: string, issued: ListedVersion): SafeHtml {
  const number = issued.issued.ubnd!.numberText;
  return html`<section class="report-deliver" aria-labelledby="deliver-title" data-deliver data-period="${period}">
  <h2 id="deliver-title">Gửi báo cáo cho UBND tỉnh</h2>
  <p>Gửi ngay Báo cáo số ${number} (phiên bản ${String(issued.version)}, đã phát hành) thay vì chờ lịch gửi tự động. Hệ thống cho xem thư trước khi gửi; mỗi văn bản chỉ gửi một lần, trừ khi chọn gửi lại.</p>
  <p class="buttons"><button type="button" class="button button-primary" data-deliver-preview>Gửi UBND tỉnh ngay</button></p>
  <div class="deliver-preview" data-deliver-confirm hidden>
    <h3 id="deliver-preview-title" tabindex="-1">Xem trước thư gửi UBND tỉnh</h3>
    <dl class="task-meta">
      <dt>Văn bản</dt><dd data-f="document"></dd>
      <dt>Gửi tới</dt><dd class="email" data-f="to"></dd>
      <dt>Tiêu đề thư</dt><dd data-f="subject"></dd>
      <dt>Tệp đính kèm</dt><dd data-f="files"></dd>
    </dl>
    <p class="notice notice-warn" data-f="delivered" hidden></p>
    <p data-resend-row hidden><input type="checkbox" id="deliver-resend"> <label for="deliver-resend">Vẫn gửi lại lần nữa</label></p>
    <p class="buttons"><button type="button" class="button button-primary" data-deliver-send>Xác nhận gửi</button> <button type="button" class="button button-secondary" data-deliver-cancel>Hủy</button></p>
  </div>
  <p class="notice" role="status" aria-live="polite" data-deliver-result hidden></p>
  <p><a href="${historyHref(period)}#delivery-log">Nhật ký gửi thư của kỳ: lúc nào, gửi tới ai, mã thư, kết quả</a></p>
</section>`;
}

export function renderReportsPage(o: ReportsPageInput): string {
  const tz = o.timeZone ?? DEFAULT_TIME_ZONE;
  const title = o.periodLabel ? `Báo cáo tổng hợp ${o.periodLabel}` : 'Báo cáo tổng hợp';
  const actions =
    o.canCompile && o.period
      ? html`<section class="report-actions" aria-labelledby="act-title" data-period="${o.period}">
  <h2 id="act-title">Thao tác của Văn phòng</h2>
  <p>Tổng hợp lại khi số liệu đã thay đổi: nếu không có gì thay đổi, hệ thống giữ nguyên phiên bản hiện có.</p>
  <p class="buttons">
    <button type="button" class="button button-primary" data-compile>Tổng hợp báo cáo kỳ ${o.period}</button>
  </p>
  ${o.board ? lockControls(o.locked === true) : html``}
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
${o.board && o.period ? html`<p><a href="${historyHref(o.period)}">Lịch sử báo cáo kỳ này: các phiên bản, thay đổi, phát hành và nhật ký gửi thư</a></p>` : html``}
${o.locked ? html`<p class="notice notice-warn">Kỳ này đã khóa: các đơn vị không sửa được báo cáo cho đến khi Văn phòng mở lại.</p>` : html``}
${actions}
${o.canDeliver && o.period ? deliveryFor(o.period, o.versions) : html``}
${
  o.versions.length
    ? o.versions.map((v) => versionCard(v, o, tz))
    : html`<p class="notice">Chưa có báo cáo tổng hợp${o.period ? ` cho kỳ ${o.period}` : ''}.${o.canCompile ? ' Dùng nút “Tổng hợp báo cáo” ở trên.' : ''}</p>`
}
<p class="muted small">Bản tổng hợp là dự thảo cho đến khi được phát hành (cấp số); chỉ văn bản đã phát hành mới được gửi UBND tỉnh. Đường dẫn tải có hiệu lực 5 phút; tải lại trang để lấy đường dẫn mới.</p>`;
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
