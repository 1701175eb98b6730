/**
 * docs/openapi.yaml is generated from the contract (functions/api/contract/) and the zod schemas:
 * the committed file must be exactly what `npm run openapi` writes, and the contract must describe
 * every route of functions/api/routes.ts, and only those.
 * flow: vitest --> contract document --> operations, zod schemas; routes table
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiYaml } from '../../../functions/api/contract/document.ts';
import { EXCLUDED_ROUTES, OPERATIONS } from '../../../functions/api/contract/operations.ts';
import { ROLES_OF } from '../../../functions/api/contract/roles.ts';
import { ROUTES } from '../../../functions/api/routes.ts';
import { OPENAPI_FILE } from '../../support/openapi.ts';

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('the generated OpenAPI document', () => {
  it('is committed as generated', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    const fresh = openApiYaml();
    if (committed !== fresh) {
      const a = committed.split('\n');
      const b = fresh.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      expect.fail(`docs/openapi.yaml is stale: run npm run openapi (first difference at line ${line + 1}: "${a[line]}" → "${b[line]}")`);
    }
  });

  it('has one operation per route of the routes table, and no operation without a route', () => {
    const routes = ROUTES.map(key);
    const excluded: string[] = EXCLUDED_ROUTES.map((e) => e.route);
    const operations = OPERATIONS.map(key);
    expect(new Set(operations).size, 'one operation per method and path').toBe(operations.length);
    expect(
      routes.filter((r) => !operations.includes(r) && !excluded.includes(r)),
      'routes without an operation',
    ).toEqual([]);
    expect(
      operations.filter((o) => !routes.includes(o)),
      'operations without a route',
    ).toEqual([]);
    for (const e of EXCLUDED_ROUTES) {
      expect(routes, `excluded route ${e.route} exists`).toContain(e.route);
      expect(operations, `excluded route ${e.route} has no operation`).not.toContain(e.route);
      expect(e.reason.length, `reason for excluding ${e.route}`).toBeGreaterThan(10);
    }
  });

  it('takes the roles of each operation from the one table the handlers gate with', () => {
    const ids = OPERATIONS.map((o) => o.operationId);
    for (const id of Object.keys(ROLES_OF)) expect(ids, `ROLES_OF.${id} names an operation`).toContain(id);
    for (const op of OPERATIONS) {
      if (op['x-roles'] === undefined) continue;
      expect(op['x-roles'], op.operationId).toBe(ROLES_OF[op.operationId as keyof typeof ROLES_OF]);
    }
  });

  it('is the same every time it is built', () => {
    expect(openApiYaml()).toBe(openApiYaml());
  });
});
