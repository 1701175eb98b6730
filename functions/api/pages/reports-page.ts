/**
 * GET /reports[?period=] — the compiled reports, newest first, with download links and (for a
 * month) the status board's summary. For Văn phòng and the leaders, and for Văn phòng UBND tỉnh
 * its roll-ups of the province's reports.
 * flow: API Gateway --> reports page handler --> list reports + status use cases --> reports view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { canCompileReports, canReadAll, canReadReports } from '../../core/auth.ts';
import { localDate } from '../../core/clock.ts';
import { PERIOD_ID_PATTERN, parsePeriod, periodLabel } from '../../core/period.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { listReports } from '../../usecases/list-reports.ts';
import { statusBoard } from '../../usecases/status.ts';
import { ROLES_OF } from '../contract/roles.ts';
import { ApiError, query } from '../http.ts';
import { renderReportsPage } from '../../../templates/web/reports-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p)
    return pageResponse(
      200,
      messagePage({ title: 'Đăng nhập để xem báo cáo tổng hợp', lead: 'Báo cáo tổng hợp dành cho Văn phòng và Lãnh đạo Sở.', body: signInHelp() }),
    );
  const c = container();
  const now = new Date();
  const profile = await profileOn(c.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  if (!canReadReports(p))
    return errorPage(403, 'Báo cáo tổng hợp dành cho Văn phòng và Lãnh đạo Sở.', pageUser(p, profile.units.find((u) => u.code === p.unit)?.name));
  const period = query(event, 'period');
  if (period !== undefined && !PERIOD_ID_PATTERN.test(period)) {
    throw new ApiError(400, 'invalid_period', 'Kỳ báo cáo không hợp lệ: dùng 2024-05, 2024-Q2, 2024-H1, 2024-9M hoặc 2024.');
  }
  const parsed = period ? parsePeriod(period) : undefined;
  // A Sở's month has a status board and a lock; a province office's roll-up has neither.
  const monthly = parsed?.kind === 'monthly' && canReadAll(p);
  const [versions, board, lock] = await Promise.all([
    listReports(c, p, period),
    monthly ? statusBoard(c, p, period!, now) : Promise.resolve(undefined),
    monthly ? c.submissions.getLock(p.agencyId, period!) : Promise.resolve(undefined),
  ]);
  return pageResponse(
    200,
    renderReportsPage({
      versions,
      ...(period ? { period } : {}),
      ...(parsed ? { periodLabel: periodLabel(parsed) } : {}),
      ...(board ? { board } : {}),
      locked: lock?.locked === true,
      user: pageUser(p),
      csrfToken: pageCsrfToken(event),
      canCompile: canCompileReports(p),
      canIssue: canReadReports(p),
      canAttachSigned: canCompileReports(p),
      canDeliver: (ROLES_OF.deliverReport as readonly string[]).includes(p.role),
      today: localDate(now, profile.timeZone),
      agencyName: agencyTitle(profile),
      timeZone: profile.timeZone,
    }),
  );
});
