/**
 * GET /report?period=YYYY-MM&unit=CODE — a unit's monthly report to read (issue 15, item 3): for
 * the leaders and Văn phòng any unit's, for a unit its own; without a unit, Văn phòng and the
 * leaders choose one. GET /report/attachment?period=&unit=&id= — an attachment of a report:
 * answers with a redirect to a fresh short-lived download link (the page itself has no script,
 * and a link printed on the page would expire while it is read). Anonymous visitors get how to
 * sign in; Văn phòng UBND tỉnh a 403 page.
 * flow: API Gateway --> report page handlers --> unit report / attachments use cases --> unit report view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { attachmentLink } from '../../usecases/attachments.ts';
import { unitReport } from '../../usecases/unit-report.ts';
import { ApiError, query } from '../http.ts';
import { monthOrCurrent } from '../period-query.ts';
import { attachmentIdParam } from '../schemas/attachments.ts';
import { periodParam, unitParam } from '../schemas/submission.ts';
import { renderUnitPickPage, renderUnitReportPage } from '../../../templates/web/unit-report-view.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse } from './page-handler.ts';
import { pageViewer } from './page-viewer.ts';

const FOR_WHOM = 'Báo cáo của phòng, đơn vị dành cho Lãnh đạo Sở, Văn phòng và chính phòng, đơn vị đó.';

export const handler = pageHandler(async (event) => {
  const v = await pageViewer(event, 'reportPage', { signInTitle: 'Đăng nhập để xem báo cáo của đơn vị', forWhom: FOR_WHOM });
  if ('page' in v) return v.page;
  const { p, c, now, profile, user } = v;
  const period = await monthOrCurrent(event, now);
  const unitQ = query(event, 'unit') || undefined;
  if (unitQ !== undefined && !unitParam.safeParse(unitQ).success) throw new ApiError(400, 'invalid_unit', 'Mã đơn vị không hợp lệ.');
  const units = p.role === 'unit' ? [] : profile.units.map((u) => ({ code: u.code, name: u.name }));
  const page = { user, csrfToken: pageCsrfToken(event), agencyName: agencyTitle(profile) };
  const unit = unitQ ?? (p.role === 'unit' ? p.unit : undefined);
  if (!unit) return pageResponse(200, renderUnitPickPage({ ...page, period, units }));
  return pageResponse(200, renderUnitReportPage({ ...page, report: await unitReport(c, p, period, unit), units }));
});

export const attachmentHandler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) return errorPage(401, 'Hãy đăng nhập để tải tài liệu kèm theo.');
  const period = periodParam.safeParse(query(event, 'period'));
  const unit = unitParam.safeParse(query(event, 'unit'));
  const id = attachmentIdParam.safeParse(query(event, 'id'));
  if (!period.success || !unit.success || !id.success) {
    throw new ApiError(404, 'not_found', 'Không tìm thấy: kỳ báo cáo (YYYY-MM), mã đơn vị hoặc mã tài liệu không hợp lệ.');
  }
  // The same rule as GET /api/attachments/…: the unit itself, Văn phòng and the leaders.
  const { url } = await attachmentLink(container(), p, { period: period.data, unit: unit.data, id: id.data });
  return pageResponse(303, '', { location: url, 'cache-control': 'no-store' });
});
