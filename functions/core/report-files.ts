/**
 * Where a report version's files live and what a person sees them called: archive keys of the
 * draft files, the issued files, the signed PDF and the model they were rendered from; labels and
 * download names. One place, so the compile, the issue step, the pages and the delivery agree.
 * flow: use cases / pages / emails --> report-files (pure)
 */
import type { Audience } from './agency.ts';
import { parsePeriod, periodLabel } from './period.ts';
import { stripAccents } from './text.ts';

export type ReportFormat = 'pdf' | 'xlsx';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const AUDIENCE_LABELS: Record<Audience, string> = { director: 'Lãnh đạo Sở', ubnd: 'UBND tỉnh' };

const versionDir = (agencyId: string, period: string, version: number) => `reports/${agencyId}/${period}/v${String(version).padStart(4, '0')}`;

/** The draft file a compile writes. */
export function reportKey(agencyId: string, period: string, version: number, audience: Audience, format: ReportFormat): string {
  return `${versionDir(agencyId, period, version)}/${audience}-${period}.${format}`;
}

/** The ReportModel a version's audience was rendered from (JSON), kept so issuing can re-render it. */
export function modelKey(agencyId: string, period: string, version: number, audience: Audience): string {
  return `${versionDir(agencyId, period, version)}/model-${audience}.json`;
}

/** The file rendered when the document is issued under `number`. */
export function issuedKey(agencyId: string, period: string, version: number, audience: Audience, format: ReportFormat, number: number): string {
  return `${versionDir(agencyId, period, version)}/issued/${audience}-${period}-so-${number}.${format}`;
}

/** The signed PDF attached to an issued document; its hash in the key so a replacement never overwrites. */
export function signedKey(agencyId: string, period: string, version: number, audience: Audience, sha256: string): string {
  return `${versionDir(agencyId, period, version)}/signed/${audience}-${period}-${sha256.slice(0, 16)}.pdf`;
}

/**
 * A Vietnamese file name for downloads: "Dự thảo báo cáo UBND tỉnh - tháng 5 năm 2024 (v1).pdf"
 * while a draft, "Báo cáo số 15-BC-SKHCN - UBND tỉnh - tháng 5 năm 2024.pdf" once issued
 * ("/" cannot be in a file name), "… (bản ký số).pdf" for the signed file.
 */
export function downloadName(
  file: { audience: Audience; format: ReportFormat },
  period: string,
  version: number,
  issued?: { numberText: string; signed?: boolean },
): string {
  const label = `${AUDIENCE_LABELS[file.audience]} - ${periodLabel(parsePeriod(period))}`;
  if (!issued) return `Dự thảo báo cáo ${label} (v${version}).${file.format}`;
  const signed = issued.signed ? ' (bản ký số)' : '';
  return `Báo cáo số ${issued.numberText.replace(/\//gu, '-')} - ${label}${signed}.${file.format}`;
}

/** "Theo dõi nộp báo cáo - tháng 5 năm 2024.xlsx": the status board's download (GET /api/status?format=xlsx). */
export function boardFileName(period: string): string {
  return `Theo dõi nộp báo cáo - ${periodLabel(parsePeriod(period))}.xlsx`;
}

/**
 * RFC 6266 attachment header for a Vietnamese file name: an ASCII fallback for old clients and
 * the UTF-8 name (RFC 5987: "'", "(", ")" and "*" percent-encoded too, which encodeURIComponent
 * leaves alone). Presigned report links and the board's download both send it.
 */
export function attachmentDisposition(name: string): string {
  const ascii = stripAccents(name).replace(/[^A-Za-z0-9._-]/g, '_');
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
