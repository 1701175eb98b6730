/**
 * The summary to Văn phòng after the reminders: how many units reported, who is still missing or
 * has only a draft, whether each was reminded (or has no address, or the reminder failed).
 * flow: remind-units use case --> reminder-summary --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import type { LocalDate } from '../../functions/core/clock.ts';
import { dateVi, so } from '../../functions/core/aggregate/format.ts';
import { periodLabel, type Period } from '../../functions/core/period.ts';
import type { SubmissionStatus } from '../../functions/core/report-model.ts';
import { renderEmail, type Email, type EmailBlock } from './render-email.ts';
import { atVi, automaticNote, senderTag } from './wording.ts';

export type ReminderOutcome = 'sent' | 'no-email' | 'failed' | 'interrupted';

export interface SummaryRow {
  unit: { code: string; name: string };
  status: SubmissionStatus;
  tasksDue: number;
  reminder?: ReminderOutcome;
}

export interface ReminderSummaryInput {
  profile: AgencyProfile;
  period: Period;
  deadline: LocalDate;
  at: Date;
  planFound: boolean;
  rows: SummaryRow[];
  link?: string;
}

const REMINDER_TEXT: Record<ReminderOutcome, string> = {
  sent: 'đã gửi thư nhắc',
  'no-email': 'chưa có địa chỉ thư điện tử để nhắc',
  failed: 'gửi thư nhắc không thành công',
  interrupted: 'chưa xác định được thư nhắc đã gửi hay chưa (lần gửi bị gián đoạn)',
};

export function reminderSummaryEmail(i: ReminderSummaryInput): Email {
  const label = periodLabel(i.period);
  const count = (s: SubmissionStatus) => i.rows.filter((r) => r.status === s).length;
  const pending = i.rows.filter((r) => r.status === 'missing' || r.status === 'draft-only');
  const blocks: EmailBlock[] = [{ kind: 'p', text: 'Kính gửi: Văn phòng Sở.' }];
  const asOf = `đến ${atVi(i.at, i.profile.timeZone)} (hạn gửi: hết ngày ${dateVi(i.deadline)})`;
  if (!i.planFound && i.rows.length === 0) {
    blocks.push({
      kind: 'p',
      text: `Chưa có kế hoạch năm ${i.period.year} trong hệ thống nên chưa xác định được nhiệm vụ các phòng, đơn vị phải báo cáo ${label}; chưa có phòng, đơn vị nào gửi báo cáo ${asOf}.`,
    });
  } else if (i.rows.length === 0) {
    blocks.push({
      kind: 'p',
      text: `Trong ${label} không có phòng, đơn vị nào có nhiệm vụ theo kế hoạch đến hạn báo cáo, và chưa có phòng, đơn vị nào gửi báo cáo ${asOf}.`,
    });
  } else {
    blocks.push(
      { kind: 'p', text: `Tình hình gửi báo cáo kết quả thực hiện nhiệm vụ ${label} của ${so(i.rows.length)} phòng, đơn vị ${asOf}:` },
      {
        kind: 'list',
        items: [
          `Đã gửi đúng hạn: ${so(count('on-time'))} đơn vị; gửi muộn: ${so(count('late'))} đơn vị;`,
          `Mới lưu nháp, chưa gửi: ${so(count('draft-only'))} đơn vị;`,
          `Chưa gửi báo cáo: ${so(count('missing'))} đơn vị.`,
        ],
      },
    );
    if (pending.length > 0) {
      blocks.push(
        { kind: 'p', text: 'Các phòng, đơn vị chưa gửi báo cáo:' },
        {
          kind: 'list',
          ordered: true,
          items: pending.map(
            (r) =>
              `${r.unit.name}: ${r.status === 'draft-only' ? 'mới lưu nháp' : 'chưa gửi'}, ${so(r.tasksDue)} nhiệm vụ phải báo cáo${r.reminder ? `; ${REMINDER_TEXT[r.reminder]}` : ''}.`,
          ),
        },
      );
    } else {
      blocks.push({ kind: 'p', text: 'Tất cả các phòng, đơn vị đã gửi báo cáo.' });
    }
  }
  if (i.link) blocks.push({ kind: 'link', label: 'Theo dõi chi tiết tại', url: i.link });
  blocks.push({ kind: 'closing', lines: ['Trân trọng./.', 'Hệ thống tổng hợp báo cáo'] }, { kind: 'note', text: automaticNote(i.profile) });
  const head =
    pending.length > 0
      ? `${so(pending.length)}/${so(i.rows.length)} đơn vị chưa gửi báo cáo`
      : i.rows.length > 0
        ? 'các đơn vị đã gửi đủ báo cáo'
        : 'không có đơn vị phải báo cáo';
  return renderEmail(`${senderTag(i.profile)} [Theo dõi báo cáo] ${label.charAt(0).toLocaleUpperCase('vi')}${label.slice(1)}: ${head}`, blocks);
}
