import { describe, expect, it } from 'vitest';
import type { Plan } from '../../functions/core/plan.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { call } from '../support/http.ts';
import { testContainer, tokenFor } from '../support/local.ts';
import { demoProfile } from '../support/demo-profile.ts';

// Uses the year 2023 of the demo agency: a profile version effective from 2023-01-01 with 50
// units and a 2023 plan, which the 2024 demo data (effective 2024-01-01) never sees.
describe('50 units submitting at once through the HTTP server', () => {
  it('stores every submission and every revision, losing nothing', async () => {
    const c = testContainer(process.env.AGENCY_ID ?? 'skhcn-bacgiang');
    const agencyId = c.config.agencyId;
    const demo = demoProfile();
    const units = Array.from({ length: 50 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
    await setAgency(c.agencies, {
      ...demo,
      agencyId,
      effectiveFrom: '2023-01-01',
      units: units.map((code, i) => ({ code, name: `Phòng thử nghiệm số ${i + 1}`, kind: 'phong' })),
    });
    const plan: Plan = {
      agencyId,
      year: 2023,
      tasks: units.map((u, i) => ({
        id: `I-${i + 1}`,
        number: String(i + 1),
        group: { numeral: 'I', title: 'NHIỆM VỤ TRỌNG TÂM' },
        category: 'ke-hoach',
        content: `Nhiệm vụ của phòng ${u}`,
        leadUnit: u,
        coordinatingUnits: [],
        start: { kind: 'month', year: 2023, month: 1 },
        finish: { kind: 'month', year: 2023, month: 12 },
        milestones: [],
        order: i + 1,
      })),
    };
    await c.plans.putPlan(plan, { hash: 'load-2023', importedAt: new Date().toISOString(), importedBy: 'test', source: 'test' });
    const tokens = await Promise.all(units.map((u) => tokenFor('unit', u)));
    const body = (i: number, base: number, progress: number) => ({
      period: '2023-03',
      baseRevision: base,
      data: {
        reporterName: `Người báo cáo ${i}`,
        tasks: [
          {
            taskId: `I-${i + 1}`,
            status: 'dang-thuc-hien',
            progress,
            result: 'Đang thực hiện.',
            difficulties: '',
            proposals: '',
            needsDecision: false,
            nextPlan: '',
          },
        ],
      },
    });
    const wave1 = await Promise.all(units.map((_, i) => call('POST', '/api/submissions', { token: tokens[i], body: body(i, 0, 30) })));
    expect(wave1.map((r) => r.status)).toEqual(units.map(() => 201));
    const wave2 = await Promise.all(units.map((_, i) => call('POST', '/api/submissions', { token: tokens[i], body: body(i, 1, 40) })));
    expect(wave2.map((r) => r.status)).toEqual(units.map(() => 201));
    const heads = await c.submissions.listHeads(agencyId, '2023-03');
    expect(heads).toHaveLength(50);
    expect(heads.every((h) => h.revision === 2 && h.data?.tasks[0]?.progress === 40)).toBe(true);
    const revisionCounts = await Promise.all(units.map((u) => c.submissions.listRevisions(agencyId, '2023-03', u).then((r) => r.length)));
    expect(revisionCounts).toEqual(units.map(() => 2));
  });
});
