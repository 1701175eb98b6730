/**
 * GET /status?period=YYYY-MM — Văn phòng's status board as a page (or as JSON with
 * ?format=json or Accept: application/json, the same body as GET /api/status). A unit user gets
 * a page saying it is not theirs; anonymous visitors get how to sign in.
 * flow: API Gateway --> status page handler --> status use case --> status view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { canReadAll } from '../../core/auth.ts';
import { localDate } from '../../core/clock.ts';
import { parsePeriod, periodLabel } from '../../core/period.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { statusBoard } from '../../usecases/status.ts';
import { ApiError, header, json, query, type HttpEvent } from '../http.ts';
import { monthOrCurrent } from '../period-query.ts';
import type { StatusBoard } from '../schemas/responses.ts';
import { renderStatusPage } from '../../../templates/web/status-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

/** JSON when asked for by ?format=json, or by an Accept header that prefers it over HTML. */
export function wantsJson(event: HttpEvent): boolean {
  if (query(event, 'format') === 'json') return true;
  const accept = header(event, 'accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export const handler = pageHandler(
  async (event) => {
    const p = event.auth;
    const asJson = wantsJson(event);
    if (!p) {
      if (asJson) throw new ApiError(401, 'unauthenticated', 'Bạn cần đăng nhập để sử dụng chức năng này.');
      return pageResponse(
        200,
        messagePage({ title: 'Đăng nhập để xem bảng theo dõi', lead: 'Bảng theo dõi nộp báo cáo dành cho Văn phòng và Lãnh đạo Sở.', body: signInHelp() }),
      );
    }
    const c = container();
    const now = new Date();
    if (!canReadAll(p)) {
      const message = 'Bảng theo dõi nộp báo cáo dành cho Văn phòng và Lãnh đạo Sở. Phòng, đơn vị xem và gửi báo cáo của mình ở trang báo cáo tháng.';
      if (asJson) throw new ApiError(403, 'forbidden', message);
      const profile = await profileOn(c.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
      return errorPage(403, message, pageUser(p, profile.units.find((u) => u.code === p.unit)?.name));
    }
    const period = await monthOrCurrent(event, now);
    const board = await statusBoard(c, p, period, now);
    if (asJson) return json<StatusBoard>(200, board);
    const profile = await profileOn(c.agencies, p.agencyId, board.deadline);
    return pageResponse(
      200,
      renderStatusPage({
        board,
        user: pageUser(p),
        csrfToken: pageCsrfToken(event),
        agencyName: agencyTitle(profile),
        periodLabel: periodLabel(parsePeriod(period)),
        timeZone: profile.timeZone,
      }),
    );
  },
  { jsonWhen: wantsJson },
);
