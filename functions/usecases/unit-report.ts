/**
 * A unit's monthly report to read (issue 15, item 3): the form's context (due tasks, last reports,
 * the submitted head, the lock — and its read rule: the unit itself, Văn phòng, the leaders) and
 * the unit's history (who sent each revision, when), put together by core/unit-report.ts.
 * flow: report page --> unit report use case --> form context + unit history --> core unit report
 */
import type { Principal } from '../core/auth.ts';
import { periodWindow } from '../core/period.ts';
import { buildUnitReport, type UnitReport } from '../core/unit-report.ts';
import { profileOn } from './agency-service.ts';
import { unitHistory } from './history.ts';
import { formDirection } from '../core/form-context.ts';
import type { AgencyStore, DirectionStore, PlanStore, SubmissionStore, UserStore } from './ports.ts';
import { formContext, monthlyPeriod } from './submissions.ts';

export async function unitReport(
  stores: { agencies: AgencyStore; plans: PlanStore; submissions: SubmissionStore; users: UserStore; directions?: DirectionStore },
  p: Principal,
  periodId: string,
  unitCode: string,
): Promise<UnitReport> {
  const period = monthlyPeriod(periodId);
  // formContext checks who may read the unit and that it exists, before anything else is read.
  const ctx = await formContext(stores, p, unitCode, period.id);
  const [history, profile, all] = await Promise.all([
    unitHistory(stores, p, period.id, unitCode),
    profileOn(stores.agencies, p.agencyId, periodWindow(period).to),
    stores.directions?.list(p.agencyId) ?? Promise.resolve([]),
  ]);
  // Directions given on this month's own proposals: the leaders' answer to what this report asked.
  const given = all.filter((d) => d.proposal.period === period.id && d.proposal.unit === ctx.unit.code).map((d) => formDirection(d, profile));
  return buildUnitReport({
    period: period.id,
    unit: ctx.unit,
    timeZone: profile.timeZone,
    tasks: ctx.tasks,
    ...(ctx.head ? { head: ctx.head } : {}),
    revisions: history.revisions,
    leaders: ctx.leaders,
    locked: ctx.locked,
    planFound: ctx.planFound,
    answering: ctx.directions ?? [],
    given,
  });
}
