/**
 * Aggregation: the plan, the agency profile and the units' submissions of a period become one
 * ReportModel (figures, rows, body text, document header data) for one audience.
 * flow: compile use case --> build-report-model --> window-reports / task-rows / counts /
 *       submission-rows / issues-priorities / narrative --> ReportModel (pure: no I/O, no clock)
 *
 * Every period is its own document: a quarter, half-year, nine months or year is read month by
 * month (docs/report-content.md). The model for UBND tỉnh holds only what the province may read:
 * no table of who reported when, no proposal addressed to the Sở's own leaders.
 */
import { documentHeader, reportSubject, type AgencyProfile, type Audience } from '../agency.ts';
import type { LocalDate } from '../clock.ts';
import { planDocumentOf } from '../plan-document.ts';
import type { Plan } from '../plan.ts';
import { planForPeriod } from '../plan-amendment.ts';
import { monthlyPeriodsOf, periodLabel, periodWindow, previousPeriod, submissionDeadlineDate, type Period } from '../period.ts';
import type { ReportModel } from '../report-model.ts';
import type { SubmissionHead } from '../submission.ts';
import { nfc, nfcDeep } from '../text.ts';
import { countByCategory, countByLeader, countByUnit, countRows, groupRows } from './counts.ts';
import { computeInputHash } from './input-hash.ts';
import { buildIssues, buildOtherWork, buildPriorities } from './issues-priorities.ts';
import { isSubmitted, periodRank } from './latest-reports.ts';
import { buildBody } from './narrative.ts';
import { buildDirectionRows } from './directions.ts';
import type { Direction } from '../direction.ts';
import { buildOutlook } from './narrative-outlook.ts';
import { buildSubmissionMonths } from './submission-rows.ts';
import { buildTaskRows } from './task-rows.ts';
import { windowReports } from './window-reports.ts';

export interface AggregateInput {
  /** The version in force on issueDate (caller picks it with profileAt). */
  profile: AgencyProfile;
  /** Undefined = no plan for that year: the report says so, it does not fail. */
  plan: Plan | undefined;
  /** Next year's plan, read by the annual report's outlook when it has been imported. */
  nextPlan?: Plan | undefined;
  /** Any kind (monthly … annual). */
  period: Period;
  audience: Audience;
  /**
   * Heads of every monthly period inside the period's months. Drafts are not data (a draft-only
   * head only marks its unit "mới lưu nháp").
   */
  submissions: SubmissionHead[];
  /** Heads of the previous period (progress at the start, tasks left unfinished). */
  previousSubmissions: SubmissionHead[];
  /**
   * Optional: heads of earlier months of the plan year (before the previous period), so a task
   * finished months ago stays "hoàn thành" and an unfinished one is still seen.
   */
  earlierSubmissions?: SubmissionHead[];
  /** The date on the date line (passed in, never read from a clock). */
  issueDate: LocalDate;
  /** Set once the version is issued: its number from the register (the date is then `issueDate`). */
  documentNumber?: string;
  /**
   * computeInputHash of this same data, when the caller already has it (the compile job hashes
   * the input once to decide whether anything changed); hashing a large plan twice per audience
   * is measurable (docs/performance.md).
   */
  inputHash?: string;
  /** The leaders' directions of the agency (core/direction.ts); the report picks those of its window. */
  directions?: Direction[];
}

/** Heads of this agency that belong to the period's months. */
function headsInPeriod(heads: readonly SubmissionHead[], period: Period, agencyId: string): SubmissionHead[] {
  const ids = new Set(monthlyPeriodsOf(period).map((p) => p.id));
  return heads.filter((h) => h.agencyId === agencyId && ids.has(h.period));
}

export function buildReportModel(input: AggregateInput): ReportModel {
  const { profile, period, audience, issueDate } = input;
  // Every deadline the report reads is the one in force at the period's end (core/plan-amendment.ts).
  const plan = input.plan && planForPeriod(input.plan, period);
  const nextPlan = input.nextPlan && planForPeriod(input.nextPlan, period);
  const window = periodWindow(period, profile.periodWindows);
  const previousCutoff = periodWindow(previousPeriod(period), profile.periodWindows).to;
  const label = periodLabel(period);
  const lead = new Map((plan?.tasks ?? []).map((t) => [t.id, t.leadUnit]));
  const leadOf = (id: string) => lead.get(id);

  const heads = headsInPeriod(input.submissions, period, profile.agencyId);
  // Anything dated inside the period is current data, never "previous" or "earlier".
  const windowRank = periodRank(monthlyPeriodsOf(period)[0]!.id);
  const before = [...(input.earlierSubmissions ?? []), ...input.previousSubmissions].filter(
    (h) => h.agencyId === profile.agencyId && periodRank(h.period) < windowRank,
  );
  const reports = windowReports(period, heads, before, leadOf, profile.timeZone);

  const built = plan
    ? buildTaskRows({ plan, period, window, previousCutoff, profile, audience, current: reports.current, known: reports.known, history: reports.history })
    : [];
  const rows = built.map((b) => b.row);
  const totals = countRows(rows);
  const byUnit = countByUnit(rows, profile);
  const months = buildSubmissionMonths(profile, plan, reports.months, issueDate);
  const issues = buildIssues(profile, audience, built, heads);
  const priorities = buildPriorities(profile, period, built, heads);
  const otherWork = buildOtherWork(profile, heads);
  const outlook = buildOutlook({ profile, plan, nextPlan, period, built });
  const directions = buildDirectionRows(
    profile,
    plan,
    audience,
    input.directions ?? [],
    monthlyPeriodsOf(period).map((m) => m.id),
    [...before, ...heads],
  );
  const submissionDeadline = submissionDeadlineDate(period, profile);
  const header = documentHeader(profile, audience);
  const planDocument = plan ? planDocumentOf(plan) : undefined;
  const office = profile.units.find((u) => u.kind === 'van-phong')?.name ?? 'Văn phòng Sở';

  const body = buildBody(audience, {
    audience,
    profile,
    plan,
    planDocument,
    period,
    label,
    window,
    submissionDeadline,
    issueDate,
    built,
    totals,
    byUnit,
    months,
    issues,
    priorities,
    directions,
    outlook,
    nextPlan,
    otherWork,
    anySubmitted: heads.some(isSubmitted),
    issuerName: audience === 'director' ? office : profile.name,
    kinhGui: header.kinhGui,
  });

  const subject = reportSubject(audience, label);
  const model: ReportModel = {
    schemaVersion: 2,
    audience,
    issuer: { superiorHeader: nfc(header.issuer.superiorHeader), name: nfc(header.issuer.name) },
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
    draft: input.documentNumber === undefined,
    documentSymbol: nfc(header.documentSymbol),
    subject,
    kinhGui: header.kinhGui.map(nfc),
    body,
    signer: header.signer,
    recipients: header.recipients.map(nfc),
    totals,
    byUnit,
    byLeader: countByLeader(rows, profile),
    byCategory: countByCategory(rows),
    groups: groupRows(built),
    // Which unit reported when is the Sở's internal business.
    submissionMonths: audience === 'director' ? months : [],
    issues,
    priorities,
    ...(directions.length > 0 ? { directions } : {}),
    ...(audience === 'director' && input.directions?.length ? { directedProposals: input.directions.map((d) => d.id).sort() } : {}),
    outlook,
    otherWork,
    appendixTitle: subject.toLocaleUpperCase('vi'),
    inputHash: input.inputHash ?? computeInputHash(input),
  };
  if (input.documentNumber !== undefined) model.documentNumber = input.documentNumber;
  if (planDocument) model.planDocument = planDocument;
  return nfcDeep(model);
}
