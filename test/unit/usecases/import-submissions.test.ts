// Importing past submissions on the in-memory stores: the file's instant is the clock (on time
// or late by it, never ahead of the real one), a stored draft or submission is never overwritten,
// a month's later revision waits for its earlier one, and a dry run writes nothing.
import { describe, expect, it } from 'vitest';
import { UseCaseError } from '../../../functions/usecases/errors.ts';
import { importSubmissions } from '../../../functions/usecases/import-submissions.ts';
import { saveDraft, type Stores } from '../../../functions/usecases/submissions.ts';
import { memoryStores } from '../../support/memory-stores.ts';

const A = 'so-khcn';
const NOW = new Date('2024-08-01T03:00:00.000Z');

const stores = () => memoryStores(A);

const entry = (period: string, unit: string, submittedAt: string, progress = 50, reporterName = 'Lê Văn Tâm') => ({
  period,
  unit,
  submittedAt,
  reporterName,
  data: {
    otherWork: [],
    tasks: [
      {
        taskId: unit === 'QLKH' ? 'I-1' : 'I-2',
        status: 'dang-thuc-hien',
        progress,
        result: 'Đã triển khai.',
        difficulties: '',
        proposals: '',
        needsDecision: false,
        nextPlan: '',
      },
    ],
  },
});

const run = (s: Stores, entries: unknown, dryRun = false) => importSubmissions(s, { agencyId: A, by: 'import:op', entries, now: NOW, dryRun });

describe('importSubmissions', () => {
  it('stores each entry at its own instant, judged on time or late by it, and marked imported', async () => {
    const s = await stores();
    const out = await run(s, [entry('2024-05', 'QLKH', '2024-05-15T09:00:00+07:00'), entry('2024-05', 'TTR', '2024-05-23T09:00:00+07:00')]);
    expect(out.outcomes.map((o) => [o.status, o.status === 'imported' && o.onTime])).toEqual([
      ['imported', true],
      ['imported', false],
    ]);
    const [rev] = await s.submissions.listRevisions(A, '2024-05', 'QLKH');
    expect(rev).toMatchObject({ at: '2024-05-15T02:00:00.000Z', by: 'import:op', imported: true, onTime: true });
    expect(rev!.data.reporterName).toBe('Lê Văn Tâm');
  });

  it('refuses an instant ahead of the clock, or before the period began, by number', async () => {
    const s = await stores();
    const out = await run(s, [entry('2024-09', 'QLKH', '2024-09-15T09:00:00+07:00'), entry('2024-06', 'QLKH', '2024-05-10T09:00:00+07:00')]);
    expect(out.failed).toBe(2);
    expect(out.outcomes[0]).toMatchObject({ n: 1, status: 'failed', reason: expect.stringContaining('ở tương lai') });
    expect(out.outcomes[1]).toMatchObject({ n: 2, status: 'failed', reason: expect.stringContaining('chưa bắt đầu') });
  });

  it('never overwrites: a month with a draft or a submission is skipped; the run is repeatable', async () => {
    const s = await stores();
    await saveDraft(
      s,
      { sub: 'u', role: 'unit', unit: 'TTR', agencyId: A },
      { period: '2024-05', unit: 'TTR', data: entry('2024-05', 'TTR', '').data as never },
      NOW,
    );
    const file = [entry('2024-05', 'QLKH', '2024-05-15T09:00:00+07:00'), entry('2024-05', 'TTR', '2024-05-16T09:00:00+07:00')];
    expect((await run(s, file)).outcomes.map((o) => o.status)).toEqual(['imported', 'skipped']);
    const again = await run(s, file);
    expect([again.imported, again.skipped]).toEqual([0, 2]);
    expect(again.outcomes[0]).toMatchObject({ status: 'skipped', reason: expect.stringContaining('đã có báo cáo') });
    expect(again.outcomes[1]).toMatchObject({ status: 'skipped', reason: expect.stringContaining('bản nháp') });
  });

  it("applies a unit's month in time order; a later revision is not imported when an earlier one fails", async () => {
    const s = await stores();
    const out = await run(s, [
      entry('2024-05', 'QLKH', '2024-05-25T09:00:00+07:00', 60),
      entry('2024-05', 'QLKH', '2024-05-15T09:00:00+07:00', 50),
      entry('2024-06', 'QLKH', '2024-06-15T09:00:00+07:00', 150),
      entry('2024-06', 'QLKH', '2024-06-25T09:00:00+07:00', 70),
      { ...entry('2024-07', 'QLKH', '2024-07-10T09:00:00+07:00'), data: { ...entry('2024-07', 'QLKH', '').data, reporterName: 'Người khác' } },
    ]);
    expect(out.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'failed', 'failed', 'failed']);
    expect(out.outcomes[0]).toMatchObject({ revision: 2 });
    expect(out.outcomes[3]).toMatchObject({ reason: expect.stringContaining('mục #3') });
    expect(out.outcomes[4]).toMatchObject({ reason: expect.stringContaining('khác reporterName') });
    expect((await s.submissions.getHead(A, '2024-05', 'QLKH'))!.firstSubmittedAt).toBe('2024-05-15T02:00:00.000Z');
  });

  it('a dry run checks and writes nothing; a file that is not a list is refused', async () => {
    const s = await stores();
    const out = await run(s, [entry('2024-05', 'QLKH', '2024-05-15T09:00:00+07:00')], true);
    expect(out.imported).toBe(1);
    expect(await s.submissions.listHeads(A, '2024-05')).toEqual([]);
    await expect(run(s, { period: '2024-05' })).rejects.toBeInstanceOf(UseCaseError);
  });
});
