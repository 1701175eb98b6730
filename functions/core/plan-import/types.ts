/**
 * What a plan import returns, shared by the spreadsheet and the JSON importers.
 * flow: plan-import, plan-json --> types (pure)
 */
import type { AgencyProfile } from '../agency.ts';
import type { Plan, TaskCategory } from '../plan.ts';

/**
 * A located finding. `row` is the 1-based Excel row (0 when it concerns the whole sheet, or for
 * JSON); `column` the Excel letter ("" when no single column is at fault) or, for JSON, the path.
 */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  /** Vietnamese, for the operator. */
  reason: string;
  reasonEn: string;
}

/** A unit the plan names that the profile does not have; the code is generated and can be changed later. */
export interface NewUnit {
  code: string;
  name: string;
}

/**
 * `problems` block the import (the caller writes nothing, and `plan.tasks` is then empty);
 * `warnings` are worth reading but the plan is usable.
 */
export interface PlanImportResult {
  plan: Plan;
  problems: ImportProblem[];
  newUnits: NewUnit[];
  warnings: ImportProblem[];
}

export interface PlanImportOptions {
  agencyId: string;
  year: number;
  profile: Pick<AgencyProfile, 'units' | 'leaders'>;
  /** Category of tasks whose section does not name one (plans grouped by unit). Default 'ke-hoach'. */
  defaultCategory?: TaskCategory;
  /** Called as rows (or JSON tasks) are processed. */
  onProgress?: (done: number, total: number) => void;
}
