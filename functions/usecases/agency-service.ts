/**
 * Agency profile use cases: store a validated new version; find the version in force on a date.
 * flow: CLI / handlers --> agency service --> AgencyStore port
 */
import { canonicalJson } from '../core/canonical-json.ts';
import { profileAt, type AgencyProfile } from '../core/agency.ts';
import { nfcDeep } from '../core/text.ts';
import type { AgencyStore, AuditEntry } from './ports.ts';
import { validateAgencyProfile } from './agency-schema.ts';

export class ProfileError extends Error {
  override name = 'ProfileError';
  constructor(readonly problems: string[]) {
    super(`Hồ sơ cơ quan chưa hợp lệ (agency profile is invalid):\n- ${problems.join('\n- ')}`);
  }
}

export async function setAgency(store: AgencyStore, input: unknown): Promise<AgencyProfile> {
  return (await storeAgencyProfile(store, input)).profile;
}

/**
 * Validates and stores a profile as a new version — unless it is exactly the newest version
 * already stored: the same file given twice changes nothing (`changed: false`), as a plan import does.
 */
export async function storeAgencyProfile(store: AgencyStore, input: unknown, audit?: AuditEntry): Promise<{ profile: AgencyProfile; changed: boolean }> {
  const v = validateAgencyProfile(nfcDeep(input));
  if (!v.ok) throw new ProfileError(v.problems);
  const versions = await store.listProfiles(v.profile.agencyId);
  const newest = versions.reduce<AgencyProfile | undefined>((m, p) => (!m || (p.version ?? 0) > (m.version ?? 0) ? p : m), undefined);
  if (newest) {
    const { version: _v, ...stored } = newest;
    if (canonicalJson(stored) === canonicalJson(v.profile)) return { profile: newest, changed: false };
  }
  return { profile: await store.putProfile(v.profile, audit), changed: true };
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
