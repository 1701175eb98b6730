/**
 * POST /api/periods/{period}/reopen — Văn phòng reopens an issued month so units can revise.
 * POST /api/periods/{period}/lock   — Văn phòng closes it by hand (issuing a report also does).
 * flow: API Gateway --> periods handler --> submissions use case
 */
import { container } from '../adapters/container.ts';
import { setPeriodLock } from '../usecases/submissions.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, type HttpEvent } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { PeriodLockResponse } from './schemas/responses.ts';
import { periodParam } from './schemas/submission.ts';

function period(event: HttpEvent): string {
  const p = periodParam.safeParse(event.pathParameters?.period);
  if (!p.success) throw new ApiError(404, 'not_found', 'Kỳ báo cáo dạng YYYY-MM.');
  return p.data;
}

export const reopenHandler = httpHandler(
  async (event) => {
    await setPeriodLock(container(), event.auth!, period(event), false, new Date());
    return json<PeriodLockResponse>(200, { period: period(event), locked: false });
  },
  { roles: ROLES_OF.reopenPeriod },
);

export const lockHandler = httpHandler(
  async (event) => {
    await setPeriodLock(container(), event.auth!, period(event), true, new Date());
    return json<PeriodLockResponse>(200, { period: period(event), locked: true });
  },
  { roles: ROLES_OF.lockPeriod },
);
