/**
 * GET /reminders[?period=YYYY-MM] — Văn phòng's "remind now" page: the preview of every reminder
 * the month calls for (units that have not sent their report: to whom, subject, words), a box per
 * unit to choose, the button that sends (reminders.js → POST /api/reminders), and the reminders
 * already sent this month from the delivery log (when, to whom, message id, outcome).
 * flow: API Gateway --> reminders page handler --> remind now (dry run) + delivery log --> reminders view
 */
import { container } from '../../adapters/container.ts';
import { agencyTitle } from '../../core/agency.ts';
import { isVanPhong } from '../../core/auth.ts';
import { localDate } from '../../core/clock.ts';
import { parsePeriod, periodLabel } from '../../core/period.ts';
import { jobSettingsFromEnv } from '../../adapters/job-settings.ts';
import { profileOn } from '../../usecases/agency-service.ts';
import { UseCaseError } from '../../usecases/errors.ts';
import { remindNow } from '../../usecases/remind-now.ts';
import { monthOrCurrent } from '../period-query.ts';
import { renderRemindersPage } from '../../../templates/web/reminders-view.ts';
import { messagePage, signInHelp } from '../../../templates/web/layout.ts';
import { errorPage, pageCsrfToken, pageHandler, pageResponse, pageUser } from './page-handler.ts';

const FOR_WHOM = 'Trang nhắc các đơn vị gửi báo cáo dành cho Văn phòng.';

export const handler = pageHandler(async (event) => {
  const p = event.auth;
  if (!p) return pageResponse(200, messagePage({ title: 'Đăng nhập để nhắc các đơn vị', lead: FOR_WHOM, body: signInHelp() }));
  const c = container();
  const now = new Date();
  const profile = await profileOn(c.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  if (!isVanPhong(p)) return errorPage(403, FOR_WHOM, pageUser(p, profile.units.find((u) => u.code === p.unit)?.name));
  const period = await monthOrCurrent(event, now);
  const deps = { ...c, clock: () => now, sleep: async () => undefined, settings: jobSettingsFromEnv() };
  let preview: Awaited<ReturnType<typeof remindNow>> | undefined;
  let locked = false;
  try {
    preview = await remindNow(deps, p, { period, dryRun: true, now });
  } catch (err) {
    if (!(err instanceof UseCaseError && err.code === 'period_locked')) throw err;
    locked = true;
  }
  const sent = (await c.jobs.listDeliveries(p.agencyId, period)).filter((d) => d.purpose.startsWith('reminder:'));
  return pageResponse(
    200,
    renderRemindersPage({
      period,
      periodLabel: periodLabel(parsePeriod(period)),
      ...(preview ? { preview } : {}),
      locked,
      sent,
      unitNames: Object.fromEntries(profile.units.map((u) => [u.code, u.name])),
      user: pageUser(p),
      csrfToken: pageCsrfToken(event),
      agencyName: agencyTitle(profile),
      timeZone: profile.timeZone,
    }),
  );
});
