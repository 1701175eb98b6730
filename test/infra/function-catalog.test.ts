// The function catalog: route table + job names --> one function per (module, export), the authorizer, one per job.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteDef } from '../../functions/api/routes.ts';
import { ROUTES } from '../../functions/api/routes.ts';
import { JOB_NAMES } from '../../functions/core/schedules.ts';
import { AUTHORIZER_MODULE, CatalogError, functionCatalog, functionId } from '../../infra/function-catalog.ts';

function fakeFunctionsDir(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'baocao-fns-'));
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'export const handler = async () => ({});\n');
  }
  return dir;
}

describe('functionId', () => {
  it('names a function after its module and export, without "Handler"', () => {
    expect(functionId('api/submissions.ts', 'submitHandler')).toBe('ApiSubmissionsSubmit');
    expect(functionId('api/health.ts', 'handler')).toBe('ApiHealth');
    expect(functionId('api/pages/form-page.ts', 'handler')).toBe('ApiPagesFormPage');
    expect(functionId('jobs/compile.ts', 'handler')).toBe('JobsCompile');
  });
});

describe('functionCatalog', () => {
  it('covers the real route table and the jobs, one function per distinct (module, export)', () => {
    const catalog = functionCatalog();
    const distinct = new Set(ROUTES.map((r) => `${r.module}#${r.export ?? 'handler'}`));
    expect(catalog.filter((s) => s.kind === 'api')).toHaveLength(distinct.size);
    expect(catalog.filter((s) => s.kind === 'job').map((s) => s.job)).toEqual([...JOB_NAMES]);
    // The guarded routes need the Lambda authorizer: one function of its own, serving no route.
    expect(catalog.filter((s) => s.kind === 'authorizer').map((s) => [s.id, s.key, s.handler, s.routes.length])).toEqual([
      ['ApiAuthorizer', 'api/authorizer.ts#handler', 'handler', 0],
    ]);
    expect(ROUTES.some((r) => r.authorizer)).toBe(true);
    // Every route is served by exactly one function.
    expect(catalog.flatMap((s) => s.routes)).toHaveLength(ROUTES.length);
    expect(new Set(catalog.map((s) => s.id)).size).toBe(catalog.length);
    const session = catalog.filter((s) => s.module === 'api/session.ts').map((s) => s.handler);
    expect(session.sort()).toEqual(['codeHandler', 'sessionHandler', 'signoutHandler']);
  });

  it('groups routes that share a (module, export) into one function', () => {
    const dir = fakeFunctionsDir(['api/a.ts', AUTHORIZER_MODULE, 'jobs/compile.ts']);
    const routes: RouteDef[] = [
      { method: 'GET', path: '/a', module: 'api/a.ts', authorizer: true },
      { method: 'POST', path: '/a', module: 'api/a.ts', authorizer: true },
      { method: 'GET', path: '/b', module: 'api/a.ts', export: 'bHandler', authorizer: false },
    ];
    const catalog = functionCatalog(routes, ['compile'], dir);
    expect(catalog.map((s) => [s.id, s.routes.map((r) => `${r.method} ${r.path}`)])).toEqual([
      ['ApiA', ['GET /a', 'POST /a']],
      ['ApiAB', ['GET /b']],
      ['ApiAuthorizer', []],
      ['JobsCompile', []],
    ]);
    expect(catalog.map((s) => s.kind)).toEqual(['api', 'api', 'authorizer', 'job']);
    expect(catalog[0]!.entry).toBe(join(dir, 'api/a.ts'));
    expect(catalog[2]!.entry).toBe(join(dir, AUTHORIZER_MODULE));
  });

  it('adds the authorizer only when some route asks for it', () => {
    const dir = fakeFunctionsDir(['api/a.ts']);
    const open: RouteDef[] = [{ method: 'GET', path: '/a', module: 'api/a.ts', authorizer: false }];
    expect(functionCatalog(open, [], dir).map((s) => s.kind)).toEqual(['api']);
  });

  it('stops with every missing route, authorizer or job file named', () => {
    const dir = fakeFunctionsDir(['api/a.ts']);
    const routes: RouteDef[] = [
      { method: 'GET', path: '/a', module: 'api/a.ts', authorizer: true },
      { method: 'GET', path: '/gone', module: 'api/gone.ts', authorizer: true },
    ];
    expect(() => functionCatalog(routes, ['remind'], dir)).toThrow(CatalogError);
    expect(() => functionCatalog(routes, ['remind'], dir)).toThrow(
      /GET \/gone --> functions\/api\/gone\.ts[\s\S]*authorizer --> functions\/api\/authorizer\.ts[\s\S]*job remind --> functions\/jobs\/remind\.ts/,
    );
  });

  it('refuses a route served by the authorizer’s own module and export', () => {
    const dir = fakeFunctionsDir([AUTHORIZER_MODULE]);
    const routes: RouteDef[] = [{ method: 'GET', path: '/x', module: AUTHORIZER_MODULE, authorizer: true }];
    expect(() => functionCatalog(routes, [], dir)).toThrow(/api\/authorizer\.ts#handler/);
  });

  it('refuses two functions that would share a construct id', () => {
    const dir = fakeFunctionsDir(['api/a-b.ts', 'api/a/b.ts', AUTHORIZER_MODULE]);
    const routes: RouteDef[] = [
      { method: 'GET', path: '/x', module: 'api/a-b.ts', authorizer: true },
      { method: 'GET', path: '/y', module: 'api/a/b.ts', authorizer: true },
    ];
    expect(() => functionCatalog(routes, [], dir)).toThrow(/ApiAB/);
  });
});
