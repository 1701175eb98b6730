/**
 * PUT /api/reports/{period}/signed?audience=ubnd[&version=N] with the signed PDF as the body
 * (Content-Type: application/pdf) — Văn phòng attaches the PDF the leader signed outside the
 * system to an issued document (201). A PDF whose text is not that document's: 422.
 * flow: API Gateway --> signed handler --> attach-signed use case (+ pdf text reader)
 */
import { container } from '../adapters/container.ts';
import { unpdfText } from '../adapters/pdf-text.ts';
import { attachSignedPdf } from '../usecases/attach-signed.ts';
import { httpHandler } from './handler.ts';
import { ApiError, header, json, query } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { SignedResponse } from './schemas/responses.ts';
import { audience, periodPath } from './report-params.ts';

/**
 * Largest body through API Gateway and Lambda: a synchronous Lambda takes 6 MB, which the base64
 * of a 4 MB file fills. Larger signed files go through the CLI (`issue --signed`).
 */
export const MAX_SIGNED_UPLOAD = 4 * 1024 * 1024;

export const handler = httpHandler(
  async (event) => {
    const period = periodPath(event);
    const type = header(event, 'content-type') ?? '';
    if (!/^application\/pdf\s*$/i.test(type)) throw new ApiError(415, 'unsupported_media_type', 'Gửi tệp PDF đã ký với Content-Type: application/pdf.');
    const aud = audience.safeParse(query(event, 'audience') ?? 'ubnd');
    if (!aud.success) throw new ApiError(400, 'invalid_audience', aud.error.issues[0]!.message, [{ field: 'audience', message: 'ubnd hoặc director.' }]);
    const rawVersion = query(event, 'version');
    const version = rawVersion === undefined ? undefined : Number(rawVersion);
    if (version !== undefined && (!Number.isInteger(version) || version < 1))
      throw new ApiError(400, 'invalid_version', 'Phiên bản là số nguyên dương.', [{ field: 'version', message: 'Phiên bản không hợp lệ.' }]);
    const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'latin1');
    if (bytes.byteLength === 0) throw new ApiError(400, 'empty_body', 'Chưa có tệp PDF trong nội dung gửi lên.');
    if (bytes.byteLength > MAX_SIGNED_UPLOAD) {
      throw new ApiError(
        413,
        'body_too_large',
        `Tệp quá lớn để tải qua cổng thông tin (${(bytes.byteLength / 1048576).toFixed(1)} MB; tối đa 4 MB). Dùng lệnh: npm run cli -- issue --period ${period} --signed <tệp>.`,
      );
    }
    const fileName = (header(event, 'x-file-name') ?? '').slice(0, 200) || `bao-cao-${period}-da-ky.pdf`;
    const p = event.auth!;
    const out = await attachSignedPdf(
      { ...container(), pdfText: unpdfText },
      {
        agencyId: p.agencyId,
        period,
        audience: aud.data,
        ...(version !== undefined ? { version } : {}),
        bytes,
        fileName: decodeURIComponentSafe(fileName),
        by: p.sub,
        now: new Date(),
      },
    );
    return json<SignedResponse>(201, { signed: out.signed, report: out.version });
  },
  { roles: ROLES_OF.attachSignedReport },
);

/** The browser sends the file name percent-encoded (a header is ASCII); a broken one is kept as is. */
function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v).normalize('NFC');
  } catch {
    return v;
  }
}
