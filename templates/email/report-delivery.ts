/**
 * The email that delivers the UBND report: to UBND tỉnh, in the tone of a covering letter
 * ("Kính gửi: …", "Trân trọng./."), citing the document by its number and date, the issued (or
 * signed) PDF attached, the workbook attached or linked.
 * flow: deliver-report use case --> report-delivery --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import type { LocalDate } from '../../functions/core/clock.ts';
import { dateVi } from '../../functions/core/aggregate/format.ts';
import { periodLabel, type Period } from '../../functions/core/period.ts';
import type { ReportFormat } from '../../functions/core/report-files.ts';
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
  /** "15/BC-SKHCN". */
  numberText: string;
  issueDate: LocalDate;
  /** The PDF attached is the one signed by the leader (digital signature). */
  signed: boolean;
  /** Numbered by the system at delivery (profile autoIssue): said plainly in the letter. */
  autoIssued: boolean;
  attached: DeliveredFile[];
  /** Files too large to attach; `link` tells where to get them. */
  notAttached: DeliveredFile[];
  link?: string;
}

const WHAT: Record<ReportFormat, string> = { pdf: 'Báo cáo (tệp PDF)', xlsx: 'Phụ lục số liệu (tệp Excel)' };

export function reportDeliveryEmail(i: ReportDeliveryInput): Email {
  const subjectLine = `kết quả thực hiện nhiệm vụ ${periodLabel(i.period)}`;
  const document = `Báo cáo số ${i.numberText} ngày ${dateVi(i.issueDate)}`;
  const files = [
    ...i.attached.map((f) => `${WHAT[f.format]}${f.format === 'pdf' && i.signed ? ', bản đã ký số' : ''}: ${f.fileName} (${sizeVi(f.size)}), đính kèm thư này`),
    ...i.notAttached.map(
      (f) =>
        `${WHAT[f.format]} (${sizeVi(f.size)}): dung lượng vượt mức cho phép của thư điện tử nên không đính kèm, ${i.link ? 'xem và tải tại đường dẫn dưới đây' : 'đề nghị liên hệ Văn phòng Sở để nhận tệp'}`,
    ),
  ].map((line, n, all) => `${line}${n === all.length - 1 ? '.' : ';'}`);
  const blocks: EmailBlock[] = [
    { kind: 'p', text: `Kính gửi: ${i.profile.superiorName}.` },
    { kind: 'p', text: `${i.profile.name} trân trọng gửi ${i.profile.superiorName} ${document} về ${subjectLine}.` },
  ];
  if (i.autoIssued) {
    blocks.push({
      kind: 'p',
      text: `Văn bản được hệ thống tự động cấp số và gửi theo cấu hình của ${i.profile.name}, chưa qua bước ký số; bản có chữ ký sẽ được gửi theo đường văn bản nếu Ủy ban nhân dân tỉnh yêu cầu.`,
    });
  }
  blocks.push({ kind: 'p', text: 'Tài liệu gửi kèm:' }, { kind: 'list', items: files });
  if (i.notAttached.length > 0 && i.link) blocks.push({ kind: 'link', label: 'Xem và tải tệp', url: i.link });
  blocks.push({ kind: 'closing', lines: ['Trân trọng./.', i.profile.name] }, { kind: 'note', text: automaticNote(i.profile) });
  return renderEmail(`${senderTag(i.profile)} ${document} về ${subjectLine}`, blocks);
}
