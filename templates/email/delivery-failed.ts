/**
 * The notice to Văn phòng when the UBND report could not be delivered: after the last failed
 * attempt, or when an attempt was interrupted and the system will not risk sending it twice.
 * flow: deliver-report use case --> delivery-failed --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { periodLabel, type Period } from '../../functions/core/period.ts';
import { so } from '../../functions/core/aggregate/format.ts';
import { renderEmail, type Email, type EmailBlock } from './render-email.ts';
import { atVi, automaticNote, senderTag } from './wording.ts';

export interface DeliveryFailedInput {
  profile: AgencyProfile;
  period: Period;
  /** "15/BC-SKHCN". */
  numberText: string;
  to: string[];
  reason: 'failed' | 'interrupted';
  attempts: number;
  lastError?: string;
  lastAttemptAt?: Date;
  /** Where Văn phòng finds the report. */
  link?: string;
}

export function deliveryFailedEmail(i: DeliveryFailedInput): Email {
  const label = periodLabel(i.period);
  const tz = i.profile.timeZone;
  const what = `Báo cáo số ${i.numberText} về kết quả thực hiện nhiệm vụ ${label}`;
  const blocks: EmailBlock[] = [{ kind: 'p', text: 'Kính gửi: Văn phòng Sở.' }];
  if (i.reason === 'failed') {
    blocks.push({
      kind: 'p',
      text: `Hệ thống chưa gửi được ${what} tới ${i.profile.superiorName} (${i.to.join(', ')}) sau ${so(i.attempts)} lần thử${i.lastAttemptAt ? `, lần cuối lúc ${atVi(i.lastAttemptAt, tz)}` : ''}. Hệ thống sẽ tự thử gửi lại; nếu vẫn không được, báo cáo được ghi vào hàng đợi lỗi để quản trị viên xử lý.`,
    });
    if (i.lastError) blocks.push({ kind: 'p', text: `Lỗi lần gửi cuối: ${i.lastError}` });
  } else {
    blocks.push({
      kind: 'p',
      text: `Lần gửi ${what} tới ${i.profile.superiorName} (${i.to.join(', ')}) bị gián đoạn giữa chừng nên hệ thống không xác định được thư đã được gửi đi hay chưa. Để tránh gửi trùng, hệ thống không tự gửi lại.`,
    });
  }
  blocks.push(
    {
      kind: 'p',
      text: `Đề nghị Văn phòng kiểm tra lại${i.reason === 'interrupted' ? ' hộp thư đã gửi và' : ''} cấu hình gửi thư (địa chỉ nhận của UBND tỉnh, địa chỉ gửi đã được xác minh), sau đó gửi lại báo cáo bằng lệnh dưới đây, hoặc gửi theo đường văn bản thông thường:`,
    },
    {
      kind: 'list',
      items: [`npm run cli -- --agency ${i.profile.agencyId} run-job deliver --period ${i.period.id}${i.reason === 'interrupted' ? ' --resend' : ''}`],
    },
  );
  if (i.link) blocks.push({ kind: 'link', label: 'Báo cáo đã được lưu, xem và tải tại', url: i.link });
  blocks.push({ kind: 'closing', lines: ['Trân trọng./.', 'Hệ thống tổng hợp báo cáo'] }, { kind: 'note', text: automaticNote(i.profile) });
  return renderEmail(`${senderTag(i.profile)} [Cần xử lý] Chưa gửi được báo cáo ${label} tới UBND tỉnh`, blocks);
}
