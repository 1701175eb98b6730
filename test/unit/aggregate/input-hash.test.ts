// computeInputHash: same data → same hash whatever the order or Unicode form; any change to the
// data the report reads → another hash; draft edits and audience/date do not count.
import { describe, expect, it } from 'vitest';
import { computeInputHash } from '../../../functions/core/aggregate/input-hash.ts';
import type { AggregateInput } from '../../../functions/core/aggregate/build-report-model.ts';
import { draftOnly, juneInput, report, submitted } from './fixtures.ts';

const hash = (i: AggregateInput) => computeInputHash(i);

describe('computeInputHash', () => {
  const base = hash(juneInput());

  it('is a sha256 hex digest and deterministic', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(juneInput())).toBe(base);
  });

  it('ignores audience and issue date', () => {
    expect(hash({ ...juneInput('ubnd'), issueDate: '2024-07-01' })).toBe(base);
  });

  it('ignores the order of submissions, of tasks in the plan and of object keys', () => {
    const i = juneInput();
    i.submissions.reverse();
    i.previousSubmissions.reverse();
    i.plan!.tasks.reverse();
    i.profile = Object.fromEntries(Object.entries(i.profile).reverse()) as typeof i.profile;
    expect(hash(i)).toBe(base);
  });

  it('ignores NFC/NFD differences', () => {
    const i = juneInput();
    i.profile.name = i.profile.name.normalize('NFD');
    expect(i.profile.name).not.toBe(juneInput().profile.name);
    expect(hash(i)).toBe(base);
  });

  it('changes when submitted data changes', () => {
    const i = juneInput();
    i.submissions = i.submissions.map((h) => (h.unit === 'QLKH' && h.data ? { ...h, data: { ...h.data, tasks: [report('I-2', { progress: 41 })] } } : h));
    expect(hash(i)).not.toBe(base);
  });

  it('changes with the plan, the profile, the period and previous or earlier data', () => {
    const plan = juneInput();
    plan.plan!.tasks[0]!.content += ' (sửa)';
    expect(hash(plan)).not.toBe(base);

    const profile = juneInput();
    profile.profile.signers.ubnd.name = 'Người ký khác';
    expect(hash(profile)).not.toBe(base);

    const noPlan = { ...juneInput(), plan: undefined };
    expect(hash(noPlan)).not.toBe(base);

    const prev = juneInput();
    prev.previousSubmissions.pop();
    expect(hash(prev)).not.toBe(base);

    const earlier = { ...juneInput(), earlierSubmissions: [submitted('QLCN', '2024-04', [report('II-3')])] };
    expect(hash(earlier)).not.toBe(base);
    // An empty list of earlier submissions is the same as none.
    expect(hash({ ...juneInput(), earlierSubmissions: [] })).toBe(base);
  });

  it('a draft counts only by its existence: editing it does not change the hash, saving one does', () => {
    const edited = juneInput();
    edited.submissions = edited.submissions.map((h) =>
      h.draft
        ? {
            ...h,
            updatedAt: '2024-06-20T01:00:00.000Z',
            draft: { ...h.draft, savedAt: '2024-06-20T01:00:00.000Z', data: { ...h.draft.data!, reporterName: 'Người khác' } },
          }
        : h,
    );
    expect(hash(edited)).toBe(base);

    const newDraft = juneInput();
    newDraft.submissions.push(draftOnly('TTUD', '2024-06'));
    expect(hash(newDraft)).not.toBe(base);
  });
});
