/**
 * The people of an agency who sign in: an email address, a role and (for a unit) the unit, active
 * or disabled. One person belongs to one agency: their email is a key of its own in the table, so a
 * second agency cannot take it (docs/data-model.md). The rules every change obeys, pure.
 * flow: people / code sign-in use cases --> users (pure)
 */
import type { AgencyProfile } from './agency.ts';
import { type Principal, ROLES, type Role } from './auth.ts';
import { nfc } from './text.ts';

export type UserStatus = 'active' | 'disabled';

export interface User {
  /** Lower case, NFC: the sign-in identifier. */
  email: string;
  agencyId: string;
  /** Stable id, put into the user's tokens as `sub` (kept when the email's role or unit changes). */
  sub: string;
  role: Role;
  unit?: string;
  /** "Nguyễn Thị Hoa": printed in the portal's header and the audit log. */
  name: string;
  status: UserStatus;
  invitedAt: string;
  invitedBy: string;
  updatedAt: string;
  /** Bumped by each change; a change names the version it was made on. */
  version: number;
  /** A leader's own choice: the morning digest by email on working days (usecases/leader-digest.ts). */
  digest?: boolean;
}

/** Roles an agency's people can have: a Sở's units, Văn phòng and leaders; a province office's people are `ubnd-tinh`. */
export function assignableRoles(profile: Pick<AgencyProfile, 'kind'>): Role[] {
  return profile.kind === 'province-office' ? ['ubnd-tinh'] : ROLES.filter((r) => r !== 'ubnd-tinh');
}

/** A practical address check: something@domain.tld, no spaces, at most 254 characters (RFC 5321). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u;

/** The address as stored and compared: trimmed, NFC, lower case; undefined when it is not an address. */
export function normaliseEmail(raw: string): string | undefined {
  const e = nfc(raw).trim().toLowerCase();
  return e.length <= 254 && EMAIL.test(e) ? e : undefined;
}

export interface UserProblem {
  field: 'email' | 'role' | 'unit' | 'name';
  message: string;
}

/** What is wrong with a role and unit for this agency: a unit role needs one of its units; the others none. */
export function roleProblems(profile: AgencyProfile, role: Role, unit: string | undefined): UserProblem[] {
  const allowed = assignableRoles(profile);
  if (!allowed.includes(role)) return [{ field: 'role', message: `Vai trò không hợp lệ ở cơ quan này; chọn một trong: ${allowed.join(', ')}.` }];
  if (role === 'unit') {
    if (!unit) return [{ field: 'unit', message: 'Cán bộ phòng, đơn vị cần chọn phòng, đơn vị.' }];
    if (!profile.units.some((u) => u.code === unit))
      return [{ field: 'unit', message: `Không có phòng, đơn vị mã "${unit}". Các mã hiện có: ${profile.units.map((u) => u.code).join(', ')}.` }];
    return [];
  }
  return unit ? [{ field: 'unit', message: 'Chỉ cán bộ phòng, đơn vị mới gắn với một phòng, đơn vị.' }] : [];
}

/** Who may manage an agency's people: its Văn phòng. */
export function canManagePeople(p: Principal): boolean {
  return p.role === 'van-phong' || p.role === 'ubnd-tinh';
}

/** One change to an agency's people, settings or plan, kept for the audit log. */
export interface AuditEntry {
  agencyId: string;
  at: string;
  /** `sub` and name of who did it. */
  actor: string;
  action:
    | 'user-invited'
    | 'user-changed'
    | 'user-disabled'
    | 'user-enabled'
    | 'profile-version'
    | 'plan-imported'
    | 'plan-amended'
    | 'direction-recorded'
    | 'direction-changed';
  /**
   * The email the change was about; for a new profile version, "profile v{n} from {effectiveFrom}"; for a plan,
   * "Kế hoạch năm 2024" or the task ("Kế hoạch năm 2024, nhiệm vụ 2.1"); for a direction, "Ý kiến chỉ đạo {id}".
   */
  target: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}
