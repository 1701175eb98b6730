/**
 * The Cognito groups a profile needs: one per role, one per unit. Names come from core/auth.ts, the
 * code that reads them back out of `cognito:groups`, so the pool and the checks cannot disagree.
 * flow: infra/stateful-stack --> user groups --> core/auth (groupsForRole)
 */
import type { AgencyProfile } from '../functions/core/agency.ts';
import { agencyGroup, groupsForRole, ROLE_LABELS } from '../functions/core/auth.ts';

export interface UserGroup {
  name: string;
  description: string;
  /** Lower wins in Cognito; mirrors roleFromGroups, where van-phong outranks lanh-dao outranks a unit. */
  precedence: number;
}

export function userGroups(profile: Pick<AgencyProfile, 'units' | 'agencyId' | 'name' | 'placeName'>): UserGroup[] {
  const groups: UserGroup[] = [
    { name: only(groupsForRole('van-phong')), description: ROLE_LABELS['van-phong'], precedence: 0 },
    { name: only(groupsForRole('lanh-dao')), description: ROLE_LABELS['lanh-dao'], precedence: 1 },
  ];
  // The agency a user belongs to: every request is scoped to it (core/auth.ts, agencyFromGroups).
  groups.push({ name: agencyGroup(profile.agencyId), description: `${profile.name} ${profile.placeName}`.slice(0, 2048), precedence: 100 });
  for (const unit of profile.units) {
    groups.push({ name: only(groupsForRole('unit', unit.code)), description: unit.name.slice(0, 2048), precedence: 10 });
  }
  return groups;
}

function only(names: string[]): string {
  const [name] = names;
  if (name === undefined || names.length !== 1) throw new Error(`expected one group, got ${JSON.stringify(names)}`);
  return name;
}
