/**
 * The document and functions/api/routes.ts describe the same API: the same methods and paths,
 * public exactly where API Gateway's authorizer is off, and every path variable declared.
 * flow: vitest --> routes table + openapi helper
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/api/routes.ts';
import { findOperation, resolvedOpenApi, specOperations } from '../../support/openapi.ts';

type Json = any;

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** OpenAPI: no requirement at all, or an empty one (`- {}`), means a caller may come without credentials. */
function allowsAnonymous(operation: Json): boolean {
  const security: Json[] = operation.security ?? resolvedOpenApi().security;
  return security.length === 0 || security.some((s) => Object.keys(s).length === 0);
}

describe('docs/openapi.yaml against functions/api/routes.ts', () => {
  it('documents every route, and only the routes, with the same method and path', () => {
    const routes = ROUTES.map((r) => key(r.method, r.path)).sort();
    const documented = specOperations()
      .map((o) => key(o.method, o.path))
      .sort();
    expect(new Set(routes).size).toBe(routes.length);
    expect(documented).toEqual(routes);
  });

  it('lets anonymous callers reach a route exactly when API Gateway runs no authorizer for it', () => {
    for (const r of ROUTES) {
      const op = specOperations().find((o) => o.method === r.method && o.path === r.path)!;
      expect({ route: key(r.method, r.path), anonymous: allowsAnonymous(op.operation) }).toEqual({ route: key(r.method, r.path), anonymous: !r.authorizer });
    }
  });

  it('lets a browser write with the session cookie only together with the CSRF header', () => {
    const doc = resolvedOpenApi();
    for (const { method, path, operation } of specOperations()) {
      const security: Record<string, string[]>[] = operation.security ?? doc.security;
      if (allowsAnonymous(operation)) continue;
      expect(security, key(method, path)).toContainEqual({ bearerAuth: [] });
      const cookie = security.find((s) => 'sessionCookie' in s);
      expect(cookie, key(method, path)).toBeDefined();
      if (method === 'GET') expect(cookie, key(method, path)).toEqual({ sessionCookie: [] });
      else expect(cookie, key(method, path)).toEqual({ sessionCookie: [], csrfToken: [] });
    }
  });

  it('declares each path variable as a required path parameter, and no others', () => {
    for (const { method, path, operation } of specOperations()) {
      const vars = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = (operation.parameters as Json[]).filter((p) => p.in === 'path');
      expect(params.map((p) => p.name).sort(), key(method, path)).toEqual(vars);
      for (const p of params) expect(p.required, `${key(method, path)} ${p.name}`).toBe(true);
    }
  });

  it('finds the operation for concrete paths the way the local server dispatches them', () => {
    expect(findOperation('GET', '/api/submissions?period=2024-10')?.path).toBe('/api/submissions');
    expect(findOperation('post', '/api/submissions')?.operation.operationId).toBe('submitSubmission');
    const one = findOperation('GET', '/api/submissions/2024-10/QLKH');
    expect(one?.path).toBe('/api/submissions/{period}/{unit}');
    expect(one?.pathParams).toEqual({ period: '2024-10', unit: 'QLKH' });
    expect(findOperation('PUT', '/api/submissions/2024-10/QLKH/draft')?.operation.operationId).toBe('saveDraft');
    expect(findOperation('GET', '/api/submissions/2024-10/QLKH/revisions')?.operation.operationId).toBe('listRevisions');
    expect(findOperation('POST', '/api/periods/2024-11/lock')?.operation.operationId).toBe('lockPeriod');
    expect(findOperation('GET', '/static/form.js')?.pathParams).toEqual({ file: 'form.js' });
    expect(findOperation('GET', '/')?.operation.operationId).toBe('formPage');
    expect(findOperation('DELETE', '/api/submissions')).toBeUndefined();
    expect(findOperation('GET', '/api/submissions/2024-10')).toBeUndefined();
  });
});
