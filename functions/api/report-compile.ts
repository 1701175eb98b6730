/**
 * POST /api/reports {period, kind?} — Văn phòng compiles a period (201 new version, 200 unchanged).
 * The new version is a draft (DỰ THẢO) until it is issued.
 * flow: API Gateway --> compile handler --> compile use case (+ renderers)
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { container } from '../adapters/container.ts';
import { PERIOD_KINDS } from '../core/period.ts';
import { compileReports } from '../usecases/compile-reports.ts';
import { reportRenderers } from '../adapters/renderers.ts';
import { httpHandler } from './handler.ts';
import { json } from './http.ts';
import { periodId } from './report-params.ts';
import { parseJsonBody } from './validation.ts';

const compileSchema = z.strictObject({ period: periodId, kind: z.enum(PERIOD_KINDS as [string, ...string[]]).optional() });

export const handler = httpHandler(async (event) => {
  const body = parseJsonBody(event, compileSchema);
  const p = event.auth!;
  const result = await compileReports({ ...container(), renderers: reportRenderers }, {
    agencyId: p.agencyId,
    period: body.period,
    ...(body.kind ? { kind: body.kind as (typeof PERIOD_KINDS)[number] } : {}),
    trigger: `api:${p.sub}`,
    now: new Date(),
  });
  return json(result.created ? 201 : 200, { created: result.created, report: result.version });
}, { roles: ['van-phong'] });
