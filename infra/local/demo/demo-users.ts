/**
 * The demo agency's people, so `npm start` can be used as its users would, by email code (the code
 * arrives in the local SES emulator's mailbox): Văn phòng at the Văn phòng unit's address, a leader,
 * and each unit's head at the unit's address from the profile. Created directly (no invitation mail).
 * flow: load demo --> demo users --> UserStore
 */
import { randomUUID } from 'node:crypto';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import { normaliseEmail, type User } from '../../../functions/core/users.ts';
import type { UserStore } from '../../../functions/usecases/ports.ts';

function demoPeople(profile: AgencyProfile): Omit<User, 'agencyId' | 'sub' | 'invitedAt' | 'invitedBy' | 'updatedAt' | 'version' | 'status'>[] {
  const domain = profile.emails.from.split('@')[1]!;
  const people: ReturnType<typeof demoPeople> = [];
  for (const u of profile.units) {
    const email = u.emails?.[0] && normaliseEmail(u.emails[0]);
    if (!email) continue;
    people.push(
      u.kind === 'van-phong' ? { email, name: `${u.name} (demo)`, role: 'van-phong' } : { email, name: `Trưởng ${u.name} (demo)`, role: 'unit', unit: u.code },
    );
  }
  people.push({ email: `lanhdao@${domain}`, name: 'Lãnh đạo Sở (demo)', role: 'lanh-dao' });
  return people;
}

/** Creates the demo people that do not exist yet; returns their addresses and roles. */
export async function loadDemoUsers(users: UserStore, profile: AgencyProfile, now: Date): Promise<string[]> {
  const at = now.toISOString();
  const out: string[] = [];
  for (const p of demoPeople(profile)) {
    const user: User = { ...p, agencyId: profile.agencyId, sub: randomUUID(), status: 'active', invitedAt: at, invitedBy: 'demo', updatedAt: at, version: 1 };
    const r = await users.create(user, {
      agencyId: profile.agencyId,
      at,
      actor: 'demo',
      action: 'user-invited',
      target: user.email,
      after: { role: user.role, ...(user.unit ? { unit: user.unit } : {}) },
    });
    if (r.kind === 'created') out.push(`${user.email} (${user.role}${user.unit ? ` ${user.unit}` : ''})`);
  }
  return out;
}
