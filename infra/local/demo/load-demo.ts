/**
 * Loads the demo agency on the first start: the Sở KH&CN of seed 004 with its units, leaders
 * and 2024 plan (under the names in force in 2024), and two months of unit submissions, through
 * the same use cases operators and units use.
 * flow: start.ts --> load demo --> agency service / import plan
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { container, makeContainer } from '../../../functions/adapters/container.ts';
import { setAgency } from '../../../functions/usecases/agency-service.ts';
import { readXlsxGrid } from '../../../functions/adapters/xlsx-grid.ts';
import { importPlan } from '../../../functions/usecases/import-plan.ts';
import { loadDemoSubmissions } from './demo-submissions.ts';
import { loadDemoUsers } from './demo-users.ts';
import { loadDemoDirections } from './demo-directions.ts';

export const DEMO_PROFILE = new URL('./agency-2024.yaml', import.meta.url);
export const DEMO_PLAN = new URL('../../../test/fixtures/plans/seed-004-bacgiang-2024.xlsx', import.meta.url);

/**
 * Always into the demo's own agency (the profile's agencyId), whatever AGENCY_ID the stack runs
 * with: onboarding another Sở on a fresh data folder must not get the Bắc Giang demo under its name.
 */
export async function loadDemo(now: Date): Promise<string[]> {
  const demo = YAML.parse(readFileSync(DEMO_PROFILE, 'utf8')) as { agencyId: string };
  const base = container();
  const c = base.config.agencyId === demo.agencyId ? base : makeContainer({ ...base.config, agencyId: demo.agencyId });
  const profile = await setAgency(c.agencies, demo);
  const out = [`Cơ quan: ${profile.name} (${profile.superiorHeader}) — ${profile.units.length} đơn vị, ${profile.leaders.length} lãnh đạo.`];
  const plan = await importPlan(
    { plans: c.plans, agencies: c.agencies, readSheets: readXlsxGrid },
    { agencyId: c.config.agencyId, year: 2024, fileName: 'seed-004-bacgiang-2024.xlsx', bytes: readFileSync(DEMO_PLAN), importedBy: 'demo', now },
  );
  if (!plan.ok) throw new Error(`Demo plan did not import: ${plan.problems.map((p) => p.reason).join('; ')}`);
  out.push(
    `Kế hoạch 2024: ${plan.taskCount} nhiệm vụ (${Object.entries(plan.byUnit)
      .map(([u, n]) => `${u} ${n}`)
      .join(', ')}).`,
  );
  const subs = await loadDemoSubmissions(
    c,
    c.config.agencyId,
    profile.units.map((u) => u.code),
  );
  out.push(`Báo cáo mẫu tháng 4 và 5/2024: ${subs.join('; ')}.`);
  const directions = await loadDemoDirections(c, profile, now);
  if (directions.length) out.push(`Ý kiến chỉ đạo mẫu: ${directions.join('; ')}.`);
  const people = await loadDemoUsers(c.users, profile, now);
  if (people.length) out.push(`Người dùng (đăng nhập bằng mã gửi qua thư): ${people.join(', ')}.`);
  return out;
}
