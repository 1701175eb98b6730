/**
 * Who is asking, and what each role may do. Enforced in the handlers through these functions
 * (docs/security.md lists every rule and where it is checked).
 * flow: handler --> auth (pure)
 */
import { AGENCY_ID_PATTERN, UNIT_CODE_PATTERN } from './agency.ts';

export type Role = 'unit' | 'van-phong' | 'lanh-dao' | 'ubnd-tinh';
export const ROLES: readonly Role[] = ['unit', 'van-phong', 'lanh-dao', 'ubnd-tinh'];

export const ROLE_LABELS: Record<Role, string> = {
  unit: 'Phòng, đơn vị',
  'van-phong': 'Văn phòng Sở',
  'lanh-dao': 'Lãnh đạo Sở',
  /** Văn phòng UBND tỉnh: sees what each Sở of the province delivered (its own agency is the province office). */
  'ubnd-tinh': 'Văn phòng UBND tỉnh',
};

/**
 * The longest an access token may live (exp − iat): a working day. Cognito's app client issues
 * tokens of exactly this lifetime (infra/constructs/portal-sign-in.ts), the local issuer no longer;
 * a token that claims more is not one of ours and is refused.
 */
export const ACCESS_TOKEN_HOURS = 8;
export const MAX_TOKEN_LIFETIME_SECONDS = ACCESS_TOKEN_HOURS * 3600;

/**
 * Minutes an emailed sign-in code can be used in AWS: Cognito's sign-in session (the app client's
 * AuthSessionValidity, 3–15 minutes; infra/constructs/portal-sign-in.ts) and our pending record alike.
 */
export const COGNITO_CODE_MINUTES = 10;

export interface Principal {
  /** Stable user id (JWT `sub`). */
  sub: string;
  /** Display name, when the token has one. */
  name?: string;
  role: Role;
  /** Unit code, for role `unit`. */
  unit?: string;
  agencyId: string;
}

/**
 * Maps token groups to a principal's role. Cognito groups are the roles; a unit's group carries
 * its code ("unit-QLKH"). The strongest role wins when a user is in several groups.
 */
export function roleFromGroups(groups: readonly string[]): { role: Role; unit?: string } | undefined {
  if (groups.includes('van-phong')) return { role: 'van-phong' };
  if (groups.includes('lanh-dao')) return { role: 'lanh-dao' };
  if (groups.includes('ubnd-tinh')) return { role: 'ubnd-tinh' };
  const unitGroup = groups.find((g) => g.startsWith('unit-') && UNIT_CODE_PATTERN.test(g.slice(5)));
  return unitGroup ? { role: 'unit', unit: unitGroup.slice(5) } : undefined;
}

export function groupsForRole(role: Role, unit?: string): string[] {
  return role === 'unit' ? [`unit-${unit}`] : [role];
}

/**
 * The group that names a user's agency ("agency-skhcn-bacgiang"). One deployment serves several
 * agencies: every request is scoped to the agency of the signed-in user, set when the user is
 * created (docs/onboarding.md), never to a deployment default.
 */
export function agencyGroup(agencyId: string): string {
  return `agency-${agencyId}`;
}

/** The agency a token's groups name: exactly one well-formed agency group, else undefined. */
export function agencyFromGroups(groups: readonly string[]): string | undefined {
  const named = groups.filter((g) => g.startsWith('agency-')).map((g) => g.slice('agency-'.length));
  return named.length === 1 && AGENCY_ID_PATTERN.test(named[0]!) ? named[0] : undefined;
}

/** Where a role's month starts after signing in: the unit's form, the province's page, or the status board. */
export function homePath(role: Role): string {
  return role === 'unit' ? '/' : role === 'ubnd-tinh' ? '/province' : '/status';
}

/** Read a unit's submissions: the unit itself, Văn phòng, the leaders. */
export function canReadUnit(p: Principal, unit: string): boolean {
  return p.role !== 'unit' || p.unit === unit;
}

/** Write a unit's submission or draft: only the unit itself (Văn phòng may correct on its behalf). */
export function canWriteUnit(p: Principal, unit: string): boolean {
  return (p.role === 'unit' && p.unit === unit) || p.role === 'van-phong';
}

/** See every unit (status board, all submissions, reports). */
export function canReadAll(p: Principal): boolean {
  return p.role === 'van-phong' || p.role === 'lanh-dao';
}

/**
 * The compiled reports: Văn phòng and the leaders of a Sở, and Văn phòng UBND tỉnh for its own
 * agency, whose reports are the roll-ups of its province (usecases/compile-rollup.ts).
 */
export function canReadReports(p: Principal): boolean {
  return canReadAll(p) || p.role === 'ubnd-tinh';
}

/** Compile, attach the signed PDF: Văn phòng of a Sở, or Văn phòng UBND tỉnh for its roll-up. */
export function canCompileReports(p: Principal): boolean {
  return p.role === 'van-phong' || p.role === 'ubnd-tinh';
}

/** Compile reports, reopen a period, manage the plan. */
export function isVanPhong(p: Principal): boolean {
  return p.role === 'van-phong';
}
