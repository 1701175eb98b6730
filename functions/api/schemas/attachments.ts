/**
 * Request schemas of the attachment API (functions/api/contract/ documents them from these very schemas).
 * flow: attachments handlers --> schemas --> core attachment rules + zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { attachmentId, attachmentName } from '../../core/attachment-schema.ts';
import { taskId } from '../../core/submission-schema.ts';

export const uploadRequestSchema = z.strictObject({
  taskId,
  fileName: attachmentName,
  contentType: z.string().min(1).max(200),
  size: z.int('Kích thước tệp (byte) là số nguyên.').min(1, 'Tệp rỗng.').max(1_000_000_000),
});

export const attachmentIdParam = attachmentId;
