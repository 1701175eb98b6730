/**
 * GET /api/reports[?period=] — versions with presigned download links, draft and issued files
 * (Văn phòng, lãnh đạo). Compiling and issuing have their own functions (they render; this does not).
 * flow: API Gateway --> reports handler --> list use case
 */
import { container } from '../adapters/container.ts';
import { parsePeriod } from '../core/period.ts';
import { listReports } from '../usecases/list-reports.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, query } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { ReportList } from './schemas/responses.ts';
import { PERIOD_MESSAGE, periodId } from './report-params.ts';

export const listHandler = httpHandler(
  async (event) => {
    const period = query(event, 'period');
    if (period !== undefined) {
      if (!periodId.safeParse(period).success) throw new ApiError(400, 'invalid_period', PERIOD_MESSAGE, [{ field: 'period', message: 'Kỳ không hợp lệ.' }]);
      parsePeriod(period);
    }
    return json<ReportList>(200, { reports: await listReports(container(), event.auth!, period) });
  },
  { roles: ROLES_OF.listReports },
);
