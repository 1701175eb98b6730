/**
 * Every HTTP route, declared once: the local server dispatches on this table and the CDK stack
 * creates one API Gateway route (and function) per entry from it, so the two cannot drift.
 * flow: local server / CDK --> routes
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: "/api/submissions/{period}/{unit}". */
  path: string;
  /** Module under functions/. */
  module: string;
  /** Its exported handler (default `handler`). */
  export?: string;
  /** Whether API Gateway's authorizer (functions/api/authorizer.ts) guards it (health, sign-in, pages and static assets do not). */
  authorizer: boolean;
}

export const ROUTES: RouteDef[] = [
  { method: 'GET', path: '/health', module: 'api/health.ts', authorizer: false },
  { method: 'GET', path: '/api/plan', module: 'api/get-plan.ts', authorizer: true },
  { method: 'POST', path: '/api/plans/{year}', module: 'api/plans.ts', authorizer: true },
  { method: 'POST', path: '/api/plans/{year}/tasks/{taskId}/amendments', module: 'api/plan-amendments.ts', authorizer: true },
  { method: 'GET', path: '/api/form', module: 'api/submissions.ts', export: 'formHandler', authorizer: true },
  { method: 'POST', path: '/api/submissions', module: 'api/submissions.ts', export: 'submitHandler', authorizer: true },
  { method: 'GET', path: '/api/submissions', module: 'api/submissions.ts', export: 'listHandler', authorizer: true },
  { method: 'GET', path: '/api/submissions/{period}/{unit}', module: 'api/submissions.ts', export: 'getHandler', authorizer: true },
  { method: 'PUT', path: '/api/submissions/{period}/{unit}/draft', module: 'api/submissions.ts', export: 'draftHandler', authorizer: true },
  { method: 'GET', path: '/api/submissions/{period}/{unit}/revisions', module: 'api/submissions.ts', export: 'revisionsHandler', authorizer: true },
  { method: 'POST', path: '/api/submissions/{period}/{unit}/attachments', module: 'api/attachments.ts', export: 'uploadHandler', authorizer: true },
  {
    method: 'POST',
    path: '/api/submissions/{period}/{unit}/attachments/{id}/confirm',
    module: 'api/attachments.ts',
    export: 'confirmHandler',
    authorizer: true,
  },
  { method: 'GET', path: '/api/attachments/{period}/{unit}/{id}', module: 'api/attachments.ts', export: 'downloadHandler', authorizer: true },
  { method: 'GET', path: '/api/status', module: 'api/status.ts', authorizer: true },
  { method: 'POST', path: '/api/periods/{period}/reopen', module: 'api/periods.ts', export: 'reopenHandler', authorizer: true },
  { method: 'POST', path: '/api/periods/{period}/lock', module: 'api/periods.ts', export: 'lockHandler', authorizer: true },
  { method: 'POST', path: '/api/reminders', module: 'api/reminders.ts', authorizer: true },
  { method: 'POST', path: '/api/reports', module: 'api/report-compile.ts', authorizer: true },
  { method: 'GET', path: '/api/reports', module: 'api/reports.ts', export: 'listHandler', authorizer: true },
  { method: 'POST', path: '/api/reports/{period}/issue', module: 'api/report-issue.ts', authorizer: true },
  { method: 'POST', path: '/api/reports/{period}/deliver', module: 'api/report-deliver.ts', authorizer: true },
  { method: 'PUT', path: '/api/reports/{period}/signed', module: 'api/report-signed.ts', authorizer: true },
  { method: 'GET', path: '/api/agency/profile', module: 'api/agency-profile.ts', export: 'getHandler', authorizer: true },
  { method: 'POST', path: '/api/agency/profile', module: 'api/agency-profile.ts', export: 'postHandler', authorizer: true },
  { method: 'GET', path: '/api/province', module: 'api/province.ts', authorizer: true },
  { method: 'GET', path: '/api/dashboard', module: 'api/dashboard.ts', authorizer: true },
  { method: 'GET', path: '/api/directions', module: 'api/directions.ts', export: 'listHandler', authorizer: true },
  { method: 'POST', path: '/api/directions', module: 'api/directions.ts', export: 'recordHandler', authorizer: true },
  { method: 'GET', path: '/api/directions/{id}', module: 'api/directions.ts', export: 'getHandler', authorizer: true },
  { method: 'PUT', path: '/api/directions/{id}', module: 'api/directions.ts', export: 'changeHandler', authorizer: true },
  { method: 'GET', path: '/api/users', module: 'api/users.ts', export: 'listHandler', authorizer: true },
  { method: 'POST', path: '/api/users', module: 'api/users.ts', export: 'inviteHandler', authorizer: true },
  { method: 'PUT', path: '/api/users/{email}', module: 'api/users.ts', export: 'changeHandler', authorizer: true },
  { method: 'PUT', path: '/api/me/digest', module: 'api/me.ts', export: 'digestHandler', authorizer: true },
  // Public, or pages that must answer an anonymous visitor with a sign-in page rather than an
  // authorizer's bare 403: their handlers verify the session with the same code.
  { method: 'POST', path: '/auth/code', module: 'api/session.ts', export: 'codeHandler', authorizer: false },
  { method: 'POST', path: '/auth/session', module: 'api/session.ts', export: 'sessionHandler', authorizer: false },
  { method: 'POST', path: '/auth/signout', module: 'api/session.ts', export: 'signoutHandler', authorizer: false },
  { method: 'GET', path: '/', module: 'api/pages/form-page.ts', authorizer: false },
  { method: 'GET', path: '/status', module: 'api/pages/status-page.ts', authorizer: false },
  { method: 'GET', path: '/reports', module: 'api/pages/reports-page.ts', authorizer: false },
  { method: 'GET', path: '/province', module: 'api/pages/province-page.ts', authorizer: false },
  { method: 'GET', path: '/people', module: 'api/pages/people-page.ts', authorizer: false },
  { method: 'GET', path: '/plan', module: 'api/pages/plan-page.ts', authorizer: false },
  { method: 'GET', path: '/reminders', module: 'api/pages/reminders-page.ts', authorizer: false },
  { method: 'GET', path: '/my-reports', module: 'api/pages/my-reports-page.ts', authorizer: false },
  { method: 'GET', path: '/history', module: 'api/pages/history-page.ts', authorizer: false },
  { method: 'GET', path: '/report', module: 'api/pages/report-page.ts', authorizer: false },
  { method: 'GET', path: '/report/attachment', module: 'api/pages/report-page.ts', export: 'attachmentHandler', authorizer: false },
  { method: 'GET', path: '/dashboard', module: 'api/pages/dashboard-page.ts', authorizer: false },
  { method: 'GET', path: '/dashboard/task', module: 'api/pages/dashboard-page.ts', export: 'taskHandler', authorizer: false },
  { method: 'GET', path: '/dashboard/figure', module: 'api/pages/dashboard-page.ts', export: 'figureHandler', authorizer: false },
  { method: 'GET', path: '/profile', module: 'api/pages/profile-page.ts', authorizer: false },
  { method: 'GET', path: '/signin', module: 'api/pages/signin-page.ts', authorizer: false },
  { method: 'GET', path: '/static/{file}', module: 'api/pages/static.ts', authorizer: false },
];

/**
 * What answers a request no route matches: API Gateway's $default route (infra/constructs/portal-api.ts)
 * and the local server's fallback call this function, whose handler gives browsers a Vietnamese 404
 * page and API clients JSON (functions/api/pages/not-found.ts). Not an operation of the API: not in
 * ROUTES, nor in the OpenAPI document.
 */
export const UNMATCHED_ROUTE_KEY = '$default';
export const UNMATCHED_ROUTE: Pick<RouteDef, 'module'> & { export: string } = { module: 'api/pages/static.ts', export: 'handler' };

/** Matches a concrete path against a route path; returns its parameters or undefined. */
export function matchPath(routePath: string, actual: string): Record<string, string> | undefined {
  const a = routePath.split('/').filter(Boolean);
  const b = actual.split('/').filter(Boolean);
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const seg = a[i]!;
    const m = /^\{(\w+)\}$/.exec(seg);
    if (m) {
      try {
        params[m[1]!] = decodeURIComponent(b[i]!);
      } catch {
        return undefined;
      }
    } else if (seg !== b[i]) return undefined;
  }
  return params;
}
