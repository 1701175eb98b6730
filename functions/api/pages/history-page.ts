/**
 * GET /history?period=YYYY-MM[&unit=CODE] — history you can read (issue 14). With a unit: every
 * revision of its submission for the month, who and when, what changed field by field (the unit
 * itself, Văn phòng, the leaders: the rule of GET …/revisions). Without: for Văn phòng and the
 * leaders, the month's report versions, what changed between them, what was issued and delivered;
 * a unit user gets its own unit's history. Anonymous visitors get how to sign in.
 * flow: API Gateway --> history page handler --> history use case --> history views
 */
import { agencyTitle } from '../../core/agency.ts';
import { canReadAll } from '../../core/auth.ts';
import { periodHistory, unitHistory } from '../../usecases/history.ts';
import { ApiError, query } from '../http.ts';
import { monthOrCurrent } from '../period-query.ts';
import { unitParam } from '../schemas/submission.ts';
import { renderUnitHistoryPage } from '../../../templates/web/history-view.ts';
import { renderPeriodHistoryPage } from '../../../templates/web/report-history-view.ts';
import { pageCsrfToken, pageHandler, pageResponse } from './page-handler.ts';
import { pageViewer } from './page-viewer.ts';

const FOR_WHOM = 'Lịch sử báo cáo dành cho các phòng, đơn vị (của mình), Văn phòng và Lãnh đạo Sở.';

export const handler = pageHandler(async (event) => {
  const v = await pageViewer(event, 'historyPage', { signInTitle: 'Đăng nhập để xem lịch sử báo cáo', forWhom: FOR_WHOM });
  if ('page' in v) return v.page;
  const { p, c, now, profile, user } = v;
  const period = await monthOrCurrent(event, now);
  const unitQ = query(event, 'unit');
  if (unitQ !== undefined && !unitParam.safeParse(unitQ).success) throw new ApiError(400, 'invalid_unit', 'Mã đơn vị không hợp lệ.');
  const page = { user, csrfToken: pageCsrfToken(event), agencyName: agencyTitle(profile) };
  // A unit's own history when it names none; Văn phòng and the leaders see the month's reports.
  const unit = unitQ ?? (p.role === 'unit' ? p.unit : undefined);
  if (unit) return pageResponse(200, renderUnitHistoryPage({ ...page, history: await unitHistory(c, p, period, unit), canReadReports: canReadAll(p) }));
  return pageResponse(200, renderPeriodHistoryPage({ ...page, history: await periodHistory(c, p, period) }));
});
