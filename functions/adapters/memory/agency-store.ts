/**
 * Agency profiles in memory: the AgencyStore port's twin of the DynamoDB adapter, held to the same
 * contract tests (test/contracts), for use-case tests that need no emulator.
 * flow: use case --> AgencyStore port --> this adapter (a Map)
 */
import { profileTarget, type AgencyProfile } from '../../core/agency.ts';
import type { AgencyStore, AuditEntry } from '../../usecases/ports.ts';
import { copy } from './copy.ts';

export class MemoryAgencyStore implements AgencyStore {
  private readonly profiles = new Map<string, AgencyProfile[]>();

  async listProfiles(agencyId: string): Promise<AgencyProfile[]> {
    return copy(this.profiles.get(agencyId) ?? []);
  }

  async listAgencies(): Promise<string[]> {
    return [...this.profiles.keys()].sort();
  }

  /** Audit entries written with a profile version (the DynamoDB adapter writes them to the agency's audit log). */
  readonly audit: AuditEntry[] = [];

  async putProfile(profile: AgencyProfile, audit?: AuditEntry): Promise<AgencyProfile> {
    const list = this.profiles.get(profile.agencyId) ?? [];
    const stored = { ...copy(profile), version: list.reduce((m, p) => Math.max(m, p.version ?? 0), 0) + 1 };
    this.profiles.set(profile.agencyId, [...list, stored]);
    if (audit) this.audit.push(copy({ ...audit, target: profileTarget(stored) }));
    return copy(stored);
  }
}
