/**
 * The operations the province section measures, each by name in its own fresh process
 * (bench/province-child.ts). Another roll-up operation (the office's own document, say) is one
 * more entry here: it gets the same figures (wall, CPU, peak RSS, requests) and a line in the summary.
 * flow: bench/province-child --> province-steps --> province use cases
 */
import type { Container } from '../functions/adapters/container.ts';
import type { Principal } from '../functions/core/auth.ts';
import type { ProvinceView } from '../functions/core/province.ts';
import { reportRenderers } from '../functions/adapters/renderers.ts';
import { addDays } from '../functions/core/clock.ts';
import { compileReports } from '../functions/usecases/compile-reports.ts';
import { PROVINCE_READ_CONCURRENCY, provinceView } from '../functions/usecases/province.ts';

export interface StepContext {
  /** Built for the province office (its agency id). */
  c: Container;
  office: Principal;
  period: string;
  now: Date;
}

/** What a run produced, in a few numbers: every run of a step should say the same. */
export type StepOutcome = Record<string, number>;

export interface ProvinceStep {
  name: string;
  /** What it measures, for the summary. */
  note: string;
  run: (ctx: StepContext) => Promise<StepOutcome>;
}

function viewOutcome(v: ProvinceView): StepOutcome {
  const out: StepOutcome = { agencies: v.agencies.length, rollupRows: v.rollup.length, files: v.agencies.reduce((n, a) => n + a.files.length, 0) };
  for (const a of v.agencies) out[a.state] = (out[a.state] ?? 0) + 1;
  return out;
}

export const PROVINCE_STEPS: readonly ProvinceStep[] = [
  {
    name: 'view',
    note: `provinceView for the office, as GET /api/province runs it: registry, then each agency's profile, versions, delivery log and issued UBND model, ${PROVINCE_READ_CONCURRENCY} agencies at a time`,
    run: async (ctx) => viewOutcome(await provinceView(ctx.c, ctx.office, ctx.period, ctx.now)),
  },
  {
    name: 'rollup-document',
    note: "the office's roll-up as a document (kind province-office): the same reads, then its PDF and workbook rendered and stored as a new version (each run another date line, so each renders)",
    run: async (ctx) => {
      const latest = await ctx.c.reports.latest(ctx.office.agencyId, ctx.period);
      // A new date line forces a new version: every run renders, none returns the previous one.
      const issueDate = addDays(`${ctx.period}-28`, latest?.version ?? 0);
      const r = await compileReports(
        { ...ctx.c, renderers: reportRenderers },
        { agencyId: ctx.office.agencyId, period: ctx.period, trigger: 'bench', now: ctx.now, issueDate },
      );
      return { created: r.created ? 1 : 0, files: r.version.files.length, rows: r.version.files.length > 0 ? 1 : 0 };
    },
  },
  {
    name: 'view-sequential',
    note: 'the same view reading one agency after another (concurrency 1: how it read before issue 13)',
    run: async (ctx) => viewOutcome(await provinceView(ctx.c, ctx.office, ctx.period, ctx.now, { concurrency: 1 })),
  },
];
