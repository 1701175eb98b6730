/**
 * The response bodies of the HTTP API, and the identifiers and vocabularies they share, in zod:
 * functions/api/contract/ turns them into docs/openapi.yaml (`npm run openapi`), and handlers take
 * their return types from them (`z.output`), so what the server returns and what the document says
 * cannot drift. These schemas are never run on a response: they exist for the document and the types
 * (handlers import them with `import type`, so no Lambda bundle carries them). Request schemas stay
 * beside them (submission.ts, reports.ts, session.ts): those are what handlers parse with.
 * flow: contract + handlers (types) --> responses --> zod, core vocabularies, request schemas
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { AUDIENCES } from '../../core/agency.ts';
import { ROLES } from '../../core/auth.ts';
import { TASK_CATEGORIES } from '../../core/plan.ts';
import {
  SUBMISSION_STATUS_LABELS,
  type SubmissionStatus as SubmissionStatusT,
  TASK_STATUSES,
  type TaskStatus as TaskStatusT,
} from '../../core/report-model.ts';
import { PROPOSAL_ADDRESSEES, REPORTED_STATUSES } from '../../core/submission.ts';
import { MAX_PRODUCT_PARTS } from '../../core/product.ts';
import { ATTACHMENT_CONTENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_TASK } from '../../core/attachment.ts';
import { periodId } from '../report-params.ts';
import { periodKind } from './reports.ts';
import { otherWorkKind, periodParam, taskId, unitParam } from './submission.ts';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
const SUBMISSION_STATUSES = Object.keys(SUBMISSION_STATUS_LABELS) as SubmissionStatusT[];

// The identifiers handlers parse requests with are the ones the document names: registered (not
// copied) so that request bodies and responses refer to the same component.
z.globalRegistry.add(periodParam, { id: 'MonthlyPeriodId', description: 'Kỳ báo cáo tháng, dạng YYYY-MM.', examples: ['2024-10'] });
z.globalRegistry.add(periodId, {
  id: 'AnyPeriodId',
  description: 'Kỳ báo cáo — tháng `2024-10`, quý `2024-Q4`, 6 tháng `2024-H1`/`2024-H2`, 9 tháng `2024-9M`, năm `2024`.',
  examples: ['2024-Q4'],
});
z.globalRegistry.add(unitParam, { id: 'UnitCode', description: 'Mã phòng, đơn vị (chữ và số ASCII), ví dụ QLKH, TTR, CCTCDLCL.', examples: ['QLKH'] });
z.globalRegistry.add(taskId, { id: 'TaskId', description: 'Mã nhiệm vụ trong kế hoạch năm, theo số thứ tự, ví dụ `I-2`, `II-2-1`.' });
z.globalRegistry.add(periodKind, { id: 'PeriodKind' });

export const MonthlyPeriodId = periodParam;
export const AnyPeriodId = periodId;
export const UnitCode = unitParam;
export const TaskId = taskId;
export const PeriodKind = periodKind;

export const LocalDate = z.iso.date().meta({ id: 'LocalDate', description: 'Ngày theo giờ Việt Nam (Asia/Ho_Chi_Minh), YYYY-MM-DD.' });

export const Instant = z.iso.datetime().meta({ id: 'Instant', description: 'Thời điểm ISO 8601 (UTC).' });

export const Role = enumOf(ROLES).meta({
  id: 'Role',
  description: '`unit` phòng, đơn vị; `van-phong` Văn phòng Sở; `lanh-dao` Lãnh đạo Sở; `ubnd-tinh` Văn phòng UBND tỉnh.',
});

export const ReportedStatus = enumOf(REPORTED_STATUSES).meta({
  id: 'ReportedStatus',
  description: 'Tình trạng đơn vị báo cáo — chưa triển khai, đang thực hiện, hoàn thành, đề xuất điều chỉnh/dừng.',
});

export const SubmissionStatus = enumOf(SUBMISSION_STATUSES).meta({ id: 'SubmissionStatus', description: 'Nộp đúng hạn, nộp muộn, mới lưu nháp, chưa nộp.' });

export const TaskCategory = enumOf(TASK_CATEGORIES).meta({
  id: 'TaskCategory',
  description: 'Nhiệm vụ trọng tâm do Chủ tịch UBND tỉnh giao, chấp thuận, theo kế hoạch của Sở, thường xuyên, đột xuất.',
});

z.globalRegistry.add(otherWorkKind, { id: 'OtherWorkKind', description: 'Công việc thường xuyên hoặc đột xuất, phát sinh.' });
export const OtherWorkKind = otherWorkKind;

export const ProposalAddressee = enumOf(PROPOSAL_ADDRESSEES).meta({
  id: 'ProposalAddressee',
  description: 'Lãnh đạo Sở (lanh-dao-so) hoặc UBND tỉnh (ubnd-tinh).',
});

export const AttachmentRef = z
  .strictObject({
    id: z.uuid(),
    name: z.string().min(1).max(200),
    size: z.int().min(1).max(MAX_ATTACHMENT_BYTES),
    contentType: z.enum(ATTACHMENT_CONTENT_TYPES as [string, ...string[]]),
  })
  .meta({ id: 'AttachmentRef', description: 'Một tài liệu kèm theo kết quả của nhiệm vụ (đã kiểm tra nội dung khi tải lên).' });

/** The fields of one task's report as stored (request bodies are cleaned and defaulted into this). */
const taskReportFields = {
  taskId: TaskId,
  status: ReportedStatus,
  progress: z.int().min(0).max(100),
  result: z.string().max(4000),
  productReached: z
    .array(z.number().min(0).nullable())
    .max(MAX_PRODUCT_PARTS)
    .optional()
    .meta({ description: 'Sản phẩm đạt được, mỗi phần của sản phẩm (mục tiêu "20 nhiệm vụ; 05 hội nghị") một số; null: phần chưa báo cáo.' }),
  completedOn: LocalDate.optional(),
  difficulties: z.string().max(3000),
  proposals: z.string().max(3000),
  proposalTo: ProposalAddressee.optional(),
  needsDecision: z.boolean(),
  nextPlan: z.string().max(3000),
  reason: z.string().max(1000).optional(),
  attachments: z.array(AttachmentRef).max(MAX_ATTACHMENTS_PER_TASK).optional(),
  directionAnswers: z
    .array(z.strictObject({ id: z.string(), text: z.string().max(3000) }))
    .optional()
    .meta({ description: 'Kết quả thực hiện ý kiến chỉ đạo của Lãnh đạo Sở về nhiệm vụ (mã ý kiến, nội dung).' }),
};

export const TaskReport = z.strictObject(taskReportFields).meta({ id: 'TaskReport', description: 'Báo cáo một nhiệm vụ, như đã lưu.' });

export const OtherWork = z
  .strictObject({
    kind: OtherWorkKind,
    text: z.string().min(1).max(2000),
  })
  .meta({ id: 'OtherWork' });

export const SubmissionData = z
  .strictObject({
    tasks: z.array(TaskReport),
    otherWork: z.array(OtherWork),
    reporterName: z.string().max(100),
  })
  .meta({ id: 'SubmissionData' });

export const Draft = z
  .strictObject({
    data: SubmissionData.optional(),
    savedAt: Instant,
    savedBy: z.string().meta({ description: 'Người lưu (mã người dùng).' }),
  })
  .meta({
    id: 'Draft',
    description:
      "Bản nháp: lúc lưu, người lưu; nội dung (`data`) có khi đọc báo cáo của một đơn vị (GET một báo cáo,\nlưu nháp, biểu mẫu), không có trong danh sách. The draft: when and by whom; its content comes with one\nunit's submission, not in lists.",
  });

export const SubmissionHead = z
  .strictObject({
    agencyId: z.string(),
    period: MonthlyPeriodId,
    unit: UnitCode,
    state: z.enum(['draft', 'submitted']).meta({ description: '`draft` khi mới lưu nháp, chưa gửi lần nào.' }),
    revision: z.int().min(0).meta({ description: 'Phiên bản đã gửi mới nhất; 0 khi mới có bản nháp.' }),
    data: SubmissionData.optional(),
    firstSubmittedAt: Instant.optional(),
    submittedAt: Instant.optional(),
    onTime: z.boolean().meta({ description: 'Lần gửi đầu có trước hạn không (tính cho thi đua).' }).optional(),
    draft: Draft.optional(),
    updatedAt: Instant,
  })
  .meta({ id: 'SubmissionHead', description: "Báo cáo hiện tại của một đơn vị trong một kỳ. The current state of a unit's submission." });

export const FieldChange = z
  .strictObject({
    field: z.string().meta({ description: 'Trường đã đổi: `reporterName`, `otherWork`, `tasks.I-2.progress`, `tasks.I-2`.' }),
    from: z.unknown().meta({ description: 'Giá trị trước (không có khi trước đó chưa có).' }).optional(),
    to: z.unknown().meta({ description: 'Giá trị sau.' }).optional(),
  })
  .meta({ id: 'FieldChange' });

export const Revision = z
  .strictObject({
    agencyId: z.string(),
    period: MonthlyPeriodId,
    unit: UnitCode,
    revision: z.int().min(1),
    at: Instant,
    by: z.string().meta({ description: 'Người gửi (mã người dùng).' }),
    onTime: z.boolean(),
    imported: z
      .literal(true)
      .meta({ description: 'Nhập lịch sử bằng lệnh import-submissions, với thời điểm gửi ghi trong tệp (không phải giờ máy chủ).' })
      .optional(),
    data: SubmissionData,
    changes: z.array(FieldChange),
  })
  .meta({ id: 'Revision', description: 'Một phiên bản đã gửi, không bao giờ bị sửa. One immutable revision.' });

export const Receipt = z
  .strictObject({
    period: z.strictObject({ id: MonthlyPeriodId, label: z.string() }),
    unit: z.strictObject({ code: UnitCode, name: z.string() }),
    revision: z.int().min(1),
    submittedAt: z.string(),
    submittedAtText: z.string().meta({ description: 'Thời điểm gửi theo giờ của cơ quan: "09:30 ngày 15/10/2024".' }),
    timeZone: z.string(),
    onTime: z.boolean(),
    reporterName: z.string(),
    tasks: z.array(
      z.strictObject({
        taskId: TaskId,
        number: z.string(),
        content: z.string(),
        status: z.string(),
        progress: z.int().min(0).max(100),
        result: z.string(),
        productReached: z.string().optional().meta({ description: 'Sản phẩm đạt được như báo cáo in: "20 nhiệm vụ; 05 hội nghị".' }),
        attachments: z.array(AttachmentRef),
      }),
    ),
    otherWork: z.int().min(0),
    email: z.strictObject({
      status: z.enum(['sent', 'failed', 'no-address']),
      again: z.boolean().optional().meta({ description: 'Thư đã gửi từ lần gửi trước của cùng phiên bản; không gửi lại.' }),
      to: z.string().optional(),
    }),
  })
  .meta({
    id: 'Receipt',
    description: 'Biên nhận: phiên bản, thời điểm gửi, đơn vị, kỳ, nội dung từng nhiệm vụ; thư biên nhận gửi người gửi một lần cho mỗi phiên bản.',
  });

export const SubmitResponse = z
  .strictObject({
    submission: SubmissionHead,
    revision: Revision,
    receipt: Receipt,
  })
  .meta({ id: 'SubmitResponse' });

export const SubmissionResponse = z
  .strictObject({
    submission: SubmissionHead,
  })
  .meta({ id: 'SubmissionResponse' });

export const SubmissionList = z
  .strictObject({
    period: MonthlyPeriodId,
    submissions: z.array(SubmissionHead),
  })
  .meta({ id: 'SubmissionList' });

export const RevisionList = z
  .strictObject({
    revisions: z.array(Revision),
  })
  .meta({ id: 'RevisionList' });

export const PlanTime = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('month'),
      year: z.int(),
      month: z.int().min(1).max(12),
    }),
    z.strictObject({
      kind: z.literal('date'),
      date: LocalDate,
    }),
    z.strictObject({
      kind: z.literal('text'),
      text: z.string(),
    }),
  ])
  .meta({ id: 'PlanTime', description: 'Thời gian trong kế hoạch — một tháng, một ngày, hoặc chỉ là văn bản ("Theo Kế hoạch 483/KH-UBND").' });

export const Product = z
  .strictObject({
    text: z.string().meta({ examples: ['03 doanh nghiệp được hỗ trợ'] }),
    quantity: z.number().optional(),
    measure: z.string().optional(),
  })
  .meta({ id: 'Product' });

export const Milestone = z
  .strictObject({
    text: z.string(),
    start: PlanTime.optional(),
    finish: PlanTime.optional(),
    product: Product.optional(),
    executor: z.string().optional(),
  })
  .meta({ id: 'Milestone' });

export const DeadlineDecision = z
  .strictObject({
    number: z.string().meta({ examples: ['123/QĐ-SKHCN'] }),
    date: LocalDate,
    reason: z.string(),
  })
  .meta({ id: 'DeadlineDecision', description: 'Quyết định gia hạn: số, ngày, lý do.' });

export const DeadlineAmendment = z
  .strictObject({
    deadline: LocalDate.meta({ description: 'Thời hạn mới (ngày cuối cùng còn đúng hạn).' }),
    decision: DeadlineDecision,
    recordedAt: Instant,
    recordedBy: z.string(),
  })
  .meta({ id: 'DeadlineAmendment', description: 'Một lần gia hạn nhiệm vụ theo quyết định.' });

export const PlanTask = z
  .strictObject({
    id: TaskId,
    number: z.string().meta({ description: 'Số thứ tự như in trong bảng (TT), ví dụ "2.1".' }),
    group: z.strictObject({
      numeral: z.string().meta({ examples: ['I'] }),
      title: z.string().meta({ examples: ['NHIỆM VỤ TRỌNG TÂM'] }),
    }),
    parents: z.array(z.string()).optional(),
    category: TaskCategory,
    content: z.string(),
    leadUnit: UnitCode,
    coordinatingUnits: z.array(UnitCode),
    directingLeader: z.string().meta({ description: 'Lãnh đạo trực tiếp chỉ đạo (mã).' }).optional(),
    personInCharge: z.string().optional(),
    start: PlanTime.optional(),
    finish: PlanTime.optional(),
    product: Product.optional(),
    milestones: z.array(Milestone),
    sourceDocument: z.string().optional(),
    order: z.int(),
    amendments: z.array(DeadlineAmendment).optional().meta({ description: 'Các lần gia hạn, cũ trước (ai ghi, lúc nào).' }),
    amendedBy: DeadlineAmendment.optional().meta({
      description: 'Chỉ khi nhiệm vụ đã xét theo một kỳ: lần gia hạn đang áp dụng ở cuối kỳ (`finish` là thời hạn mới).',
    }),
    plannedFinish: PlanTime.optional().meta({ description: 'Chỉ đi cùng `amendedBy`: thời hạn ghi trong kế hoạch.' }),
  })
  .meta({ id: 'PlanTask', description: 'Một nhiệm vụ của kế hoạch năm.' });

export const PlanMeta = z
  .strictObject({
    agencyId: z.string(),
    year: z.int(),
    version: z.int().min(1),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: 'SHA-256 của kế hoạch; nhập lại cùng nội dung thì không đổi.' }),
    taskCount: z.int().min(0),
    importedAt: Instant,
    importedBy: z.string(),
    source: z.string().meta({ description: 'Tên tệp đã nhập.' }),
    title: z.string().optional(),
    sourceDocument: z.string().optional(),
  })
  .meta({ id: 'PlanMeta' });

export const ImportProblem = z
  .strictObject({
    sheet: z.string().meta({ description: 'Tên sheet ("" khi lỗi cả tệp).' }),
    row: z.int().min(0).meta({ description: 'Dòng Excel, từ 1 (0: cả sheet).' }),
    column: z.string().meta({ description: 'Cột Excel ("C"; "" khi không riêng cột nào).' }),
    reason: z.string().meta({ description: 'Lý do, tiếng Việt.' }),
    reasonEn: z.string(),
  })
  .meta({ id: 'ImportProblem' });

const TaskRef = z.strictObject({ id: TaskId, number: z.string(), content: z.string(), leadUnit: z.string() });
const PlanFieldChange = z
  .strictObject({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })
  .meta({ id: 'PlanFieldChange', description: 'Một trường đổi giá trị, như người đọc thấy: cũ → mới.' });

export const PlanDiff = z
  .strictObject({
    added: z.array(TaskRef),
    changed: z.array(TaskRef.extend({ fields: z.array(PlanFieldChange) })),
    removed: z.array(TaskRef.extend({ amended: z.boolean().optional() })),
    unchanged: z.int().min(0),
    plan: z.array(PlanFieldChange),
  })
  .meta({ id: 'PlanDiff', description: 'Nhập tệp này thì kế hoạch đã lưu thay đổi thế nào: nhiệm vụ thêm, sửa (từng trường: cũ → mới), bỏ.' });

export const PlanImportResponse = z
  .strictObject({
    year: z.int(),
    dryRun: z.boolean(),
    ok: z.boolean().meta({ description: '`false`: tệp có lỗi (`problems`), không nhập được.' }),
    problems: z.array(ImportProblem),
    warnings: z.array(ImportProblem),
    diff: PlanDiff.optional(),
    taskCount: z.int().min(0).optional(),
    newUnits: z.array(z.strictObject({ code: z.string(), name: z.string() })).optional(),
    changed: z.boolean().meta({ description: 'Đã ghi một phiên bản mới (luôn `false` khi xem trước hoặc tệp giống hệt).' }),
    meta: PlanMeta.optional(),
  })
  .meta({ id: 'PlanImportResponse' });

export const AmendmentEffect = z
  .strictObject({
    period: MonthlyPeriodId,
    label: z.string(),
    deadlineBefore: z.string(),
    deadlineAfter: z.string(),
    statusBefore: z.string(),
    statusAfter: z.string(),
    statusBeforeLabel: z.string(),
    statusAfterLabel: z.string(),
  })
  .meta({ id: 'AmendmentEffect' });

export const AmendmentResponse = z
  .strictObject({
    task: TaskRef,
    before: z.string().meta({ description: 'Thời hạn đang áp dụng vào ngày quyết định.' }),
    after: z.string().meta({ description: 'Thời hạn mới, kèm trích dẫn quyết định (như in trong báo cáo).' }),
    amendment: DeadlineAmendment,
    effects: z.array(AmendmentEffect).meta({ description: 'Các tháng có thời hạn (và có thể tình trạng) thay đổi.' }),
    dryRun: z.boolean(),
    changed: z.boolean(),
    meta: PlanMeta.optional(),
  })
  .meta({ id: 'AmendmentResponse' });

export const PlanResponse = z
  .strictObject({
    agencyId: z.string(),
    year: z.int(),
    title: z.string().optional(),
    sourceDocument: z.string().optional(),
    tasks: z.array(PlanTask),
    meta: PlanMeta.optional(),
  })
  .meta({ id: 'PlanResponse' });

export const PreviousTaskReport = z
  .strictObject({ ...taskReportFields, period: MonthlyPeriodId })
  .meta({ id: 'PreviousTaskReport', description: 'Báo cáo gần nhất của nhiệm vụ ở kỳ trước, kèm kỳ đó.' });

export const FormTask = z
  .strictObject({
    task: PlanTask,
    carriedOver: z.boolean().meta({ description: 'Nhiệm vụ kỳ trước chưa hoàn thành, chuyển sang kỳ này.' }),
    previous: PreviousTaskReport.optional(),
  })
  .meta({ id: 'FormTask' });

export const FormContext = z
  .strictObject({
    period: z.strictObject({
      id: MonthlyPeriodId,
      label: z.string().meta({ examples: ['tháng 10 năm 2024'] }),
      deadline: LocalDate,
      window: z
        .strictObject({
          from: LocalDate,
          to: LocalDate,
        })
        .meta({ description: 'Khoảng thời gian lấy số liệu (Nghị định 09/2019/NĐ-CP, Điều 12).' }),
    }),
    unit: z.strictObject({
      code: UnitCode,
      name: z.string().meta({ examples: ['Phòng Quản lý Khoa học'] }),
    }),
    tasks: z.array(FormTask),
    head: SubmissionHead.optional(),
    initial: SubmissionData.meta({ description: 'Nội dung biểu mẫu lúc mở — bản nháp, nếu không thì bản đã gửi, nếu không thì số liệu kỳ trước.' }),
    locked: z.boolean(),
    planFound: z.boolean().meta({ description: 'Đơn vị có nhiệm vụ trong kế hoạch năm không.' }),
    leaders: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
      }),
    ),
    directions: z
      .array(
        z.strictObject({
          id: z.string(),
          taskId: TaskId,
          version: z.int().min(1),
          text: z.string(),
          deadline: LocalDate.optional(),
          responsibleUnit: z.strictObject({ code: UnitCode, name: z.string() }),
          byName: z.string(),
          at: Instant,
          proposal: z.strictObject({ period: MonthlyPeriodId, label: z.string(), proposals: z.string() }),
        }),
      )
      .optional()
      .meta({ description: 'Ý kiến chỉ đạo của Lãnh đạo Sở đơn vị trả lời trong kỳ (từ tháng sau tháng đề xuất, đến khi đã trả lời).' }),
  })
  .meta({ id: 'FormContext' });

export const BoardRow = z
  .strictObject({
    unit: z.strictObject({
      code: UnitCode,
      name: z.string(),
    }),
    status: SubmissionStatus,
    submittedAt: Instant.meta({
      description:
        'Thời điểm gửi báo cáo được tính cho kỳ (lần gửi đầu tiên, quyết định đúng hạn hay muộn) — cùng thời điểm in trong sheet "Tình hình nộp báo cáo" của báo cáo tổng hợp.',
    }).optional(),
    lastRevisedAt: Instant.meta({ description: 'Thời điểm đơn vị sửa lần cuối, chỉ có khi sửa sau lần gửi được tính.' }).optional(),
    draftSavedAt: Instant.optional(),
    revision: z.int().min(0),
    tasksDue: z.int().min(0),
    tasksReported: z.int().min(0),
    overdue: z
      .array(
        z.strictObject({
          taskId: TaskId,
          number: z.string(),
          content: z.string(),
          deadline: z.string().meta({ description: 'Thời hạn như in trong kế hoạch ("Tháng 06/2024").' }),
        }),
      )
      .meta({ description: 'Nhiệm vụ đã quá hạn mà chưa hoàn thành.' }),
  })
  .meta({ id: 'BoardRow' });

export const StatusBoard = z
  .strictObject({
    period: MonthlyPeriodId,
    deadline: LocalDate,
    asOf: LocalDate.meta({ description: 'Ngày xét nhiệm vụ quá hạn: hôm nay, hoặc hạn nộp nếu kỳ đã qua hạn.' }),
    readAt: Instant.meta({ description: 'Thời điểm đọc số liệu; mọi thời điểm trong bảng đều không muộn hơn.' }),
    timeZone: z.string().meta({ description: 'Múi giờ IANA của cơ quan, theo đó hiển thị ngày giờ ("Asia/Ho_Chi_Minh").' }),
    deadlinePassed: z.boolean(),
    rows: z.array(BoardRow),
    summary: z.strictObject({
      'on-time': z.int().min(0),
      late: z.int().min(0),
      'draft-only': z.int().min(0),
      missing: z.int().min(0),
      units: z.int().min(0),
    }),
  })
  .meta({ id: 'StatusBoard' });

export const PeriodLockResponse = z
  .strictObject({
    period: MonthlyPeriodId,
    locked: z.boolean(),
    reason: z.string().meta({ description: 'Lý do đã ghi vào nhật ký khóa kỳ (đã chuẩn hoá).' }),
  })
  .meta({ id: 'PeriodLockResponse' });

export const DeliverResponse = z
  .strictObject({
    period: AnyPeriodId,
    dryRun: z.boolean().meta({ description: '`true`: chỉ xem trước, chưa gửi gì.' }),
    version: z.int().min(1).meta({ description: 'Phiên bản đã phát hành được gửi.' }),
    number: z.string().meta({ description: 'Số văn bản như in: "15/BC-SKHCN".' }),
    issueDate: z.string().meta({ description: 'Ngày ban hành (YYYY-MM-DD).' }),
    signed: z.boolean().meta({ description: 'Gửi bản PDF đã ký số thay cho bản phát hành.' }),
    to: z.array(z.string()).meta({ description: 'Địa chỉ UBND tỉnh nhận thư (hồ sơ cơ quan).' }),
    subject: z.string(),
    attached: z.array(z.string()).meta({ description: 'Tệp đính kèm.' }),
    linked: z.array(z.string()).meta({ description: 'Tệp quá lớn để đính kèm: thư có đường dẫn tới cổng.' }),
    link: z.string().optional(),
    newerDraft: z.int().min(1).optional().meta({ description: 'Có phiên bản dự thảo mới hơn (không được gửi).' }),
    delivered: z
      .strictObject({ at: z.string(), to: z.array(z.string()), messageId: z.string().optional() })
      .optional()
      .meta({ description: 'Phiên bản này đã được gửi: lúc nào, tới ai, mã thư.' }),
    outcome: z
      .enum(['sent', 'already-delivered', 'interrupted'])
      .optional()
      .meta({ description: 'Sau khi gửi: đã gửi; đã gửi từ trước (không gửi lại); bị gián đoạn (không rõ đã gửi chưa, xem nhật ký).' }),
    messageId: z.string().optional().meta({ description: 'Mã thư (SES) của lần gửi.' }),
    locked: z.boolean().optional().meta({ description: 'Kỳ tháng đã được khóa sau khi gửi.' }),
  })
  .meta({ id: 'DeliverResponse' });

export const ReportFile = z
  .strictObject({
    audience: enumOf(AUDIENCES).meta({ description: 'Gửi Lãnh đạo Sở hoặc UBND tỉnh.' }),
    format: z.enum(['pdf', 'xlsx']),
    key: z.string(),
    size: z.int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    contentType: z.string(),
  })
  .meta({ id: 'ReportFile' });

export const SignedFile = z
  .strictObject({
    key: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.int().min(1),
    fileName: z.string(),
    at: Instant,
    by: z.string(),
  })
  .meta({ id: 'SignedFile' });

export const Issuance = z
  .strictObject({
    number: z.int().min(1),
    symbol: z.string().meta({ examples: ['BC-SKHCN'] }),
    year: z.int(),
    date: LocalDate,
    source: z.enum(['register', 'typed']).meta({ description: 'Số tiếp theo trong sổ, hoặc số văn thư nhập.' }),
    auto: z.boolean().meta({ description: 'Hệ thống tự cấp số khi gửi (autoIssue).' }).optional(),
    at: Instant,
    by: z.string(),
    files: z.array(ReportFile),
    signed: SignedFile.optional(),
  })
  .meta({ id: 'Issuance', description: 'Một văn bản đã phát hành - số trong sổ, ngày ban hành, tệp có số, bản đã ký số.' });

export const ReportVersion = z
  .strictObject({
    agencyId: z.string(),
    period: AnyPeriodId,
    version: z.int().min(1),
    inputHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: 'SHA-256 của dữ liệu đầu vào; cùng dữ liệu thì cùng báo cáo.' }),
    issueDate: LocalDate,
    createdAt: Instant,
    trigger: z.string().meta({ description: '"api:<người dùng>", "cli:<người dùng>" hoặc "schedule:<tên>@<thời điểm>".' }),
    files: z.array(ReportFile).meta({ description: 'Các tệp dự thảo.' }),
    models: z
      .strictObject({
        director: z.string().optional(),
        ubnd: z.string().optional(),
      })
      .meta({ description: 'Khoá tệp ReportModel của từng văn bản (để phát hành xuất lại đúng nội dung).' })
      .optional(),
    issued: z
      .strictObject({
        director: Issuance.optional(),
        ubnd: Issuance.optional(),
      })
      .meta({ description: 'Các văn bản của phiên bản này đã phát hành.' })
      .optional(),
    kind: z
      .literal('province-rollup')
      .meta({ description: 'Báo cáo tổng hợp của Văn phòng UBND tỉnh (một văn bản, gửi UBND tỉnh) thay vì báo cáo của một Sở.' })
      .optional(),
  })
  .meta({ id: 'ReportVersion' });

export const IssueResponse = z
  .strictObject({
    number: z.string().meta({ examples: ['15/BC-SKHCN'] }),
    issuance: Issuance,
    report: ReportVersion,
  })
  .meta({ id: 'IssueResponse' });

export const SignedResponse = z
  .strictObject({
    signed: SignedFile,
    report: ReportVersion,
  })
  .meta({ id: 'SignedResponse' });

export const CompileResponse = z
  .strictObject({
    created: z.boolean(),
    report: ReportVersion,
  })
  .meta({ id: 'CompileResponse' });

// What the reports list adds to a stored version: a download link and a file name for each file,
// the issued number as text, and which version is the latest.
export const ListedReportFile = ReportFile.extend({
  url: z.url().meta({ description: 'Đường dẫn tải về, hiệu lực 5 phút.' }),
  fileName: z
    .string()
    .meta({ examples: ['Dự thảo báo cáo UBND tỉnh - tháng 10 năm 2024 (v1).pdf', 'Báo cáo số 15-BC-SKHCN - UBND tỉnh - tháng 10 năm 2024.pdf'] }),
}).meta({ id: 'ListedReportFile', description: 'Một tệp báo cáo kèm đường dẫn tải về.' });

export const ListedIssuance = Issuance.extend({
  numberText: z.string().meta({ examples: ['15/BC-SKHCN'] }),
  files: z.array(ListedReportFile),
  signed: SignedFile.extend({ url: z.url() }).optional(),
}).meta({ id: 'ListedIssuance' });

export const ListedReportVersion = ReportVersion.extend({
  latest: z.boolean().meta({ description: 'Phiên bản mới nhất của kỳ.' }),
  files: z.array(ListedReportFile).meta({ description: 'Các tệp dự thảo.' }),
  issued: z.strictObject({
    director: ListedIssuance.optional(),
    ubnd: ListedIssuance.optional(),
  }),
}).meta({ id: 'ListedReportVersion' });

export const ReportList = z
  .strictObject({
    reports: z.array(ListedReportVersion),
  })
  .meta({ id: 'ReportList' });

// What Văn phòng UBND tỉnh sees for a month (functions/usecases/province.ts).
export const DeliveryState = z.enum(['delivered', 'issued', 'draft', 'not-compiled']).meta({
  id: 'DeliveryState',
  description: 'Đã gửi UBND tỉnh; đã ban hành, chưa gửi; mới tổng hợp (dự thảo); chưa tổng hợp.',
});

export const TaskStatus = enumOf(TASK_STATUSES).meta({ id: 'TaskStatus', description: 'Tình trạng nhiệm vụ tại thời điểm chốt số liệu của báo cáo.' });

export const AgencyDelivery = z
  .strictObject({
    agencyId: z.string(),
    name: z.string().meta({ examples: ['Sở Khoa học và Công nghệ tỉnh Bắc Giang'] }),
    state: DeliveryState,
    numberText: z
      .string()
      .optional()
      .meta({ examples: ['15/BC-SKHCN'] }),
    issuedOn: LocalDate.optional(),
    deliveredAt: Instant.optional(),
    late: z.boolean().meta({ description: 'Gửi sau hạn của tỉnh, hoặc chưa gửi khi đã quá hạn.' }),
    files: z.array(ListedReportFile).meta({ description: 'Báo cáo đã ban hành (PDF, Excel) và bản ký số nếu có.' }),
  })
  .meta({ id: 'AgencyDelivery' });

export const RollupRow = z
  .strictObject({
    agencyId: z.string(),
    agencyName: z.string(),
    number: z.string(),
    content: z.string(),
    leadUnit: z.string(),
    deadlineText: z.string(),
    status: TaskStatus,
    statusLabel: z.string(),
    progress: z.number().optional(),
    result: z.string(),
  })
  .meta({ id: 'RollupRow', description: 'Một nhiệm vụ do Chủ tịch UBND tỉnh giao, theo báo cáo đã ban hành của Sở.' });

export const ProvinceResponse = z
  .strictObject({
    province: z.string(),
    period: z.strictObject({ id: MonthlyPeriodId, label: z.string() }),
    deadline: LocalDate.meta({ description: 'Hạn gửi báo cáo tháng của các Sở theo quy định của tỉnh.' }),
    agencies: z.array(AgencyDelivery),
    rollup: z.array(RollupRow),
  })
  .meta({ id: 'ProvinceResponse' });

export const SessionResponse = z
  .strictObject({
    role: Role,
    unit: UnitCode.nullable().meta({ description: 'Mã đơn vị với vai trò `unit`, nếu không thì `null`.' }),
    csrfToken: z.string().min(16).meta({ description: 'Giá trị cho tiêu đề `X-CSRF-Token`.' }),
  })
  .meta({ id: 'SessionResponse' });

export const User = z
  .strictObject({
    email: z.string(),
    agencyId: z.string(),
    sub: z.string(),
    role: Role,
    unit: UnitCode.optional(),
    name: z.string(),
    status: z.enum(['active', 'disabled']),
    invitedAt: Instant,
    invitedBy: z.string(),
    updatedAt: Instant,
    version: z.int().min(1).meta({ description: 'Gửi lại khi sửa (`PUT /api/users/{email}`); khác bản hiện có → 409 `user_changed`.' }),
    digest: z.boolean().optional().meta({ description: 'Lãnh đạo Sở: nhận thư tóm tắt buổi sáng (tự đặt bằng `PUT /api/me/digest`).' }),
  })
  .meta({ id: 'User', description: 'Một người dùng của cơ quan.' });

export const AuditEntry = z
  .strictObject({
    agencyId: z.string(),
    at: Instant,
    actor: z.string(),
    action: z.enum([
      'user-invited',
      'user-changed',
      'user-disabled',
      'user-enabled',
      'profile-version',
      'plan-imported',
      'plan-amended',
      'direction-recorded',
      'direction-changed',
    ]),
    target: z.string(),
    before: z.record(z.string(), z.unknown()).optional(),
    after: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditEntry' });

export const UsersResponse = z
  .strictObject({ users: z.array(User), audit: z.array(AuditEntry).meta({ description: '50 thay đổi gần nhất, mới nhất trước.' }) })
  .meta({ id: 'UsersResponse' });

export const UserResponse = z.strictObject({ user: User }).meta({ id: 'UserResponse' });

export const DigestSettingResponse = z
  .strictObject({ digest: z.boolean().meta({ description: 'Có nhận thư tóm tắt buổi sáng (thứ Hai đến thứ Sáu) hay không.' }) })
  .meta({ id: 'DigestSettingResponse' });

export const RemindersResponse = z
  .strictObject({
    period: MonthlyPeriodId,
    deadline: LocalDate,
    dryRun: z.boolean(),
    reminders: z.array(
      z.strictObject({
        unit: z.strictObject({ code: UnitCode, name: z.string() }),
        status: z.enum(['missing', 'draft-only']).meta({ description: '`missing`: chưa nộp; `draft-only`: mới lưu nháp.' }),
        to: z.array(z.string()).meta({ description: 'Địa chỉ của đơn vị trong hồ sơ cơ quan (rỗng: không gửi được).' }),
        subject: z.string(),
        text: z.string().meta({ description: 'Nội dung thư (bản chữ).' }),
        outcome: z.enum(['sent', 'failed', 'interrupted', 'no-email']).optional().meta({ description: 'Sau khi gửi.' }),
        messageId: z.string().optional(),
        error: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'RemindersResponse', description: 'Thư nhắc các đơn vị chưa gửi báo cáo: xem trước, hoặc kết quả gửi.' });

export const CodeResponse = z
  .strictObject({
    sentTo: z.string().meta({ description: 'Địa chỉ đã chuẩn hoá (chữ thường).' }),
    minutes: z.int().min(1).meta({ description: 'Mã dùng được trong bấy nhiêu phút.' }),
    message: z.string(),
  })
  .meta({ id: 'CodeResponse', description: 'Trả lời giống nhau dù địa chỉ có tài khoản hay không.' });

export const SignoutResponse = z
  .strictObject({
    signedOut: z.literal(true),
    next: z.string().meta({
      description:
        "Trang trình duyệt nên mở tiếp: `/signin`, hoặc trên AWS trang `/logout` của Cognito (kết thúc cả phiên của\ntrang đăng nhập). Where the browser goes next: `/signin`, or Cognito's /logout in AWS.",
    }),
  })
  .meta({ id: 'SignoutResponse' });

export const BackendProbe = z
  .strictObject({
    up: z.boolean(),
    ms: z.int().min(0),
    error: z.string().optional(),
  })
  .meta({ id: 'BackendProbe' });

export const Health = z
  .strictObject({
    status: z.enum(['ok', 'degraded']),
    agencyId: z.string(),
    backends: z.strictObject({
      dynamodb: BackendProbe,
      s3: BackendProbe,
      ses: BackendProbe,
    }),
  })
  .meta({ id: 'Health' });

export const FieldError = z
  .strictObject({
    field: z.string().meta({ description: 'Đường dẫn tới trường sai: "data.tasks.2.progress", "period", "(body)".' }),
    message: z.string().min(1).meta({ description: 'Thông báo tiếng Việt cho trường đó.' }),
  })
  .meta({ id: 'FieldError' });

export const ErrorDetail = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z][a-z_]*$/)
      .meta({ description: 'Mã lỗi cố định.' }),
    message: z.string().min(1).meta({ description: 'Thông báo tiếng Việt, người dùng biết cần làm gì.' }),
    fields: z.array(FieldError).max(50),
  })
  .meta({ id: 'ErrorDetail' });

/** The error body of one status, `{ error: { code, message, fields } }`, its code one of `codes`. */
function errorBody<const C extends string>(id: string, codes: readonly [C, ...C[]]) {
  return z.strictObject({ error: ErrorDetail.extend({ code: z.enum(codes) }) }).meta({ id });
}

const StatusCountsSchema = z.strictObject({ ...Object.fromEntries(TASK_STATUSES.map((s) => [s, z.int().min(0)])), total: z.int().min(0) } as Record<
  TaskStatusT | 'total',
  z.ZodInt
>);

const DashboardTask = z
  .strictObject({
    taskId: TaskId,
    number: z.string(),
    content: z.string(),
    leadUnit: z.strictObject({ code: UnitCode, name: z.string() }),
    directingLeader: z.strictObject({ id: z.string(), name: z.string() }).optional(),
    deadlineText: z.string(),
    deadline: LocalDate.optional(),
    status: TaskStatus,
    progress: z.number().min(0).max(100).optional(),
  })
  .meta({ id: 'DashboardTask' });

const DashboardCountRow = z.strictObject({ key: z.string(), label: z.string(), counts: StatusCountsSchema });

export const DashboardResponse = z
  .strictObject({
    year: z.int(),
    period: MonthlyPeriodId,
    label: z.string(),
    totals: StatusCountsSchema,
    byUnit: z.array(DashboardCountRow),
    byLeader: z.array(DashboardCountRow),
    overdueByMonth: z.array(z.strictObject({ period: MonthlyPeriodId, shortLabel: z.string(), overdue: z.int().min(0), finishedLate: z.int().min(0) })),
    dueThisMonth: z.array(DashboardTask),
    dueNextMonth: z.array(DashboardTask),
    reporting: z.strictObject({
      deadline: LocalDate,
      due: z.boolean(),
      rows: z.array(
        z.strictObject({
          unit: z.strictObject({ code: UnitCode, name: z.string() }),
          status: SubmissionStatus,
          submittedAt: Instant.optional(),
          revision: z.int().min(0).optional(),
          tasksDue: z.int().min(0),
          tasksReported: z.int().min(0),
          period: MonthlyPeriodId.optional(),
        }),
      ),
    }),
    awaitingLeaders: z.array(
      z.strictObject({
        unit: z.strictObject({ code: UnitCode, name: z.string() }),
        taskId: TaskId.optional(),
        taskNumber: z.string().optional(),
        taskContent: z.string().optional(),
        difficulties: z.string(),
        proposals: z.string(),
        proposalTo: ProposalAddressee,
        needsDecision: z.boolean(),
        period: MonthlyPeriodId.optional(),
      }),
    ),
    tasks: z.array(DashboardTask),
  })
  .meta({
    id: 'Dashboard',
    description: 'Số liệu bảng điều hành của một tháng: lấy từ báo cáo gửi Lãnh đạo Sở của từng tháng trong năm (cùng cách tính).',
  });
const HeaderPreview = z
  .strictObject({
    superior: z.string().meta({ description: 'Cơ quan chủ quản (dòng trên, cột trái).' }),
    issuer: z.string().meta({ description: 'Tên cơ quan ban hành (in đậm).' }),
    national: z.string(),
    motto: z.string(),
    number: z.string().meta({ description: '"Số:       /BC-SKHCN": số để trống cho văn thư.' }),
    dateLine: z.string().meta({ description: 'Địa danh, ngày tháng năm (ngày hiệu lực của phiên bản).' }),
    title: z.string(),
    subject: z.string(),
    kinhGui: z.array(z.string()),
    signer: z.array(z.string()).meta({ description: 'Quyền hạn, chức vụ, rồi họ tên người ký.' }),
    recipients: z.array(z.string()).meta({ description: '"Nơi nhận:" rồi các dòng "- …;", dòng lưu cuối.' }),
  })
  .meta({ id: 'HeaderPreview' });

export const AgencyProfileResponse = z
  .strictObject({
    current: z.record(z.string(), z.unknown()).meta({ description: 'Hồ sơ cơ quan đang có hiệu lực hôm nay (docs/data-model.md).' }),
    versions: z.array(z.strictObject({ version: z.int().min(1), effectiveFrom: z.string(), inForce: z.boolean() })).meta({
      description: 'Mọi phiên bản, ngày hiệu lực mới nhất trước.',
    }),
    today: z.string(),
  })
  .meta({ id: 'AgencyProfileResponse' });

export const ProfileSaveResponse = z
  .strictObject({
    dryRun: z.boolean(),
    valid: z.boolean().meta({ description: 'Không có vấn đề nào: lưu được (hoặc đã lưu).' }),
    problems: z.array(FieldError).meta({ description: 'Các vấn đề theo trường, tiếng Việt.' }),
    header: z.strictObject({ ubnd: HeaderPreview, director: HeaderPreview }).optional().meta({ description: 'Phần đầu và cuối văn bản như sẽ in.' }),
    stored: z
      .strictObject({ version: z.int().min(1), effectiveFrom: z.string(), changed: z.boolean() })
      .optional()
      .meta({ description: 'Sau khi lưu: phiên bản đã lưu, hoặc phiên bản mới nhất khi không có gì thay đổi.' }),
  })
  .meta({ id: 'ProfileSaveResponse' });

const DirectionContentFields = {
  text: z.string().meta({ description: 'Nội dung ý kiến chỉ đạo.' }),
  deadline: LocalDate.optional().meta({ description: 'Thời hạn thực hiện.' }),
  responsibleUnit: UnitCode.optional().meta({ description: 'Đơn vị thực hiện; không có: đơn vị đề xuất.' }),
  forProvince: z.boolean().meta({ description: 'Đưa vào báo cáo gửi UBND tỉnh.' }),
};

export const DirectionVersion = z
  .strictObject({
    ...DirectionContentFields,
    version: z.int().min(1),
    at: Instant,
    by: z.string().meta({ description: 'Mã người cho ý kiến (sub).' }),
    byName: z.string(),
  })
  .meta({ id: 'DirectionVersion', description: 'Một phiên bản của ý kiến chỉ đạo (không sửa, không xoá).' });

export const Direction = DirectionVersion.extend({
  agencyId: z.string(),
  id: z.string().meta({ description: 'Mã ý kiến chỉ đạo: `{kỳ}.{đơn vị}.{nhiệm vụ}` của đề xuất.', examples: ['2024-05.QLKH.I-1'] }),
  proposal: z.strictObject({ period: MonthlyPeriodId, unit: UnitCode, taskId: TaskId, proposals: z.string(), difficulties: z.string() }),
  createdAt: Instant,
}).meta({ id: 'Direction', description: 'Ý kiến chỉ đạo của Lãnh đạo Sở về một đề xuất (phiên bản hiện hành).' });

export const DirectionQueue = z
  .strictObject({
    year: z.int(),
    items: z.array(
      z.strictObject({
        id: z.string(),
        period: MonthlyPeriodId,
        periodLabel: z.string(),
        unit: z.strictObject({ code: UnitCode, name: z.string() }),
        task: z.strictObject({ id: TaskId, number: z.string(), content: z.string() }),
        proposals: z.string(),
        difficulties: z.string(),
        submittedAt: Instant.optional(),
        state: z.enum(['pending', 'directed']),
        direction: Direction.optional(),
      }),
    ),
  })
  .meta({ id: 'DirectionQueue', description: 'Các đề xuất xin ý kiến Lãnh đạo Sở, tháng mới trước.' });

export const DirectionResponse = z
  .strictObject({ direction: Direction, versions: z.array(DirectionVersion).optional(), changed: z.boolean().optional() })
  .meta({ id: 'DirectionResponse' });

export const Error400 = errorBody('Error400', [
  'invalid_json',
  'invalid_encoding',
  'too_deep',
  'invalid_idempotency_key',
  'invalid_period',
  'invalid_format',
  'invalid_unit',
  'invalid_year',
  'unit_required',
  'kind_mismatch',
  'invalid_issue_date',
  'invalid_date',
  'invalid_number',
  'invalid_audience',
  'invalid_version',
  'empty_body',
  'rollup_one_document',
  'invalid_email',
  'invalid_code',
  'invalid_dry_run',
  'placeholder_signer',
  'plan_invalid',
  'invalid_state',
]);

export const Error401 = errorBody('Error401', [
  'unauthenticated',
  'token_invalid',
  'token_expired',
  'token_wrong_audience',
  'token_no_role',
  'token_no_agency',
  'token_revoked',
]);

export const Error403 = errorBody('Error403', ['forbidden', 'csrf', 'unknown_agency', 'user_disabled']);

export const Error404 = errorBody('Error404', [
  'not_found',
  'submission_not_found',
  'unit_not_found',
  'plan_not_found',
  'no_agency_profile',
  'not_compiled',
  'user_not_found',
  'code_signin_unavailable',
  'task_not_found',
  'attachment_not_found',
  'proposal_not_found',
  'direction_not_found',
]);

export const Error409 = errorBody('Error409', [
  'province_not_set',
  'period_locked',
  'compile_conflict',
  'number_taken',
  'superseded',
  'already_issued',
  'recompile_needed',
  'register_busy',
  'not_issued',
  'already_delivered',
  'user_exists',
  'email_other_agency',
  'user_changed',
  'no_recipients',
  'delivery_in_progress',
  'plan_conflict',
  'direction_exists',
  'stale_direction',
]);

export const Error413 = errorBody('Error413', ['body_too_large', 'report_too_large', 'attachment_too_large']);

export const Error415 = errorBody('Error415', ['unsupported_media_type', 'attachment_type']);

export const Error422 = errorBody('Error422', [
  'invalid_input',
  'period_not_open',
  'idempotency_key_reused',
  'attachment_missing',
  'date_out_of_range',
  'not_pdf',
  'pdf_unreadable',
  'signed_mismatch',
  'file_too_large',
  'no_agencies',
  'nothing_issued',
  'invalid_user',
  'own_account',
  'code_invalid',
  'nothing_to_remind',
  'invalid_reason',
  'invalid_profile',
  'invalid_amendment',
  'invalid_direction',
]);

export const Error429 = errorBody('Error429', ['too_many_codes', 'too_many_requests']);

export const Error500 = errorBody('Error500', ['internal']);

export const Error503 = errorBody('Error503', ['unavailable', 'mail_unavailable']);

export const PlanImportRefused = z
  .strictObject({
    error: z.strictObject({
      code: z.literal('plan_invalid'),
      message: z.string().min(1),
      fields: z.array(FieldError).max(0),
      problems: z.array(ImportProblem).min(1),
      warnings: z.array(ImportProblem),
    }),
  })
  .meta({ id: 'PlanImportRefused', description: '400: tệp kế hoạch có lỗi; không ghi gì. `problems` theo sheet, dòng, cột, lý do.' });

export const StaleRevisionError = z
  .strictObject({
    error: z.strictObject({
      code: z.literal('stale_revision'),
      message: z.string().min(1),
      fields: z.array(FieldError).max(0),
      current: SubmissionHead.nullable(),
      yours: SubmissionData,
      baseRevision: z.int().min(0),
    }),
  })
  .meta({
    id: 'StaleRevisionError',
    description: '409 khi `baseRevision` đã cũ; `current` là báo cáo hiện tại (null nếu chưa có), `yours` là nội dung vừa gửi.',
  });

export const GatewayMessage = z
  .strictObject({
    message: z.string(),
  })
  .meta({ id: 'GatewayMessage', description: 'Lỗi do chính API Gateway trả (trên AWS), không qua hàm xử lý.' });

export const UploadTicketResponse = z
  .strictObject({
    id: z.uuid(),
    upload: z.strictObject({
      url: z.string(),
      fields: z.record(z.string(), z.string()),
    }),
    maxBytes: z.int(),
    expiresAt: z.string(),
  })
  .meta({
    id: 'UploadTicket',
    description:
      'Biểu mẫu tải lên S3 (presigned POST): gửi `multipart/form-data` tới `upload.url` với mọi trường `upload.fields` rồi trường `file` (cuối cùng). Chính sách của biểu mẫu giới hạn khoá, kích thước (1 byte–10 MB) và Content-Type; hết hạn sau 15 phút.',
  });

export const AttachmentRefResponse = z.strictObject({ attachment: AttachmentRef }).meta({ id: 'AttachmentRefResponse' });

export const AttachmentLinkResponse = z
  .strictObject({ attachment: AttachmentRef, url: z.string() })
  .meta({ id: 'AttachmentLink', description: 'Đường dẫn tải tài liệu, hiệu lực 5 phút.' });

// What handlers return, as the document describes it: `json<SubmitResponse>(201, …)` fails to
// compile when a handler's body and its documented schema part.
export type FieldErrorBody = z.output<typeof FieldError>;
export type ErrorBody = { error: z.output<typeof ErrorDetail> };
export type Error500Body = z.output<typeof Error500>;
export type SubmitResponse = z.output<typeof SubmitResponse>;
export type UploadTicketResponse = z.output<typeof UploadTicketResponse>;
export type AttachmentRefResponse = z.output<typeof AttachmentRefResponse>;
export type AttachmentLinkResponse = z.output<typeof AttachmentLinkResponse>;
export type SubmissionResponse = z.output<typeof SubmissionResponse>;
export type SubmissionList = z.output<typeof SubmissionList>;
export type RevisionList = z.output<typeof RevisionList>;
export type FormContext = z.output<typeof FormContext>;
export type StatusBoard = z.output<typeof StatusBoard>;
export type DashboardResponse = z.output<typeof DashboardResponse>;
export type DirectionQueue = z.output<typeof DirectionQueue>;
export type DirectionResponse = z.output<typeof DirectionResponse>;
export type PeriodLockResponse = z.output<typeof PeriodLockResponse>;
export type DeliverResponse = z.output<typeof DeliverResponse>;
export type AgencyProfileResponse = z.output<typeof AgencyProfileResponse>;
export type ProfileSaveResponse = z.output<typeof ProfileSaveResponse>;
export type CompileResponse = z.output<typeof CompileResponse>;
export type IssueResponse = z.output<typeof IssueResponse>;
export type SignedResponse = z.output<typeof SignedResponse>;
export type ReportList = z.output<typeof ReportList>;
export type ProvinceResponse = z.output<typeof ProvinceResponse>;
export type PlanResponse = z.output<typeof PlanResponse>;
export type PlanImportResponse = z.output<typeof PlanImportResponse>;
export type PlanImportRefused = z.output<typeof PlanImportRefused>;
export type AmendmentResponse = z.output<typeof AmendmentResponse>;
export type Health = z.output<typeof Health>;
export type SessionResponse = z.output<typeof SessionResponse>;
export type SignoutResponse = z.output<typeof SignoutResponse>;
export type CodeResponse = z.output<typeof CodeResponse>;
export type RemindersResponse = z.output<typeof RemindersResponse>;
export type UsersResponse = z.output<typeof UsersResponse>;
export type UserResponse = z.output<typeof UserResponse>;
export type DigestSettingResponse = z.output<typeof DigestSettingResponse>;
