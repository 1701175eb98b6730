/**
 * POST /api/reports {period, kind?}  — Văn phòng compiles a period (201 new version, 200 unchanged)
 * GET  /api/reports[?period=]        — versions with presigned download links (Văn phòng, lãnh đạo)
 * flow: API Gateway --> reports handlers --> compile / list use cases
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { container } from '../adapters/container.ts';
import { PERIOD_ID_PATTERN, PERIOD_KINDS, parsePeriod } from '../core/period.ts';
import { compileReports } from '../usecases/compile-reports.ts';
import { listReports } from '../usecases/list-reports.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, query } from './http.ts';
import { parseJsonBody } from './validation.ts';

const periodId = z.string().regex(PERIOD_ID_PATTERN, 'Kỳ: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M hoặc YYYY.');
const compileSchema = z.strictObject({ period: periodId, kind: z.enum(PERIOD_KINDS as [string, ...string[]]).optional() });

export const compileHandler = httpHandler(async (event) => {
  const body = parseJsonBody(event, compileSchema);
  const p = event.auth!;
  const c = container();
  const result = await compileReports(c, {
    agencyId: p.agencyId,
    period: body.period,
    ...(body.kind ? { kind: body.kind as (typeof PERIOD_KINDS)[number] } : {}),
    trigger: `api:${p.sub}`,
    now: new Date(),
  });
  return json(result.created ? 201 : 200, { created: result.created, report: result.version });
}, { roles: ['van-phong'] });

export const listHandler = httpHandler(async (event) => {
  const period = query(event, 'period');
  if (period !== undefined) {
    if (!periodId.safeParse(period).success) throw new ApiError(400, 'invalid_period', 'Kỳ: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M hoặc YYYY.', [{ field: 'period', message: 'Kỳ không hợp lệ.' }]);
    parsePeriod(period);
  }
  return json(200, { reports: await listReports(container(), event.auth!, period) });
}, { roles: ['van-phong', 'lanh-dao'] });
