/**
 * Request schemas of POST /api/directions and PUT /api/directions/{id} (functions/api/contract/
 * documents them from these; the use case checks the text, the date and the unit).
 * flow: directions handler --> schemas --> zod
 */
import * as z from 'zod';
import { periodSchema, taskId, unitSchema } from '../../core/submission-schema.ts';

const content = {
  text: z.string({ error: 'Hãy ghi nội dung ý kiến chỉ đạo.' }).max(12000),
  deadline: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/u, 'Thời hạn dạng YYYY-MM-DD.')
    .optional(),
  responsibleUnit: z
    .string()
    .regex(/^([A-Za-z0-9]{1,16})?$/u, 'Mã đơn vị không hợp lệ.')
    .optional(),
  forProvince: z.boolean({ error: 'forProvince là true hoặc false.' }).optional(),
};

export const recordDirectionSchema = z.strictObject({ period: periodSchema, unit: unitSchema, taskId, ...content });

export const changeDirectionSchema = z.strictObject({
  expectedVersion: z.int({ error: 'Hãy gửi phiên bản đang sửa (expectedVersion).' }).min(1),
  ...content,
});
