/**
 * The reminder to a unit that has not submitted: which month, the deadline and how far it is,
 * the tasks it reports on, where to report. Polite before the deadline, firmer after it.
 * flow: remind-units use case --> unit-reminder --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { localDate, parseYmd, type LocalDate } from '../../functions/core/clock.ts';
import { dateVi, so } from '../../functions/core/aggregate/format.ts';
import { shortContent, taskNo } from '../../functions/core/aggregate/narrative-parts.ts';
import { formatPlanTime, type PlanTask } from '../../functions/core/plan.ts';
import { periodLabel, type Period } from '../../functions/core/period.ts';
import { renderEmail, type Email, type EmailBlock } from './render-email.ts';
import { atVi, automaticNote, senderTag } from './wording.ts';

export interface UnitReminderInput {
  profile: AgencyProfile;
  period: Period;
  unit: { code: string; name: string };
  status: 'missing' | 'draft-only';
  deadline: LocalDate;
  /** When the reminder is for (its scheduled time). */
  at: Date;
  tasks: { task: PlanTask; carriedOver: boolean }[];
  link?: string;
}

function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = parseYmd(from);
  const b = parseYmd(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export function taskLine(task: PlanTask, carriedOver: boolean): string {
  const deadline = formatPlanTime(task.finish) || 'chưa xác định';
  return `Nhiệm vụ ${taskNo(task)}: ${shortContent(task.content, 40)} (thời hạn: ${deadline})${carriedOver ? ', chưa hoàn thành từ kỳ trước' : ''}`;
}

export function unitReminderEmail(i: UnitReminderInput): Email {
  const label = periodLabel(i.period);
  const today = localDate(i.at, i.profile.timeZone);
  const left = daysBetween(today, i.deadline);
  const late = left < 0;
  const state =
    i.status === 'draft-only'
      ? `báo cáo kết quả thực hiện nhiệm vụ ${label} của đơn vị mới được lưu nháp, chưa được gửi.`
      : `Văn phòng Sở chưa nhận được báo cáo kết quả thực hiện nhiệm vụ ${label} của đơn vị.`;
  const when =
    left > 0
      ? `Hạn gửi báo cáo là hết ngày ${dateVi(i.deadline)} (còn ${so(left)} ngày).`
      : left === 0
        ? `Hôm nay (${dateVi(i.deadline)}) là ngày cuối của hạn gửi báo cáo.`
        : `Hạn gửi báo cáo là hết ngày ${dateVi(i.deadline)}; báo cáo của đơn vị đã chậm ${so(-left)} ngày.`;
  const blocks: EmailBlock[] = [
    { kind: 'p', text: `Kính gửi: ${i.unit.name}.` },
    { kind: 'p', text: `Đến ${atVi(i.at, i.profile.timeZone)}, ${state} ${when}` },
  ];
  if (i.tasks.length > 0) {
    blocks.push(
      { kind: 'p', text: `Các nhiệm vụ đơn vị cần báo cáo trong kỳ (${so(i.tasks.length)} nhiệm vụ):` },
      { kind: 'list', ordered: true, items: i.tasks.map((t) => taskLine(t.task, t.carriedOver)) },
    );
  } else {
    blocks.push({
      kind: 'p',
      text: 'Trong kỳ đơn vị không có nhiệm vụ theo kế hoạch đến hạn báo cáo; đề nghị đơn vị báo cáo kết quả thực hiện nhiệm vụ thường xuyên, đột xuất (nếu có).',
    });
  }
  blocks.push({
    kind: 'p',
    text: late
      ? 'Đề nghị đơn vị khẩn trương hoàn thiện và gửi báo cáo để Văn phòng tổng hợp, báo cáo Lãnh đạo Sở.'
      : 'Đề nghị đơn vị hoàn thiện và gửi báo cáo đúng hạn để Văn phòng tổng hợp, báo cáo Lãnh đạo Sở.',
  });
  if (i.link) blocks.push({ kind: 'link', label: 'Cập nhật và gửi báo cáo tại', url: i.link });
  blocks.push({ kind: 'closing', lines: ['Trân trọng./.', `Văn phòng ${i.profile.name}`] }, { kind: 'note', text: automaticNote(i.profile) });
  const tag = late ? '[Quá hạn báo cáo]' : '[Nhắc báo cáo]';
  return renderEmail(`${senderTag(i.profile)} ${tag} Báo cáo ${label} của ${i.unit.name}, hạn ngày ${dateVi(i.deadline)}`, blocks);
}
