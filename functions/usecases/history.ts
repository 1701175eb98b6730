/**
 * History you can read (issue 14): for a unit and month, every revision of its submission with who
 * sent it, when, and what changed field by field; for a month, every version of the compiled
 * reports with which units' submissions changed since the version before, what was issued from it
 * and by whom, and the month's delivery log.
 * flow: history page --> history use case --> core revision diff + Submission/Report/Job/User stores
 */
import type { Audience } from '../core/agency.ts';
import { canReadAll, canReadUnit, type Principal } from '../core/auth.ts';
import { lockAuthor, type LockLine } from '../core/lock-log.ts';
import { mapLimit } from '../core/map-limit.ts';
import { periodWindow } from '../core/period.ts';
import type { DeliveryLine, IssueEntry, PeriodHistory, RevisionEntry, UnitHistory, UnitRevisions, VersionEntry } from '../core/history.ts';
import { revisionDiff } from '../core/revision-diff.ts';
import { taskProductParts } from '../core/product.ts';
import { issuanceNumber, type Issuance } from '../core/report-version.ts';
import { profileOn } from './agency-service.ts';
import { dueTasks } from './due-tasks.ts';
import { UseCaseError } from './errors.ts';
import type { AgencyStore, DeliveryEntry, JobStore, PlanStore, ReportStore, StoredRevision, SubmissionStore, UserStore } from './ports.ts';
import { monthlyPeriod } from './submissions.ts';

/** sub → name of the agency's people: revisions and issues store who by id. */
async function namesOf(users: UserStore, agencyId: string): Promise<Map<string, string>> {
  return new Map((await users.listUsers(agencyId)).map((u) => [u.sub, u.name]));
}

export async function unitHistory(
  stores: { agencies: AgencyStore; plans: PlanStore; submissions: SubmissionStore; users: UserStore },
  p: Principal,
  periodId: string,
  unitCode: string,
): Promise<UnitHistory> {
  // The same rule as GET …/revisions: the unit itself, Văn phòng, the leaders.
  if (!canReadUnit(p, unitCode)) throw new UseCaseError('forbidden', 'forbidden', 'Bạn chỉ được xem lịch sử báo cáo của phòng, đơn vị mình.');
  const period = monthlyPeriod(periodId);
  const profile = await profileOn(stores.agencies, p.agencyId, periodWindow(period).to);
  const unit = profile.units.find((u) => u.code === unitCode);
  if (!unit) throw new UseCaseError('not_found', 'unit_not_found', `Không có phòng, đơn vị mã "${unitCode}".`);
  const [stored, due, names] = await Promise.all([
    stores.submissions.listRevisions(p.agencyId, period.id, unit.code),
    dueTasks(stores, p.agencyId, unit.code, period),
    namesOf(stores.users, p.agencyId),
  ]);
  const ordered = [...stored].sort((a, b) => a.revision - b.revision);
  const products = new Map(due.tasks.map((t) => [t.id, taskProductParts(t)]));
  const revisions = ordered.map((r, i): RevisionEntry => {
    const name = names.get(r.by);
    return {
      revision: r.revision,
      at: r.at,
      by: r.by,
      ...(name ? { byName: name } : {}),
      onTime: r.onTime,
      ...(r.imported ? { imported: true as const } : {}),
      reporterName: r.data.reporterName,
      diff: revisionDiff(ordered[i - 1]?.data, r.data, products),
    };
  });
  return {
    period: period.id,
    unit: { code: unit.code, name: unit.name },
    timeZone: profile.timeZone,
    tasks: Object.fromEntries(due.tasks.map((t) => [t.id, { number: t.number, content: t.content }])),
    revisions: revisions.reverse(),
  };
}

/** Revisions read for the version comparison at a time: a Query each, light on the table. */
const REVISION_READS = 4;

export async function periodHistory(
  stores: { agencies: AgencyStore; submissions: SubmissionStore; reports: ReportStore; jobs: JobStore; users: UserStore },
  p: Principal,
  periodId: string,
): Promise<PeriodHistory> {
  if (!canReadAll(p)) throw new UseCaseError('forbidden', 'forbidden', 'Lịch sử báo cáo tổng hợp dành cho Văn phòng và Lãnh đạo Sở.');
  const period = monthlyPeriod(periodId);
  const [profile, versions, heads, deliveries, names, lockLog] = await Promise.all([
    profileOn(stores.agencies, p.agencyId, periodWindow(period).to),
    stores.reports.listVersions(p.agencyId, period.id),
    stores.submissions.listHeads(p.agencyId, period.id),
    stores.jobs.listDeliveries(p.agencyId, period.id),
    namesOf(stores.users, p.agencyId),
    stores.submissions.listLockLog(p.agencyId, period.id),
  ]);
  // Heads keep only the latest submission time; which revisions fall between two versions needs
  // each unit's revisions (times only are used).
  const submitted = heads.filter((h) => h.revision > 0);
  const revisions = await mapLimit(submitted, REVISION_READS, (h) => stores.submissions.listRevisions(p.agencyId, period.id, h.unit));
  const timeline = submitted.map((h, i) => ({ unit: h.unit, revisions: revisions[i]! }));
  const unitName = (code: string) => profile.units.find((u) => u.code === code)?.name ?? code;
  const between = (from: string | undefined, to: string): UnitRevisions[] =>
    timeline
      .map(({ unit, revisions: rs }) => ({ code: unit, name: unitName(unit), revisions: inInterval(rs, from, to) }))
      .filter((u) => u.revisions.length > 0)
      .sort((a, b) => a.code.localeCompare(b.code));
  const oldestFirst = [...versions].sort((a, b) => a.version - b.version);
  const sent = new Set(deliveries.filter((d) => d.purpose === 'ubnd-report' && d.status === 'sent').map((d) => d.reportVersion));
  const entries = oldestFirst.map((v, i): VersionEntry => {
    const before = oldestFirst[i - 1];
    const compiler = v.trigger.startsWith('api:') ? names.get(v.trigger.slice(4)) : undefined;
    return {
      version: v.version,
      createdAt: v.createdAt,
      trigger: v.trigger,
      ...(compiler ? { triggeredBy: compiler } : {}),
      issueDate: v.issueDate,
      sameInput: before !== undefined && before.inputHash === v.inputHash,
      units: between(before?.createdAt, v.createdAt),
      issued: (Object.entries(v.issued ?? {}) as [Audience, Issuance][]).map(([audience, i]) => issueEntry(audience, i, names)),
      delivered: sent.has(v.version),
    };
  });
  return {
    period: period.id,
    timeZone: profile.timeZone,
    versions: entries.reverse(),
    deliveries: [...deliveries].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(deliveryLine),
    units: profile.units.map((u) => ({ code: u.code, name: u.name, revision: heads.find((h) => h.unit === u.code)?.revision ?? 0 })),
    locks: [...lockLog]
      .reverse()
      .map((l): LockLine => ({ at: l.at, locked: l.locked, by: lockAuthor(l.by, names), ...(l.reason ? { reason: l.reason } : {}) })),
  };
}

/** Revision numbers submitted after `from` (exclusive; none: from the start) up to `to` (inclusive). */
function inInterval(revisions: readonly StoredRevision[], from: string | undefined, to: string): number[] {
  return revisions
    .filter((r) => (from === undefined || r.at > from) && r.at <= to)
    .map((r) => r.revision)
    .sort((a, b) => a - b);
}

function issueEntry(audience: Audience, i: Issuance, names: Map<string, string>): IssueEntry {
  const name = names.get(i.by);
  return {
    audience,
    numberText: issuanceNumber(i),
    date: i.date,
    at: i.at,
    by: i.by,
    ...(name ? { byName: name } : {}),
    auto: i.auto === true,
    ...(i.signed ? { signedAt: i.signed.at } : {}),
  };
}

function deliveryLine(d: DeliveryEntry): DeliveryLine {
  const last = d.attempts[d.attempts.length - 1];
  const messageId = d.messageId ?? last?.messageId;
  const error = d.status === 'sent' ? undefined : last?.error;
  return {
    purpose: d.purpose,
    to: d.to,
    ...(d.reportVersion !== undefined ? { reportVersion: d.reportVersion } : {}),
    at: last?.at ?? d.updatedAt,
    status: d.status,
    attempts: d.attempts.length,
    ...(messageId ? { messageId } : {}),
    ...(error ? { error } : {}),
  };
}
