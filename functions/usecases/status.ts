/**
 * Builds Văn phòng's status board for a month from the plan, the profile and the submissions.
 * flow: handlers --> status use case --> status board (core) + stores
 */
import { canReadAll, type Principal } from '../core/auth.ts';
import { localDate } from '../core/clock.ts';
import { periodWindow, submissionDeadlineDate } from '../core/period.ts';
import { buildStatusBoard, type StatusBoard } from '../core/status-board.ts';
import type { PlanTask } from '../core/plan.ts';
import type { TaskReport } from '../core/submission.ts';
import { profileOn } from './agency-service.ts';
import { dueTasks } from './due-tasks.ts';
import { UseCaseError } from './errors.ts';
import { monthlyPeriod, type Stores } from './submissions.ts';

export async function statusBoard(stores: Stores, p: Principal, periodId: string, now: Date): Promise<StatusBoard> {
  if (!canReadAll(p)) throw new UseCaseError('forbidden', 'forbidden', 'Bảng theo dõi dành cho Văn phòng và Lãnh đạo Sở.');
  const period = monthlyPeriod(periodId);
  const profile = await profileOn(stores.agencies, p.agencyId, periodWindow(period).to);
  const [heads, dues] = await Promise.all([
    stores.submissions.listHeads(p.agencyId, period.id),
    Promise.all(profile.units.map(async (u) => [u.code, await dueTasks(stores, p.agencyId, u.code, period)] as const)),
  ]);
  const dueByUnit = new Map<string, PlanTask[]>();
  const previousReports = new Map<string, TaskReport>();
  for (const [code, due] of dues) {
    dueByUnit.set(code, due.tasks);
    for (const [id, r] of due.previous) previousReports.set(id, r);
  }
  const deadline = submissionDeadlineDate(period, profile);
  const today = localDate(now, profile.timeZone);
  return buildStatusBoard({
    profile,
    period: period.id,
    deadline,
    today,
    asOf: today < deadline ? today : deadline,
    dueByUnit,
    previousReports,
    heads,
  });
}
