/**
 * The province's view reads its agencies several at a time: whatever order the reads finish in,
 * it lists the same agencies in the same order as reading them one after another, skips other
 * provinces and the office itself, and a failed read fails the view. (States, files and the
 * roll-up against real stores: test/integration/province.test.ts.)
 * flow: vitest --> province view --> memory stores
 */
import { describe, expect, it } from 'vitest';
import { MemoryAgencyStore } from '../../../functions/adapters/memory/agency-store.ts';
import { MemoryFileArchive } from '../../../functions/adapters/memory/file-archive.ts';
import { MemoryJobStore } from '../../../functions/adapters/memory/job-store.ts';
import { MemoryReportStore } from '../../../functions/adapters/memory/report-store.ts';
import { provinceView } from '../../../functions/usecases/province.ts';
import { demoProfile } from '../../support/demo-profile.ts';

const NAMES = ['Sở Y tế', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Xây dựng', 'Sở Công Thương', 'Ban Dân tộc', 'Sở Tư pháp', 'Thanh tra tỉnh', 'Sở Ngoại vụ'];
const office = { sub: 'vp', role: 'ubnd-tinh' as const, agencyId: 'vpubnd' };
const now = new Date('2024-06-05T03:00:00Z');

async function province() {
  const agencies = new MemoryAgencyStore();
  await agencies.putProfile({ ...demoProfile(), agencyId: 'vpubnd', province: 'tinh-a', name: 'Văn phòng UBND tỉnh' });
  for (const [i, name] of NAMES.entries()) {
    await agencies.putProfile({ ...demoProfile(), agencyId: `s${i}`, province: i === 4 ? 'tinh-b' : 'tinh-a', name });
  }
  const reports = new MemoryReportStore();
  // Reads finish out of order: a later agency's versions come back before an earlier one's.
  const listVersions = reports.listVersions.bind(reports);
  reports.listVersions = async (agencyId, period) => {
    await new Promise((resolve) => setTimeout(resolve, ((Number(agencyId.slice(1)) * 7) % 5) * 3));
    return listVersions(agencyId, period);
  };
  return { agencies, reports, jobs: new MemoryJobStore(), archive: new MemoryFileArchive() };
}

describe("the province's view, read in parallel", () => {
  it('lists the same agencies in the same order as reading one after another', async () => {
    const stores = await province();
    const parallel = await provinceView(stores, office, '2024-05', now);
    const sequential = await provinceView(stores, office, '2024-05', now, { concurrency: 1 });
    expect(parallel).toEqual(sequential);
    // The office and the agency of another province are not listed; the rest sorted by name.
    expect(parallel.agencies.map((a) => a.agencyId)).toEqual(['s5', 's8', 's2', 's1', 's6', 's3', 's0', 's7']);
    expect(parallel.agencies.every((a) => a.state === 'not-compiled')).toBe(true);
  });

  it('fails when one agency cannot be read', async () => {
    const stores = await province();
    stores.jobs.listDeliveries = async () => [];
    stores.reports.listVersions = async (agencyId) => {
      if (agencyId === 's3') throw new Error('ProvisionedThroughputExceeded');
      return [];
    };
    await expect(provinceView(stores, office, '2024-05', now)).rejects.toThrow('ProvisionedThroughputExceeded');
  });
});
