/**
 * Lists a period's report versions (or the newest across periods), newest first, each file with
 * a short-lived presigned download link. For Văn phòng and the leaders.
 * flow: handlers --> list reports --> ReportStore + FileArchive
 */
import { canReadAll, type Principal } from '../core/auth.ts';
import { downloadName } from './compile-reports.ts';
import { UseCaseError } from './errors.ts';
import type { FileArchive, ReportFile, ReportStore, ReportVersion } from './ports.ts';

/** Links live five minutes: long enough to click, short enough not to be worth forwarding. */
export const LINK_SECONDS = 300;

export type ListedVersion = Omit<ReportVersion, 'files'> & { latest: boolean; files: (ReportFile & { url: string; fileName: string })[] };

export async function listReports(stores: { reports: ReportStore; archive: FileArchive }, p: Principal, period: string | undefined): Promise<ListedVersion[]> {
  if (!canReadAll(p)) throw new UseCaseError('forbidden', 'forbidden', 'Báo cáo tổng hợp dành cho Văn phòng và Lãnh đạo Sở.');
  const versions = period ? await stores.reports.listVersions(p.agencyId, period) : await stores.reports.listRecent(p.agencyId, 50);
  const newestByPeriod = new Map<string, number>();
  for (const v of versions) newestByPeriod.set(v.period, Math.max(newestByPeriod.get(v.period) ?? 0, v.version));
  return Promise.all(
    versions.map(async (v) => ({
      ...v,
      latest: newestByPeriod.get(v.period) === v.version,
      files: await Promise.all(
        v.files.map(async (f) => {
          const fileName = downloadName(f, v.period, v.version);
          return { ...f, fileName, url: await stores.archive.presignGet(f.key, LINK_SECONDS, fileName) };
        }),
      ),
    })),
  );
}
