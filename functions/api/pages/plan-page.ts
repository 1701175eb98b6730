/**
 * GET /plan[?year=YYYY] — Văn phòng's page of the year's plan: its tasks and deadlines (extended
 * ones with their decisions), the upload with its preview, and per task the "Gia hạn" form. plan.js
 * calls POST /api/plans/{year} and …/amendments; nothing changes without a preview first.
 * flow: API Gateway --> plan page handler --> PlanStore --> plan view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { isVanPhong } from '../../core/auth.ts';
import { localDate } from '../../core/clock.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { renderPlanPage } from '../../../templates/web/plan-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { query } from '../http.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

const FOR_WHOM = 'Trang kế hoạch năm dành cho Văn phòng.';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) return pageResponse(200, messagePage({ title: 'Đăng nhập để xem và nhập kế hoạch năm', lead: FOR_WHOM, body: signInHelp() }));
  const c = container();
  const today = localDate(new Date(), 'Asia/Ho_Chi_Minh');
  const profile = await profileOn(c.agencies, p.agencyId, today);
  if (!isVanPhong(p)) return errorPage(403, FOR_WHOM, pageUser(p, profile.units.find((u) => u.code === p.unit)?.name));
  const yearText = query(event, 'year');
  if (yearText !== undefined && !/^(20\d\d|2100)$/.test(yearText)) return errorPage(400, 'Năm kế hoạch không hợp lệ: dùng YYYY, ví dụ 2024.', pageUser(p));
  const thisYear = Number(today.slice(0, 4));
  const year = yearText ? Number(yearText) : thisYear;
  const [plan, meta, stored] = await Promise.all([c.plans.getPlan(p.agencyId, year), c.plans.getPlanMeta(p.agencyId, year), c.plans.listPlanYears(p.agencyId)]);
  // Years with a plan, and a few around today (a late import of last years' plans, next year's ahead of time).
  const around = Array.from({ length: 5 }, (_, i) => thisYear + 1 - i);
  const years = [...new Set([...stored, ...around, year])].sort((a, b) => b - a);
  return pageResponse(
    200,
    renderPlanPage({
      year,
      years,
      ...(plan ? { plan } : {}),
      ...(meta ? { meta } : {}),
      unitNames: Object.fromEntries(profile.units.map((u) => [u.code, u.name])),
      timeZone: profile.timeZone,
      today: localDate(new Date(), profile.timeZone),
      user: pageUser(p),
      csrfToken: pageCsrfToken(event),
      agencyName: agencyTitle(profile),
    }),
  );
});
