/**
 * GET /my-reports[?year=YYYY] — "Báo cáo của đơn vị": a unit user's months of the year with their
 * status and links to each month's form and history (usecases/my-reports.ts). Anonymous visitors
 * get how to sign in; other roles, which unit pages they have instead.
 * flow: API Gateway --> my reports page handler --> my reports use case --> my reports view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { localDate, localParts } from '../../core/clock.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { myReports } from '../../usecases/my-reports.ts';
import { ROLES_OF } from '../contract/roles.ts';
import { query } from '../http.ts';
import { renderMyReportsPage } from '../../../templates/web/my-reports-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

const FOR_WHOM = 'Trang "Báo cáo của đơn vị" dành cho cán bộ phòng, đơn vị; Văn phòng và Lãnh đạo Sở xem tình hình các đơn vị ở trang Theo dõi nộp báo cáo.';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) return pageResponse(200, messagePage({ title: 'Đăng nhập để xem báo cáo của đơn vị', lead: FOR_WHOM, body: signInHelp() }));
  const c = container();
  const now = new Date();
  const profile = await profileOn(c.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  const user = pageUser(p, profile.units.find((u) => u.code === p.unit)?.name);
  if (!(ROLES_OF.myReportsPage as readonly string[]).includes(p.role)) return errorPage(403, FOR_WHOM, user);
  // A malformed or missing ?year shows the current one: the picker says which.
  const asked = Number(query(event, 'year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : localParts(now, profile.timeZone).year;
  return pageResponse(
    200,
    renderMyReportsPage({ reports: await myReports(c, p, year, now), user, csrfToken: pageCsrfToken(event), agencyName: agencyTitle(profile) }),
  );
});
