/**
 * The one rule for when a unit reported: the status board and the compiled workbook's
 * "Tình hình nộp báo cáo" rows read it, so they agree for the same heads.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyProfile } from '../../../functions/core/agency.ts';
import { buildSubmissionRows } from '../../../functions/core/aggregate/submission-rows.ts';
import { countedSubmission } from '../../../functions/core/counted-submission.ts';
import { buildStatusBoard } from '../../../functions/core/status-board.ts';
import type { SubmissionHead } from '../../../functions/core/submission.ts';

const profile = {
  timeZone: 'Asia/Ho_Chi_Minh',
  submissionDeadlineDay: 20,
  units: [
    { code: 'QLKH', name: 'Phòng QLKH', kind: 'phong' },
    { code: 'TTR', name: 'Thanh tra', kind: 'thanh-tra' },
  ],
} as AgencyProfile;

const data = { reporterName: 'N', otherWork: [], tasks: [] };
const head = (over: Partial<SubmissionHead>): SubmissionHead => ({
  agencyId: 'a',
  period: '2024-05',
  unit: 'QLKH',
  state: 'submitted',
  revision: 1,
  data,
  updatedAt: 'x',
  ...over,
});

// Sent on 17/05/2024 09:00 (Viet Nam), revised on 02/12/2026 10:00.
const FIRST = '2024-05-17T02:00:00.000Z';
const LATER = '2026-12-02T03:00:00.000Z';
const revised = head({ revision: 3, firstSubmittedAt: FIRST, submittedAt: LATER, onTime: true });

describe('the submission that counts for the period', () => {
  it('is the first one sent; a later revision is told apart, with the latest revision number', () => {
    expect(countedSubmission(revised, profile)).toEqual({ submittedAt: FIRST, lastRevisedAt: LATER, onTime: true, revision: 3 });
  });

  it('has no later revision when the unit sent once', () => {
    expect(countedSubmission(head({ firstSubmittedAt: FIRST, submittedAt: FIRST, onTime: true }), profile)).toEqual({
      submittedAt: FIRST,
      onTime: true,
      revision: 1,
    });
  });

  it('falls back to the latest time on a head written before the first was recorded', () => {
    expect(countedSubmission(head({ submittedAt: FIRST, onTime: true }), profile)).toEqual({ submittedAt: FIRST, onTime: true, revision: 1 });
  });

  it('keeps the lateness recorded at the first submission, and judges it again only when none was recorded', () => {
    // A late first submission stays late however early the record says it was revised.
    expect(countedSubmission(head({ firstSubmittedAt: FIRST, submittedAt: LATER, onTime: false }), profile)?.onTime).toBe(false);
    // Without a record: 17/05 is before the end of 20/05; 21/05 00:30 (Viet Nam) is not.
    expect(countedSubmission(head({ firstSubmittedAt: FIRST, submittedAt: LATER }), profile)?.onTime).toBe(true);
    expect(countedSubmission(head({ firstSubmittedAt: '2024-05-20T17:30:00.000Z' }), profile)?.onTime).toBe(false);
  });

  it('does not exist while only a draft does', () => {
    const draft = head({ state: 'draft', revision: 0, data: undefined, draft: { savedAt: FIRST, savedBy: 'u' } });
    expect(countedSubmission(draft, profile)).toBeUndefined();
  });

  it('gives the board and the workbook rows the same instant, status and revision for the same heads', () => {
    const heads = [revised, head({ unit: 'TTR', firstSubmittedAt: '2024-05-22T01:00:00.000Z', submittedAt: '2024-05-22T01:00:00.000Z' })];
    const board = buildStatusBoard({
      profile,
      period: '2024-05',
      deadline: '2024-05-20',
      today: '2026-12-02',
      readAt: new Date('2026-12-02T04:00:00.000Z'),
      asOf: '2024-05-20',
      dueByUnit: new Map(),
      previousReports: new Map(),
      heads,
    });
    const rows = buildSubmissionRows(profile, [], heads);
    const pick = (r: { unit: { code: string }; status: string; submittedAt?: string; revision?: number }) => [r.unit.code, r.status, r.submittedAt, r.revision];
    expect(board.rows.map(pick)).toEqual(rows.map(pick));
    expect(board.rows.map(pick)).toEqual([
      ['QLKH', 'on-time', FIRST, 3],
      ['TTR', 'late', '2024-05-22T01:00:00.000Z', 1],
    ]);
    // Only the board says the unit revised later, and the moment it was read bounds every row.
    expect(board.rows[0]!.lastRevisedAt).toBe(LATER);
    expect(board.rows[1]!.lastRevisedAt).toBeUndefined();
    expect(board.readAt >= LATER).toBe(true);
    expect(board.timeZone).toBe('Asia/Ho_Chi_Minh');
  });
});
