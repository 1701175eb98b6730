/**
 * GET /my-reports[?year=YYYY] — "Báo cáo của đơn vị": a unit user's months of the year with their
 * status and links to each month's form and history (usecases/my-reports.ts). Anonymous visitors
 * get how to sign in; other roles, which unit pages they have instead.
 * flow: API Gateway --> my reports page handler --> my reports use case --> my reports view
 */
import { agencyTitle } from '../../core/agency.ts';
import { localParts } from '../../core/clock.ts';
import { myReports } from '../../usecases/my-reports.ts';
import { query } from '../http.ts';
import { renderMyReportsPage } from '../../../templates/web/my-reports-view.ts';
import { pageCsrfToken, pageHandler, pageResponse } from './page-handler.ts';
import { pageViewer } from './page-viewer.ts';

const FOR_WHOM = 'Trang "Báo cáo của đơn vị" dành cho cán bộ phòng, đơn vị; Văn phòng và Lãnh đạo Sở xem tình hình các đơn vị ở trang Theo dõi nộp báo cáo.';

export const handler = pageHandler(async (event) => {
  const v = await pageViewer(event, 'myReportsPage', { signInTitle: 'Đăng nhập để xem báo cáo của đơn vị', forWhom: FOR_WHOM });
  if ('page' in v) return v.page;
  const { p, c, now, profile, user } = v;
  // A malformed or missing ?year shows the current one: the picker says which.
  const asked = Number(query(event, 'year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : localParts(now, profile.timeZone).year;
  return pageResponse(
    200,
    renderMyReportsPage({ reports: await myReports(c, p, year, now), user, csrfToken: pageCsrfToken(event), agencyName: agencyTitle(profile) }),
  );
});
