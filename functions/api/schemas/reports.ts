/**
 * Request schemas of the reports API: compiling a period and issuing a compiled document
 * (functions/api/contract/ documents them from these very schemas).
 * flow: report handlers --> schemas --> zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { PERIOD_KINDS, type PeriodKind } from '../../core/period.ts';
import { audience, periodId } from '../report-params.ts';

export const periodKind = z.enum(PERIOD_KINDS as [PeriodKind, ...PeriodKind[]]);

export const compileSchema = z.strictObject({ period: periodId, kind: periodKind.optional() });

export const issueSchema = z.strictObject({
  audience,
  version: z.number().int().min(1).max(9999).optional(),
  number: z
    .number({ error: 'Số văn bản là một số nguyên.' })
    .int('Số văn bản là một số nguyên.')
    .min(1, 'Số văn bản từ 1.')
    .max(99999, 'Số văn bản tối đa 99999.')
    .optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày ban hành dạng YYYY-MM-DD.')
    .optional(),
});

export const deliverSchema = z.strictObject({
  resend: z.boolean({ error: 'resend: true hoặc false.' }).optional(),
});
