/**
 * What Văn phòng UBND tỉnh sees for a month: every agency of its province with where its report to
 * UBND tỉnh stands — delivered, issued but not delivered, compiled as a draft, not compiled — and
 * whether that is late against the province's own deadline, the issued files to download, and the
 * roll-up of the tasks the Chủ tịch UBND tỉnh assigned, read from each issued report (the document
 * the province received, never a draft).
 * flow: province handler / page --> province view --> AgencyStore, ReportStore, JobStore, FileArchive
 */
import type { AgencyProfile } from '../core/agency.ts';
import type { Principal } from '../core/auth.ts';
import { type LocalDate, localDate } from '../core/clock.ts';
import { mapLimit } from '../core/map-limit.ts';
import { type Period, periodLabel, submissionDeadlineDate } from '../core/period.ts';
import { downloadName } from '../core/report-files.ts';
import { type ReportModel, TASK_STATUS_LABELS, type TaskRow } from '../core/report-model.ts';
import type { LinkedFile } from '../core/report-version.ts';
import type { AgencyDelivery, DeliveryState, ProvinceView, RollupRow } from '../core/province.ts';
import { NoProfileError, profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import { storedModel } from './issue-report.ts';
import { LINK_SECONDS } from './list-reports.ts';
import { monthlyPeriod } from './submissions.ts';
import { type AgencyStore, type FileArchive, type Issuance, issuanceNumber, type JobStore, type ReportStore, type ReportVersion } from './ports.ts';

export interface ProvinceStores {
  agencies: AgencyStore;
  reports: ReportStore;
  jobs: JobStore;
  archive: FileArchive;
}

/** The newest version of the period whose report to UBND tỉnh was issued, if any. */
function newestIssued(versions: ReportVersion[]): { version: ReportVersion; issuance: Issuance } | undefined {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  for (const version of sorted) {
    const issuance = version.issued?.ubnd;
    if (issuance) return { version, issuance };
  }
  return undefined;
}

function agencyName(p: AgencyProfile): string {
  return `${p.name} tỉnh ${p.placeName}`;
}

/** Where one agency's report for the period stands, as of a day. */
export interface AgencyStanding {
  agencyId: string;
  profile: AgencyProfile;
  /** "Sở Khoa học và Công nghệ tỉnh Hà Tĩnh". */
  name: string;
  state: DeliveryState;
  issued?: { version: ReportVersion; issuance: Issuance };
  deliveredAt?: string;
  late: boolean;
  /** The issued report to UBND tỉnh as stored at compile (undefined when not issued). */
  model?: ReportModel;
}

/**
 * Agencies read at the same time: 30 agencies take 4 rounds of reads instead of 30 in a row, and
 * 8 issued models in memory at once (~0.75 MB of JSON each at 500 tasks) is little for a function
 * (measured: docs/performance.md, "Does the roll-up need to fan out?").
 */
export const PROVINCE_READ_CONCURRENCY = 8;

/** A province office's profile must name its province: without it, which Sở are its is unknown. */
export function requireProvince(office: AgencyProfile): asserts office is AgencyProfile & { province: string } {
  if (!office.province) {
    throw new UseCaseError('conflict', 'province_not_set', `Hồ sơ cơ quan "${office.agencyId}" chưa ghi tỉnh (province): không biết các Sở nào thuộc tỉnh.`);
  }
}

/** The office's profile on a day, which must name its province. */
export async function officeProfile(agencies: AgencyStore, agencyId: string, date: string): Promise<AgencyProfile & { province: string }> {
  const office = await profileOn(agencies, agencyId, date);
  requireProvince(office);
  return office;
}

async function standingOf(
  stores: ProvinceStores,
  office: AgencyProfile,
  agencyId: string,
  period: Period,
  deadline: LocalDate,
  asOf: LocalDate,
): Promise<AgencyStanding | undefined> {
  let profile: AgencyProfile;
  try {
    profile = await profileOn(stores.agencies, agencyId, deadline);
  } catch (err) {
    if (err instanceof NoProfileError) return undefined;
    throw err;
  }
  if (profile.province !== office.province || profile.kind === 'province-office') return undefined;
  const versions = await stores.reports.listVersions(agencyId, period.id);
  const issued = newestIssued(versions);
  const delivered = issued
    ? (await stores.jobs.listDeliveries(agencyId, period.id)).find(
        (d) => d.purpose === 'ubnd-report' && d.status === 'sent' && d.reportVersion === issued.version.version,
      )
    : undefined;
  const deliveredAt = delivered?.attempts.filter((a) => a.ok).at(-1)?.at ?? (delivered ? delivered.updatedAt : undefined);
  const state: DeliveryState = delivered ? 'delivered' : issued ? 'issued' : versions.length ? 'draft' : 'not-compiled';
  const late = deliveredAt ? localDate(new Date(deliveredAt), office.timeZone) > deadline : asOf > deadline;
  const model = issued ? await storedModel(stores.archive, issued.version, 'ubnd') : undefined;
  return {
    agencyId,
    profile,
    name: agencyName(profile),
    state,
    ...(issued ? { issued } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
    late,
    ...(model ? { model } : {}),
  };
}

/**
 * Every agency of the office's province (the office itself and other offices left out) with where
 * its report of the period stands on `asOf`, sorted by name.
 */
export async function agencyStandings(
  stores: ProvinceStores,
  office: AgencyProfile,
  period: Period,
  deadline: LocalDate,
  asOf: LocalDate,
  /** `concurrency: 1` reads one agency after another (the bench compares both). */
  o: { concurrency?: number } = {},
): Promise<AgencyStanding[]> {
  const ids = (await stores.agencies.listAgencies()).filter((id) => id !== office.agencyId);
  const found = await mapLimit(ids, o.concurrency ?? PROVINCE_READ_CONCURRENCY, (id) => standingOf(stores, office, id, period, deadline, asOf));
  return found.filter((s): s is AgencyStanding => s !== undefined).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The rows of an issued report that the Chủ tịch UBND tỉnh assigned. */
export function provinceRows(model: ReportModel | undefined): TaskRow[] {
  return (model?.groups ?? []).flatMap((g) => g.rows.filter((r) => r.category === 'trong-tam-ubnd'));
}

async function linkedFiles(stores: ProvinceStores, period: Period, issued: NonNullable<AgencyStanding['issued']>): Promise<LinkedFile[]> {
  const files: LinkedFile[] = [];
  const numberText = issuanceNumber(issued.issuance);
  for (const f of issued.issuance.files) {
    const fileName = downloadName(f, period.id, issued.version.version, { numberText });
    files.push({ ...f, fileName, url: await stores.archive.presignGet(f.key, LINK_SECONDS, fileName) });
  }
  const signed = issued.issuance.signed;
  if (signed) {
    const f = { audience: 'ubnd' as const, format: 'pdf' as const };
    const fileName = downloadName(f, period.id, issued.version.version, { numberText, signed: true });
    files.push({
      ...f,
      key: signed.key,
      size: signed.size,
      sha256: signed.sha256,
      contentType: 'application/pdf',
      fileName,
      url: await stores.archive.presignGet(signed.key, LINK_SECONDS, fileName),
    });
  }
  return files;
}

export async function provinceView(stores: ProvinceStores, p: Principal, periodId: string, now: Date, o: { concurrency?: number } = {}): Promise<ProvinceView> {
  if (p.role !== 'ubnd-tinh') throw new UseCaseError('forbidden', 'forbidden', 'Trang này dành cho Văn phòng UBND tỉnh.');
  const period = monthlyPeriod(periodId);
  const office = await officeProfile(stores.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  const deadline = submissionDeadlineDate(period, office);
  const standings = await agencyStandings(stores, office, period, deadline, localDate(now, office.timeZone), o);
  const agencies: AgencyDelivery[] = [];
  const rollup: RollupRow[] = [];
  for (const s of standings) {
    for (const row of provinceRows(s.model)) {
      rollup.push({
        agencyId: s.agencyId,
        agencyName: s.name,
        number: row.number,
        content: row.content,
        leadUnit: row.leadUnit.name,
        deadlineText: row.deadlineText,
        status: row.status,
        statusLabel: TASK_STATUS_LABELS[row.status],
        ...(row.progress !== undefined ? { progress: row.progress } : {}),
        result: row.result,
      });
    }
    agencies.push({
      agencyId: s.agencyId,
      name: s.name,
      state: s.state,
      ...(s.issued ? { numberText: issuanceNumber(s.issued.issuance), issuedOn: s.issued.issuance.date } : {}),
      ...(s.deliveredAt ? { deliveredAt: s.deliveredAt } : {}),
      late: s.late,
      files: s.issued ? await linkedFiles(stores, period, s.issued) : [],
    });
  }
  return { province: office.province, period: { id: period.id, label: periodLabel(period) }, deadline, agencies, rollup };
}
