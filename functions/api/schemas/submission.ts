/**
 * Request schemas of the submission API (functions/api/contract/ documents them from these very schemas).
 * flow: submission handlers --> schemas --> zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { PROPOSAL_ADDRESSEES, REPORTED_STATUSES } from '../../core/submission.ts';
import { UNIT_CODE_PATTERN } from '../../core/agency.ts';
import { text } from '../validation.ts';

export const taskId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Mã nhiệm vụ không hợp lệ.');
// The shape only: whether the day exists and belongs to the plan is checked with the period
// (core/submission-rules.ts#checkReportDates, a 400 invalid_date).
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD.');

export const taskReportSchema = z.object({
  taskId,
  status: z.enum(REPORTED_STATUSES as [string, ...string[]], { error: 'Hãy chọn tình trạng thực hiện.' }) as z.ZodType<(typeof REPORTED_STATUSES)[number]>,
  progress: z.number({ error: 'Tiến độ là một số từ 0 đến 100.' }).int('Tiến độ là số nguyên.').min(0, 'Tiến độ từ 0 đến 100.').max(100, 'Tiến độ từ 0 đến 100.'),
  result: text(4000, { label: 'Kết quả thực hiện' }).default(''),
  productReached: z.number().nonnegative('Số lượng không âm.').max(1e9).optional(),
  completedOn: localDate.optional(),
  difficulties: text(3000, { label: 'Khó khăn, vướng mắc' }).default(''),
  proposals: text(3000, { label: 'Đề xuất, kiến nghị' }).default(''),
  proposalTo: z.enum(PROPOSAL_ADDRESSEES as [string, ...string[]], { error: 'Đề xuất gửi Lãnh đạo Sở (lanh-dao-so) hoặc UBND tỉnh (ubnd-tinh).' }).optional() as z.ZodOptional<z.ZodType<(typeof PROPOSAL_ADDRESSEES)[number]>>,
  needsDecision: z.boolean().default(false),
  nextPlan: text(3000, { label: 'Kế hoạch kỳ tới' }).default(''),
  reason: text(1000, { label: 'Lý do' })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const otherWorkKind = z.enum(['thuong-xuyen', 'dot-xuat']);

export const submissionDataSchema = z.object({
  tasks: z.array(taskReportSchema).max(300, 'Tối đa 300 nhiệm vụ trong một báo cáo.'),
  otherWork: z
    .array(z.object({ kind: otherWorkKind, text: text(2000, { min: 1, label: 'Nội dung công việc' }) }))
    .max(100, 'Tối đa 100 công việc khác.')
    .default([]),
  reporterName: text(100, { label: 'Họ tên người báo cáo' }).default(''),
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
