/**
 * Plans in memory: versions per year with the pointer switched at once, like the DynamoDB adapter
 * (same content hash: nothing written).
 * flow: use case --> PlanStore port --> this adapter (a Map)
 */
import type { Plan, PlanTask } from '../../core/plan.ts';
import type { PlanMeta, PlanStore } from '../../usecases/ports.ts';
import { copy } from './copy.ts';

export class MemoryPlanStore implements PlanStore {
  private readonly plans = new Map<string, { meta: PlanMeta; plan: Plan }>();

  private key(agencyId: string, year: number): string {
    return `${agencyId}\u0000${year}`;
  }

  async putPlan(plan: Plan, meta: { hash: string; importedAt: string; importedBy: string; source: string }) {
    const current = this.plans.get(this.key(plan.agencyId, plan.year));
    if (current && current.meta.hash === meta.hash) return { meta: copy(current.meta), changed: false };
    const next: PlanMeta = { agencyId: plan.agencyId, year: plan.year, version: (current?.meta.version ?? 0) + 1, taskCount: plan.tasks.length, ...meta };
    this.plans.set(this.key(plan.agencyId, plan.year), { meta: next, plan: copy({ ...plan, tasks: [...plan.tasks].sort((a, b) => a.order - b.order) }) });
    return { meta: copy(next), changed: true };
  }

  async getPlanMeta(agencyId: string, year: number): Promise<PlanMeta | undefined> {
    return copy(this.plans.get(this.key(agencyId, year))?.meta);
  }

  async getPlan(agencyId: string, year: number): Promise<Plan | undefined> {
    return copy(this.plans.get(this.key(agencyId, year))?.plan);
  }

  async tasksByUnit(agencyId: string, year: number, unit: string): Promise<PlanTask[]> {
    return copy((this.plans.get(this.key(agencyId, year))?.plan.tasks ?? []).filter((t) => t.leadUnit === unit));
  }

  async listPlanYears(agencyId: string): Promise<number[]> {
    return [...this.plans.values()]
      .filter((p) => p.meta.agencyId === agencyId)
      .map((p) => p.meta.year)
      .sort();
  }
}
