/**
 * GET / — the monthly form. Renders the page shell (period picker, unit picker for Văn phòng and
 * lãnh đạo); form.js then loads GET /api/form and does the rest. Anonymous visitors get a page
 * explaining how to sign in.
 * flow: API Gateway --> form page handler --> agency service --> form view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { canWriteUnit } from '../../core/auth.ts';
import { localDate } from '../../core/clock.ts';
import { currentMonthlyPeriod } from '../../core/period.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { query } from '../http.ts';
import { periodParam, unitParam } from '../schemas/submission.ts';
import { renderFormPage } from '../../../templates/web/form-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { uploadOrigin } from '../../adapters/s3-attachments.ts';
import { cspConnectingTo } from '../middleware/security-headers.ts';
import { pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) {
    return pageResponse(
      200,
      messagePage({ title: 'Đăng nhập để báo cáo', lead: 'Đây là trang báo cáo tiến độ nhiệm vụ hằng tháng của các phòng, đơn vị.', body: signInHelp() }),
    );
  }
  // Văn phòng UBND tỉnh has no units' form: its page is the province's.
  if (p.role === 'ubnd-tinh') return pageResponse(303, '', { location: '/province' });
  const now = new Date();
  const profile = await profileOn(container().agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  const requested = periodParam.safeParse(query(event, 'period'));
  // A malformed ?period falls back to the current one rather than failing: the picker shows which.
  const period = requested.success ? requested.data : currentMonthlyPeriod(now, profile).id;
  const unitQ = unitParam.safeParse(query(event, 'unit'));
  // The leaders read the units' reports; they do not fill in forms: the old form address (a
  // bookmark, a link from before) lands on the readable report, or on choosing a unit.
  if (p.role === 'lanh-dao') {
    const params = new URLSearchParams({ period, ...(unitQ.success && unitQ.data ? { unit: unitQ.data } : {}) });
    return pageResponse(303, '', { location: `/report?${params.toString()}` });
  }
  const units = p.role === 'unit' ? [] : profile.units.map((u) => ({ code: u.code, name: u.name }));
  const unit = p.role === 'unit' ? p.unit : unitQ.success && units.some((u) => u.code === unitQ.data) ? unitQ.data : undefined;
  const unitName = profile.units.find((u) => u.code === p.unit)?.name;
  const canWrite = unit !== undefined && canWriteUnit(p, unit);
  return pageResponse(
    200,
    renderFormPage({
      user: pageUser(p, unitName),
      csrfToken: pageCsrfToken(event),
      agencyName: agencyTitle(profile),
      period,
      ...(unit ? { unit } : {}),
      units,
      canWrite,
    }),
    // The form's script posts attachments straight to the bucket (client/form-attachments.ts).
    cspConnectingTo(uploadOrigin(container().config)),
  );
});
