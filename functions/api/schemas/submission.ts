/**
 * Request schemas of the submission API (functions/api/contract/ documents them from these very schemas).
 * The content's schemas live in core (core/submission-schema.ts), shared with the operators' import.
 * flow: submission handlers --> schemas --> core submission schema + zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { periodSchema as period, submissionDataSchema, unitSchema as unit } from '../../core/submission-schema.ts';

export { otherWorkKind, submissionDataSchema, taskId, taskReportSchema } from '../../core/submission-schema.ts';

export const submitSchema = z.strictObject({
  period,
  unit: unit.optional(),
  baseRevision: z.number().int().min(0).max(1_000_000),
  data: submissionDataSchema,
});

export const draftSchema = z.strictObject({ data: submissionDataSchema });

export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'Idempotency-Key: 8–128 ký tự chữ, số, "-" hoặc "_".');
export const periodParam = period;
export const unitParam = unit;
