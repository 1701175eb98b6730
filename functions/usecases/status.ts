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
import { dueTasksOfUnits, type DueTasks } from './due-tasks.ts';
import { UseCaseError } from './errors.ts';
import { monthlyPeriod, type Stores } from './submissions.ts';

export async function statusBoard(stores: Stores, p: Principal, periodId: string, now: Date): Promise<StatusBoard> {
  return (await statusBoardWithDues(stores, p, periodId, now)).board;
}

/** The board, and each unit's due tasks it was built from (the reminder job lists them). */
export async function statusBoardWithDues(
  stores: Stores,
  p: Principal,
  periodId: string,
  now: Date,
): Promise<{ board: StatusBoard; dues: Map<string, DueTasks> }> {
  if (!canReadAll(p)) throw new UseCaseError('forbidden', 'forbidden', 'Bảng theo dõi dành cho Văn phòng và Lãnh đạo Sở.');
  const period = monthlyPeriod(periodId);
  const profile = await profileOn(stores.agencies, p.agencyId, periodWindow(period).to);
  const [heads, dues] = await Promise.all([
    stores.submissions.listHeads(p.agencyId, period.id),
    dueTasksOfUnits(
      stores,
      p.agencyId,
      profile.units.map((u) => u.code),
      period,
    ),
  ]);
  const dueByUnit = new Map<string, PlanTask[]>();
  const previousReports = new Map<string, TaskReport>();
  for (const [code, due] of dues) {
    dueByUnit.set(code, due.tasks);
    for (const [id, r] of due.previous) previousReports.set(id, r);
  }
  const deadline = submissionDeadlineDate(period, profile);
  const today = localDate(now, profile.timeZone);
  const board = buildStatusBoard({
    profile,
    period: period.id,
    deadline,
    today,
    readAt: now,
    asOf: today < deadline ? today : deadline,
    dueByUnit,
    previousReports,
    heads,
  });
  return { board, dues };
}
