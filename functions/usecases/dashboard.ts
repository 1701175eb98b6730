/**
 * The leaders' dashboard and task pages: the Director's report of each month of the year, built by
 * the same gatherInput + buildReportModel the compile uses (same inputs, same date line), so every
 * figure is a figure of that report. Each month's submission heads are read once however many
 * months' inputs need them.
 * flow: dashboard page / API --> dashboard use case --> compile's gatherInput + aggregate --> core dashboard
 */
import type { Principal } from '../core/auth.ts';
import { canReadAll } from '../core/auth.ts';
import { buildReportModel } from '../core/aggregate/build-report-model.ts';
import { localDate } from '../core/clock.ts';
import { buildDashboard, pendingProposals, taskTimeline, type Dashboard, type TaskTimeline } from '../core/dashboard.ts';
import { byProposalNewestFirst, type Direction } from '../core/direction.ts';
import { parsePeriod } from '../core/period.ts';
import type { IssueRow, ReportModel } from '../core/report-model.ts';
import type { SubmissionHead } from '../core/submission.ts';
import { profileOn } from './agency-service.ts';
import { gatherInput, type CompileStores } from './compile-reports.ts';
import { UseCaseError } from './errors.ts';
import type { SubmissionStore } from './ports.ts';

type Stores = Pick<CompileStores, 'agencies' | 'plans' | 'submissions' | 'directions'>;

/** Reads each (agency, month) once: the twelve months' inputs overlap. */
function headsOnce(store: SubmissionStore): Pick<SubmissionStore, 'listHeads'> {
  const seen = new Map<string, Promise<SubmissionHead[]>>();
  return {
    listHeads(agencyId, period) {
      const key = `${agencyId}|${period}`;
      let p = seen.get(key);
      if (!p) {
        p = store.listHeads(agencyId, period);
        seen.set(key, p);
      }
      return p;
    },
  };
}

/**
 * The Director's monthly models from January to `periodId`, dated today in Asia/Ho_Chi_Minh
 * (the date line a compile today prints).
 */
export async function directorMonths(stores: Stores, p: Principal, periodId: string, now: Date): Promise<ReportModel[]> {
  if (!canReadAll(p)) throw new UseCaseError('forbidden', 'forbidden', 'Chỉ Văn phòng và Lãnh đạo Sở xem bảng điều hành.');
  const period = parsePeriod(periodId);
  if (period.kind !== 'monthly') throw new UseCaseError('bad_request', 'invalid_period', 'Bảng điều hành theo tháng: dùng YYYY-MM.');
  const today = localDate(now, 'Asia/Ho_Chi_Minh');
  const profile = await profileOn(stores.agencies, p.agencyId, today);
  const cached = { ...stores, submissions: headsOnce(stores.submissions) as SubmissionStore };
  const months = Array.from({ length: period.index }, (_, i) => parsePeriod(`${period.year}-${String(i + 1).padStart(2, '0')}`));
  const inputs = await Promise.all(months.map((m) => gatherInput(cached, p.agencyId, m, today, profile)));
  // The dashboard only reads these models: they are never archived or compared with a stored
  // version, so hashing every month's input (a canonical JSON of the plan and all submissions) is
  // skipped. The empty hash marks a model that must not be stored.
  return inputs.map((data) => buildReportModel({ ...data, audience: 'director', issueDate: today, inputHash: '' }));
}

export async function dashboard(stores: Stores, p: Principal, periodId: string, now: Date): Promise<Dashboard> {
  return buildDashboard(await directorMonths(stores, p, periodId, now));
}

export async function taskPage(
  stores: Stores,
  p: Principal,
  periodId: string,
  taskId: string,
  now: Date,
): Promise<TaskTimeline & { pending: IssueRow[]; directions: Direction[] }> {
  const [months, all] = await Promise.all([directorMonths(stores, p, periodId, now), stores.directions?.list(p.agencyId) ?? Promise.resolve([])]);
  const t = taskTimeline(months, taskId);
  if (!t) throw new UseCaseError('not_found', 'task_not_found', `Không có nhiệm vụ "${taskId}" trong kế hoạch năm ${periodId.slice(0, 4)}.`);
  const pending = pendingProposals(months.at(-1)!).filter((i) => i.taskId === taskId);
  const directions = all.filter((d) => d.proposal.taskId === taskId && d.proposal.period.startsWith(periodId.slice(0, 4))).sort(byProposalNewestFirst);
  return { ...t, pending, directions };
}
