/**
 * Lists a period's report versions (or the newest across periods), newest first: the draft files,
 * and for each issued document its number, date, issued files and signed PDF — each file with a
 * short-lived presigned download link. For Văn phòng and the leaders.
 * flow: handlers --> list reports --> ReportStore + FileArchive
 */
import type { Audience } from '../core/agency.ts';
import { canReadReports, type Principal } from '../core/auth.ts';
import { downloadName } from '../core/report-files.ts';
import { UseCaseError } from './errors.ts';
import type { LinkedFile, ListedIssuance, ListedVersion } from '../core/report-version.ts';
import { issuanceNumber, type FileArchive, type Issuance, type ReportFile, type ReportStore, type ReportVersion } from './ports.ts';

export type { LinkedFile, ListedIssuance, ListedVersion };

/** Links live five minutes: long enough to click, short enough not to be worth forwarding. */
export const LINK_SECONDS = 300;

export async function listReports(stores: { reports: ReportStore; archive: FileArchive }, p: Principal, period: string | undefined): Promise<ListedVersion[]> {
  if (!canReadReports(p)) throw new UseCaseError('forbidden', 'forbidden', 'Báo cáo tổng hợp dành cho Văn phòng và Lãnh đạo Sở.');
  const versions = period ? await stores.reports.listVersions(p.agencyId, period) : await stores.reports.listRecent(p.agencyId, 50);
  const newestByPeriod = new Map<string, number>();
  for (const v of versions) newestByPeriod.set(v.period, Math.max(newestByPeriod.get(v.period) ?? 0, v.version));
  const link = async (f: ReportFile, v: ReportVersion, issued?: Issuance): Promise<LinkedFile> => {
    const fileName = downloadName(f, v.period, v.version, issued ? { numberText: issuanceNumber(issued) } : undefined);
    return { ...f, fileName, url: await stores.archive.presignGet(f.key, LINK_SECONDS, fileName) };
  };
  return Promise.all(
    versions.map(async (v) => {
      const { files, issued, ...rest } = v;
      const listed: ListedVersion['issued'] = {};
      for (const [audience, i] of Object.entries(issued ?? {}) as [Audience, Issuance][]) {
        const { files: issuedFiles, signed, ...meta } = i;
        const entry: ListedIssuance = { ...meta, numberText: issuanceNumber(i), files: await Promise.all(issuedFiles.map((f) => link(f, v, i))) };
        if (signed) {
          const name = downloadName({ audience, format: 'pdf' }, v.period, v.version, { numberText: issuanceNumber(i), signed: true });
          entry.signed = { ...signed, url: await stores.archive.presignGet(signed.key, LINK_SECONDS, name) };
        }
        listed[audience] = entry;
      }
      return { ...rest, latest: newestByPeriod.get(v.period) === v.version, files: await Promise.all(files.map((f) => link(f, v))), issued: listed };
    }),
  );
}
