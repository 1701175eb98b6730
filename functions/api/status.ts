/**
 * GET /api/status?period=YYYY-MM — Văn phòng's status board as JSON (the HTML page
 * GET /status renders the same data).
 * flow: API Gateway --> status handler --> status use case
 */
import { container } from '../adapters/container.ts';
import { localDate } from '../core/clock.ts';
import { currentMonthlyPeriod } from '../core/period.ts';
import { profileOn } from '../usecases/agency-service.ts';
import { statusBoard } from '../usecases/status.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, query, type HttpEvent } from './http.ts';
import { periodParam } from './schemas/submission.ts';

/** The requested period, or the one units are reporting for today. */
export async function periodOrCurrent(event: HttpEvent, now: Date): Promise<string> {
  const p = query(event, 'period');
  if (p === undefined) {
    const c = container();
    const profile = await profileOn(c.agencies, c.config.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
    return currentMonthlyPeriod(now, profile).id;
  }
  if (!periodParam.safeParse(p).success) {
    throw new ApiError(400, 'invalid_period', 'Thiếu hoặc sai tham số period: dùng ?period=YYYY-MM.', [{ field: 'period', message: 'Kỳ báo cáo dạng YYYY-MM.' }]);
  }
  return p;
}

export const handler = httpHandler(async (event) => {
  const now = new Date();
  return json(200, await statusBoard(container(), event.auth!, await periodOrCurrent(event, now), now));
}, { roles: ['van-phong', 'lanh-dao'] });
