/**
 * Văn phòng's "remind now" page for a month: each reminder the month calls for (a unit that has not
 * sent its report), with a box to choose it, its addresses and the email in full (folded), then the
 * button that sends the chosen ones; below, the reminders already sent this month, from the
 * delivery log. On a phone each item is a card.
 * flow: reminders page handler --> reminders view --> layout
 */
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';

/** One reminder of the preview (the remind-now use case's result row). */
export interface ReminderPreviewRow {
  unit: { code: string; name: string };
  status: 'missing' | 'draft-only';
  to: string[];
  subject: string;
  text: string;
}

/** One email of the delivery log, as this page shows it. */
export interface SentReminder {
  purpose: string;
  run: string;
  to: string[];
  status: 'sending' | 'retrying' | 'sent' | 'failed' | 'interrupted';
  messageId?: string;
  attempts: { at: string; ok: boolean; error?: string }[];
}

export interface RemindersPageInput {
  period: string;
  periodLabel: string;
  preview?: { deadline: string; reminders: ReminderPreviewRow[] };
  locked: boolean;
  sent: SentReminder[];
  /** Unit names by code, for the log (which records the unit's code). */
  unitNames: Record<string, string>;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
  timeZone?: string;
}

const STATUS_WORDS = { missing: 'Chưa nộp', 'draft-only': 'Mới lưu nháp, chưa gửi' } as const;
const OUTCOME_WORDS: Record<SentReminder['status'], string> = {
  sent: 'Đã gửi',
  sending: 'Đang gửi',
  retrying: 'Đang gửi lại',
  failed: 'Không gửi được',
  interrupted: 'Bị gián đoạn',
};

function previewItem(r: ReminderPreviewRow): SafeHtml {
  const id = `unit-${r.unit.code}`;
  const noAddress = r.to.length === 0;
  return html`<li class="reminder">
  <input type="checkbox" id="${id}" name="unit" value="${r.unit.code}"${noAddress ? html` disabled` : html` checked`}>
  <label for="${id}"><strong>${r.unit.name}</strong> — ${STATUS_WORDS[r.status]}</label>
  <p class="small">${noAddress ? html`<span class="late-note">Hồ sơ cơ quan chưa có địa chỉ thư của đơn vị này: không gửi được.</span>` : html`Gửi tới: ${r.to.join(', ')}`}</p>
  <details><summary>${r.subject}</summary><pre class="email-text">${r.text}</pre></details>
</li>`;
}

function sentRow(d: SentReminder, tz: string, names: Record<string, string>): SafeHtml {
  const last = d.attempts.at(-1);
  const code = d.purpose.replace(/^reminder:/, '');
  return html`<tr>
    <th scope="row" data-label="Đơn vị">${names[code] ?? code}</th>
    <td data-label="Lúc">${last ? html`<time datetime="${last.at}">${formatDateTime(last.at, tz)}</time>` : html`—`}</td>
    <td data-label="Gửi tới" class="email">${d.to.join(', ')}</td>
    <td data-label="Kết quả">${OUTCOME_WORDS[d.status]}${d.messageId ? html` <span class="muted small">(mã thư ${d.messageId})</span>` : html``}${last?.error ? html` <span class="late-note">${last.error}</span>` : html``}</td>
    <td data-label="Lần gửi" class="muted small">${d.run.startsWith('remind-now@') ? 'Văn phòng gửi' : 'Theo lịch'}</td>
  </tr>`;
}

export function renderRemindersPage(o: RemindersPageInput): string {
  const tz = o.timeZone ?? DEFAULT_TIME_ZONE;
  const preview = o.preview;
  const body = o.locked
    ? html`<p class="notice notice-warn">Kỳ ${o.periodLabel} đã khóa (đã ban hành báo cáo): không còn gì để nhắc.</p>`
    : !preview || preview.reminders.length === 0
      ? html`<p class="notice notice-success">Mọi đơn vị đã gửi báo cáo ${o.periodLabel}: không có ai cần nhắc.</p>`
      : html`<form id="remind-form" data-period="${o.period}" novalidate>
  <p>Hạn gửi báo cáo: hết ngày ${formatDate(preview.deadline)}. Các đơn vị dưới đây chưa gửi báo cáo; xem thư sẽ gửi, bỏ chọn đơn vị không cần nhắc, rồi bấm gửi.</p>
  <ul class="plain reminders">${preview.reminders.map(previewItem)}</ul>
  <p class="buttons"><button type="submit" class="button button-primary">Gửi thư nhắc các đơn vị đã chọn</button></p>
  <p class="notice" role="status" aria-live="polite" data-result hidden></p>
</form>`;
  const main = html`<h1>Nhắc các đơn vị — ${o.periodLabel}</h1>
<form method="get" action="/reminders" class="period-picker">
  <label for="period">Kỳ báo cáo (tháng)</label>
  <input id="period" name="period" type="month" value="${o.period}" required>
  <button type="submit" class="button">Xem</button>
</form>
${body}
<h2>Thư nhắc đã gửi trong kỳ</h2>
${
  o.sent.length
    ? html`<table class="board">
  <caption class="visually-hidden">Thư nhắc đã gửi trong kỳ</caption>
  <thead><tr><th scope="col">Đơn vị</th><th scope="col">Lúc</th><th scope="col">Gửi tới</th><th scope="col">Kết quả</th><th scope="col">Lần gửi</th></tr></thead>
  <tbody>${o.sent.map((d) => sentRow(d, tz, o.unitNames))}</tbody>
</table>`
    : html`<p class="muted">Chưa gửi thư nhắc nào trong kỳ này.</p>`
}
<p><a href="/status?period=${o.period}">Về bảng theo dõi nộp báo cáo</a></p>`;
  return layout({
    title: `Nhắc các đơn vị — ${o.periodLabel}`,
    main,
    user: o.user,
    csrfToken: o.csrfToken,
    scripts: ['reminders.js'],
    current: 'status',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
