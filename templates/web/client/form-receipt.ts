/**
 * The receipt shown after a submission (the answer's `receipt`, core/receipt.ts): revision, time sent
 * in the agency's zone, unit, month, and per task what was sent — status, progress, result, files —
 * and whether the receipt email went out (a submission stands even when the email could not go).
 * flow: form page script --> form receipt --> DOM
 */
import { sizeText } from '../../../functions/core/attachment.ts';
import { REACHED_LABEL } from '../../../functions/core/product.ts';
import type { Receipt } from '../../../functions/core/receipt.ts';
import { h, replaceChildren } from './dom.ts';

export type ReceiptWithEmail = Receipt & { email: { status: 'sent' | 'failed' | 'no-address'; again?: boolean; to?: string } };

function emailLine(r: ReceiptWithEmail): string {
  const e = r.email;
  if (e.status === 'sent') return e.again ? `Thư biên nhận đã được gửi tới ${e.to} từ lần gửi trước; không gửi lại.` : `Đã gửi thư biên nhận tới ${e.to}.`;
  if (e.status === 'no-address') return 'Tài khoản của bạn chưa có địa chỉ thư điện tử nên không có thư biên nhận; báo cáo đã được lưu.';
  return 'Chưa gửi được thư biên nhận, nhưng báo cáo đã được lưu. Biên nhận trên màn hình này là đầy đủ; có thể xem lại ở trang Lịch sử.';
}

export function showReceipt(r: ReceiptWithEmail): void {
  let box = document.getElementById('receipt');
  if (!box) {
    box = h('section', { id: 'receipt', class: 'receipt notice notice-success', tabindex: '-1', 'aria-labelledby': 'receipt-title' });
    const banner = document.getElementById('banner');
    if (banner) banner.after(box);
    else document.getElementById('app')?.prepend(box);
  }
  const history = `/history?period=${encodeURIComponent(r.period.id)}&unit=${encodeURIComponent(r.unit.code)}`;
  replaceChildren(
    box,
    h('h2', { id: 'receipt-title' }, 'Biên nhận báo cáo'),
    h(
      'dl',
      { class: 'period-info' },
      h('div', {}, h('dt', {}, 'Đơn vị'), h('dd', {}, r.unit.name)),
      h('div', {}, h('dt', {}, 'Kỳ báo cáo'), h('dd', {}, r.period.label)),
      h('div', {}, h('dt', {}, 'Phiên bản'), h('dd', {}, String(r.revision))),
      h('div', {}, h('dt', {}, 'Thời điểm gửi'), h('dd', {}, h('time', { datetime: r.submittedAt }, `${r.submittedAtText} (giờ Việt Nam)`))),
      h('div', {}, h('dt', {}, 'Người báo cáo'), h('dd', {}, r.reporterName || '(không ghi)')),
    ),
    r.onTime ? null : h('p', {}, 'Báo cáo của kỳ được ghi nhận là nộp muộn (tính theo lần gửi đầu tiên).'),
    r.tasks.length
      ? h(
          'ol',
          { class: 'receipt-tasks' },
          r.tasks.map((t) =>
            h(
              'li',
              {},
              h('strong', {}, `Nhiệm vụ ${t.number}`),
              t.content ? ` (${t.content})` : '',
              `: ${t.status}, tiến độ ${t.progress}%.`,
              h('br'),
              `Kết quả: ${t.result || '(không ghi)'}`,
              t.productReached ? h('br') : null,
              t.productReached ? h('span', { class: 'receipt-reached' }, `${REACHED_LABEL}: ${t.productReached}`) : null,
              t.attachments.length ? h('br') : null,
              t.attachments.length ? `Tài liệu kèm theo: ${t.attachments.map((a) => `${a.name} (${sizeText(a.size)})`).join('; ')}` : null,
            ),
          ),
        )
      : null,
    r.otherWork ? h('p', {}, `Công việc khác: ${r.otherWork} nội dung.`) : null,
    h('p', { id: 'receipt-email' }, emailLine(r)),
    h(
      'p',
      {},
      h('a', { href: history }, 'Xem lịch sử các phiên bản'),
      ' · ',
      h('a', { href: `/my-reports?year=${r.period.id.slice(0, 4)}` }, 'Báo cáo của đơn vị'),
    ),
  );
  box.hidden = false;
}

export function hideReceipt(): void {
  const box = document.getElementById('receipt');
  if (box) box.hidden = true;
}
