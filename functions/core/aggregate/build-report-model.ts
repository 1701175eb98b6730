/**
 * Aggregation: the plan, the agency profile and the units' submissions of a period become one
 * ReportModel (figures, rows, body text, document header data) for one audience.
 * flow: compile use case --> build-report-model --> task-rows / counts / submission-rows /
 *       issues-priorities / narrative --> ReportModel (pure: no I/O, no clock)
 */
import type { AgencyProfile, Audience } from '../agency.ts';
import type { LocalDate } from '../clock.ts';
import type { Plan } from '../plan.ts';
import { monthlyPeriodsOf, periodLabel, periodWindow, previousPeriod, submissionDeadlineDate, type Period } from '../period.ts';
import type { ReportModel } from '../report-model.ts';
import type { SubmissionHead } from '../submission.ts';
import { nfc, nfcDeep } from '../text.ts';
import { countByCategory, countByLeader, countByUnit, countRows, groupRows } from './counts.ts';
import { computeInputHash } from './input-hash.ts';
import { buildIssues, buildOtherWork, buildPriorities } from './issues-priorities.ts';
import { isSubmitted, latestReports, periodRank } from './latest-reports.ts';
import { buildBody } from './narrative.ts';
import { buildSubmissionRows } from './submission-rows.ts';
import { buildTaskRows } from './task-rows.ts';

export interface AggregateInput {
  /** The version in force on issueDate (caller picks it with profileAt). */
  profile: AgencyProfile;
  /** Undefined = no plan for that year: the report says so, it does not fail. */
  plan: Plan | undefined;
  /** Any kind (monthly … annual). */
  period: Period;
  audience: Audience;
  /**
   * Submitted heads of every monthly period inside the period's months (for a monthly report: that
   * month), newest data wins per task; plus the previous period's, for progress deltas and "newly
   * overdue". Drafts are not data (a draft-only head only marks its unit "mới lưu nháp").
   */
  submissions: SubmissionHead[];
  previousSubmissions: SubmissionHead[];
  /**
   * Optional: submitted heads of earlier months of the plan year (before the previous period).
   * Only used to keep a task finished months ago "hoàn thành" after its unit stops reporting it,
   * and to find unfinished tasks of earlier periods. Without it, only the previous period is seen.
   */
  earlierSubmissions?: SubmissionHead[];
  /** The date on the date line (passed in, never read from a clock). */
  issueDate: LocalDate;
  /**
   * computeInputHash of this same data, when the caller already has it (the compile job hashes
   * the input once to decide whether anything changed); hashing a large plan twice per audience
   * is measurable (docs/performance.md).
   */
  inputHash?: string;
}

/** Heads that belong to the period: its monthly periods (or the period itself), of this agency. */
function headsInPeriod(heads: readonly SubmissionHead[], period: Period, agencyId: string): SubmissionHead[] {
  const ids = new Set([...monthlyPeriodsOf(period).map((p) => p.id), period.id]);
  return heads.filter((h) => h.agencyId === agencyId && ids.has(h.period));
}

export function buildReportModel(input: AggregateInput): ReportModel {
  const { profile, plan, period, audience, issueDate } = input;
  const window = periodWindow(period, profile.periodWindows);
  const previousCutoff = periodWindow(previousPeriod(period), profile.periodWindows).to;
  const label = periodLabel(period);
  const lead = new Map((plan?.tasks ?? []).map((t) => [t.id, t.leadUnit]));
  const leadOf = (id: string) => lead.get(id);

  const heads = headsInPeriod(input.submissions, period, profile.agencyId);
  // Anything dated inside the period is current data, never "previous" or "earlier".
  const windowRank = periodRank(monthlyPeriodsOf(period)[0]!.id);
  const earlierOwn = (list: readonly SubmissionHead[] | undefined) =>
    (list ?? []).filter((h) => h.agencyId === profile.agencyId && periodRank(h.period) < windowRank);
  const ownPrevious = earlierOwn(input.previousSubmissions);
  const before = [...earlierOwn(input.earlierSubmissions), ...ownPrevious];

  const current = latestReports(heads, leadOf, profile.timeZone);
  const previous = latestReports(ownPrevious, leadOf, profile.timeZone);
  const known = latestReports(before, leadOf, profile.timeZone);

  const built = plan ? buildTaskRows({ plan, period, window, previousCutoff, profile, current, previous, known }) : [];
  const rows = built.map((b) => b.row);
  const totals = countRows(rows);
  const byUnit = countByUnit(rows, profile);
  const submissions = buildSubmissionRows(profile, built, heads);
  const issues = buildIssues(profile, built, heads);
  const priorities = buildPriorities(profile, built, heads);
  const otherWork = buildOtherWork(profile, heads);
  const submissionDeadline = submissionDeadlineDate(period, profile);

  const body = buildBody(audience, {
    profile,
    plan,
    period,
    label,
    window,
    submissionDeadline,
    issueDate,
    built,
    totals,
    byUnit,
    submissions,
    issues,
    priorities,
    otherWork,
    anySubmitted: heads.some(isSubmitted),
  });

  const subject =
    audience === 'ubnd' ? `Kết quả thực hiện nhiệm vụ ${label}` : `Tình hình thực hiện nhiệm vụ ${label} của các phòng, đơn vị`;
  const model: ReportModel = {
    schemaVersion: 1,
    audience,
    agency: {
      name: nfc(profile.name),
      shortName: nfc(profile.shortName),
      superiorHeader: nfc(profile.superiorHeader),
      superiorName: nfc(profile.superiorName),
      placeName: nfc(profile.placeName),
      symbol: nfc(profile.symbol),
      timeZone: profile.timeZone,
    },
    period: { id: period.id, kind: period.kind, label, window, submissionDeadline },
    issueDate,
    documentSymbol: `BC-${nfc(profile.symbol)}`,
    subject,
    kinhGui: audience === 'ubnd' ? [nfc(profile.superiorName)] : [],
    body,
    signer: { ...profile.signers[audience] },
    recipients: [...profile.recipients[audience], profile.archiveLine].map(nfc),
    totals,
    byUnit,
    byLeader: countByLeader(rows, profile),
    byCategory: countByCategory(rows),
    groups: groupRows(built),
    submissions,
    issues,
    priorities,
    otherWork,
    appendixTitle: subject.toLocaleUpperCase('vi'),
    inputHash: input.inputHash ?? computeInputHash(input),
  };
  return nfcDeep(model);
}
