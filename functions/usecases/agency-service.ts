/**
 * Agency profile use cases: store a validated new version; find the version in force on a date.
 * flow: CLI / handlers --> agency service --> AgencyStore port
 */
import { profileAt, type AgencyProfile } from '../core/agency.ts';
import { nfcDeep } from '../core/text.ts';
import type { AgencyStore } from './ports.ts';
import { validateAgencyProfile } from './agency-schema.ts';

export class ProfileError extends Error {
  override name = 'ProfileError';
  constructor(readonly problems: string[]) {
    super(`Hồ sơ cơ quan chưa hợp lệ (agency profile is invalid):\n- ${problems.join('\n- ')}`);
  }
}

export async function setAgency(store: AgencyStore, input: unknown): Promise<AgencyProfile> {
  const v = validateAgencyProfile(nfcDeep(input));
  if (!v.ok) throw new ProfileError(v.problems);
  return store.putProfile(v.profile);
}

export class NoProfileError extends Error {
  override name = 'NoProfileError';
}

/** The profile version in force on a local date (YYYY-MM-DD). */
export async function profileOn(store: AgencyStore, agencyId: string, date: string): Promise<AgencyProfile> {
  const versions = await store.listProfiles(agencyId);
  const p = profileAt(versions, date) ?? (versions.length ? [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0] : undefined);
  if (!p) {
    throw new NoProfileError(
      `Chưa có hồ sơ cơ quan "${agencyId}": chạy \`npm run cli -- set-agency <tệp>\` trước. (No agency profile yet: run set-agency first.)`,
    );
  }
  return p;
}
