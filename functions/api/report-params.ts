/**
 * The request parts the reports routes share: the period id in a path or body, and the audience.
 * flow: report handlers --> report-params
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { AUDIENCES } from '../core/agency.ts';
import { PERIOD_ID_PATTERN, parsePeriod } from '../core/period.ts';
import { ApiError, type HttpEvent } from './http.ts';

export const PERIOD_MESSAGE = 'Kỳ: YYYY-MM, YYYY-Qn, YYYY-H1, YYYY-H2, YYYY-9M hoặc YYYY.';
export const periodId = z.string().regex(PERIOD_ID_PATTERN, PERIOD_MESSAGE);
export const audience = z.enum(AUDIENCES as ['director', 'ubnd'], { error: 'Văn bản: ubnd (báo cáo gửi UBND tỉnh) hoặc director (báo cáo Lãnh đạo Sở).' });

/** The {period} path parameter, or a 404 that says what a period id looks like. */
export function periodPath(event: HttpEvent): string {
  const raw = event.pathParameters?.period;
  const p = periodId.safeParse(raw);
  if (!p.success) throw new ApiError(404, 'not_found', `Không có kỳ báo cáo "${raw ?? ''}". ${PERIOD_MESSAGE}`);
  parsePeriod(p.data);
  return p.data;
}
