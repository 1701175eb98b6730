/**
 * The amendment use case on the memory stores: a dry run writes nothing and says the months that
 * change; recording writes a new plan version and an audit entry; the same decision again changes
 * nothing; a deadline that is not later, a decision dated after today or a bad number is refused.
 * flow: test --> amend plan --> memory stores
 */
import { describe, expect, it } from 'vitest';
import { amendDeadline, type AmendDeadlineInput } from '../../../functions/usecases/amend-plan.ts';
import type { AuditEntry } from '../../../functions/usecases/ports.ts';
import { memoryStores } from '../../support/memory-stores.ts';

const A = 'skhcn-test';
const input = (over: Partial<AmendDeadlineInput> = {}): AmendDeadlineInput => ({
  agencyId: A,
  year: 2024,
  taskId: 'I-1',
  deadline: '2025-03-31',
  decision: { number: '123/QĐ-SKHCN', date: '2024-11-20', reason: '  Chờ   bổ sung kinh phí ' },
  by: 'Nguyễn Thị Hoa (u-1)',
  now: new Date('2024-12-02T03:00:00Z'),
  ...over,
});

async function setup() {
  const stores = await memoryStores(A);
  const entries: AuditEntry[] = [];
  return { stores: { ...stores, audit: { appendAudit: async (e: AuditEntry) => void entries.push(e) } }, entries };
}

describe('amendDeadline', () => {
  it('previews, records once, and logs it', async () => {
    const { stores, entries } = await setup();
    const dry = await amendDeadline(stores, input({ dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, changed: false, before: 'Tháng 12/2024' });
    expect(dry.after).toBe('31/03/2025 (gia hạn theo Quyết định số 123/QĐ-SKHCN ngày 20/11/2024; lý do: Chờ bổ sung kinh phí)');
    expect(dry.effects.map((e) => e.period)).toEqual(['2024-11', '2024-12']);
    expect((await stores.plans.getPlanMeta(A, 2024))!.version).toBe(1);
    expect(entries).toEqual([]);

    const done = await amendDeadline(stores, input());
    expect(done).toMatchObject({ dryRun: false, changed: true, meta: { version: 2 } });
    const task = (await stores.plans.getPlan(A, 2024))!.tasks.find((t) => t.id === 'I-1')!;
    expect(task.amendments).toEqual([
      {
        deadline: '2025-03-31',
        decision: { number: '123/QĐ-SKHCN', date: '2024-11-20', reason: 'Chờ bổ sung kinh phí' },
        recordedAt: '2024-12-02T03:00:00.000Z',
        recordedBy: 'Nguyễn Thị Hoa (u-1)',
      },
    ]);
    expect(entries).toMatchObject([{ action: 'plan-amended', target: 'Kế hoạch năm 2024, nhiệm vụ 1', actor: 'Nguyễn Thị Hoa (u-1)' }]);

    const again = await amendDeadline(stores, input({ now: new Date('2024-12-03T03:00:00Z') }));
    expect(again).toMatchObject({ changed: false, effects: [] });
    expect((await stores.plans.getPlanMeta(A, 2024))!.version).toBe(2);
    expect(entries).toHaveLength(1);
  });

  it('refuses what is not an extension by a decision already made', async () => {
    const { stores } = await setup();
    await expect(amendDeadline(stores, input({ deadline: '2024-12-31' }))).rejects.toMatchObject({
      code: 'invalid_amendment',
      fields: [{ field: 'deadline' }],
    });
    await expect(amendDeadline(stores, input({ decision: { number: '123/QĐ-SKHCN', date: '2024-12-05', reason: 'Lý do' } }))).rejects.toMatchObject({
      fields: [{ field: 'decision.date' }],
    });
    await expect(amendDeadline(stores, input({ decision: { number: 'QĐ 123', date: '2024-11-20', reason: 'Lý do' } }))).rejects.toMatchObject({
      fields: [{ field: 'decision.number' }],
    });
    await expect(amendDeadline(stores, input({ deadline: '2025-02-30' }))).rejects.toMatchObject({ fields: [{ field: 'deadline' }] });
    await expect(amendDeadline(stores, input({ taskId: 'I-9' }))).rejects.toMatchObject({ code: 'task_not_found' });
    await expect(amendDeadline(stores, input({ year: 2023 }))).rejects.toMatchObject({ code: 'plan_not_found' });
  });

  it('a second extension must go beyond the first from its decision’s date', async () => {
    const { stores } = await setup();
    await amendDeadline(stores, input());
    await expect(
      amendDeadline(stores, input({ deadline: '2025-02-28', decision: { number: '130/QĐ-SKHCN', date: '2024-11-25', reason: 'Lý do khác' } })),
    ).rejects.toMatchObject({ code: 'invalid_amendment' });
    const later = await amendDeadline(
      stores,
      input({ deadline: '2025-06-30', decision: { number: '130/QĐ-SKHCN', date: '2024-11-25', reason: 'Lý do khác' } }),
    );
    expect(later.before).toContain('31/03/2025 (gia hạn theo Quyết định số 123/QĐ-SKHCN');
    expect(later.changed).toBe(true);
  });
});
