/**
 * The `?period=YYYY-MM` query of the month-based endpoints: validated, or — where it may be left
 * out — the month units are reporting for today under the agency's deadline.
 * flow: handlers --> period query --> agency service + core period
 */
import { container } from '../adapters/container.ts';
import { localDate } from '../core/clock.ts';
import { currentMonthlyPeriod } from '../core/period.ts';
import { profileOn } from '../usecases/agency-service.ts';
import { ApiError, query, type HttpEvent } from './http.ts';
import { periodParam } from './schemas/submission.ts';

/** The month the agency's units report for at `now` (the current month until its deadline day, then the next). */
export async function currentMonth(agencyId: string, now: Date): Promise<string> {
  const c = container();
  const profile = await profileOn(c.agencies, agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  return currentMonthlyPeriod(now, profile).id;
}

/** `?period=` as given; a missing or malformed one is a 400. */
export function monthQuery(event: HttpEvent): string {
  const parsed = periodParam.safeParse(query(event, 'period'));
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_period', 'Thiếu hoặc sai tham số period: dùng ?period=YYYY-MM.', [
      { field: 'period', message: 'Kỳ báo cáo dạng YYYY-MM.' },
    ]);
  }
  return parsed.data;
}

/** `?period=` when given (a malformed one is a 400), else the current month. */
export async function monthOrCurrent(event: HttpEvent, now: Date): Promise<string> {
  return query(event, 'period') === undefined ? currentMonth(event.auth!.agencyId, now) : monthQuery(event);
}
