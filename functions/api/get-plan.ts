/**
 * GET /api/plan?year=YYYY[&unit=CODE]: the stored plan as JSON. Units see their own tasks only.
 * flow: API --> get-plan handler --> PlanStore
 */
import { container } from '../adapters/container.ts';
import { UNIT_CODE_PATTERN } from '../core/agency.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, query } from './http.ts';
import type { PlanResponse } from './schemas/responses.ts';

export const handler = httpHandler(async (event) => {
  const yearText = query(event, 'year');
  if (!yearText || !/^\d{4}$/.test(yearText)) {
    throw new ApiError(400, 'invalid_year', 'Thiếu hoặc sai tham số năm: dùng ?year=YYYY.', [{ field: 'year', message: 'Năm dạng YYYY, ví dụ 2024.' }]);
  }
  const c = container();
  const p = event.auth!;
  const plan = await c.plans.getPlan(p.agencyId, Number(yearText));
  if (!plan) throw new ApiError(404, 'plan_not_found', `Chưa có kế hoạch năm ${yearText}.`);
  const unitQuery = query(event, 'unit');
  if (unitQuery !== undefined && !UNIT_CODE_PATTERN.test(unitQuery)) {
    throw new ApiError(400, 'invalid_unit', 'Mã đơn vị không hợp lệ.', [{ field: 'unit', message: 'Mã đơn vị gồm chữ cái không dấu và số.' }]);
  }
  const unit = p.role === 'unit' ? p.unit : unitQuery;
  const tasks = unit ? plan.tasks.filter((t) => t.leadUnit === unit || t.coordinatingUnits.includes(unit)) : plan.tasks;
  const meta = await c.plans.getPlanMeta(p.agencyId, plan.year);
  return json<PlanResponse>(200, { ...plan, tasks, meta });
});
