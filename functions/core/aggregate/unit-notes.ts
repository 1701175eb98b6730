/**
 * Unit-level difficulties, proposals and next-period plan of a submission (not tied to one task).
 * flow: issues-priorities --> unit-notes (pure)
 *
 * `SubmissionData` has no such fields yet; the form may send them (same names as on a task
 * report) and they are read here when present, so adding them to core/submission.ts later needs
 * no change in the aggregation.
 */
import { nfc } from '../text.ts';
import type { ProposalAddressee, SubmissionData } from '../submission.ts';

export interface UnitNotes {
  difficulties: string;
  proposals: string;
  proposalTo: ProposalAddressee;
  needsDecision: boolean;
  nextPlan: string;
}

export function unitNotes(data: SubmissionData): UnitNotes {
  const extra = data as SubmissionData & Partial<Record<keyof UnitNotes, unknown>>;
  const text = (v: unknown) => (typeof v === 'string' ? nfc(v) : '');
  return {
    difficulties: text(extra.difficulties),
    proposals: text(extra.proposals),
    proposalTo: (extra as { proposalTo?: unknown }).proposalTo === 'ubnd-tinh' ? 'ubnd-tinh' : 'lanh-dao-so',
    needsDecision: extra.needsDecision === true,
    nextPlan: text(extra.nextPlan),
  };
}
