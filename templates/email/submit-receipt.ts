/**
 * The receipt a submitter gets by email: which report was received, which revision, when, on time
 * or late, and per task what was sent — the same words the form's on-screen receipt shows
 * (core/receipt.ts) — with a link to the unit's history of the month.
 * flow: submit receipt use case --> submit-receipt --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import type { Receipt } from '../../functions/core/receipt.ts';
import { sizeText } from '../../functions/core/attachment.ts';
import { REACHED_LABEL } from '../../functions/core/product.ts';
import { renderEmail, type Email, type EmailBlock } from './render-email.ts';
import { automaticNote, senderTag } from './wording.ts';

const RESULT_WORDS = 60;

function brief(text: string): string {
  const words = text.split(/\s+/u).filter(Boolean);
  return words.length > RESULT_WORDS ? `${words.slice(0, RESULT_WORDS).join(' ')}…` : words.join(' ');
}

export function receiptTaskLine(t: Receipt['tasks'][number]): string {
  const files = t.attachments.length ? ` Tài liệu kèm theo: ${t.attachments.map((a) => `${a.name} (${sizeText(a.size)})`).join('; ')}.` : '';
  const reached = t.productReached ? ` ${REACHED_LABEL}: ${t.productReached}.` : '';
  return `Nhiệm vụ ${t.number}${t.content ? ` (${t.content})` : ''}: ${t.status}, tiến độ ${t.progress}%. Kết quả: ${brief(t.result) || '(không ghi)'}.${reached}${files}`;
}

export function submitReceiptEmail(i: { profile: AgencyProfile; receipt: Receipt; to: { name: string }; historyLink?: string }): Email {
  const r = i.receipt;
  const blocks: EmailBlock[] = [
    { kind: 'p', text: `Kính gửi: ${i.to.name || r.unit.name}.` },
    {
      kind: 'p',
      text: `Hệ thống đã nhận báo cáo kết quả thực hiện nhiệm vụ ${r.period.label} của ${r.unit.name}, phiên bản ${r.revision}, gửi lúc ${r.submittedAtText} (giờ Việt Nam)${r.onTime ? '' : '; báo cáo của kỳ được tính là nộp muộn'}. Người báo cáo: ${r.reporterName || '(không ghi)'}.`,
    },
  ];
  if (r.tasks.length) {
    blocks.push({ kind: 'p', text: `Nội dung đã gửi (${r.tasks.length} nhiệm vụ):` }, { kind: 'list', ordered: true, items: r.tasks.map(receiptTaskLine) });
  }
  if (r.otherWork) blocks.push({ kind: 'p', text: `Công việc thường xuyên, đột xuất khác: ${r.otherWork} nội dung.` });
  if (i.historyLink) blocks.push({ kind: 'link', label: 'Xem lại các phiên bản đã gửi', url: i.historyLink });
  blocks.push(
    {
      kind: 'p',
      text: 'Nếu nội dung chưa đúng, đơn vị có thể sửa và gửi lại trước khi Văn phòng ban hành báo cáo tổng hợp; mỗi lần gửi là một phiên bản mới.',
    },
    { kind: 'closing', lines: ['Trân trọng./.', `Văn phòng ${i.profile.name}`] },
    { kind: 'note', text: automaticNote(i.profile) },
  );
  return renderEmail(`${senderTag(i.profile)} [Đã nhận báo cáo] ${r.period.label} của ${r.unit.name}, phiên bản ${r.revision}`, blocks);
}
