/**
 * The notice to Văn phòng when the scheduled delivery finds no issued report to send: nothing goes
 * to UBND tỉnh until a person has issued it (number, date, signature), and the notice says when
 * the delivery will look again.
 * flow: deliver-report use case --> not-issued --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { periodLabel, type Period } from '../../functions/core/period.ts';
import { renderEmail, type Email, type EmailBlock } from './render-email.ts';
import { atVi, automaticNote, senderTag } from './wording.ts';

export interface NotIssuedInput {
  profile: AgencyProfile;
  period: Period;
  /** When the delivery looked. */
  at: Date;
  /** The newest draft, if one was compiled. */
  draft?: { version: number; createdAt: string };
  /** When the delivery will look again; undefined after the last scheduled try. */
  nextTry?: Date;
  /** The reports page of the period. */
  link?: string;
}

export function notIssuedEmail(i: NotIssuedInput): Email {
  const label = periodLabel(i.period);
  const tz = i.profile.timeZone;
  const blocks: EmailBlock[] = [
    { kind: 'p', text: 'Kính gửi: Văn phòng Sở.' },
    {
      kind: 'p',
      text: `Đến ${atVi(i.at, tz)}, Báo cáo kết quả thực hiện nhiệm vụ ${label} gửi UBND tỉnh chưa được phát hành (chưa có số văn bản) nên hệ thống chưa gửi cho ${i.profile.superiorName}.`,
    },
    {
      kind: 'p',
      text: i.draft
        ? `Bản dự thảo mới nhất là phiên bản ${i.draft.version}, tổng hợp lúc ${atVi(new Date(i.draft.createdAt), tz)}. Đề nghị Văn phòng trình Lãnh đạo Sở xem, ký và phát hành (cấp số) trên trang Báo cáo tổng hợp, hoặc bằng lệnh: npm run cli -- --agency ${i.profile.agencyId} issue --period ${i.period.id}.`
        : `Báo cáo kỳ này chưa được tổng hợp. Đề nghị Văn phòng tổng hợp, trình ký và phát hành trên trang Báo cáo tổng hợp.`,
    },
    {
      kind: 'p',
      text: i.nextTry
        ? `Hệ thống sẽ kiểm tra lại và gửi văn bản đã phát hành vào ${atVi(i.nextTry, tz)}.`
        : `Đây là lần gửi cuối theo lịch; sau khi phát hành, hãy gửi bằng lệnh: npm run cli -- --agency ${i.profile.agencyId} run-job deliver --period ${i.period.id}.`,
    },
  ];
  if (i.link) blocks.push({ kind: 'link', label: 'Trang báo cáo tổng hợp', url: i.link });
  blocks.push({ kind: 'closing', lines: ['Trân trọng./.', 'Hệ thống tổng hợp báo cáo'] }, { kind: 'note', text: automaticNote(i.profile) });
  return renderEmail(`${senderTag(i.profile)} [Cần xử lý] Báo cáo ${label} chưa được phát hành, chưa gửi UBND tỉnh`, blocks);
}
