/**
 * The email that delivers the UBND report: to UBND tỉnh, in the tone of a covering letter
 * ("Kính gửi: …", "Trân trọng./."), the PDF attached, the workbook attached or linked.
 * flow: deliver-report use case --> report-delivery --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import type { LocalDate } from '../../functions/core/clock.ts';
import { dateVi } from '../../functions/core/aggregate/format.ts';
import { periodLabel, type Period } from '../../functions/core/period.ts';
import type { ReportFormat } from '../../functions/usecases/ports.ts';
import { renderEmail, type Email, type EmailBlock } from './render-email.ts';
import { automaticNote, senderTag, sizeVi } from './wording.ts';

export interface DeliveredFile {
  fileName: string;
  format: ReportFormat;
  size: number;
}

export interface ReportDeliveryInput {
  profile: AgencyProfile;
  period: Period;
  version: number;
  issueDate: LocalDate;
  attached: DeliveredFile[];
  /** Files too large to attach; `link` tells where to get them. */
  notAttached: DeliveredFile[];
  link?: string;
}

const WHAT: Record<ReportFormat, string> = { pdf: 'Báo cáo (tệp PDF)', xlsx: 'Phụ lục số liệu (tệp Excel)' };

export function reportDeliveryEmail(i: ReportDeliveryInput): Email {
  // The document's name as its subject line (trích yếu) gives it: "Báo cáo kết quả thực hiện nhiệm vụ tháng 5 năm 2024".
  const title = `Báo cáo kết quả thực hiện nhiệm vụ ${periodLabel(i.period)}`;
  const files = [
    ...i.attached.map((f) => `${WHAT[f.format]}: ${f.fileName} (${sizeVi(f.size)}), đính kèm thư này`),
    ...i.notAttached.map(
      (f) => `${WHAT[f.format]} (${sizeVi(f.size)}): dung lượng vượt mức cho phép của thư điện tử nên không đính kèm, ${i.link ? 'xem và tải tại đường dẫn dưới đây' : 'đề nghị liên hệ Văn phòng Sở để nhận tệp'}`,
    ),
  ].map((line, n, all) => `${line}${n === all.length - 1 ? '.' : ';'}`);
  const blocks: EmailBlock[] = [
    { kind: 'p', text: `Kính gửi: ${i.profile.superiorName}.` },
    {
      kind: 'p',
      text: `${i.profile.name} trân trọng gửi ${i.profile.superiorName} ${title} (báo cáo lập ngày ${dateVi(i.issueDate)}, phiên bản ${i.version}).`,
    },
    { kind: 'p', text: 'Tài liệu gửi kèm:' },
    { kind: 'list', items: files },
  ];
  if (i.notAttached.length > 0 && i.link) blocks.push({ kind: 'link', label: 'Xem và tải tệp', url: i.link });
  blocks.push(
    { kind: 'closing', lines: ['Trân trọng./.', i.profile.name] },
    { kind: 'note', text: automaticNote(i.profile) },
  );
  return renderEmail(`${senderTag(i.profile)} ${title}`, blocks);
}
