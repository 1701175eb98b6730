/**
 * Directions on the memory stores: a leader records one on a proposal that asked for a decision
 * (once; Văn phòng may not), every change is a new version kept with an audit entry, a stale
 * version is refused with a Vietnamese 409, another agency's direction is not found, the queue
 * splits pending from directed, and the unit's forms show a direction from the month after its
 * proposal until a report answers it.
 */
import { describe, expect, it } from 'vitest';
import { MemoryDirectionStore } from '../../../functions/adapters/memory/direction-store.ts';
import { directionsForForm, directionsInWindow, latestAnswer } from '../../../functions/core/direction.ts';
import { changeDirection, directionQueue, readDirection, recordDirection } from '../../../functions/usecases/directions.ts';
import { formContext, submit } from '../../../functions/usecases/submissions.ts';
import { dashboard } from '../../../functions/usecases/dashboard.ts';
import { memoryStores } from '../../support/memory-stores.ts';
import { taskReport } from '../../support/small-plan.ts';

const A = 'dir-unit';
const leader = { sub: 'gd', name: 'Nguyễn Văn Giám', role: 'lanh-dao' as const, agencyId: A };
const office = { sub: 'vp', role: 'van-phong' as const, agencyId: A };
const unit = { sub: 'u', role: 'unit' as const, unit: 'QLKH', agencyId: A };
const now = new Date('2024-06-03T02:00:00Z');
const PROPOSAL = 'Đề nghị Lãnh đạo Sở cho ý kiến về việc tổ chức Hội đồng tư vấn tuyển chọn nhiệm vụ năm 2025.';
const TEXT = 'Phòng QLKH khẩn trương tham mưu thành lập Hội đồng, hoàn thành trước ngày 30/6.';

async function stores() {
  const s = { ...(await memoryStores(A)), directions: new MemoryDirectionStore() };
  await submit(
    s,
    unit,
    {
      period: '2024-05',
      unit: 'QLKH',
      baseRevision: 0,
      data: { reporterName: 'A', otherWork: [], tasks: [{ ...taskReport('I-1', 70), needsDecision: true, proposals: PROPOSAL }] },
    },
    new Date('2024-05-19T01:00:00Z'),
  );
  return s;
}

const onProposal = { period: '2024-05', unit: 'QLKH', taskId: 'I-1' };

describe('directions', () => {
  it('a leader records one direction per proposal, versioned and audit-logged', async () => {
    const s = await stores();
    const d = await recordDirection(s, leader, { ...onProposal, text: TEXT, deadline: '2024-06-30', forProvince: false }, now);
    expect(d).toMatchObject({ id: '2024-05.QLKH.I-1', version: 1, byName: 'Nguyễn Văn Giám', proposal: { proposals: PROPOSAL } });
    await expect(recordDirection(s, leader, { ...onProposal, text: TEXT }, now)).rejects.toMatchObject({ kind: 'conflict', code: 'direction_exists' });
    await expect(recordDirection(s, office, { ...onProposal, text: TEXT }, now)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(recordDirection(s, leader, { ...onProposal, taskId: 'I-2', text: TEXT }, now)).rejects.toMatchObject({
      kind: 'not_found',
      code: 'proposal_not_found',
    });
    await expect(recordDirection(s, leader, { ...onProposal, text: '   ' }, now)).rejects.toMatchObject({ kind: 'invalid', fields: [{ field: 'text' }] });
    await expect(recordDirection(s, leader, { ...onProposal, text: TEXT, deadline: '2024-02-30' }, now)).rejects.toMatchObject({
      fields: [{ field: 'deadline' }],
    });

    const changed = await changeDirection(s, leader, d.id, { expectedVersion: 1, text: TEXT, deadline: '2024-07-15', forProvince: true }, now);
    expect(changed).toMatchObject({ changed: true, direction: { version: 2, deadline: '2024-07-15', forProvince: true } });
    await expect(changeDirection(s, leader, d.id, { expectedVersion: 1, text: 'Khác' }, now)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'stale_direction',
      message: expect.stringContaining('phiên bản 2'),
    });
    const same = await changeDirection(s, leader, d.id, { expectedVersion: 2, text: TEXT, deadline: '2024-07-15', forProvince: true }, now);
    expect(same.changed).toBe(false);
    const read = await readDirection(s, office, d.id);
    expect(read.versions.map((v) => [v.version, v.deadline])).toEqual([
      [1, '2024-06-30'],
      [2, '2024-07-15'],
    ]);
    expect(s.directions.audit.map((a) => a.action)).toEqual(['direction-recorded', 'direction-changed']);
    await expect(readDirection(s, { ...office, agencyId: 'other' }, d.id)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(readDirection(s, unit, d.id)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('the queue lists proposals newest first, pending or directed', async () => {
    const s = await stores();
    const pending = await directionQueue(s, office, { state: 'pending' }, now);
    expect(pending.items.map((i) => [i.id, i.unit.name, i.task.number, i.proposals])).toEqual([['2024-05.QLKH.I-1', expect.any(String), '1', PROPOSAL]]);
    expect((await dashboard(s, leader, '2024-05', now)).awaitingLeaders.map((i) => i.proposals)).toEqual([PROPOSAL]);
    await recordDirection(s, leader, { ...onProposal, text: TEXT }, now);
    expect((await directionQueue(s, office, { state: 'pending' }, now)).items).toEqual([]);
    // The dashboard's (and the digest's) proposals awaiting a leader leave it out now.
    expect((await dashboard(s, leader, '2024-05', now)).awaitingLeaders).toEqual([]);
    expect((await directionQueue(s, office, { state: 'directed' }, now)).items[0]?.direction?.text).toBe(TEXT);
  });

  it("the unit's forms show it from the next month until a report answers it", async () => {
    const s = await stores();
    const d = await recordDirection(s, leader, { ...onProposal, text: TEXT, deadline: '2024-06-30' }, now);
    expect((await formContext(s, unit, 'QLKH', '2024-05')).directions ?? []).toEqual([]);
    const june = await formContext(s, unit, 'QLKH', '2024-06');
    expect(june.directions?.map((x) => [x.id, x.text, x.byName])).toEqual([[d.id, TEXT, 'Nguyễn Văn Giám']]);
    // Not answered in June: July shows it again.
    await submit(
      s,
      unit,
      { period: '2024-06', unit: 'QLKH', baseRevision: 0, data: { reporterName: 'A', otherWork: [], tasks: [taskReport('I-1', 75)] } },
      new Date('2024-06-19T01:00:00Z'),
    );
    expect((await formContext(s, unit, 'QLKH', '2024-07')).directions?.map((x) => x.id)).toEqual([d.id]);
    const answer = 'Đã trình Giám đốc Quyết định thành lập Hội đồng ngày 25/7.';
    await submit(
      s,
      unit,
      {
        period: '2024-07',
        unit: 'QLKH',
        baseRevision: 0,
        data: { reporterName: 'A', otherWork: [], tasks: [{ ...taskReport('I-1', 80), directionAnswers: [{ id: d.id, text: answer }] }] },
      },
      new Date('2024-07-19T01:00:00Z'),
    );
    // July's own form keeps it (with the answer), August's no longer.
    expect((await formContext(s, unit, 'QLKH', '2024-07')).directions?.map((x) => x.id)).toEqual([d.id]);
    expect((await formContext(s, unit, 'QLKH', '2024-08')).directions).toEqual([]);

    const all = await Promise.all(['2024-05', '2024-06', '2024-07', '2024-08'].map((m) => s.submissions.listHeads(A, m)));
    const heads = all.flat();
    const [current] = await s.directions.list(A);
    expect(latestAnswer(current!, heads, '2024-07')).toEqual({ period: '2024-07', unit: 'QLKH', text: answer });
    expect(latestAnswer(current!, heads, '2024-06')).toBeUndefined();
    expect(directionsInWindow([current!], ['2024-07'], heads, 'director').map((x) => x.id)).toEqual([d.id]);
    expect(directionsInWindow([current!], ['2024-08'], heads, 'director')).toEqual([]);
    expect(directionsInWindow([current!], ['2024-07'], heads, 'ubnd')).toEqual([]);
    expect(directionsForForm([current!], 'TTR', '2024-06', new Set(['I-1']), [])).toEqual([]);
  });
});
