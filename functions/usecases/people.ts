/**
 * Văn phòng manages its agency's people from the portal: invites a person by email into a unit with
 * a role (they receive an invitation telling them how to sign in), changes their role or unit,
 * disables or re-enables them. Every change names the version it was made on and writes its audit
 * entry in the same transaction; an email already held by another agency is refused, never moved.
 * A disabled person cannot sign in, and the sessions they hold are ended (sessions-revoked check).
 * The sign-in identity follows every change (IdentityDirectory: Cognito's user and groups in AWS,
 * nothing locally), after the table, which decides: a change that failed there is retried by saving again.
 * flow: people API / page --> people --> UserStore, IdentityDirectory, Mailer, AgencyStore
 */
import type { AgencyProfile } from '../core/agency.ts';
import type { Principal, Role } from '../core/auth.ts';
import { localDate } from '../core/clock.ts';
import { nfc } from '../core/text.ts';
import { canManagePeople, normaliseEmail, roleProblems, type User, type UserProblem } from '../core/users.ts';
import { invitationEmail } from '../../templates/email/sign-in.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import type { AgencyStore, AuditEntry, IdentityDirectory, Mailer, SessionRevoker, UserStore } from './ports.ts';

export interface PeopleDeps {
  agencies: AgencyStore;
  users: UserStore;
  mailer: Mailer;
  sessions: SessionRevoker;
  directory: IdentityDirectory;
  /** The portal's address, for the invitation's sign-in link. */
  portalUrl?: string;
}

function assertManager(p: Principal): void {
  if (!canManagePeople(p)) throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Văn phòng quản lý người dùng của cơ quan.');
}

function invalid(problems: UserProblem[]): never {
  throw new UseCaseError('invalid', 'invalid_user', problems.map((x) => x.message).join(' '), problems);
}

export const actorOf = (p: Principal) => (p.name ? `${p.name} (${p.sub})` : p.sub);

/** What the audit log keeps of a person: what a change can move. */
const snapshot = (u: User) => ({ role: u.role, ...(u.unit ? { unit: u.unit } : {}), name: u.name, status: u.status });

export async function listPeople(deps: Pick<PeopleDeps, 'users'>, p: Principal): Promise<{ users: User[]; audit: AuditEntry[] }> {
  assertManager(p);
  const [users, audit] = await Promise.all([deps.users.listUsers(p.agencyId), deps.users.listAudit(p.agencyId, 50)]);
  users.sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.email.localeCompare(b.email));
  return { users, audit };
}

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  unit?: string;
}

function checkName(name: string): string {
  const n = nfc(name).trim().replace(/\s+/gu, ' ');
  if (n.length < 2 || n.length > 100) invalid([{ field: 'name', message: 'Họ và tên từ 2 đến 100 ký tự.' }]);
  return n;
}

async function profileNow(deps: Pick<PeopleDeps, 'agencies'>, agencyId: string, now: Date): Promise<AgencyProfile> {
  return profileOn(deps.agencies, agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
}

export async function invitePerson(deps: PeopleDeps, p: Principal, input: InviteInput, now: Date): Promise<User> {
  assertManager(p);
  const email = normaliseEmail(input.email);
  if (!email) invalid([{ field: 'email', message: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@skhcn.bacgiang.gov.vn).' }]);
  const name = checkName(input.name);
  const profile = await profileNow(deps, p.agencyId, now);
  const problems = roleProblems(profile, input.role, input.unit);
  if (problems.length) invalid(problems);
  const at = now.toISOString();
  const fields: Omit<User, 'sub'> = {
    email,
    agencyId: p.agencyId,
    role: input.role,
    ...(input.unit ? { unit: input.unit } : {}),
    name,
    status: 'active',
    invitedAt: at,
    invitedBy: actorOf(p),
    updatedAt: at,
    version: 1,
  };
  // A held address is refused before the directory is touched (it would otherwise regroup its identity).
  const held = await deps.users.findByEmail(email);
  if (held) emailTaken(email, held.agencyId === p.agencyId);
  // The identity first: its subject is what the person's tokens will carry (Cognito assigns it in AWS).
  const identity = await deps.directory.create(fields);
  if (identity.kind === 'other-agency') emailTaken(email, false);
  const user: User = { ...fields, sub: identity.sub };
  const outcome = await deps.users.create(user, { agencyId: p.agencyId, at, actor: actorOf(p), action: 'user-invited', target: email, after: snapshot(user) });
  if (outcome.kind === 'email-taken') emailTaken(email, outcome.agencyId === p.agencyId);
  const unitName = user.unit ? profile.units.find((u) => u.code === user.unit)?.name : undefined;
  const mail = invitationEmail({
    profile,
    name,
    email,
    role: user.role,
    ...(unitName ? { unitName } : {}),
    invitedBy: p.name ?? 'Văn phòng',
    ...(deps.portalUrl ? { signInUrl: `${deps.portalUrl.replace(/\/$/, '')}/signin` } : {}),
  });
  // The account exists whether or not the invitation leaves: a failed send is said, and the person can still sign in by code.
  await deps.mailer.send({ from: profile.emails.from, to: [email], subject: mail.subject, text: mail.text, html: mail.html });
  return user;
}

function emailTaken(email: string, sameAgency: boolean): never {
  throw new UseCaseError(
    'conflict',
    sameAgency ? 'user_exists' : 'email_other_agency',
    sameAgency
      ? `${email} đã có tài khoản trong cơ quan; sửa vai trò hoặc đơn vị của tài khoản đó thay vì mời lại.`
      : `${email} đã là tài khoản của một cơ quan khác. Mỗi người thuộc một cơ quan; nếu người này chuyển công tác, đề nghị quản trị hệ thống chuyển tài khoản.`,
    [{ field: 'email', message: 'Địa chỉ đã có tài khoản.' }],
  );
}

export interface ChangeInput {
  email: string;
  /** The version the person looked at. */
  version: number;
  role?: Role;
  /** null: no unit (a role other than unit). */
  unit?: string | null;
  name?: string;
  status?: User['status'];
}

export async function changePerson(
  deps: Pick<PeopleDeps, 'agencies' | 'users' | 'sessions' | 'directory'>,
  p: Principal,
  input: ChangeInput,
  now: Date,
): Promise<User> {
  assertManager(p);
  const email = normaliseEmail(input.email);
  const current = email ? await deps.users.findByEmail(email) : undefined;
  // Another agency's person is as unknown here as a missing one.
  if (!current || current.agencyId !== p.agencyId) throw new UseCaseError('not_found', 'user_not_found', `Cơ quan không có tài khoản ${input.email}.`);
  if (current.version !== input.version) {
    throw new UseCaseError('conflict', 'user_changed', `Tài khoản ${current.email} vừa được người khác sửa; tải lại trang để xem bản mới nhất.`);
  }
  if (current.sub === p.sub && (input.status === 'disabled' || (input.role && input.role !== current.role))) {
    throw new UseCaseError('invalid', 'own_account', 'Không tự khóa hoặc tự đổi vai trò của chính mình; đề nghị một người khác của Văn phòng làm.');
  }
  const role = input.role ?? current.role;
  const unit = input.unit === null ? undefined : (input.unit ?? (role === 'unit' ? current.unit : undefined));
  const profile = await profileNow(deps, p.agencyId, now);
  const problems = roleProblems(profile, role, unit);
  if (problems.length) invalid(problems);
  const next: User = {
    ...current,
    role,
    name: input.name !== undefined ? checkName(input.name) : current.name,
    status: input.status ?? current.status,
    updatedAt: now.toISOString(),
    version: current.version + 1,
  };
  if (unit) next.unit = unit;
  else delete next.unit;
  const action: AuditEntry['action'] = next.status !== current.status ? (next.status === 'disabled' ? 'user-disabled' : 'user-enabled') : 'user-changed';
  const ok = await deps.users.update(next, current.version, {
    agencyId: p.agencyId,
    at: next.updatedAt,
    actor: actorOf(p),
    action,
    target: current.email,
    before: snapshot(current),
    after: snapshot(next),
  });
  if (!ok) throw new UseCaseError('conflict', 'user_changed', `Tài khoản ${current.email} vừa được người khác sửa; tải lại trang để xem bản mới nhất.`);
  // Disabled, or moved to another role or unit: the sessions opened under the old rights end now.
  if (next.status === 'disabled' || next.role !== current.role || next.unit !== current.unit) {
    await deps.sessions.revokeSubject(p.agencyId, current.sub, next.updatedAt);
  }
  // Groups and enabled state follow (in AWS the token's rights come from them); disabling signs out there too.
  await deps.directory.apply(next);
  return next;
}
