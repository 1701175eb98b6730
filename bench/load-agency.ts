/**
 * Writes a synthetic agency into the stores through the same use cases operators and units use:
 * the profile (set-agency), the plan (a new plan version), then each unit's submissions and
 * drafts at the instants the generator chose, so the submit rules check the data on the way in.
 * flow: bench/run --> load-agency --> agency service / plan store / submissions use case
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../functions/core/auth.ts';
import { canonicalJson } from '../functions/core/canonical-json.ts';
import { setAgency } from '../functions/usecases/agency-service.ts';
import { mapLimit } from '../functions/core/map-limit.ts';
import { saveDraft, submit, type Stores } from '../functions/usecases/submissions.ts';
import type { SyntheticAgency } from './synthetic.ts';

export interface LoadedAgency {
  tasks: number;
  units: number;
  submitted: number;
  drafts: number;
  ms: number;
}

export async function loadAgency(stores: Stores, a: SyntheticAgency, log: (line: string) => void = () => {}): Promise<LoadedAgency> {
  const started = performance.now();
  const agencyId = a.profile.agencyId;
  await setAgency(stores.agencies, a.profile);
  const hash = createHash('sha256').update(canonicalJson(a.plan)).digest('hex');
  await stores.plans.putPlan(a.plan, { hash, importedAt: a.compileAt.toISOString(), importedBy: 'bench', source: 'bench/synthetic.ts' });
  log(`  ${agencyId}: hồ sơ ${a.profile.units.length} đơn vị, kế hoạch ${a.plan.tasks.length} nhiệm vụ đã ghi`);
  let submitted = 0;
  let drafts = 0;
  // Months in order (a month's rules read the month before); units of a month in parallel.
  for (const month of a.months) {
    // At most 8 at a time: the emulator is the bottleneck, not us.
    await mapLimit(month.submissions, 8, async (s) => {
      const p: Principal = { sub: `bench-${s.unit.toLowerCase()}`, role: 'unit', unit: s.unit, agencyId, name: s.data.reporterName };
      if (s.kind === 'draft') {
        await saveDraft(stores, p, { period: s.period, unit: s.unit, data: s.data }, s.at);
        drafts++;
      } else {
        await submit(stores, p, { period: s.period, unit: s.unit, baseRevision: 0, data: s.data }, s.at);
        submitted++;
      }
    });
    log(`  ${agencyId}: ${month.period} — ${month.submissions.length} báo cáo/nháp đã ghi`);
  }
  return { tasks: a.plan.tasks.length, units: a.profile.units.length, submitted, drafts, ms: performance.now() - started };
}
