// Storing an agency profile (functions/usecases/agency-service.ts) on the in-memory store.
import { describe, expect, it } from 'vitest';
import { MemoryAgencyStore } from '../../../functions/adapters/memory/agency-store.ts';
import { ProfileError, storeAgencyProfile } from '../../../functions/usecases/agency-service.ts';
import { demoProfile } from '../../support/demo-profile.ts';

describe('storing an agency profile', () => {
  it('writes a new version for a change, and nothing when the same profile comes again', async () => {
    const store = new MemoryAgencyStore();
    const first = await storeAgencyProfile(store, demoProfile());
    expect([first.changed, first.profile.version]).toEqual([true, 1]);
    const again = await storeAgencyProfile(store, demoProfile());
    expect([again.changed, again.profile.version]).toEqual([false, 1]);
    const renamed = await storeAgencyProfile(store, { ...demoProfile(), effectiveFrom: '2025-07-01', superiorHeader: 'UBND TỈNH BẮC NINH' });
    expect([renamed.changed, renamed.profile.version]).toEqual([true, 2]);
    // Back to the first text: a change against the newest version, so a new version.
    expect((await storeAgencyProfile(store, demoProfile())).profile.version).toBe(3);
    expect(await store.listProfiles(demoProfile().agencyId)).toHaveLength(3);
  });

  it('refuses an invalid profile and stores nothing', async () => {
    const store = new MemoryAgencyStore();
    await expect(storeAgencyProfile(store, { ...demoProfile(), submissionDeadlineDay: 0 })).rejects.toBeInstanceOf(ProfileError);
    expect(await store.listAgencies()).toEqual([]);
  });
});
