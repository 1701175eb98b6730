/**
 * The submission use cases' stores in memory, holding the demo profile and a 2024 plan of two
 * tasks (I-1 for QLKH, I-2 for TTR): the unit tests of submitting and of importing history.
 * flow: unit tests --> memory adapters
 */
import { MemoryAgencyStore } from '../../functions/adapters/memory/agency-store.ts';
import { MemoryPlanStore } from '../../functions/adapters/memory/plan-store.ts';
import { MemorySubmissionStore } from '../../functions/adapters/memory/submission-store.ts';
import type { Stores } from '../../functions/usecases/submissions.ts';
import { demoProfile } from './demo-profile.ts';
import { planTask } from './plan-task.ts';

export async function memoryStores(agencyId: string): Promise<Stores> {
  const s: Stores = { agencies: new MemoryAgencyStore(), plans: new MemoryPlanStore(), submissions: new MemorySubmissionStore() };
  await s.agencies.putProfile({ ...demoProfile(), agencyId, effectiveFrom: '2024-01-01' });
  await s.plans.putPlan(
    { agencyId, year: 2024, tasks: [planTask(1, 'QLKH'), planTask(2, 'TTR')] },
    { hash: 'h1', importedAt: '2024-01-05T00:00:00Z', importedBy: 'op', source: 'plan.xlsx' },
  );
  return s;
}
