/**
 * The zod schemas of a submission's content and of its period and unit codes: the API's request
 * schemas (functions/api/schemas/submission.ts) and the operators' import of history
 * (usecases/import-submissions.ts) validate with these same objects — one source.
 * flow: api schemas / usecases --> submission schema --> zod
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
} from './submission.ts';
import { PROGRESS_MESSAGES } from './submission-rules.ts';
import { MAX_PRODUCT_PARTS, MAX_PRODUCT_VALUE, productNegativeMessage, reachedList } from './product.ts';
import { UNIT_CODE_PATTERN } from './agency.ts';
import { text } from './text-schema.ts';
import { MAX_ATTACHMENTS_PER_TASK } from './attachment.ts';
import { attachmentRefSchema } from './attachment-schema.ts';
import { DIRECTION_ID_PATTERN } from './direction.ts';

export const taskId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Mã nhiệm vụ không hợp lệ.');
// The shape only: whether the day exists and belongs to the plan is checked with the period
// (core/submission-rules.ts#checkReportDates, a 400 invalid_date).
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày dạng YYYY-MM-DD.');

const PRODUCT_TYPE_MESSAGE = 'Sản phẩm đạt được là các số, mỗi phần của sản phẩm một số (bỏ trống: null).';
const PRODUCT_MAX_MESSAGE = `Sản phẩm đạt được không quá ${MAX_PRODUCT_VALUE.toLocaleString('vi-VN')}.`;

/**
 * What was reached, one number per part of the target ("20 nhiệm vụ; 05 hội nghị" → [18, 3]; null:
 * a part not reported). A single number — what old clients send and what the operators' files hold —
 * is the list of one, so every reader sees a list (core/product.ts#reachedList). Without the plan the
 * schema names a part by its place; the form names it by its measure.
 */
const productReachedSchema = z
  .union(
    [
      z.number({ error: PRODUCT_TYPE_MESSAGE }).min(0, productNegativeMessage('')).max(MAX_PRODUCT_VALUE, PRODUCT_MAX_MESSAGE),
      z
        .array(z.number({ error: PRODUCT_TYPE_MESSAGE }).max(MAX_PRODUCT_VALUE, PRODUCT_MAX_MESSAGE).nullable())
        .max(MAX_PRODUCT_PARTS, `Sản phẩm đạt được có tối đa ${MAX_PRODUCT_PARTS} phần.`)
        .superRefine((list, ctx) => {
          list.forEach((v, i) => {
            if (v !== null && v < 0) ctx.addIssue({ code: 'custom', path: [i], message: productNegativeMessage(list.length > 1 ? `phần ${i + 1}` : '') });
          });
        }),
    ],
    { error: PRODUCT_TYPE_MESSAGE },
  )
  .optional()
  .transform((v) => reachedList(v));

export const taskReportSchema = z.object({
  taskId,
  status: z.enum(REPORTED_STATUSES as [string, ...string[]], { error: 'Hãy chọn tình trạng thực hiện.' }) as z.ZodType<(typeof REPORTED_STATUSES)[number]>,
  progress: z
    .number({ error: PROGRESS_MESSAGES.notNumber })
    .int(PROGRESS_MESSAGES.notInteger)
    .min(0, PROGRESS_MESSAGES.outOfRange)
    .max(100, PROGRESS_MESSAGES.outOfRange),
  result: text(F.result.max, { label: F.result.label }).default(''),
  productReached: productReachedSchema,
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
  attachments: z
    .array(attachmentRefSchema)
    .max(MAX_ATTACHMENTS_PER_TASK, `Tối đa ${MAX_ATTACHMENTS_PER_TASK} tài liệu kèm theo một nhiệm vụ.`)
    .refine((a) => new Set(a.map((x) => x.id)).size === a.length, 'Một tài liệu chỉ kèm một lần.')
    .optional(),
  directionAnswers: z
    .array(
      z.object({
        id: z.string().regex(DIRECTION_ID_PATTERN, 'Mã ý kiến chỉ đạo không hợp lệ.'),
        text: text(F.directionAnswer.max, { label: F.directionAnswer.label }),
      }),
    )
    .max(24, 'Tối đa 24 ý kiến chỉ đạo trên một nhiệm vụ.')
    .refine((a) => new Set(a.map((x) => x.id)).size === a.length, 'Mỗi ý kiến chỉ đạo chỉ trả lời một lần.')
    .optional()
    .transform((a) => (a?.some((x) => x.text !== '') ? a.filter((x) => x.text !== '') : undefined)),
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

export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Kỳ báo cáo dạng YYYY-MM.');
export const unitSchema = z.string().regex(UNIT_CODE_PATTERN, 'Mã đơn vị không hợp lệ.');

/**
 * One entry of an operator's file of past submissions (CLI `import-submissions`): a unit's report
 * for a month as it was sent on its day. `reporterName` is the entry's own (the content's is
 * filled from it), so a file made from old spreadsheets cannot leave it blank.
 */
export const historyEntrySchema = z.strictObject({
  period: periodSchema,
  unit: unitSchema,
  submittedAt: z.iso.datetime({ offset: true, error: 'Thời điểm gửi dạng ISO 8601 có múi giờ, ví dụ 2021-04-15T09:30:00+07:00.' }),
  reporterName: text(F.reporterName.max, { min: 1, label: F.reporterName.label }),
  data: submissionDataSchema,
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;
