/**
 * GET /province[?period=YYYY-MM] — Văn phòng UBND tỉnh's page: what each agency of the province has
 * delivered for the month, the files, and the tasks the Chủ tịch UBND tỉnh assigned. Other roles get
 * a page saying whose it is; anonymous visitors get how to sign in.
 * flow: API Gateway --> province page handler --> province view use case --> province view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { localDate } from '../../core/clock.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { provinceView } from '../../usecases/province.ts';
import { ROLES_OF } from '../contract/roles.ts';
import { monthOrCurrent } from '../period-query.ts';
import { renderProvincePage } from '../../../templates/web/province-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

const FOR_WHOM = 'Trang này dành cho Văn phòng UBND tỉnh: tình hình gửi báo cáo của các Sở trong tỉnh.';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) return pageResponse(200, messagePage({ title: 'Đăng nhập để xem báo cáo các Sở', lead: FOR_WHOM, body: signInHelp() }));
  const c = container();
  const now = new Date();
  const office = await profileOn(c.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  if (!(ROLES_OF.provincePage as readonly string[]).includes(p.role))
    return errorPage(403, FOR_WHOM, pageUser(p, office.units.find((u) => u.code === p.unit)?.name));
  const view = await provinceView(c, p, await monthOrCurrent(event, now), now);
  return pageResponse(200, renderProvincePage({ view, user: pageUser(p), csrfToken: pageCsrfToken(event), officeName: agencyTitle(office) }));
});
