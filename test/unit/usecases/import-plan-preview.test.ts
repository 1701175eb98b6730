/**
 * The import use case the CLI and the portal share, on the memory stores with the JSON plan of
 * seed 004: a dry run says what would be added and writes nothing; the import logs itself once;
 * the same file again changes nothing, also after a deadline was extended (the extension stays).
 * flow: test --> import plan, amend plan --> memory stores
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MemoryAgencyStore } from '../../../functions/adapters/memory/agency-store.ts';
import { MemoryPlanStore } from '../../../functions/adapters/memory/plan-store.ts';
import { MemorySubmissionStore } from '../../../functions/adapters/memory/submission-store.ts';
import { amendDeadline } from '../../../functions/usecases/amend-plan.ts';
import { importPlan } from '../../../functions/usecases/import-plan.ts';
import type { AuditEntry } from '../../../functions/usecases/ports.ts';
import { demoProfile } from '../../support/demo-profile.ts';

const A = 'skhcn-json';
const bytes = readFileSync(new URL('../../fixtures/plans/seed-004-bacgiang-2024.json', import.meta.url));

describe('importPlan: preview, log, idempotency', () => {
  it('previews, imports once, and keeps an extension across a re-import of the same file', async () => {
    const agencies = new MemoryAgencyStore();
    await agencies.putProfile({ ...demoProfile(), agencyId: A, effectiveFrom: '2024-01-01' });
    const entries: AuditEntry[] = [];
    const stores = {
      agencies,
      plans: new MemoryPlanStore(),
      submissions: new MemorySubmissionStore(),
      readSheets: async () => {
        throw new Error('not a spreadsheet');
      },
      audit: { appendAudit: async (e: AuditEntry) => void entries.push(e) },
    };
    const input = { agencyId: A, year: 2024, fileName: 'plan.json', bytes, importedBy: 'Văn Phòng (u-1)', now: new Date('2024-02-01T00:00:00Z') };
    const dry = await importPlan(stores, { ...input, dryRun: true });
    if (!dry.ok) throw new Error(JSON.stringify(dry.problems));
    expect(dry.diff.added.length).toBe(dry.taskCount);
    expect(await stores.plans.getPlan(A, 2024)).toBeUndefined();
    expect(entries).toEqual([]);

    const first = await importPlan(stores, input);
    expect(first.ok && first.changed).toBe(true);
    expect(entries).toMatchObject([{ action: 'plan-imported', target: 'Kế hoạch năm 2024', after: { version: 1, added: dry.taskCount, removed: 0 } }]);

    const task = (await stores.plans.getPlan(A, 2024))!.tasks[0]!;
    await amendDeadline(stores, {
      agencyId: A,
      year: 2024,
      taskId: task.id,
      deadline: '2025-06-30',
      decision: { number: '45/QĐ-SKHCN', date: '2024-12-20', reason: 'Chờ kết quả thẩm định' },
      by: 'Văn Phòng (u-1)',
      now: new Date('2024-12-21T00:00:00Z'),
    });
    const again = await importPlan(stores, { ...input, now: new Date('2024-12-22T00:00:00Z'), dryRun: true });
    if (!again.ok) throw new Error('problems');
    expect(again.diff).toMatchObject({ added: [], changed: [], removed: [], plan: [] });
    const same = await importPlan(stores, { ...input, now: new Date('2024-12-22T00:00:00Z') });
    expect(same.ok && same.changed).toBe(false);
    expect((await stores.plans.getPlanMeta(A, 2024))!.version).toBe(2);
    expect((await stores.plans.getPlan(A, 2024))!.tasks[0]!.amendments).toHaveLength(1);
    expect(entries.map((e) => e.action)).toEqual(['plan-imported', 'plan-amended']);
  });
});
