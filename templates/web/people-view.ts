/**
 * Văn phòng's page of its agency's people: the invite form (email, name, role, unit), everyone who
 * can sign in with their role, unit and state and a button to disable or re-enable them, and the
 * recent changes. On a phone each row becomes a card (the board's table classes).
 * flow: people page handler --> people view --> layout
 */
import type { AgencyProfile } from '../../functions/core/agency.ts';
import { ROLE_LABELS } from '../../functions/core/auth.ts';
import { type AuditEntry, assignableRoles, type User } from '../../functions/core/users.ts';
import { DEFAULT_TIME_ZONE, formatDateTime } from './format.ts';
import { html, type SafeHtml } from './html.ts';
import { layout, type PageUser } from './layout.ts';

export interface PeoplePageInput {
  users: User[];
  audit: AuditEntry[];
  profile: AgencyProfile;
  user: PageUser;
  csrfToken: string;
  agencyName?: string;
  /** The signed-in person's `sub`: their own row has no disable button. */
  self: string;
}

const ACTION_LABELS: Record<AuditEntry['action'], string> = {
  'user-invited': 'Mời',
  'user-changed': 'Sửa',
  'user-disabled': 'Khóa',
  'user-enabled': 'Mở lại',
  'profile-version': 'Lưu phiên bản hồ sơ cơ quan',
  'plan-imported': 'Nhập kế hoạch',
  'plan-amended': 'Gia hạn nhiệm vụ',
  'direction-recorded': 'Ghi ý kiến chỉ đạo',
  'direction-changed': 'Sửa ý kiến chỉ đạo',
};

function unitName(profile: AgencyProfile, code: string | undefined): string {
  if (!code) return '';
  return profile.units.find((u) => u.code === code)?.name ?? code;
}

function personRow(u: User, o: PeoplePageInput): SafeHtml {
  const active = u.status === 'active';
  const button =
    u.sub === o.self
      ? html`<span class="muted">(bạn)</span>`
      : html`<button type="button" class="button button-secondary" data-toggle data-email="${u.email}" data-version="${String(u.version)}" data-status="${active ? 'disabled' : 'active'}" data-name="${u.name}">${active ? 'Khóa tài khoản' : 'Mở lại'}</button>`;
  return html`<tr>
    <th scope="row" data-label="Họ và tên">${u.name}</th>
    <td data-label="Thư điện tử" class="email">${u.email}</td>
    <td data-label="Vai trò">${ROLE_LABELS[u.role]}${u.unit ? html` — ${unitName(o.profile, u.unit)}` : html``}</td>
    <td data-label="Trạng thái">${active ? html`<span class="badge badge-on-time">Đang dùng</span>` : html`<span class="badge badge-missing">Đã khóa</span>`}</td>
    <td data-label="Thao tác">${button}</td>
  </tr>`;
}

function auditLine(a: AuditEntry): SafeHtml {
  const after = a.after as { role?: string; unit?: string } | undefined;
  return html`<li><time datetime="${a.at}">${formatDateTime(a.at, DEFAULT_TIME_ZONE)}</time> — ${ACTION_LABELS[a.action]} <strong>${a.target}</strong>${after?.role ? html` (${ROLE_LABELS[after.role as User['role']] ?? after.role}${after.unit ? html`, ${after.unit}` : html``})` : html``} — bởi ${a.actor}</li>`;
}

export function renderPeoplePage(o: PeoplePageInput): string {
  const roles = assignableRoles(o.profile);
  const main = html`<h1>Người dùng của cơ quan</h1>
<section class="report-actions" aria-labelledby="invite-title">
  <h2 id="invite-title">Mời người dùng</h2>
  <p>Người được mời nhận thư hướng dẫn, rồi đăng nhập bằng địa chỉ thư này và mã gửi tới đó.</p>
  <form id="invite-form" novalidate>
    <div class="field"><label for="invite-email">Thư điện tử <span class="required" aria-hidden="true">*</span></label><input id="invite-email" name="email" type="email" inputmode="email" required maxlength="254"></div>
    <div class="field"><label for="invite-name">Họ và tên <span class="required" aria-hidden="true">*</span></label><input id="invite-name" name="name" type="text" required maxlength="100" autocomplete="off"></div>
    <div class="field"><label for="invite-role">Vai trò <span class="required" aria-hidden="true">*</span></label>
      <select id="invite-role" name="role">${roles.map((r) => html`<option value="${r}">${ROLE_LABELS[r]}</option>`)}</select></div>
    <div class="field" id="invite-unit-field"><label for="invite-unit">Phòng, đơn vị</label>
      <select id="invite-unit" name="unit"><option value="">— Không —</option>${o.profile.units.map((u) => html`<option value="${u.code}">${u.name}</option>`)}</select>
      <p class="hint">Bắt buộc với vai trò ${ROLE_LABELS.unit}; để trống với các vai trò khác.</p></div>
    <p class="buttons"><button type="submit" class="button button-primary">Mời</button></p>
    <p class="notice" role="status" aria-live="polite" data-result hidden></p>
  </form>
</section>
<h2>Danh sách (${String(o.users.length)})</h2>
${
  o.users.length
    ? html`<table class="board">
  <caption class="visually-hidden">Người dùng của cơ quan</caption>
  <thead><tr><th scope="col">Họ và tên</th><th scope="col">Thư điện tử</th><th scope="col">Vai trò</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr></thead>
  <tbody>${o.users.map((u) => personRow(u, o))}</tbody>
</table>
<p class="notice" role="status" aria-live="polite" id="people-result" hidden></p>`
    : html`<p>Chưa có người dùng nào. Mời người đầu tiên bằng biểu mẫu trên.</p>`
}
<h2>Thay đổi gần đây</h2>
${o.audit.length ? html`<ul class="plain audit">${o.audit.map(auditLine)}</ul>` : html`<p class="muted">Chưa có thay đổi nào.</p>`}`;
  return layout({
    title: 'Người dùng',
    main,
    user: o.user,
    csrfToken: o.csrfToken,
    scripts: ['people.js'],
    current: 'people',
    ...(o.agencyName ? { agencyName: o.agencyName } : {}),
  });
}
