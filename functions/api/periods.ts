/**
 * POST /api/periods/{period}/reopen {reason} — Văn phòng reopens an issued month so units can revise.
 * POST /api/periods/{period}/lock   {reason} — Văn phòng closes it by hand (issuing a report also does).
 * The reason is kept in the period's lock log, shown on /history?period=….
 * flow: API Gateway --> periods handler --> submissions use case
 */
import { container } from '../adapters/container.ts';
import { setPeriodLock } from '../usecases/submissions.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, type HttpEvent } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { PeriodLockResponse } from './schemas/responses.ts';
import { periodLockSchema } from './schemas/periods.ts';
import { periodParam } from './schemas/submission.ts';
import { parseJsonBody } from './validation.ts';

function period(event: HttpEvent): string {
  const p = periodParam.safeParse(event.pathParameters?.period);
  if (!p.success) throw new ApiError(404, 'not_found', 'Kỳ báo cáo dạng YYYY-MM.');
  return p.data;
}

export const reopenHandler = httpHandler(
  async (event) => {
    const id = period(event);
    const { reason } = parseJsonBody(event, periodLockSchema);
    await setPeriodLock(container(), event.auth!, id, false, new Date(), reason);
    return json<PeriodLockResponse>(200, { period: id, locked: false, reason });
  },
  { roles: ROLES_OF.reopenPeriod },
);

export const lockHandler = httpHandler(
  async (event) => {
    const id = period(event);
    const { reason } = parseJsonBody(event, periodLockSchema);
    await setPeriodLock(container(), event.auth!, id, true, new Date(), reason);
    return json<PeriodLockResponse>(200, { period: id, locked: true, reason });
  },
  { roles: ROLES_OF.lockPeriod },
);
