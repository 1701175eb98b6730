/**
 * Request schemas of the submission API (functions/api/contract/ documents them from these very schemas).
 * flow: submission handlers --> schemas --> zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import {
  MAX_OTHER_WORK,
  MAX_TASK_REPORTS,
  OTHER_WORK_KINDS,
  PROPOSAL_ADDRESSEES,
  REPORT_TEXT_FIELDS as F,
  REPORTED_STATUSES,
  type OtherWorkKind,
} from '../../core/submission.ts';
import { PRODUCT_NEGATIVE_MESSAGE, PROGRESS_MESSAGES } from '../../core/submission-rules.ts';
import { UNIT_CODE_PATTERN } from '../../core/agency.ts';
import { text } from '../validation.ts';

export const taskId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Mã nhiệm vụ không hợp lệ.');
// The shape only: whether the day exists and belongs to the plan is checked with the period
// (core/submission-rules.ts#checkReportDates, a 400 invalid_date).
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD.');

export const taskReportSchema = z.object({
  taskId,
  status: z.enum(REPORTED_STATUSES as [string, ...string[]], { error: 'Hãy chọn tình trạng thực hiện.' }) as z.ZodType<(typeof REPORTED_STATUSES)[number]>,
  progress: z
    .number({ error: PROGRESS_MESSAGES.notNumber })
    .int(PROGRESS_MESSAGES.notInteger)
    .min(0, PROGRESS_MESSAGES.outOfRange)
    .max(100, PROGRESS_MESSAGES.outOfRange),
  result: text(F.result.max, { label: F.result.label }).default(''),
  productReached: z.number().nonnegative(PRODUCT_NEGATIVE_MESSAGE).max(1e9).optional(),
  completedOn: localDate.optional(),
  difficulties: text(F.difficulties.max, { label: F.difficulties.label }).default(''),
  proposals: text(F.proposals.max, { label: F.proposals.label }).default(''),
  proposalTo: z
    .enum(PROPOSAL_ADDRESSEES as [string, ...string[]], { error: 'Đề xuất gửi Lãnh đạo Sở (lanh-dao-so) hoặc UBND tỉnh (ubnd-tinh).' })
    .optional() as z.ZodOptional<z.ZodType<(typeof PROPOSAL_ADDRESSEES)[number]>>,
  needsDecision: z.boolean().default(false),
  nextPlan: text(F.nextPlan.max, { label: F.nextPlan.label }).default(''),
  reason: text(F.reason.max, { label: F.reason.label })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const otherWorkKind = z.enum(OTHER_WORK_KINDS as readonly [OtherWorkKind, ...OtherWorkKind[]]);

export const submissionDataSchema = z.object({
  tasks: z.array(taskReportSchema).max(MAX_TASK_REPORTS, `Tối đa ${MAX_TASK_REPORTS} nhiệm vụ trong một báo cáo.`),
  otherWork: z
    .array(z.object({ kind: otherWorkKind, text: text(F.otherWork.max, { min: 1, label: F.otherWork.label }) }))
    .max(MAX_OTHER_WORK, `Tối đa ${MAX_OTHER_WORK} công việc khác.`)
    .default([]),
  reporterName: text(F.reporterName.max, { label: F.reporterName.label }).default(''),
});

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kỳ báo cáo dạng YYYY-MM.');
const unit = z.string().regex(UNIT_CODE_PATTERN, 'Mã đơn vị không hợp lệ.');

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
