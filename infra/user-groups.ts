/**
 * The Cognito groups the deployment's profiles need: one per role, one per agency, one per unit
 * code. Names come from core/auth.ts, the code that reads them back out of `cognito:groups`, so the
 * pool and the checks cannot disagree.
 * flow: infra/stateful-stack --> user groups --> core/auth (groupsForRole, agencyGroup)
 */
import type { AgencyProfile } from '../functions/core/agency.ts';
import { agencyGroup, groupsForRole, ROLE_LABELS } from '../functions/core/auth.ts';

export interface UserGroup {
  name: string;
  description: string;
  /** Lower wins in Cognito; mirrors roleFromGroups, where van-phong outranks lanh-dao outranks a unit. */
  precedence: number;
}

type GroupProfile = Pick<AgencyProfile, 'units' | 'agencyId' | 'name' | 'placeName' | 'kind'>;

/** Cognito caps a group's description at 2,048 characters. */
const MAX_DESCRIPTION = 2048;

export function userGroups(profiles: readonly GroupProfile[]): UserGroup[] {
  const groups: UserGroup[] = [
    { name: only(groupsForRole('van-phong')), description: ROLE_LABELS['van-phong'], precedence: 0 },
    { name: only(groupsForRole('lanh-dao')), description: ROLE_LABELS['lanh-dao'], precedence: 1 },
  ];
  // Văn phòng UBND tỉnh's people (role ubnd-tinh): only where the deployment holds a province office.
  if (profiles.some((p) => p.kind === 'province-office')) {
    groups.push({ name: only(groupsForRole('ubnd-tinh')), description: ROLE_LABELS['ubnd-tinh'], precedence: 2 });
  }
  // Role and unit groups are shared: a user's agency group says whose Văn phòng or whose QLKH
  // they are (core/auth.ts, agencyFromGroups), so two agencies with a unit QLKH share unit-QLKH.
  const units = new Map<string, UserGroup>();
  for (const profile of profiles) {
    groups.push({ name: agencyGroup(profile.agencyId), description: `${profile.name} ${profile.placeName}`.slice(0, MAX_DESCRIPTION), precedence: 100 });
    for (const unit of profile.units) {
      const name = only(groupsForRole('unit', unit.code));
      const seen = units.get(name);
      if (!seen) {
        const group = { name, description: unit.name.slice(0, MAX_DESCRIPTION), precedence: 10 };
        units.set(name, group);
        groups.push(group);
      } else if (!seen.description.split('; ').includes(unit.name)) {
        seen.description = `${seen.description}; ${unit.name}`.slice(0, MAX_DESCRIPTION);
      }
    }
  }
  return groups;
}

function only(names: string[]): string {
  const [name] = names;
  if (name === undefined || names.length !== 1) throw new Error(`expected one group, got ${JSON.stringify(names)}`);
  return name;
}
