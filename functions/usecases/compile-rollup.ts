/**
 * The compile of a province office (profile kind 'province-office'): instead of a report on its own
 * units' tasks, the roll-up of its province's Sở — where each one's report to UBND tỉnh stands on
 * the date line, and the tasks the Chủ tịch UBND tỉnh assigned with their latest result, read from
 * each issued report (a draft is never rolled up). One document, to UBND tỉnh, rendered and stored
 * like any compiled version, so it is issued under the office's own register like the Sở's reports.
 * Same standing and same results → the same version; anything changed → the next one.
 * flow: compile reports (office agency) --> compile rollup --> province (standings) + province-rollup (core) + renderers
 */
import { createHash } from 'node:crypto';
import type { AgencyProfile } from '../core/agency.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { localDate } from '../core/clock.ts';
import { type Period, periodLabel, submissionDeadlineDate } from '../core/period.ts';
import { buildRollupModel, type RollupAgency } from '../core/province-rollup.ts';
import { UseCaseError } from './errors.ts';
import type { CompileResult, CompileStores } from './compile-reports.ts';
import { issuanceNumber, type ReportVersion } from './ports.ts';
import { publishVersion, storeDocument } from './publish-version.ts';
import { agencyStandings, provinceRows, requireProvince } from './province.ts';

export interface RollupCompileInput {
  office: AgencyProfile;
  period: Period;
  issueDate: string;
  /** The date line was given explicitly (a new draft even when nothing changed). */
  explicitDate: boolean;
  trigger: string;
  now: Date;
}

/** Bumped when the roll-up's wording or rules change, so the same standing under new rules is a new version. */
const ROLLUP_RULES = 1;

export async function compileRollup(stores: CompileStores, input: RollupCompileInput): Promise<CompileResult> {
  const { office, period } = input;
  requireProvince(office);
  const deadline = submissionDeadlineDate(period, office);
  const standings = await agencyStandings(stores, office, period, deadline, input.issueDate);
  if (standings.length === 0) {
    throw new UseCaseError('invalid', 'no_agencies', `Chưa có Sở nào thuộc tỉnh "${office.province}" trong hệ thống: không có gì để tổng hợp.`);
  }
  if (!standings.some((s) => s.issued)) {
    throw new UseCaseError(
      'invalid',
      'nothing_issued',
      `Chưa có Sở nào ban hành báo cáo ${periodLabel(period)} gửi UBND tỉnh: báo cáo tổng hợp chỉ lấy số liệu từ báo cáo đã ban hành. Trang /province cho biết từng Sở đang ở bước nào.`,
    );
  }
  const agencies: RollupAgency[] = standings.map((s) => ({
    agencyId: s.agencyId,
    name: s.name,
    state: s.state,
    ...(s.issued ? { numberText: issuanceNumber(s.issued.issuance), issuedOn: s.issued.issuance.date } : {}),
    // The day it reached UBND tỉnh, in the office's zone (an instant near midnight UTC is the next day here).
    ...(s.deliveredAt ? { deliveredOn: localDate(new Date(s.deliveredAt), office.timeZone) } : {}),
    late: s.late,
    rows: provinceRows(s.model),
  }));
  // What the document says, not when it was read: the same standing gives the same version.
  const inputHash = createHash('sha256')
    .update(canonicalJson({ rules: ROLLUP_RULES, office, period: period.id, deadline, agencies }))
    .digest('hex');
  const latest = await stores.reports.latest(office.agencyId, period.id);
  if (latest && latest.inputHash === inputHash && (!input.explicitDate || latest.issueDate === input.issueDate)) return { version: latest, created: false };

  const version = (latest?.version ?? 0) + 1;
  const model = buildRollupModel({ office, period, deadline, agencies, issueDate: input.issueDate, inputHash });
  const audience = 'ubnd' as const;
  const stored = storeDocument(stores, { agencyId: office.agencyId, period: period.id, version, inputHash }, audience, model);
  const files = await Promise.all(stored.files);
  const [, mKey] = await stored.model;
  const record: ReportVersion = {
    agencyId: office.agencyId,
    period: period.id,
    version,
    inputHash,
    issueDate: input.issueDate,
    createdAt: input.now.toISOString(),
    trigger: input.trigger,
    files,
    models: { [audience]: mKey },
    kind: 'province-rollup',
  };
  return publishVersion(stores.reports, record, latest?.version ?? 0);
}
