/**
 * sha256 of the canonical JSON of the data a report is built from (profile, plan, period,
 * submitted data), recorded with each report so a re-run over the same data is recognised as one.
 * flow: use case / build-report-model --> input-hash (pure; node:crypto only hashes)
 *
 * Canonical: object keys sorted, undefined dropped, strings NFC, submission heads sorted by
 * (period, unit) and plan tasks by (order, id) so the store's return order does not matter.
 * A head contributes only what the aggregation reads: saving another draft changes `updatedAt`
 * and the draft's content, not the report, so only whether a draft exists is hashed.
 */
import { createHash } from 'node:crypto';
import type { SubmissionHead } from '../submission.ts';
import type { AggregateInput } from './build-report-model.ts';

/** Bumped when the aggregation rules change, so the same data under new rules hashes differently. */
const RULES_VERSION = 2;

function canonical(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key.normalize('NFC')] = canonical(v);
    }
    return out;
  }
  return value;
}

function headEssence(h: SubmissionHead): Record<string, unknown> {
  return {
    agencyId: h.agencyId,
    period: h.period,
    unit: h.unit,
    state: h.state,
    revision: h.revision,
    data: h.data,
    firstSubmittedAt: h.firstSubmittedAt,
    submittedAt: h.submittedAt,
    onTime: h.onTime,
    hasDraft: h.draft !== undefined,
  };
}

function sortHeads(heads: readonly SubmissionHead[] | undefined): Record<string, unknown>[] {
  return [...(heads ?? [])]
    .sort((a, b) => (a.period === b.period ? (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) : a.period < b.period ? -1 : 1))
    .map(headEssence);
}

export function computeInputHash(input: Omit<AggregateInput, 'audience' | 'issueDate'>): string {
  const plan = input.plan && {
    ...input.plan,
    tasks: [...input.plan.tasks].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
  const doc = canonical({
    rules: RULES_VERSION,
    profile: input.profile,
    plan: plan ?? null,
    period: input.period,
    submissions: sortHeads(input.submissions),
    previousSubmissions: sortHeads(input.previousSubmissions),
    earlierSubmissions: sortHeads(input.earlierSubmissions),
    // Only when there are any: the hash of a report without directions stays what it was.
    ...(input.directions?.length ? { directions: [...input.directions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) } : {}),
  });
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}
