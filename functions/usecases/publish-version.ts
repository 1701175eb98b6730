/**
 * The two steps every compile ends with — a Sở's report and a province office's roll-up alike:
 * each document's model and files rendered and stored under the version's deterministic keys, then
 * the version published in one conditional write (or, when another compile published first from the
 * same data, that version returned as ours).
 * flow: compile reports / compile rollup --> publish version --> Renderers, FileArchive, ReportStore
 */
import type { Audience } from '../core/agency.ts';
import { CONTENT_TYPES, modelKey, reportKey, type ReportFormat } from '../core/report-files.ts';
import type { ReportModel } from '../core/report-model.ts';
import { UseCaseError } from './errors.ts';
import type { FileArchive, Renderers, ReportFile, ReportStore, ReportVersion } from './ports.ts';

export interface VersionAt {
  agencyId: string;
  period: string;
  version: number;
  inputHash: string;
}

/**
 * Starts storing one audience's model and rendering and storing its PDF and workbook. Nothing is
 * awaited: the renderers run the files side by side where there are CPUs for it, each upload starts
 * as soon as its file is ready; the caller awaits them all before publishing.
 */
export function storeDocument(
  stores: { archive: FileArchive; renderers: Renderers },
  at: VersionAt,
  audience: Audience,
  model: ReportModel,
): { model: Promise<[Audience, string]>; files: Promise<ReportFile>[] } {
  const meta = { period: at.period, audience, version: String(at.version) };
  // Kept beside the files: issuing renders this same model again with its number and date.
  const mKey = modelKey(at.agencyId, at.period, at.version, audience);
  const saved = stores.archive
    .put(mKey, new TextEncoder().encode(JSON.stringify(model)), 'application/json', meta)
    .then((): [Audience, string] => [audience, mKey]);
  // Handled by the caller's Promise.all; this only keeps an early failure from counting as unhandled.
  saved.catch(() => undefined);
  const files = (['pdf', 'xlsx'] as const satisfies readonly ReportFormat[]).map((format) => {
    const key = reportKey(at.agencyId, at.period, at.version, audience, format);
    const upload = stores.renderers[format](model)
      .then((bytes) => stores.archive.put(key, bytes, CONTENT_TYPES[format], { ...meta, 'input-hash': at.inputHash }))
      .then((stored): ReportFile => ({ audience, format, key, size: stored.size, sha256: stored.sha256!, contentType: CONTENT_TYPES[format] }));
    upload.catch(() => undefined);
    return upload;
  });
  return { model: saved, files };
}

/** Publishes the version over `previous`; another compile that won with the same data is our result too. */
export async function publishVersion(reports: ReportStore, record: ReportVersion, previous: number): Promise<{ version: ReportVersion; created: boolean }> {
  if (await reports.publish(record, previous)) return { version: record, created: true };
  const winner = await reports.latest(record.agencyId, record.period);
  if (winner && winner.inputHash === record.inputHash) return { version: winner, created: false };
  throw new UseCaseError('conflict', 'compile_conflict', 'Một lần tổng hợp khác vừa hoàn tất với dữ liệu khác; hãy tổng hợp lại.');
}
