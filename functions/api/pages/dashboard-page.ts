/**
 * GET /dashboard[?period=YYYY-MM&unit=|leader=|status=|due=] — the leaders' dashboard (and Văn
 * phòng's): figures of the month's Director report, each number linking to the tasks behind it.
 * GET /dashboard/task?period=&id= — one task across the year.
 * GET /dashboard/figure?period=&name= — a figure as an SVG file to download.
 * Anonymous visitors get how to sign in; units get a 403 page.
 * flow: API Gateway --> dashboard page handlers --> dashboard use case --> dashboard / task views, charts
 */
import type { container } from '../../adapters/container.ts';
import { agencyTitle, type AgencyProfile } from '../../core/agency.ts';
import type { Principal } from '../../core/auth.ts';
import { filterTasks, type TaskFilter } from '../../core/dashboard.ts';
import { TASK_STATUSES, type TaskStatus } from '../../core/report-model.ts';
import { dashboard, taskPage } from '../../usecases/dashboard.ts';
import { ROLES_OF } from '../contract/roles.ts';
import { ApiError, query, type HttpEvent, type HttpResult } from '../http.ts';
import { monthOrCurrent } from '../period-query.ts';
import { taskId as taskIdSchema } from '../../core/submission-schema.ts';
import { overdueLine, stackedStatusBars } from '../../../templates/web/charts.ts';
import { renderDashboardPage } from '../../../templates/web/dashboard-view.ts';
import type { PageUser } from '../../../templates/web/layout.ts';
import { renderTaskPage } from '../../../templates/web/task-view.ts';
import { pageCsrfToken, pageHandler, pageResponse } from './page-handler.ts';
import { pageViewer } from './page-viewer.ts';

const FOR_WHOM = 'Bảng điều hành dành cho Lãnh đạo Sở và Văn phòng.';

interface Viewer {
  p: Principal;
  c: ReturnType<typeof container>;
  now: Date;
  profile: AgencyProfile;
  user: PageUser;
  period: string;
}

/** Signed in with a role that reads the dashboard, or the page to show instead. */
async function viewer(event: HttpEvent): Promise<{ page: HttpResult } | Viewer> {
  const v = await pageViewer(event, 'dashboardPage', { signInTitle: 'Đăng nhập để xem bảng điều hành', forWhom: FOR_WHOM });
  if ('page' in v) return v;
  const { p, c, now, profile, user } = v;
  return { p, c, now, profile, user, period: await monthOrCurrent(event, now) };
}

/** The figure's link parameters: at most one of unit / leader, a status, or a due window. */
function filterOf(event: HttpEvent): TaskFilter | undefined {
  const f: TaskFilter = {};
  const unit = query(event, 'unit');
  const leader = query(event, 'leader');
  const status = query(event, 'status');
  const due = query(event, 'due');
  if (unit !== undefined) f.unit = unit;
  if (leader !== undefined) f.leader = leader;
  if (status !== undefined) {
    if (!(TASK_STATUSES as readonly string[]).includes(status)) throw new ApiError(400, 'invalid_status', `Tình trạng "${status}" không có.`);
    f.status = status as TaskStatus;
  }
  if (due !== undefined) {
    if (due !== 'this-month' && due !== 'next-month') throw new ApiError(400, 'invalid_due', 'Tham số due chỉ nhận this-month hoặc next-month.');
    f.due = due;
  }
  return Object.keys(f).length ? f : undefined;
}

export const handler = pageHandler(async (event) => {
  const v = await viewer(event);
  if ('page' in v) return v.page;
  const filter = filterOf(event);
  const [d, me] = await Promise.all([
    dashboard(v.c, v.p, v.period, v.now),
    v.p.role === 'lanh-dao' ? v.c.users.listUsers(v.p.agencyId).then((us) => us.find((u) => u.sub === v.p.sub)) : undefined,
  ]);
  return pageResponse(
    200,
    renderDashboardPage({
      dashboard: d,
      user: v.user,
      csrfToken: pageCsrfToken(event),
      agencyName: agencyTitle(v.profile),
      timeZone: v.profile.timeZone,
      units: v.profile.units.map((u) => ({ code: u.code, name: u.name })),
      canDirect: (ROLES_OF.recordDirection as readonly string[]).includes(v.p.role),
      ...(filter ? { filter, filtered: filterTasks(d, filter) } : {}),
      // A leader with an account in the people list may turn their morning digest on or off here.
      ...(me ? { digest: me.digest === true } : {}),
    }),
  );
});

export const taskHandler = pageHandler(async (event) => {
  const v = await viewer(event);
  if ('page' in v) return v.page;
  const id = taskIdSchema.safeParse(query(event, 'id'));
  if (!id.success) throw new ApiError(400, 'invalid_task', 'Thiếu hoặc sai mã nhiệm vụ (?id=).');
  const { pending, directions, ...timeline } = await taskPage(v.c, v.p, v.period, id.data, v.now);
  return pageResponse(
    200,
    renderTaskPage({
      timeline,
      pending,
      directions,
      units: v.profile.units.map((u) => ({ code: u.code, name: u.name })),
      canDirect: (ROLES_OF.recordDirection as readonly string[]).includes(v.p.role),
      period: v.period,
      user: v.user,
      csrfToken: pageCsrfToken(event),
      agencyName: agencyTitle(v.profile),
    }),
  );
});

export const FIGURES = ['theo-don-vi', 'theo-lanh-dao', 'qua-han'] as const;

export const figureHandler = pageHandler(async (event) => {
  const v = await viewer(event);
  if ('page' in v) return v.page;
  const name = query(event, 'name');
  if (!(FIGURES as readonly (string | undefined)[]).includes(name))
    throw new ApiError(404, 'not_found', `Không có hình "${name ?? ''}": dùng ${FIGURES.join(', ')}.`);
  const d = await dashboard(v.c, v.p, v.period, v.now);
  const svg = name === 'theo-don-vi' ? stackedStatusBars(d.byUnit) : name === 'theo-lanh-dao' ? stackedStatusBars(d.byLeader) : overdueLine(d.overdueByMonth);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${d.period}.svg"`,
      'cache-control': 'no-store',
    },
    body: svg,
  };
});
