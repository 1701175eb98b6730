/**
 * Request schema of POST /api/plans/{year}/tasks/{taskId}/amendments (functions/api/contract/
 * documents it from this schema; the use case checks dates, the number's form and the reason).
 * flow: plans handler --> schemas --> zod
 */
import * as z from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'ngày dạng YYYY-MM-DD');

export const amendSchema = z.strictObject({
  deadline: day,
  decision: z.strictObject({
    number: z.string().min(3).max(60),
    date: day,
    reason: z.string().min(3).max(500),
  }),
  dryRun: z.boolean().optional(),
});
