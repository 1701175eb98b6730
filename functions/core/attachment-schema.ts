/**
 * The zod schema of an attachment reference in a task report (core/submission-schema.ts uses it),
 * apart from core/attachment.ts so that the browser's scripts can use those rules without zod.
 * flow: submission schema / attachment API schemas --> attachment schema --> attachment rules
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { ALLOWED_KINDS_TEXT, ATTACHMENT_CONTENT_TYPES, MAX_ATTACHMENT_BYTES } from './attachment.ts';

export const attachmentId = z.uuid({ error: 'Mã tài liệu không hợp lệ.' });

/** A file name as shown and downloaded: no path, no control characters, at most 200 characters. */
export const attachmentName = z
  .string()
  .transform((s) =>
    s
      .normalize('NFC')
      .replace(/^.*[\\/]/u, '')
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .trim(),
  )
  .pipe(z.string().min(1, 'Thiếu tên tệp.').max(200, 'Tên tệp tối đa 200 ký tự.'));

/** One attachment as a task's entry in a draft or a submission names it. */
export const attachmentRefSchema = z.strictObject({
  id: attachmentId,
  name: attachmentName,
  size: z.int().min(1).max(MAX_ATTACHMENT_BYTES),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES as [string, ...string[]], { error: `Chỉ nhận ${ALLOWED_KINDS_TEXT}.` }),
});
