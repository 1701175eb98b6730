// The function catalog: route table + job names --> one function per (module, export) and per job.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteDef } from '../../functions/api/routes.ts';
import { ROUTES } from '../../functions/api/routes.ts';
import { JOB_NAMES } from '../../functions/core/schedules.ts';
import { CatalogError, functionCatalog, functionId } from '../../infra/function-catalog.ts';

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
    // Every route is served by exactly one function.
    expect(catalog.flatMap((s) => s.routes)).toHaveLength(ROUTES.length);
    expect(new Set(catalog.map((s) => s.id)).size).toBe(catalog.length);
    const session = catalog.filter((s) => s.module === 'api/session.ts').map((s) => s.handler);
    expect(session.sort()).toEqual(['sessionHandler', 'signoutHandler']);
  });

  it('groups routes that share a (module, export) into one function', () => {
    const dir = fakeFunctionsDir(['api/a.ts', 'jobs/compile.ts']);
    const routes: RouteDef[] = [
      { method: 'GET', path: '/a', module: 'api/a.ts', authorizer: true },
      { method: 'POST', path: '/a', module: 'api/a.ts', authorizer: true },
      { method: 'GET', path: '/b', module: 'api/a.ts', export: 'bHandler', authorizer: false },
    ];
    const catalog = functionCatalog(routes, ['compile'], dir);
    expect(catalog.map((s) => [s.id, s.routes.map((r) => `${r.method} ${r.path}`)])).toEqual([
      ['ApiA', ['GET /a', 'POST /a']],
      ['ApiAB', ['GET /b']],
      ['JobsCompile', []],
    ]);
    expect(catalog[0]!.entry).toBe(join(dir, 'api/a.ts'));
  });

  it('stops with every missing route or job file named', () => {
    const dir = fakeFunctionsDir(['api/a.ts']);
    const routes: RouteDef[] = [
      { method: 'GET', path: '/a', module: 'api/a.ts', authorizer: true },
      { method: 'GET', path: '/gone', module: 'api/gone.ts', authorizer: true },
    ];
    expect(() => functionCatalog(routes, ['remind'], dir)).toThrow(CatalogError);
    expect(() => functionCatalog(routes, ['remind'], dir)).toThrow(/GET \/gone --> functions\/api\/gone\.ts[\s\S]*job remind --> functions\/jobs\/remind\.ts/);
  });

  it('refuses two functions that would share a construct id', () => {
    const dir = fakeFunctionsDir(['api/a-b.ts', 'api/a/b.ts']);
    const routes: RouteDef[] = [
      { method: 'GET', path: '/x', module: 'api/a-b.ts', authorizer: true },
      { method: 'GET', path: '/y', module: 'api/a/b.ts', authorizer: true },
    ];
    expect(() => functionCatalog(routes, [], dir)).toThrow(/ApiAB/);
  });
});
