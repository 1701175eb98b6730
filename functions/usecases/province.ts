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
import { localDate } from '../core/clock.ts';
import { periodLabel, submissionDeadlineDate } from '../core/period.ts';
import { downloadName } from '../core/report-files.ts';
import { TASK_STATUS_LABELS } from '../core/report-model.ts';
import type { LinkedFile } from '../core/report-version.ts';
import type { AgencyDelivery, DeliveryState, ProvinceView, RollupRow } from '../core/province.ts';
import { NoProfileError, profileOn } from './agency-service.ts';
import { UseCaseError } from './errors.ts';
import { storedModel } from './issue-report.ts';
import { LINK_SECONDS } from './list-reports.ts';
import { mapLimit } from './map-limit.ts';
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

/**
 * Agencies read at the same time: 30 agencies take 4 rounds of reads instead of 30 in a row, and
 * 8 issued models in memory at once (~0.75 MB of JSON each at 500 tasks) is little for a function.
 */
export const PROVINCE_READ_CONCURRENCY = 8;

export async function provinceView(
  stores: ProvinceStores,
  p: Principal,
  periodId: string,
  now: Date,
  /** `concurrency: 1` reads one agency after another (the bench compares both). */
  o: { concurrency?: number } = {},
): Promise<ProvinceView> {
  if (p.role !== 'ubnd-tinh') throw new UseCaseError('forbidden', 'forbidden', 'Trang này dành cho Văn phòng UBND tỉnh.');
  const period = monthlyPeriod(periodId);
  const office = await profileOn(stores.agencies, p.agencyId, localDate(now, 'Asia/Ho_Chi_Minh'));
  if (!office.province) {
    throw new UseCaseError(
      'conflict',
      'province_not_set',
      `Hồ sơ cơ quan "${office.agencyId}" chưa ghi tỉnh (province): không biết các Sở nào thuộc tỉnh để hiển thị.`,
    );
  }
  const deadline = submissionDeadlineDate(period, office);
  const today = localDate(now, office.timeZone);
  /** One agency's entry and its rows of the roll-up; undefined for an agency of another province. */
  const readAgency = async (agencyId: string): Promise<{ agency: AgencyDelivery; rollup: RollupRow[] } | undefined> => {
    let profile: AgencyProfile;
    try {
      profile = await profileOn(stores.agencies, agencyId, deadline);
    } catch (err) {
      if (err instanceof NoProfileError) return undefined;
      throw err;
    }
    if (profile.province !== office.province) return undefined;
    const versions = await stores.reports.listVersions(agencyId, period.id);
    const issued = newestIssued(versions);
    const delivered = issued
      ? (await stores.jobs.listDeliveries(agencyId, period.id)).find(
          (d) => d.purpose === 'ubnd-report' && d.status === 'sent' && d.reportVersion === issued.version.version,
        )
      : undefined;
    const deliveredAt = delivered?.attempts.filter((a) => a.ok).at(-1)?.at ?? (delivered ? delivered.updatedAt : undefined);
    const state: DeliveryState = delivered ? 'delivered' : issued ? 'issued' : versions.length ? 'draft' : 'not-compiled';
    const late = deliveredAt ? localDate(new Date(deliveredAt), office.timeZone) > deadline : today > deadline;
    const files: LinkedFile[] = [];
    const rollup: RollupRow[] = [];
    if (issued) {
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
      const model = await storedModel(stores.archive, issued.version, 'ubnd');
      for (const group of model?.groups ?? []) {
        for (const row of group.rows) {
          if (row.category !== 'trong-tam-ubnd') continue;
          rollup.push({
            agencyId,
            agencyName: agencyName(profile),
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
      }
    }
    const agency: AgencyDelivery = {
      agencyId,
      name: agencyName(profile),
      state,
      ...(issued ? { numberText: issuanceNumber(issued.issuance), issuedOn: issued.issuance.date } : {}),
      ...(deliveredAt ? { deliveredAt } : {}),
      late,
      files,
    };
    return { agency, rollup };
  };
  // Each agency's reads are independent of the others': a few at a time, instead of one agency
  // after another (docs/performance.md, "The province's view"). Results keep the registry's order,
  // so the roll-up lists agencies as before.
  const ids = (await stores.agencies.listAgencies()).filter((id) => id !== p.agencyId);
  const entries = (await mapLimit(ids, o.concurrency ?? PROVINCE_READ_CONCURRENCY, readAgency)).filter((e) => e !== undefined);
  const agencies = entries.map((e) => e.agency);
  const rollup = entries.flatMap((e) => e.rollup);
  agencies.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { province: office.province, period: { id: period.id, label: periodLabel(period) }, deadline, agencies, rollup };
}
