/**
 * GET /api/dashboard?period=YYYY-MM[&format=xlsx] — the dashboard's figures as JSON (the page
 * GET /dashboard draws the same), or as a workbook to download.
 * flow: API Gateway --> dashboard handler --> dashboard use case --> dashboard sheet (xlsx)
 */
import { container } from '../adapters/container.ts';
import { agencyTitle } from '../core/agency.ts';
import { localDate } from '../core/clock.ts';
import { CONTENT_TYPES } from '../core/report-files.ts';
import { profileOn } from '../usecases/agency-service.ts';
import { dashboard } from '../usecases/dashboard.ts';
import { renderDashboardXlsx } from '../../templates/excel/dashboard-sheet.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { ApiError, download, json, query } from './http.ts';
import { monthOrCurrent } from './period-query.ts';
import type { DashboardResponse } from './schemas/responses.ts';

export const handler = httpHandler(
  async (event) => {
    const format = query(event, 'format') ?? 'json';
    if (format !== 'json' && format !== 'xlsx')
      throw new ApiError(400, 'invalid_format', 'Tham số format chỉ nhận json hoặc xlsx.', [{ field: 'format', message: 'Dùng json hoặc xlsx.' }]);
    const now = new Date();
    const c = container();
    const d = await dashboard(c, event.auth!, await monthOrCurrent(event, now), now);
    if (format === 'json') return json<DashboardResponse>(200, d);
    const profile = await profileOn(c.agencies, event.auth!.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
    return download(await renderDashboardXlsx(d, agencyTitle(profile)), CONTENT_TYPES.xlsx, `Bang dieu hanh ${d.period}.xlsx`);
  },
  { roles: ROLES_OF.getDashboard },
);
