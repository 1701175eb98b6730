// Whether the deployment holds the agency a token names (functions/adapters/auth/known-agency.ts):
// yes once seen, no asked again each time, and an agency IAM forbids reading is one it does not hold.
import { describe, expect, it } from 'vitest';
import { isKnownAgency } from '../../../functions/adapters/auth/known-agency.ts';
import { MemoryAgencyStore } from '../../../functions/adapters/memory/agency-store.ts';
import type { AgencyStore } from '../../../functions/usecases/ports.ts';
import { demoProfile } from '../../support/demo-profile.ts';

describe('known agency', () => {
  it('knows an agency once it has a profile, and asks again while it has none', async () => {
    const store = new MemoryAgencyStore();
    let reads = 0;
    const counting: AgencyStore = {
      putProfile: (p) => store.putProfile(p),
      listAgencies: () => store.listAgencies(),
      listProfiles: (a) => {
        reads++;
        return store.listProfiles(a);
      },
    };
    expect(await isKnownAgency(counting, 'skhcn-hatinh')).toBe(false);
    expect(await isKnownAgency(counting, 'skhcn-hatinh')).toBe(false);
    expect(reads).toBe(2);
    await store.putProfile({ ...demoProfile(), agencyId: 'skhcn-hatinh' });
    expect(await isKnownAgency(counting, 'skhcn-hatinh')).toBe(true);
    expect(await isKnownAgency(counting, 'skhcn-hatinh')).toBe(true);
    expect(reads).toBe(3);
  });

  it('reads an access refusal (IAM confines a function to its agencies) as "not held", and lets any other error through', async () => {
    const refusing = (name: string): AgencyStore => ({
      putProfile: async () => {
        throw new Error('unused');
      },
      listAgencies: async () => [],
      listProfiles: async () => {
        throw Object.assign(new Error(`${name}: denied`), { name });
      },
    });
    expect(await isKnownAgency(refusing('AccessDeniedException'), 'skhcn-other')).toBe(false);
    await expect(isKnownAgency(refusing('ProvisionedThroughputExceededException'), 'skhcn-other')).rejects.toThrow('ProvisionedThroughputExceededException');
  });
});
