/**
 * Attaches the PDF a leader signed outside the system (a digital signature from Ban Cơ yếu Chính
 * phủ's CA, applied in the signing software) to an issued document. It is what the delivery sends
 * from then on, with its sha256. The file must be that document: its words must contain, in
 * order, every word of the issued PDF — a signature adds words (signer, time) but removes none.
 * flow: API / CLI --> attach signed --> ReportStore + FileArchive + PdfText
 */
import type { Audience } from '../core/agency.ts';
import { AUDIENCE_LABELS, signedKey } from '../core/report-files.ts';
import { parsePeriod, periodLabel } from '../core/period.ts';
import { UseCaseError } from './errors.ts';
import {
  issuanceNumber,
  PdfUnreadableError,
  type FileArchive,
  type JobStore,
  type PdfText,
  type ReportStore,
  type ReportVersion,
  type SignedFile,
} from './ports.ts';

/** Largest signed PDF accepted: a report with its appendix is well under it; mail servers refuse more. */
export const MAX_SIGNED_BYTES = 10 * 1024 * 1024;

export interface AttachSignedDeps {
  reports: ReportStore;
  archive: FileArchive;
  jobs: JobStore;
  pdfText: PdfText;
}

export interface AttachSignedInput {
  agencyId: string;
  period: string;
  /** Default: the latest version. */
  version?: number;
  audience: Audience;
  bytes: Uint8Array;
  fileName: string;
  by: string;
  now: Date;
}

/**
 * Whether `inner` appears in `outer` in order, other words allowed between (a signature's own
 * text). Returns the index in `inner` of the first word not found, or -1 when all are.
 */
export function firstMissingWord(inner: readonly string[], outer: readonly string[]): number {
  let j = 0;
  for (let i = 0; i < inner.length; i++) {
    while (j < outer.length && outer[j] !== inner[i]) j++;
    if (j === outer.length) return i;
    j++;
  }
  return -1;
}

export async function attachSignedPdf(deps: AttachSignedDeps, input: AttachSignedInput): Promise<{ version: ReportVersion; signed: SignedFile }> {
  const label = `${AUDIENCE_LABELS[input.audience]} ${periodLabel(parsePeriod(input.period))}`;
  const version =
    input.version !== undefined
      ? await deps.reports.getVersion(input.agencyId, input.period, input.version)
      : await deps.reports.latest(input.agencyId, input.period);
  if (!version)
    throw new UseCaseError('not_found', 'not_found', `Không có báo cáo ${label}${input.version !== undefined ? ` phiên bản ${input.version}` : ''}.`);
  const issuance = version.issued?.[input.audience];
  if (!issuance) {
    throw new UseCaseError(
      'conflict',
      'not_issued',
      `Báo cáo ${label} phiên bản ${version.version} chưa được phát hành: chỉ đính kèm bản ký số cho văn bản đã có số. Hãy phát hành trước.`,
    );
  }
  const number = issuanceNumber(issuance);
  const delivered = (await deps.jobs.listDeliveries(input.agencyId, input.period)).some(
    (e) => e.purpose === 'ubnd-report' && e.status === 'sent' && e.reportVersion === version.version && input.audience === 'ubnd',
  );
  if (delivered)
    throw new UseCaseError('conflict', 'already_delivered', `Báo cáo số ${number} đã được gửi UBND tỉnh; không thay tệp đã ký của văn bản đã gửi.`);
  if (input.bytes.byteLength > MAX_SIGNED_BYTES) {
    throw new UseCaseError(
      'invalid',
      'file_too_large',
      `Tệp đã ký quá lớn (${(input.bytes.byteLength / 1048576).toFixed(1)} MB; tối đa ${MAX_SIGNED_BYTES / 1048576} MB).`,
    );
  }
  if (new TextDecoder('latin1').decode(input.bytes.subarray(0, 5)) !== '%PDF-') {
    throw new UseCaseError('invalid', 'not_pdf', 'Tệp gửi lên không phải PDF. Hãy chọn tệp PDF đã ký số.');
  }
  const issuedPdf = issuance.files.find((f) => f.format === 'pdf');
  const original = issuedPdf ? await deps.archive.get(issuedPdf.key) : undefined;
  if (!original) throw new Error(`Issued PDF missing from the archive: ${issuedPdf?.key ?? '(none recorded)'}`);

  let theirs: string[];
  try {
    theirs = await deps.pdfText.words(input.bytes);
  } catch (err) {
    if (err instanceof PdfUnreadableError)
      throw new UseCaseError('invalid', 'pdf_unreadable', 'Không đọc được nội dung tệp PDF (tệp hỏng hoặc có mật khẩu). Hãy xuất lại tệp đã ký.');
    throw err;
  }
  const ours = await deps.pdfText.words(original.body);
  const missing = firstMissingWord(ours, theirs);
  if (missing >= 0) {
    const around = ours.slice(Math.max(0, missing - 6), missing + 6).join(' ');
    throw new UseCaseError(
      'invalid',
      'signed_mismatch',
      `Tệp đã ký không khớp nội dung Báo cáo số ${number} (phiên bản ${version.version}): không thấy đoạn "${around}". Hãy ký đúng tệp PDF của văn bản đã phát hành.`,
    );
  }

  const stored = await deps.archive.put(
    signedKey(input.agencyId, input.period, version.version, input.audience, await sha256Hex(input.bytes)),
    input.bytes,
    'application/pdf',
    {
      period: input.period,
      audience: input.audience,
      version: String(version.version),
      number,
    },
  );
  const signed: SignedFile = {
    key: stored.key,
    sha256: stored.sha256!,
    size: stored.size,
    fileName: input.fileName,
    at: input.now.toISOString(),
    by: input.by,
  };
  if (!(await deps.reports.attachSigned(input.agencyId, input.period, version.version, input.audience, signed))) {
    throw new UseCaseError('conflict', 'not_issued', `Báo cáo ${label} phiên bản ${version.version} chưa được phát hành.`);
  }
  return { version: (await deps.reports.getVersion(input.agencyId, input.period, version.version))!, signed };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
