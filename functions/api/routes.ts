/**
 * Every HTTP route, declared once: the local server dispatches on this table and the CDK stack
 * creates one API Gateway route (and function) per entry from it, so the two cannot drift.
 * flow: local server / CDK --> routes
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path syntax: "/api/submissions/{period}/{unit}". */
  path: string;
  /** Module under functions/, exporting `handler`. */
  module: string;
  /** Whether API Gateway's JWT authorizer guards it (health, sign-in and static assets do not). */
  authorizer: boolean;
}

export const ROUTES: RouteDef[] = [
  { method: 'GET', path: '/health', module: 'api/health.ts', authorizer: false },
  { method: 'GET', path: '/api/plan', module: 'api/get-plan.ts', authorizer: true },
];

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
