/**
 * The leaders' morning digest (issue 15, item 4): the proposals that came in since the previous
 * working day and ask the Sở's leaders for a decision, and the tasks that became overdue, each with
 * a link to the portal (the unit's readable report, the task's page), in Vietnamese.
 * flow: leader digest use case --> leader digest email --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import type { DigestContent } from '../../functions/core/leader-digest.ts';
import { renderEmail, type Email, type EmailBlock } from './render-email.ts';
import { atVi, automaticNote, senderTag } from './wording.ts';

export interface LeaderDigestInput {
  profile: AgencyProfile;
  /** The leader's name as the people list has it. */
  name: string;
  /** When the digest was due (its scheduled time), and since when it counts. */
  at: Date;
  since: Date;
  /** The month of the dashboard the tasks are read from. */
  period: string;
  content: DigestContent;
  /** The portal's address (PUBLIC_URL); without one, no links. */
  portalUrl?: string;
}

const dd = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const monthVi = (period: string) => `tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;

export function leaderDigestEmail(i: LeaderDigestInput): Email {
  const tz = i.profile.timeZone;
  const base = i.portalUrl?.replace(/\/+$/, '');
  const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const link = (path: string, o: Record<string, string>) => (base ? ` — ${base}${path}?${q(o)}` : '');
  const { proposals, overdue } = i.content;
  const blocks: EmailBlock[] = [
    { kind: 'p', text: `Kính gửi: ${i.name}.` },
    { kind: 'p', text: `Tóm tắt từ ${atVi(i.since, tz)} đến ${atVi(i.at, tz)} trên hệ thống báo cáo tiến độ nhiệm vụ của ${i.profile.name}:` },
  ];
  if (proposals.length) {
    blocks.push(
      { kind: 'p', text: `${proposals.length} đề xuất mới cần Lãnh đạo Sở cho ý kiến:` },
      {
        kind: 'list',
        ordered: true,
        items: proposals.map(
          (p) =>
            `${p.unit.name}${p.taskNumber ? `, nhiệm vụ ${p.taskNumber}${p.taskContent ? ` (${p.taskContent})` : ''}` : ''}, báo cáo ${monthVi(p.period ?? '')}: ${p.proposals}${link('/report', { period: p.period ?? '', unit: p.unit.code })}`,
        ),
      },
    );
  }
  if (overdue.length) {
    blocks.push(
      { kind: 'p', text: `${overdue.length} nhiệm vụ vừa quá hạn, chưa hoàn thành:` },
      {
        kind: 'list',
        ordered: true,
        items: overdue.map(
          (t) =>
            `Nhiệm vụ ${t.number}. ${t.content} — ${t.leadUnit.name} chủ trì, hạn ${t.deadline ? dd(t.deadline) : t.deadlineText}${t.directingLeader ? `, ${t.directingLeader.name} chỉ đạo` : ''}${t.progress !== undefined ? `, tiến độ ${t.progress}%` : ''}${link('/dashboard/task', { period: i.period, id: t.taskId })}`,
        ),
      },
    );
  }
  if (base) blocks.push({ kind: 'link', label: 'Bảng điều hành', url: `${base}/dashboard?${q({ period: i.period })}` });
  blocks.push(
    { kind: 'closing', lines: ['Trân trọng./.', 'Hệ thống tổng hợp báo cáo'] },
    { kind: 'note', text: `${automaticNote(i.profile)} Bạn nhận thư này vì đã đăng ký nhận thư tóm tắt buổi sáng; thôi nhận tại Bảng điều hành.` },
  );
  const what = [proposals.length ? `${proposals.length} đề xuất mới` : '', overdue.length ? `${overdue.length} nhiệm vụ vừa quá hạn` : '']
    .filter(Boolean)
    .join(', ');
  return renderEmail(`${senderTag(i.profile)} Tóm tắt buổi sáng: ${what}`, blocks);
}
