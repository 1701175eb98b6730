/**
 * Văn phòng's status board as a page: a summary line naming who still owes a report, then one
 * row per unit with a colour-and-text badge, when, which revision, tasks reported out of due and
 * the overdue tasks. On a phone each row becomes a card.
 * flow: status page handler --> status view --> layout
 */
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../functions/core/report-model.ts';
import type { BoardRow, StatusBoard } from '../../functions/core/status-board.ts';
import { formatDate, formatDateTime, monthLabel, DEFAULT_TIME_ZONE } from './format.ts';
import { historyHref, monthPicker, reportHref } from './page-parts.ts';
import { html, type SafeHtml } from './html.ts';
import { deadlineLine, readLine, REVISED_LABEL, revisionNote, submittedText } from '../common/status-board-text.ts';
import { layout, type PageUser } from './layout.ts';

export interface StatusPageInput {
  board: StatusBoard;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
  /** Period label: "tháng 6 năm 2024". */
  periodLabel?: string;
  timeZone?: string;
}

const SHORT: Record<SubmissionStatus, string> = {
  'on-time': 'Nộp đúng hạn',
  late: 'Nộp muộn',
  'draft-only': 'Mới lưu nháp',
  missing: 'Chưa nộp',
};

/** The badge says it in words (colour is only a second channel) and carries an icon-like mark. */
export function statusBadge(status: SubmissionStatus): SafeHtml {
  const mark = { 'on-time': '✓', late: '!', 'draft-only': '…', missing: '✗' }[status];
  return html`<span class="badge badge-${status}" title="${SUBMISSION_STATUS_LABELS[status]}"><span aria-hidden="true">${mark}</span> ${SHORT[status]}</span>`;
}

/** The submission that counts for the month (the workbook's instant), then any later revision, said as such. */
function when(r: BoardRow, tz: string): SafeHtml {
  if (r.submittedAt) {
    const revised = r.lastRevisedAt
      ? html`<br><span class="muted small revised">${REVISED_LABEL} <time datetime="${r.lastRevisedAt}">${formatDateTime(r.lastRevisedAt, tz)}</time> ${revisionNote(r)}</span>`
      : html``;
    return html`<time datetime="${r.submittedAt}">${submittedText(r, tz)}</time>${revised}`;
  }
  if (r.draftSavedAt) return html`<span class="muted">Nháp lưu lúc <time datetime="${r.draftSavedAt}">${formatDateTime(r.draftSavedAt, tz)}</time></span>`;
  return html`<span class="muted">—</span>`;
}

function tasks(r: BoardRow): SafeHtml {
  const complete = r.tasksReported >= r.tasksDue;
  return html`<span class="${complete ? 'count-ok' : 'count-short'}">${r.tasksReported}/${r.tasksDue} nhiệm vụ</span>`;
}

function overdue(r: BoardRow): SafeHtml {
  if (!r.overdue.length) return html`<span class="muted">Không có</span>`;
  return html`<ul class="overdue">${r.overdue.map((t) => html`<li><span class="task-no">${t.number}.</span> ${t.content} <span class="deadline">(hạn ${t.deadline})</span></li>`)}</ul>`;
}

export function statusSummary(b: StatusBoard, label: string): SafeHtml {
  const s = b.summary;
  // Each name opens that unit's report for the month: whoever chases a unit sees what it has.
  const unitLink = (r: BoardRow) => html`<a href="${reportHref(b.period, r.unit.code)}">${r.unit.name}</a>`;
  const names = (st: SubmissionStatus) => b.rows.filter((r) => r.status === st).map(unitLink);
  const list = (links: SafeHtml[]) => links.map((l, i) => (i === 0 ? l : html`; ${l}`));
  const missing = names('missing');
  const drafts = names('draft-only');
  return html`<div class="summary" id="summary">
  <p class="summary-line"><strong>${s['on-time'] + s.late}/${s.units} đơn vị đã nộp</strong> báo cáo ${label}:
    ${s['on-time']} đúng hạn, ${s.late} muộn, ${s['draft-only']} mới lưu nháp, ${s.missing} chưa nộp.
    Hạn nộp ${formatDate(b.deadline)}${b.deadlinePassed ? html` <strong class="text-late">(đã qua hạn)</strong>` : html``}.</p>
  ${missing.length ? html`<p class="chase"><strong>Chưa nộp:</strong> ${list(missing)}.</p>` : html``}
  ${drafts.length ? html`<p class="chase"><strong>Mới lưu nháp, chưa gửi:</strong> ${list(drafts)}.</p>` : html``}
</div>`;
}

export function renderStatusBoard(b: StatusBoard, label: string, tz = DEFAULT_TIME_ZONE): SafeHtml {
  if (!b.rows.length) {
    return html`<p class="notice notice-info">Kỳ ${label} chưa có đơn vị nào có nhiệm vụ phải báo cáo (chưa nhập kế hoạch năm?).</p>`;
  }
  const rows = b.rows.map(
    (r) => html`<tr class="row-${r.status}">
  <th scope="row" data-label="Đơn vị"><a href="${reportHref(b.period, r.unit.code)}">${r.unit.name}</a> <span class="code">${r.unit.code}</span></th>
  <td data-label="Tình trạng">${statusBadge(r.status)}</td>
  <td data-label="Thời điểm gửi">${when(r, tz)}</td>
  <td data-label="Phiên bản">${
    // The revision opens the unit's history: every revision, who sent it, what changed.
    r.revision > 0
      ? html`<a href="${historyHref(b.period, r.unit.code)}" aria-label="Phiên bản ${String(r.revision)}, xem lịch sử báo cáo của ${r.unit.name}">${String(r.revision)} — lịch sử</a>`
      : html`<span class="muted">—</span>`
  }</td>
  <td data-label="Đã báo cáo">${tasks(r)}</td>
  <td data-label="Nhiệm vụ quá hạn">${overdue(r)}</td>
</tr>`,
  );
  return html`${statusSummary(b, label)}
<div class="table-wrap">
<table class="board">
  <caption class="visually-hidden">Tình hình nộp báo cáo ${label} theo đơn vị</caption>
  <thead><tr><th scope="col">Đơn vị</th><th scope="col">Tình trạng</th><th scope="col">Thời điểm gửi</th><th scope="col">Phiên bản</th><th scope="col">Đã báo cáo</th><th scope="col">Nhiệm vụ quá hạn</th></tr></thead>
  <tbody>
${rows}
  </tbody>
</table>
</div>
<p class="muted small board-notes">${readLine(b)}<br>${deadlineLine(b)}</p>`;
}

export function renderStatusPage(o: StatusPageInput): string {
  const label = o.periodLabel ?? monthLabel(o.board.period);
  const main = html`<div class="page-head">
  <h1 id="page-title">Theo dõi nộp báo cáo ${label}</h1>
</div>
${monthPicker('/status', o.board.period, {
  after: html`<a class="json-link" href="/api/status?period=${encodeURIComponent(o.board.period)}&amp;format=xlsx" download>Tải bảng theo dõi (Excel)</a>
  <a class="json-link" href="/status?period=${encodeURIComponent(o.board.period)}&amp;format=json">Tải dữ liệu (JSON)</a>`,
})}
${o.user.role === 'van-phong' ? html`<p><a href="/reminders?period=${encodeURIComponent(o.board.period)}">Nhắc các đơn vị chưa gửi báo cáo</a></p>` : html``}
${renderStatusBoard(o.board, label, o.timeZone ?? (o.board.timeZone || DEFAULT_TIME_ZONE))}`;
  return layout({
    title: `Theo dõi nộp báo cáo ${label}`,
    main,
    csrfToken: o.csrfToken,
    user: o.user,
    scripts: ['common.js'],
    current: 'status',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
