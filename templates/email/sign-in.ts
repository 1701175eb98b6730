/**
 * The two emails of signing in by code: the invitation a new person receives when Văn phòng adds
 * them (where to sign in, with which address), and the one-time code itself (valid for minutes, used
 * once, never asked for by anyone by phone).
 * flow: people / code sign-in use cases --> sign-in emails --> render-email
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { ROLE_LABELS, type Role } from '../../functions/core/auth.ts';
import { renderEmail, type Email } from './render-email.ts';
import { atVi, automaticNote, senderTag } from './wording.ts';

export interface InvitationInput {
  profile: AgencyProfile;
  name: string;
  email: string;
  role: Role;
  unitName?: string;
  invitedBy: string;
  signInUrl?: string;
}

export function invitationEmail(i: InvitationInput): Email {
  const as = i.unitName ? `${ROLE_LABELS[i.role]} — ${i.unitName}` : ROLE_LABELS[i.role];
  return renderEmail(`${senderTag(i.profile)} Tài khoản báo cáo tiến độ nhiệm vụ của ${i.name}`, [
    { kind: 'p', text: `Kính gửi: ${i.name}.` },
    {
      kind: 'p',
      text: `${i.invitedBy} đã tạo cho ông/bà tài khoản trên cổng báo cáo tiến độ nhiệm vụ của ${i.profile.name} với vai trò ${as}.`,
    },
    {
      kind: 'p',
      text: `Để đăng nhập, mở trang đăng nhập, nhập địa chỉ thư ${i.email}; hệ thống gửi một mã gồm 6 chữ số tới địa chỉ này. Không cần mật khẩu.`,
    },
    ...(i.signInUrl ? [{ kind: 'link' as const, label: 'Trang đăng nhập', url: i.signInUrl }] : []),
    { kind: 'closing', lines: ['Trân trọng./.', `Văn phòng ${i.profile.name}`] },
    { kind: 'note', text: automaticNote(i.profile) },
  ]);
}

export interface CodeEmailInput {
  profile: AgencyProfile;
  code: string;
  minutes: number;
  at: Date;
}

export function signInCodeEmail(i: CodeEmailInput): Email {
  return renderEmail(`${senderTag(i.profile)} Mã đăng nhập: ${i.code}`, [
    { kind: 'p', text: `Mã đăng nhập cổng báo cáo của ông/bà là ${i.code}.` },
    {
      kind: 'p',
      text: `Mã được tạo ${atVi(i.at, i.profile.timeZone)}, dùng được một lần trong ${i.minutes} phút. Không cung cấp mã này cho bất kỳ ai; Văn phòng Sở không bao giờ hỏi mã qua điện thoại.`,
    },
    { kind: 'p', text: 'Nếu ông/bà không yêu cầu đăng nhập, hãy bỏ qua thư này.' },
    { kind: 'note', text: automaticNote(i.profile) },
  ]);
}
