/**
 * POST /api/reports {period, kind?} — Văn phòng compiles a period (201 new version, 200 unchanged).
 * The new version is a draft (DỰ THẢO) until it is issued.
 * flow: API Gateway --> compile handler --> compile use case (+ renderers)
 */
import { container } from '../adapters/container.ts';
import { compileReports } from '../usecases/compile-reports.ts';
import { reportRenderers } from '../adapters/renderers.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { CompileResponse } from './schemas/responses.ts';
import { compileSchema } from './schemas/reports.ts';
import { parseJsonBody } from './validation.ts';

export const handler = httpHandler(
  async (event) => {
    const body = parseJsonBody(event, compileSchema);
    const p = event.auth!;
    const result = await compileReports(
      { ...container(), renderers: reportRenderers },
      {
        agencyId: p.agencyId,
        period: body.period,
        ...(body.kind ? { kind: body.kind } : {}),
        trigger: `api:${p.sub}`,
        now: new Date(),
      },
    );
    return json<CompileResponse>(result.created ? 201 : 200, { created: result.created, report: result.version });
  },
  { roles: ROLES_OF.compileReports },
);
