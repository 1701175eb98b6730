/**
 * Difficulties and proposals (task-level and unit-level), next period's priorities and other work
 * (thường xuyên, đột xuất), gathered per unit in the profile's unit order.
 * flow: build-report-model --> issues-priorities --> unit-notes (pure)
 *
 * Only reports from this window count: a finished task carried forward brings no old issue back.
 * The report to UBND tỉnh gets only the proposals addressed to the province (the rows already
 * carry only those, see task-rows.ts); a proposal to the Sở's own leaders is internal until they
 * have decided on it.
 * Next steps ("kế hoạch kỳ tới") are what units wrote for the month after the window's last
 * month, so only reports of that last month give them: an older report's "next month" has passed.
 * The annual report takes none: its outlook is next year's plan (narrative-outlook.ts).
 */
import type { AgencyProfile, Audience } from '../agency.ts';
import type { Period } from '../period.ts';
import { makePeriod } from '../period.ts';
import type { IssueRow, PriorityRow, ReportModel } from '../report-model.ts';
import type { SubmissionHead } from '../submission.ts';
import { nfc } from '../text.ts';
import { isSubmitted, latestSubmittedHead, periodRank } from './latest-reports.ts';
import { unitRef, type BuiltRow } from './task-rows.ts';
import { unitNotes } from './unit-notes.ts';

/** Unit codes in report order: the profile's order, then any other unit seen. */
export function unitOrder(profile: AgencyProfile, extra: Iterable<string>): string[] {
  const out = profile.units.map((u) => u.code);
  for (const c of extra) if (!out.includes(c)) out.push(c);
  return out;
}

export function buildIssues(profile: AgencyProfile, audience: Audience, built: readonly BuiltRow[], heads: readonly SubmissionHead[]): IssueRow[] {
  const out: IssueRow[] = [];
  const codes = unitOrder(profile, [...built.map((b) => b.task.leadUnit), ...heads.map((h) => h.unit)]);
  for (const code of codes) {
    for (const { row, origin, picked } of built) {
      if (origin !== 'current' || row.leadUnit.code !== code) continue;
      if (!row.difficulties && !row.proposals) continue;
      const issue: IssueRow = {
        unit: row.leadUnit,
        taskId: row.taskId,
        taskNumber: row.number,
        taskContent: row.content,
        difficulties: row.difficulties,
        proposals: row.proposals,
        proposalTo: row.proposalTo ?? 'lanh-dao-so',
        needsDecision: row.needsDecision,
      };
      if (picked) issue.period = picked.period;
      out.push(issue);
    }
    const latest = latestSubmittedHead(heads.filter((h) => h.unit === code));
    if (latest) {
      const n = unitNotes(latest.data);
      const proposals = audience === 'director' || n.proposalTo === 'ubnd-tinh' ? n.proposals : '';
      if (n.difficulties || proposals) {
        out.push({
          unit: unitRef(profile, code),
          difficulties: n.difficulties,
          proposals,
          proposalTo: n.proposalTo,
          needsDecision: audience === 'director' && n.needsDecision && proposals !== '' && n.proposalTo === 'lanh-dao-so',
          period: latest.period,
        });
      }
    }
  }
  return out;
}

export function buildPriorities(profile: AgencyProfile, period: Period, built: readonly BuiltRow[], heads: readonly SubmissionHead[]): PriorityRow[] {
  if (period.kind === 'annual') return [];
  const last = makePeriod('monthly', period.lastMonth.year, period.lastMonth.month).id;
  const out: PriorityRow[] = [];
  const codes = unitOrder(profile, [...built.map((b) => b.task.leadUnit), ...heads.map((h) => h.unit)]);
  for (const code of codes) {
    for (const { row, origin, picked } of built) {
      if (origin !== 'current' || row.leadUnit.code !== code || !row.nextPlan || picked?.period !== last) continue;
      out.push({ unit: row.leadUnit, taskId: row.taskId, taskNumber: row.number, text: row.nextPlan });
    }
    const head = heads.find((h) => h.unit === code && h.period === last && isSubmitted(h));
    const plan = head?.data ? unitNotes(head.data).nextPlan : '';
    if (plan) out.push({ unit: unitRef(profile, code), text: plan });
  }
  return out;
}

/** Other work from every submitted head in the window, oldest month first, without repeats. */
export function buildOtherWork(profile: AgencyProfile, heads: readonly SubmissionHead[]): ReportModel['otherWork'] {
  const out: ReportModel['otherWork'] = [];
  const seen = new Set<string>();
  const codes = unitOrder(
    profile,
    heads.map((h) => h.unit),
  );
  for (const code of codes) {
    const mine = heads.filter((h) => h.unit === code).filter(isSubmitted);
    mine.sort((a, b) => periodRank(a.period) - periodRank(b.period));
    for (const h of mine) {
      for (const w of h.data.otherWork) {
        const text = nfc(w.text);
        const key = `${code}\u0000${w.kind}\u0000${text}`;
        if (!text || seen.has(key)) continue;
        seen.add(key);
        out.push({ unit: unitRef(profile, code), kind: w.kind, text });
      }
    }
  }
  return out;
}
