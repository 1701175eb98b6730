/**
 * "Báo cáo của đơn vị": a unit's months of one year — for each, its status as the status board
 * reads it (core/status-board.ts#unitMonthStatus: on time or late by the submission that counts,
 * a draft only, nothing yet), when, the latest revision, whether the month is locked (its report
 * issued) and whether it has begun. One query for the unit's heads, one read per month's lock.
 * flow: my reports page --> this use case --> status board rule + SubmissionStore
 */
import type { Principal } from '../core/auth.ts';
import { localDate } from '../core/clock.ts';
import { makePeriod, periodLabel, periodWindow, submissionDeadlineDate } from '../core/period.ts';
import type { MyReports } from '../core/unit-months.ts';
import { unitMonthStatus } from '../core/status-board.ts';
import { profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import type { Stores } from './submissions.ts';

export type { MyMonth, MyReports } from '../core/unit-months.ts';

export async function myReports(stores: Stores, p: Principal, year: number, now: Date): Promise<MyReports> {
  if (p.role !== 'unit' || !p.unit) throw new UseCaseError('forbidden', 'forbidden', 'Trang này dành cho cán bộ phòng, đơn vị.');
  const today = localDate(now, 'Asia/Ho_Chi_Minh');
  const periods = Array.from({ length: 12 }, (_, i) => makePeriod('monthly', year, i + 1));
  const [profile, heads, locks] = await Promise.all([
    profileOn(stores.agencies, p.agencyId, today),
    stores.submissions.headsOfUnitBefore(p.agencyId, p.unit, makePeriod('monthly', year + 1, 1).id, 12),
    Promise.all(periods.map((period) => stores.submissions.getLock(p.agencyId, period.id))),
  ]);
  const byPeriod = new Map(heads.map((h) => [h.period, h]));
  const unit = profile.units.find((u) => u.code === p.unit);
  const localToday = localDate(now, profile.timeZone);
  return {
    year,
    unit: { code: p.unit, name: unit?.name ?? p.unit },
    timeZone: profile.timeZone,
    months: periods.map((period, i) => {
      const head = byPeriod.get(period.id);
      const { status, counted } = unitMonthStatus(head, profile);
      const deadline = submissionDeadlineDate(period, profile);
      const open = periodWindow(period, profile.periodWindows).from <= localToday;
      return {
        period: { id: period.id, label: periodLabel(period) },
        status: !open && status === 'missing' ? 'not-open' : status,
        deadline,
        deadlinePassed: localToday > deadline,
        ...(counted?.submittedAt ? { submittedAt: counted.submittedAt } : {}),
        ...(counted?.lastRevisedAt ? { lastRevisedAt: counted.lastRevisedAt } : {}),
        ...(head?.draft ? { draftSavedAt: head.draft.savedAt } : {}),
        revision: head?.revision ?? 0,
        locked: locks[i]?.locked === true,
      };
    }),
  };
}
