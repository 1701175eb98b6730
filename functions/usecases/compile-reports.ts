/**
 * Compiles a period's reports: builds one ReportModel per audience from the plan, the profile
 * and the submissions, renders each to PDF and xlsx (drafts: marked DỰ THẢO, number blank),
 * stores the four files and the two models in S3 under deterministic keys, then publishes the
 * version's metadata in one conditional write. Issuing (issue-report.ts) is a separate step.
 * Same input data → the existing version is returned, nothing written; changed data → the next
 * version; nothing is ever overwritten, and a crash before publishing leaves nothing visible.
 * flow: API / CLI / scheduled job --> compile reports --> aggregate (core) + renderers + ports
 */
import { AUDIENCES, type AgencyProfile } from '../core/agency.ts';
import { localDate } from '../core/clock.ts';
import { buildReportModel, type AggregateInput } from '../core/aggregate/build-report-model.ts';
import { computeInputHash } from '../core/aggregate/input-hash.ts';
import { monthlyPeriodsOf, parsePeriod, periodLabel, periodWindow, previousPeriod, type Period, type PeriodKind } from '../core/period.ts';
import type { SubmissionHead } from '../core/submission.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import { compileRollup } from './compile-rollup.ts';
import { publishVersion, storeDocument } from './publish-version.ts';
import type { AgencyStore, DirectionStore, FileArchive, JobStore, PlanStore, Renderers, ReportStore, ReportVersion, SubmissionStore } from './ports.ts';

export interface CompileStores {
  agencies: AgencyStore;
  plans: PlanStore;
  submissions: SubmissionStore;
  reports: ReportStore;
  archive: FileArchive;
  renderers: Renderers;
  /** Delivery logs: read only by a province office's roll-up (compile-rollup.ts). */
  jobs: JobStore;
  /** The leaders' directions the reports print (without it, none). */
  directions?: DirectionStore;
}

export interface CompileInput {
  agencyId: string;
  period: string;
  /** When given, must agree with the period id's kind. */
  kind?: PeriodKind;
  trigger: string;
  now: Date;
  /**
   * Date on the date line; default: today in the agency's time zone. Given explicitly and
   * different from the latest draft's, it makes a new version even when the data are unchanged.
   */
  issueDate?: string;
}

export interface CompileResult {
  version: ReportVersion;
  created: boolean;
}

async function headsOf(store: SubmissionStore, agencyId: string, periods: Period[]): Promise<SubmissionHead[]> {
  const lists = await Promise.all(periods.map((p) => store.listHeads(agencyId, p.id)));
  return lists.flat();
}

/** Everything the aggregation reads for a period (also used to decide "nothing changed"). */
export async function gatherInput(
  stores: Pick<CompileStores, 'agencies' | 'plans' | 'submissions' | 'directions'>,
  agencyId: string,
  period: Period,
  issueDate: string,
  /** The profile in force on `issueDate`, when the caller has read it already. */
  known?: AgencyProfile,
) {
  const profile = known ?? (await profileOn(stores.agencies, agencyId, issueDate));
  const plan = await stores.plans.getPlan(agencyId, period.year);
  const months = monthlyPeriodsOf(period);
  const prev = monthlyPeriodsOf(previousPeriod(period));
  const firstMonth = months[0]!.id;
  const earlierMonths = Array.from({ length: 12 }, (_, i) => ({ id: `${period.year}-${String(i + 1).padStart(2, '0')}` }))
    .map((m) => parsePeriod(m.id))
    .filter((m) => m.id < firstMonth && !prev.some((p) => p.id === m.id));
  const [submissions, previousSubmissions, earlierSubmissions, nextPlan, all] = await Promise.all([
    headsOf(stores.submissions, agencyId, months),
    headsOf(stores.submissions, agencyId, prev),
    headsOf(stores.submissions, agencyId, earlierMonths),
    // The annual report looks forward to next year's plan when it has been imported.
    period.kind === 'annual' ? stores.plans.getPlan(agencyId, period.year + 1) : Promise.resolve(undefined),
    stores.directions?.list(agencyId) ?? Promise.resolve([]),
  ]);
  // Only the directions the period could print (proposals up to its last month): a later direction
  // does not change an earlier report's input hash.
  const last = months.at(-1)!.id;
  const directions = all.filter((d) => d.proposal.period <= last);
  return { profile, plan, nextPlan, period, submissions, previousSubmissions, earlierSubmissions, ...(directions.length > 0 ? { directions } : {}) };
}

export async function compileReports(stores: CompileStores, input: CompileInput): Promise<CompileResult> {
  const period = parsePeriod(input.period);
  if (input.kind && input.kind !== period.kind) {
    throw new UseCaseError('bad_request', 'kind_mismatch', `Kỳ "${input.period}" là kỳ ${period.kind}, không phải ${input.kind}.`, [
      { field: 'kind', message: 'Không khớp với kỳ báo cáo.' },
    ]);
  }
  const issueDate = input.issueDate ?? localDate(input.now, 'Asia/Ho_Chi_Minh');
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(issueDate) ||
    Number.isNaN(Date.parse(`${issueDate}T00:00:00Z`)) ||
    new Date(`${issueDate}T00:00:00Z`).toISOString().slice(0, 10) !== issueDate
  ) {
    throw new UseCaseError('bad_request', 'invalid_issue_date', `Ngày trên báo cáo "${issueDate}" không hợp lệ (dùng YYYY-MM-DD).`, [
      { field: 'issueDate', message: 'Ngày không hợp lệ.' },
    ]);
  }
  if (periodWindow(period).from > issueDate) {
    throw new UseCaseError('invalid', 'period_not_open', `Kỳ ${periodLabel(period)} chưa bắt đầu; chưa thể tổng hợp.`, [
      { field: 'period', message: 'Kỳ chưa bắt đầu.' },
    ]);
  }
  // A province office compiles the roll-up of its province's Sở, not a report of its own units.
  const own = await profileOn(stores.agencies, input.agencyId, issueDate);
  if (own.kind === 'province-office') {
    return compileRollup(stores, { office: own, period, issueDate, explicitDate: input.issueDate !== undefined, trigger: input.trigger, now: input.now });
  }
  const data = await gatherInput(stores, input.agencyId, period, issueDate, own);
  // The hash covers the data, not the issue date: compiling again the next day with the same
  // submissions returns the version already issued.
  const inputHash = computeInputHash(data);
  const latest = await stores.reports.latest(input.agencyId, period.id);
  // Same data, same version — unless an explicit date line asks for another draft date.
  if (latest && latest.inputHash === inputHash && (input.issueDate === undefined || latest.issueDate === input.issueDate))
    return { version: latest, created: false };

  const version = (latest?.version ?? 0) + 1;
  // The four files render side by side (adapters/renderers.ts: one worker thread per CPU). All of
  // them have finished, or the compile has failed, before anything is published.
  const at = { agencyId: input.agencyId, period: period.id, version, inputHash };
  const stored = AUDIENCES.map((audience) =>
    storeDocument(stores, at, audience, buildReportModel({ ...data, audience, issueDate, inputHash } satisfies AggregateInput)),
  );
  const files = await Promise.all(stored.flatMap((d) => d.files));
  const modelKeys = Object.fromEntries(await Promise.all(stored.map((d) => d.model))) as ReportVersion['models'];
  const record: ReportVersion = {
    agencyId: input.agencyId,
    period: period.id,
    version,
    inputHash,
    issueDate,
    createdAt: input.now.toISOString(),
    trigger: input.trigger,
    files,
    models: modelKeys!,
  };
  return publishVersion(stores.reports, record, latest?.version ?? 0);
}
