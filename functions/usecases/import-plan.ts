/**
 * Imports a year's plan from an .xlsx (laid out like the seeds' appendices) or the project's JSON.
 * Nothing is written when any row is invalid; importing the same file again changes nothing;
 * units the plan names that the agency lacks are added to a new profile version. Every outcome
 * says what the import does to the stored plan (tasks added, changed field by field, removed); a
 * dry run says it and writes nothing. Deadline amendments and the plan's document number carry
 * over onto the imported plan. The CLI and POST /api/plans/{year} both import through here.
 * flow: CLI, plans API --> import plan --> plan-import (core) + plan diff + PlanStore/AgencyStore/AuditLog ports
 */
import type { AgencyProfile } from '../core/agency.ts';
import type { Grid } from '../core/plan-import/grid.ts';
import { importPlanFromGrid, type ImportProblem, type NewUnit } from '../core/plan-import/index.ts';
import { importPlanFromJson } from '../core/plan-json.ts';
import type { TaskCategory } from '../core/plan.ts';
import { carryAmendments, diffPlans, type PlanDiff } from '../core/plan-diff.ts';
import type { AgencyStore, AuditLog, PlanMeta, PlanStore, SheetReader } from './ports.ts';
import { profileOn } from './agency-service.ts';
import { planHash } from './plan-document.ts';

export interface ImportPlanInput {
  agencyId: string;
  year: number;
  fileName: string;
  bytes: Uint8Array;
  importedBy: string;
  now: Date;
  defaultCategory?: TaskCategory;
  dryRun?: boolean;
  onProgress?: (stage: 'parse' | 'write', done: number, total: number) => void;
}

export type ImportPlanOutcome =
  | { ok: false; problems: ImportProblem[]; warnings: ImportProblem[] }
  | {
      ok: true;
      meta: PlanMeta | undefined;
      changed: boolean;
      taskCount: number;
      newUnits: NewUnit[];
      warnings: ImportProblem[];
      byUnit: Record<string, number>;
      /** What the import does (a dry run: would do) to the stored plan. */
      diff: PlanDiff;
    };

export async function importPlan(
  stores: { plans: PlanStore; agencies: AgencyStore; readSheets: SheetReader; audit?: AuditLog },
  input: ImportPlanInput,
): Promise<ImportPlanOutcome> {
  const profile = await profileOn(stores.agencies, input.agencyId, `${input.year}-01-01`);
  const opts = {
    agencyId: input.agencyId,
    year: input.year,
    profile,
    ...(input.defaultCategory ? { defaultCategory: input.defaultCategory } : {}),
    onProgress: (d: number, t: number) => input.onProgress?.('parse', d, t),
  };
  const isJson = /\.json$/i.test(input.fileName);
  let result: ReturnType<typeof importPlanFromJson>;
  if (isJson) {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(input.bytes).toString('utf8'));
    } catch (err) {
      return {
        ok: false,
        warnings: [],
        problems: [
          { sheet: 'json', row: 0, column: '', reason: `Tệp JSON không đọc được: ${(err as Error).message}`, reasonEn: 'The JSON file cannot be parsed' },
        ],
      };
    }
    result = importPlanFromJson(json, opts);
  } else {
    let grid: Grid;
    try {
      grid = await stores.readSheets(input.bytes);
    } catch (err) {
      return {
        ok: false,
        warnings: [],
        problems: [
          {
            sheet: '',
            row: 0,
            column: '',
            reason: `Không đọc được tệp Excel (.xlsx): ${(err as Error).message}`,
            reasonEn: 'The file is not a readable .xlsx workbook',
          },
        ],
      };
    }
    result = importPlanFromGrid(grid, opts);
  }
  if (result.problems.length > 0) return { ok: false, problems: result.problems, warnings: result.warnings };
  const byUnit: Record<string, number> = {};
  for (const t of result.plan.tasks) byUnit[t.leadUnit] = (byUnit[t.leadUnit] ?? 0) + 1;
  const stored = await stores.plans.getPlan(input.agencyId, input.year);
  // The plan's number and date set by an operator (plan-document) stay when a file without them is
  // imported again, and so do the deadline amendments of the tasks the file still has.
  const withDocument = !result.plan.document && stored?.document ? { ...result.plan, document: stored.document } : result.plan;
  const plan = carryAmendments(stored, withDocument);
  const diff = diffPlans(stored, plan);
  const common = { taskCount: plan.tasks.length, newUnits: result.newUnits, warnings: result.warnings, byUnit, diff };
  if (input.dryRun) return { ok: true, meta: undefined, changed: false, ...common };
  if (result.newUnits.length > 0) await addUnits(stores.agencies, profile, result.newUnits);
  const { meta, changed } = await stores.plans.putPlan(plan, {
    hash: planHash(plan),
    importedAt: input.now.toISOString(),
    importedBy: input.importedBy,
    source: input.fileName,
  });
  if (changed && stores.audit) {
    await stores.audit.appendAudit({
      agencyId: input.agencyId,
      at: input.now.toISOString(),
      actor: input.importedBy,
      action: 'plan-imported',
      target: `Kế hoạch năm ${input.year}`,
      ...(stored ? { before: { taskCount: stored.tasks.length } } : {}),
      after: {
        version: meta.version,
        source: input.fileName,
        taskCount: plan.tasks.length,
        added: diff.added.length,
        changed: diff.changed.length,
        removed: diff.removed.length,
      },
    });
  }
  return { ok: true, meta, changed, ...common };
}

/** New units join the profile version the plan was read against (same effective date, next version). */
async function addUnits(store: AgencyStore, profile: AgencyProfile, units: NewUnit[]): Promise<void> {
  const known = new Set(profile.units.map((u) => u.code));
  const added = units.filter((u) => !known.has(u.code)).map((u) => ({ code: u.code, name: u.name, kind: 'khac' as const }));
  if (added.length === 0) return;
  const { version: _v, ...rest } = profile;
  await store.putProfile({ ...rest, units: [...profile.units, ...added] });
}
