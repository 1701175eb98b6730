/**
 * Boundary validation with zod: every user text is refused or cleaned class by class of unusual
 * characters (core/text.ts), normalised to NFC and length-limited in characters; bodies are
 * size-limited, strictly UTF-8 and must be JSON.
 * flow: handler --> validation --> zod
 */
import type { ZodError, ZodType } from 'zod';
import { ApiError, header, type FieldError, type HttpEvent } from './http.ts';

/** Largest JSON body accepted (a unit's full month of reports is ~50 KB). */
export const MAX_BODY_BYTES = 256 * 1024;

// The text schema lives in core (core/text-schema.ts) so the CLI's imports validate with it too.
export { text } from '../core/text-schema.ts';

export function fieldErrorsFromZod(err: ZodError): FieldError[] {
  return err.issues.slice(0, 50).map((i) => ({
    field: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
}

const INVALID_ENCODING = 'Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.';

/**
 * The request body as text: the one place that decodes it, for the local server and for Lambda.
 * Bytes (base64, as the local server always passes them and API Gateway passes binary) are decoded
 * strictly: any byte sequence that is not UTF-8 (invalid, overlong, surrogate, truncated) is a 400,
 * never a silent U+FFFD. A body that arrives as a string was decoded before us (by the gateway);
 * a U+FFFD in it means bytes were lost there, and it is refused the same way.
 */
export function bodyText(event: HttpEvent): string {
  const raw = event.body ?? '';
  const buf = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (buf.byteLength > MAX_BODY_BYTES) {
    throw new ApiError(413, 'body_too_large', `Nội dung gửi lên quá lớn (${Math.ceil(buf.byteLength / 1024)} KB; tối đa ${MAX_BODY_BYTES / 1024} KB).`);
  }
  if (!event.isBase64Encoded) {
    if (raw.includes('\uFFFD')) throw new ApiError(400, 'invalid_encoding', INVALID_ENCODING);
    return raw;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    throw new ApiError(400, 'invalid_encoding', INVALID_ENCODING);
  }
}

/** `application/json`, optionally with `charset=utf-8`: nothing else is JSON we can read. */
const JSON_CONTENT_TYPE = /^application\/json[ \t]*(;[ \t]*charset[ \t]*=[ \t]*(utf-8|"utf-8")[ \t]*)?$/i;

/** Parses a JSON body against a schema; 415 for a wrong content type, 400 for broken JSON, 422 for wrong fields. */
export function parseJsonBody<T>(event: HttpEvent, schema: ZodType<T>): T {
  const type = header(event, 'content-type') ?? '';
  if (!JSON_CONTENT_TYPE.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Nội dung phải gửi dưới dạng JSON mã hoá UTF-8 (Content-Type: application/json; charset=utf-8).');
  }
  const textBody = bodyText(event);
  let value: unknown;
  try {
    value = JSON.parse(textBody);
  } catch {
    throw new ApiError(400, 'invalid_json', 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
  if (depth(value) > 12) throw new ApiError(400, 'too_deep', 'Nội dung gửi lên lồng nhau quá sâu.');
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(422, 'invalid_input', 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.', fieldErrorsFromZod(parsed.error));
  }
  return parsed.data;
}

function depth(v: unknown, d = 0): number {
  if (d > 12 || v === null || typeof v !== 'object') return d;
  let max = d;
  for (const x of Object.values(v as object)) max = Math.max(max, depth(x, d + 1));
  return max;
}
