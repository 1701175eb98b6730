/**
 * One operation per route of functions/api/routes.ts: what the route does (Vietnamese, with English
 * where the old hand-written document had it), its parameters, request body, responses with their
 * zod schemas, security and the roles allowed (`x-roles`). functions/api/contract/document.ts turns
 * this into docs/openapi.yaml; test/unit/openapi/generated.test.ts holds it to the routes table.
 * flow: contract document --> operations --> components, request and response schemas
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import * as S from '../schemas/responses.ts';
import { audience } from '../report-params.ts';
import type { RouteDef } from '../routes.ts';
import { CONTENT_TYPES } from '../../core/report-files.ts';
import * as R from './requests.ts';
import { json, ref } from './refs.ts';
import { ROLES_OF } from './roles.ts';

/** An OpenAPI operation object whose `schema` values may be zod schemas, with the route it serves. */
export interface OperationSpec {
  method: RouteDef['method'];
  path: string;
  operationId: string;
  [key: string]: unknown;
}

/** The shared error responses of components.ts, by status. */
const ERROR_RESPONSES = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Unprocessable',
  429: 'TooManyRequests',
  500: 'Internal',
  503: 'Unavailable',
} as const;

function errors(...statuses: (keyof typeof ERROR_RESPONSES)[]): Record<string, { $ref: string }> {
  return Object.fromEntries(statuses.map((s) => [String(s), ref('responses', ERROR_RESPONSES[s])]));
}

/** Writes: a bearer token, or the session cookie together with the CSRF header. */
const WRITE = [{ bearerAuth: [] }, { sessionCookie: [], csrfToken: [] }];

export const OPERATIONS: OperationSpec[] = [
  {
    method: 'GET',
    path: '/health',
    operationId: 'getHealth',
    tags: ['system'],
    summary: 'Tình trạng hệ thống — which backends answer',
    description: 'Không cần đăng nhập. Luôn trả 200; `status` là `degraded` khi một kho lưu trữ không phản hồi.',
    security: [],
    responses: {
      '200': {
        description: 'Tình trạng DynamoDB, S3 và SES.',
        content: json(S.Health, {
          examples: {
            ok: {
              summary: 'Mọi thành phần hoạt động',
              value: {
                status: 'ok',
                agencyId: 'skhcn-bacgiang',
                backends: { dynamodb: { up: true, ms: 4 }, s3: { up: true, ms: 6 }, ses: { up: true, ms: 3 } },
              },
            },
          },
        }),
      },
      ...errors(500),
    },
  },
  {
    method: 'GET',
    path: '/api/plan',
    operationId: 'getPlan',
    tags: ['plan'],
    summary: 'Kế hoạch năm đã nhập — the stored yearly plan',
    description:
      'Phòng, đơn vị chỉ thấy nhiệm vụ mình chủ trì hoặc phối hợp; Văn phòng và Lãnh đạo Sở thấy tất cả,\nhoặc lọc theo `unit`. Units see only their own tasks.\nLỗi: 400 `invalid_year`; 404 `plan_not_found`.',
    'x-roles': ROLES_OF.getPlan,
    parameters: [
      {
        name: 'year',
        in: 'query',
        required: true,
        description: 'Năm kế hoạch.',
        schema: z
          .string()
          .regex(/^\d{4}$/)
          .meta({ examples: ['2024'] }),
      },
      {
        name: 'unit',
        in: 'query',
        required: false,
        description: 'Lọc theo đơn vị (chỉ Văn phòng, Lãnh đạo; với phòng, đơn vị luôn là đơn vị của mình).',
        schema: S.UnitCode,
      },
    ],
    responses: {
      '200': { description: 'Kế hoạch với các nhiệm vụ và thông tin lần nhập.', content: json(S.PlanResponse) },
      ...errors(400, 401, 403, 404, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/plans/{year}',
    operationId: 'importPlan',
    tags: ['plan'],
    summary: 'Nhập kế hoạch năm từ tệp Excel — import the year’s plan (preview, then import)',
    description:
      'Nội dung gửi lên là chính tệp .xlsx (tối đa 4 MB; Content-Type của .xlsx hoặc application/octet-stream; tên tệp\ntrong tiêu đề `X-File-Name`, mã hoá phần trăm). `?dryRun=true`: không ghi gì, trả điều sẽ xảy ra — nhiệm vụ thêm, sửa\n(từng trường: cũ → mới), bỏ — và mọi lỗi theo sheet, dòng, cột, lý do (200, `ok: false` khi có lỗi). Không có\n`dryRun`: nhập như lệnh `import-plan` (cùng một use case); tệp có lỗi → 400 `plan_invalid` với `problems`, không ghi gì;\nnhập lại đúng tệp cũ không đổi gì (200, `changed: false`). Gia hạn đã ghi được giữ cho nhiệm vụ cùng mã.\nLỗi: 400 `invalid_year`, `empty_body`, `plan_invalid`; 409 `plan_conflict`; 413 `body_too_large`; 415 (không phải .xlsx).',
    'x-roles': ROLES_OF.importPlan,
    security: WRITE,
    parameters: [
      { name: 'year', in: 'path', required: true, description: 'Năm kế hoạch.', schema: z.string().regex(/^\d{4}$/) },
      { name: 'dryRun', in: 'query', required: false, description: '`true`: chỉ xem trước.', schema: z.enum(['true', 'false']) },
    ],
    requestBody: {
      required: true,
      content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } },
    },
    responses: {
      '200': { description: 'Xem trước (có thể kèm lỗi), hoặc tệp giống kế hoạch đã có: không ghi gì.', content: json(S.PlanImportResponse) },
      '201': { description: 'Đã nhập: một phiên bản kế hoạch mới.', content: json(S.PlanImportResponse) },
      '400': {
        description: 'Năm sai, chưa có tệp, hoặc tệp có lỗi (`plan_invalid`, với `problems`).',
        content: json(z.union([S.PlanImportRefused, S.Error400])),
      },
      ...errors(401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/plans/{year}/tasks/{taskId}/amendments',
    operationId: 'amendPlan',
    tags: ['plan'],
    summary: 'Gia hạn một nhiệm vụ theo quyết định — extend a task’s deadline by a decision',
    description:
      'Thời hạn mới, số, ngày và lý do của quyết định. `dryRun: true`: không ghi gì, trả thời hạn trước và sau và, từng tháng\ncó thời hạn thay đổi, tình trạng nhiệm vụ trước và sau. Không có `dryRun`: ghi (ai, lúc nào) thành một phiên bản kế\nhoạch mới và vào nhật ký thay đổi (201); ghi lại cùng quyết định không đổi gì (200). Thời hạn áp dụng cho một kỳ là của\nlần gia hạn mới nhất có ngày quyết định không sau ngày cuối kỳ; báo cáo trích dẫn quyết định.\nLỗi: 400 `invalid_year`; 404 `plan_not_found`, `task_not_found`; 409 `plan_conflict`; 422 `invalid_amendment`, `invalid_input`.',
    'x-roles': ROLES_OF.amendPlan,
    security: WRITE,
    parameters: [
      { name: 'year', in: 'path', required: true, description: 'Năm kế hoạch.', schema: z.string().regex(/^\d{4}$/) },
      { name: 'taskId', in: 'path', required: true, description: 'Mã nhiệm vụ.', schema: S.TaskId },
    ],
    requestBody: { required: true, content: json(R.AmendmentRequest) },
    responses: {
      '200': { description: 'Xem trước, hoặc quyết định đã ghi trước đó: không ghi gì.', content: json(S.AmendmentResponse) },
      '201': { description: 'Đã ghi gia hạn.', content: json(S.AmendmentResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/form',
    operationId: 'getForm',
    tags: ['form'],
    summary: 'Biểu mẫu báo cáo của một đơn vị — what the form shows',
    description:
      'Các nhiệm vụ đơn vị phải báo cáo trong kỳ (đang thực hiện trong kỳ và nhiệm vụ kỳ trước chưa hoàn\nthành), số liệu kỳ trước, bản nháp hoặc bản đã gửi gần nhất, và kỳ có bị khoá không.\nPhòng, đơn vị: đơn vị của mình (bỏ qua `unit` hoặc trùng mã). Văn phòng, Lãnh đạo: bắt buộc `unit`.\nLỗi: 400 `invalid_period`, `invalid_unit`, `unit_required`; 403 `forbidden`; 404 `unit_not_found`.',
    'x-roles': ROLES_OF.getForm,
    parameters: [
      {
        name: 'period',
        in: 'query',
        required: false,
        description: 'Kỳ báo cáo tháng; mặc định là kỳ đơn vị đang phải báo cáo hôm nay.',
        schema: S.MonthlyPeriodId,
      },
      { name: 'unit', in: 'query', required: false, description: 'Mã đơn vị (bắt buộc với Văn phòng và Lãnh đạo Sở).', schema: S.UnitCode },
    ],
    responses: {
      '200': { description: 'Dữ liệu biểu mẫu.', content: json(S.FormContext) },
      ...errors(400, 401, 403, 404, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/submissions',
    operationId: 'listSubmissions',
    tags: ['submissions'],
    summary: 'Danh sách báo cáo của một kỳ — submissions of a month',
    description:
      'Văn phòng và Lãnh đạo Sở: báo cáo (và bản nháp) của mọi đơn vị; phòng, đơn vị: chỉ của mình.\nĐơn vị chưa có gì trong kỳ thì không có trong danh sách (xem `/api/status` để biết ai chưa nộp).\nLỗi: 400 `invalid_period`.',
    'x-roles': ROLES_OF.listSubmissions,
    parameters: [{ name: 'period', in: 'query', required: true, description: 'Kỳ báo cáo tháng.', schema: S.MonthlyPeriodId }],
    responses: {
      '200': { description: 'Các báo cáo của kỳ.', content: json(S.SubmissionList) },
      ...errors(400, 401, 403, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/submissions',
    operationId: 'submitSubmission',
    tags: ['submissions'],
    summary: 'Gửi báo cáo tháng (tạo phiên bản mới) — submit a revision',
    description:
      'Mỗi lần gửi tạo một phiên bản (revision) mới, không ghi đè phiên bản cũ. `baseRevision` là phiên\nbản người gửi đã thấy (0 lần đầu); nếu đã có phiên bản mới hơn → 409 `stale_revision`.\nPhòng, đơn vị gửi cho chính mình (`unit` bỏ qua hoặc trùng mã); Văn phòng gửi thay một đơn vị\n(bắt buộc `unit`); Lãnh đạo Sở không gửi. Gửi xong, bản nháp (nếu có) được thay bằng bản đã gửi.\n\nQuy tắc nội dung (422 `invalid_input`, `fields` chỉ ra trường sai): chỉ nhiệm vụ của đơn vị trong\nkỳ, mỗi nhiệm vụ một lần; nhiệm vụ hoàn thành phải 100% và có ngày hoàn thành; tiến độ giảm hoặc\nhoàn thành sau hạn phải ghi `reason`; phải có kết quả thực hiện và họ tên người báo cáo ("đã ghi"\nnghĩa là có ít nhất một chữ hoặc chữ số); khi đơn vị có nhiệm vụ trong kỳ, `tasks` không được rỗng. Ngày không có trên lịch (30/02) hoặc ngoài năm kế hoạch ±1\nnăm: 400 `invalid_date`.\n\nLỗi: 400 `invalid_json`, `invalid_encoding`, `invalid_date`, `too_deep`, `invalid_idempotency_key`, `unit_required`,\n`invalid_period`; 403 `forbidden`, `csrf`; 404 `unit_not_found`; 409 `stale_revision`,\n`period_locked`; 413 `body_too_large`, `report_too_large`; 415 `unsupported_media_type`; 422 `invalid_input`,\n`period_not_open`, `idempotency_key_reused`.',
    'x-roles': ROLES_OF.submitSubmission,
    security: WRITE,
    parameters: [ref('parameters', 'IdempotencyKey')],
    requestBody: {
      required: true,
      content: json(R.SubmitRequest, {
        examples: {
          firstSubmission: {
            summary: 'Phòng QLKH gửi báo cáo tháng 10/2024 lần đầu',
            value: {
              period: '2024-10',
              baseRevision: 0,
              data: {
                reporterName: 'Nguyễn Thị Nga',
                tasks: [
                  {
                    taskId: 'I-2',
                    status: 'dang-thuc-hien',
                    progress: 80,
                    result: 'Đã tổ chức 02 hội đồng đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ cấp tỉnh.',
                    difficulties: 'Một số tổ chức chủ trì chậm nộp hồ sơ đánh giá, nghiệm thu.',
                    proposals: 'Đề nghị Lãnh đạo Sở có văn bản đôn đốc các tổ chức chủ trì.',
                    needsDecision: true,
                    nextPlan: 'Tổ chức nghiệm thu 03 nhiệm vụ còn lại.',
                  },
                ],
                otherWork: [{ kind: 'thuong-xuyen', text: 'Thẩm định nội dung 04 thuyết minh nhiệm vụ KH&CN cấp tỉnh.' }],
              },
            },
          },
          onBehalf: {
            summary: 'Văn phòng gửi thay Thanh tra Sở',
            value: { period: '2024-10', unit: 'TTR', baseRevision: 0, data: { reporterName: 'Vũ Thị Hằng', tasks: [] } },
          },
        },
      }),
    },
    responses: {
      '200': {
        description:
          "Gửi lại với cùng `Idempotency-Key` và cùng nội dung: trả lại phiên bản đã lưu lần đầu, không tạo\nphiên bản mới; gửi đúng nội dung của phiên bản mới nhất (cùng `baseRevision`, không có bản nháp mới hơn): trả lại\nphiên bản đó, không tạo phiên bản rỗng. A replayed request, or the latest revision's own content sent again:\nthat revision, nothing new stored.",
        headers: { 'Idempotent-Replayed': ref('headers', 'IdempotentReplayed') },
        content: json(S.SubmitResponse),
      },
      '201': {
        description: 'Đã lưu phiên bản mới. A new revision was stored.',
        content: json(S.SubmitResponse, { examples: { stored: ref('examples', 'SubmitResponse') } }),
      },
      ...errors(400, 401, 403, 404),
      '409': ref('responses', 'SubmitConflict'),
      ...errors(413, 415, 422, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/submissions/{period}/{unit}',
    operationId: 'getSubmission',
    tags: ['submissions'],
    summary: "Báo cáo hiện tại của một đơn vị — one unit's current submission",
    description:
      'Bản đã gửi mới nhất (`data`, `revision`) và bản nháp (`draft`) nếu có.\nLỗi: 403 `forbidden` (đơn vị khác); 404 `submission_not_found`, `not_found` (kỳ hoặc mã sai dạng).',
    'x-roles': ROLES_OF.getSubmission,
    responses: {
      '200': { description: 'Báo cáo của đơn vị.', content: json(S.SubmissionResponse) },
      ...errors(400, 401, 403, 404, 500, 503),
    },
    parameters: [ref('parameters', 'PeriodPath'), ref('parameters', 'UnitPath')],
  },
  {
    method: 'PUT',
    path: '/api/submissions/{period}/{unit}/draft',
    operationId: 'saveDraft',
    tags: ['submissions'],
    summary: 'Lưu bản nháp — save a draft',
    description:
      'Lưu nội dung đang nhập ở máy chủ, không tạo phiên bản và không thay đổi bản đã gửi. Bản nháp có thể\nchưa đầy đủ, nhưng không được nêu nhiệm vụ không thuộc đơn vị trong kỳ.\nA draft may be incomplete; it never creates a revision.\nLỗi: 400 `invalid_json`, `invalid_encoding`, `invalid_date`; 403 `forbidden`, `csrf`; 404 `not_found`, `unit_not_found`; 409 `period_locked`;\n413; 415; 422 `invalid_input`, `period_not_open`.',
    'x-roles': ROLES_OF.saveDraft,
    security: WRITE,
    requestBody: {
      required: true,
      content: json(R.DraftRequest, {
        examples: {
          partial: {
            summary: 'Bản nháp mới nhập một phần',
            value: { data: { reporterName: '', tasks: [{ taskId: 'II-2-1', status: 'dang-thuc-hien', progress: 60, result: '' }] } },
          },
        },
      }),
    },
    responses: {
      '200': {
        description: 'Đã lưu bản nháp; trả báo cáo hiện tại của đơn vị (trạng thái `draft` nếu chưa gửi lần nào).',
        content: json(S.SubmissionResponse),
      },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
    parameters: [ref('parameters', 'PeriodPath'), ref('parameters', 'UnitPath')],
  },
  {
    method: 'GET',
    path: '/api/submissions/{period}/{unit}/revisions',
    operationId: 'listRevisions',
    tags: ['submissions'],
    summary: "Lịch sử phiên bản — revision history of a unit's submission",
    description:
      'Mọi phiên bản đã gửi, cũ trước mới sau: ai gửi, lúc nào, đúng hạn hay không, nội dung và các trường\nđã thay đổi so với phiên bản trước. Danh sách rỗng khi đơn vị chưa gửi lần nào.\nLỗi: 403 `forbidden`; 404 `not_found`.',
    'x-roles': ROLES_OF.listRevisions,
    responses: {
      '200': { description: 'Các phiên bản.', content: json(S.RevisionList) },
      ...errors(400, 401, 403, 404, 500, 503),
    },
    parameters: [ref('parameters', 'PeriodPath'), ref('parameters', 'UnitPath')],
  },
  {
    method: 'POST',
    path: '/api/submissions/{period}/{unit}/attachments',
    operationId: 'requestAttachmentUpload',
    tags: ['attachments'],
    summary: 'Xin biểu mẫu tải tài liệu kèm theo — a presigned POST for one attachment',
    description:
      'Trình duyệt tải tệp thẳng lên S3 bằng biểu mẫu trả về (khoá dưới `uploads/<cơ quan>/<kỳ>/<đơn vị>/`, 1 byte–10 MB,\nđúng Content-Type đã khai), rồi gọi `confirm`. Chỉ nhận PDF, Word (.doc, .docx), Excel (.xls, .xlsx), PNG, JPEG.\nLỗi: 400 `invalid_json`; 403 `forbidden`, `csrf`; 404 `not_found`, `unit_not_found`; 409 `period_locked`;\n413 `attachment_too_large`; 415 `attachment_type`; 422 `invalid_input`, `period_not_open`.',
    'x-roles': ROLES_OF.requestAttachmentUpload,
    security: WRITE,
    parameters: [ref('parameters', 'PeriodPath'), ref('parameters', 'UnitPath')],
    requestBody: {
      required: true,
      content: json(R.AttachmentUploadRequest, {
        examples: {
          pdf: {
            summary: 'Biên bản nghiệm thu dạng PDF',
            value: { taskId: 'I-2', fileName: 'Biên bản nghiệm thu.pdf', contentType: 'application/pdf', size: 482113 },
          },
        },
      }),
    },
    responses: {
      '201': { description: 'Biểu mẫu tải lên.', content: json(S.UploadTicketResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/submissions/{period}/{unit}/attachments/{id}/confirm',
    operationId: 'confirmAttachment',
    tags: ['attachments'],
    summary: 'Xác nhận tài liệu đã tải lên — check the uploaded file by its content and keep it',
    description:
      'Máy chủ đọc kích thước và các byte đầu, cuối của tệp: chỉ giữ PDF (`%PDF-`), Word/Excel (.docx/.xlsx: zip có `word/`\nhoặc `xl/`; .doc/.xls: tệp OLE), PNG, JPEG cùng loại với loại đã khai; tệp khác bị xoá. Gọi lại sau khi đã giữ\ntrả cùng kết quả. Lỗi: 403 `forbidden`, `csrf`; 404 `not_found`, `attachment_not_found`; 409 `period_locked`;\n413 `attachment_too_large`; 415 `attachment_type`.',
    'x-roles': ROLES_OF.confirmAttachment,
    security: WRITE,
    parameters: [
      ref('parameters', 'PeriodPath'),
      ref('parameters', 'UnitPath'),
      { name: 'id', in: 'path', required: true, description: 'Mã tài liệu (UUID) do bước xin biểu mẫu trả về.', schema: z.uuid() },
    ],
    responses: {
      '200': { description: 'Tài liệu đã được giữ; đưa `attachment` vào `attachments` của nhiệm vụ.', content: json(S.AttachmentRefResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/attachments/{period}/{unit}/{id}',
    operationId: 'getAttachment',
    tags: ['attachments'],
    summary: 'Đường dẫn tải tài liệu kèm theo — a short-lived download link',
    description:
      'Cho chính đơn vị, Văn phòng và Lãnh đạo Sở cùng cơ quan. Lỗi: 403 `forbidden` (đơn vị khác, vai trò khác);\n404 `not_found`, `attachment_not_found` (kể cả tài liệu của cơ quan khác).',
    'x-roles': ROLES_OF.getAttachment,
    parameters: [
      ref('parameters', 'PeriodPath'),
      ref('parameters', 'UnitPath'),
      { name: 'id', in: 'path', required: true, description: 'Mã tài liệu (UUID).', schema: z.uuid() },
    ],
    responses: {
      '200': { description: 'Tài liệu và đường dẫn tải (5 phút).', content: json(S.AttachmentLinkResponse) },
      ...errors(400, 401, 403, 404, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/status',
    operationId: 'getStatusBoard',
    tags: ['status'],
    summary: 'Bảng theo dõi nộp báo cáo — the status board',
    description:
      'Với mỗi đơn vị: nộp đúng hạn, nộp muộn, mới lưu nháp hay chưa nộp; thời điểm gửi được tính cho kỳ (lần gửi\nđầu, như sheet "Tình hình nộp báo cáo" của báo cáo tổng hợp) và lần sửa sau đó nếu có; phiên bản; số nhiệm vụ\nphải báo cáo và đã báo cáo; các nhiệm vụ quá hạn. Trang `GET /status` hiển thị cùng dữ liệu.\n`format=xlsx`: cùng bảng dưới dạng tệp Excel để tải về (Content-Disposition: attachment, tên tệp tiếng Việt).\nLỗi: 400 `invalid_period`, `invalid_format`; 403 `forbidden` (phòng, đơn vị).',
    'x-roles': ROLES_OF.getStatusBoard,
    parameters: [
      {
        name: 'period',
        in: 'query',
        required: false,
        description: 'Kỳ báo cáo tháng; mặc định là kỳ các đơn vị đang phải báo cáo hôm nay.',
        schema: S.MonthlyPeriodId,
      },
      {
        name: 'format',
        in: 'query',
        required: false,
        description: '`xlsx` để tải bảng dưới dạng tệp Excel; mặc định `json`.',
        schema: z.enum(['json', 'xlsx']),
      },
    ],
    responses: {
      '200': {
        description: 'Bảng theo dõi (JSON), hoặc tệp Excel với `format=xlsx`.',
        headers: {
          'Content-Disposition': {
            description: "Chỉ với `format=xlsx`: `attachment`, tên tệp ASCII và tên tiếng Việt (RFC 6266, `filename*=UTF-8''…`).",
            schema: z.string().regex(/^attachment; /),
          },
        },
        content: { ...json(S.StatusBoard), [CONTENT_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) } },
      },
      ...errors(400, 401, 403, 404, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/dashboard',
    operationId: 'getDashboard',
    tags: ['dashboard'],
    summary: 'Số liệu bảng điều hành — the dashboard figures',
    description:
      'Số liệu của bảng điều hành cho một tháng: tình trạng nhiệm vụ theo đơn vị chủ trì và theo Lãnh đạo Sở chỉ đạo, số nhiệm vụ\nquá hạn ở từng tháng từ đầu năm, nhiệm vụ chưa hoàn thành đến hạn trong tháng và tháng sau, đơn vị đã báo cáo, đề xuất\nchờ Lãnh đạo cho ý kiến. Mọi con số lấy từ báo cáo gửi Lãnh đạo Sở của tháng đó, tổng hợp hôm nay (cùng cách tính).\n`format=xlsx`: cùng số liệu dưới dạng tệp Excel.\nLỗi: 400 `invalid_period`, `invalid_format`; 403 `forbidden` (phòng, đơn vị).',
    'x-roles': ROLES_OF.getDashboard,
    parameters: [
      { name: 'period', in: 'query', required: false, description: 'Tháng; mặc định là kỳ các đơn vị đang phải báo cáo hôm nay.', schema: S.MonthlyPeriodId },
      { name: 'format', in: 'query', required: false, description: '`xlsx` để tải tệp Excel; mặc định `json`.', schema: z.enum(['json', 'xlsx']) },
    ],
    responses: {
      '200': {
        description: 'Số liệu (JSON), hoặc tệp Excel với `format=xlsx`.',
        headers: {
          'Content-Disposition': {
            description: "Chỉ với `format=xlsx`: `attachment`, tên tệp (RFC 6266, `filename*=UTF-8''…`).",
            schema: z.string().regex(/^attachment; /),
          },
        },
        content: { ...json(S.DashboardResponse), [CONTENT_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) } },
      },
      ...errors(400, 401, 403, 404, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/directions',
    operationId: 'listDirections',
    tags: ['directions'],
    summary: 'Đề xuất xin ý kiến chỉ đạo — the queue of proposals awaiting a leader',
    description:
      'Mọi đề xuất trong báo cáo đã gửi của các đơn vị xin ý kiến Lãnh đạo Sở (`needsDecision`, gửi Lãnh đạo Sở) của một năm, tháng mới\ntrước: đơn vị, nhiệm vụ (số, nội dung), tháng, nội dung đề xuất và ý kiến chỉ đạo nếu đã có. `state=pending`: chưa có ý kiến;\n`directed`: đã có; `all` (mặc định).\nLỗi: 400 `invalid_state`, `invalid_year`; 403 `forbidden` (phòng, đơn vị).',
    'x-roles': ROLES_OF.listDirections,
    parameters: [
      { name: 'state', in: 'query', required: false, description: 'pending, directed hoặc all (mặc định).', schema: z.enum(['pending', 'directed', 'all']) },
      { name: 'year', in: 'query', required: false, description: 'Năm; mặc định năm của kỳ đang báo cáo.', schema: z.string().regex(/^20\d{2}$/) },
    ],
    responses: {
      '200': { description: 'Các đề xuất, tháng mới trước.', content: json(S.DirectionQueue) },
      ...errors(400, 401, 403, 404, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/directions',
    operationId: 'recordDirection',
    tags: ['directions'],
    summary: 'Cho ý kiến chỉ đạo về một đề xuất — record a direction',
    description:
      'Lãnh đạo Sở ghi ý kiến chỉ đạo về một đề xuất xin ý kiến (kỳ, đơn vị, nhiệm vụ của đề xuất): nội dung, thời hạn (tuỳ chọn), đơn vị\nthực hiện (mặc định đơn vị đề xuất), có đưa vào báo cáo gửi UBND tỉnh không. Một đề xuất một ý kiến; sửa bằng PUT (phiên bản mới).\nGhi vào nhật ký thay đổi. Đơn vị thấy ý kiến trên biểu mẫu từ tháng sau, đến khi trả lời.\nLỗi: 403 `forbidden`, `csrf`; 404 `proposal_not_found`; 409 `direction_exists`; 415; 422 `invalid_direction`, `invalid_input`.',
    'x-roles': ROLES_OF.recordDirection,
    security: WRITE,
    requestBody: {
      required: true,
      content: json(R.DirectionRequest, {
        example: {
          period: '2024-05',
          unit: 'QLKH',
          taskId: 'I-1',
          text: 'Phòng QLKH tham mưu thành lập Hội đồng.',
          deadline: '2024-06-30',
          forProvince: false,
        },
      }),
    },
    responses: {
      '201': { description: 'Đã ghi (phiên bản 1).', content: json(S.DirectionResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/directions/{id}',
    operationId: 'getDirection',
    tags: ['directions'],
    summary: 'Một ý kiến chỉ đạo và các phiên bản — a direction with its versions',
    description: 'Phiên bản hiện hành và mọi phiên bản, cũ trước. Chỉ trong cơ quan của người gọi.\nLỗi: 403 `forbidden`; 404 `direction_not_found`.',
    'x-roles': ROLES_OF.getDirection,
    parameters: [{ name: 'id', in: 'path', required: true, description: 'Mã ý kiến chỉ đạo (`{kỳ}.{đơn vị}.{nhiệm vụ}`).', schema: z.string() }],
    responses: {
      '200': { description: 'Ý kiến chỉ đạo.', content: json(S.DirectionResponse) },
      ...errors(400, 401, 403, 404, 500, 503),
    },
  },
  {
    method: 'PUT',
    path: '/api/directions/{id}',
    operationId: 'changeDirection',
    tags: ['directions'],
    summary: 'Sửa ý kiến chỉ đạo (phiên bản mới) — a new version of a direction',
    description:
      'Lãnh đạo Sở sửa ý kiến: một phiên bản mới (các phiên bản cũ giữ nguyên), ghi vào nhật ký thay đổi. `expectedVersion` là phiên\nbản đang sửa: nếu đã có phiên bản mới hơn, 409 `stale_direction` và không ghi gì. Nội dung không đổi: 200, `changed: false`.\nLỗi: 403 `forbidden`, `csrf`; 404 `direction_not_found`; 409 `stale_direction`; 415; 422 `invalid_direction`, `invalid_input`.',
    'x-roles': ROLES_OF.changeDirection,
    security: WRITE,
    parameters: [{ name: 'id', in: 'path', required: true, description: 'Mã ý kiến chỉ đạo.', schema: z.string() }],
    requestBody: {
      required: true,
      content: json(R.DirectionChangeRequest, {
        example: { expectedVersion: 1, text: 'Hoàn thành trước ngày 15/7.', deadline: '2024-07-15', forProvince: true },
      }),
    },
    responses: {
      '200': { description: 'Phiên bản mới (hoặc không đổi).', content: json(S.DirectionResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/periods/{period}/reopen',
    operationId: 'reopenPeriod',
    tags: ['periods'],
    summary: 'Mở lại kỳ báo cáo — reopen a month',
    description:
      'Văn phòng mở lại một kỳ đã ban hành để các đơn vị sửa báo cáo, nêu lý do (ghi vào nhật ký khóa kỳ, hiện\ntrên trang lịch sử của kỳ).\nLỗi: 403 `forbidden`, `csrf`; 404 `not_found`; 415; 422 `invalid_input` (thiếu lý do, quá 300 ký tự).',
    'x-roles': ROLES_OF.reopenPeriod,
    security: WRITE,
    requestBody: { required: true, content: json(R.PeriodLockRequest, { example: { reason: 'Phòng QLKH cần sửa số liệu nhiệm vụ 3' } }) },
    responses: {
      '200': {
        description: 'Kỳ đã mở.',
        content: json(S.PeriodLockResponse, { example: { period: '2024-10', locked: false, reason: 'Phòng QLKH cần sửa số liệu nhiệm vụ 3' } }),
      },
      ...errors(400, 401, 403, 404, 413, 415, 422, 500, 503),
    },
    parameters: [ref('parameters', 'PeriodPath')],
  },
  {
    method: 'POST',
    path: '/api/periods/{period}/lock',
    operationId: 'lockPeriod',
    tags: ['periods'],
    summary: 'Khoá kỳ báo cáo — lock a month',
    description:
      'Văn phòng khoá một kỳ, nêu lý do (ghi vào nhật ký khóa kỳ): các đơn vị không gửi hay lưu nháp được nữa\n(409 `period_locked`) cho tới khi mở lại.\nLỗi: 403 `forbidden`, `csrf`; 404 `not_found`; 415; 422 `invalid_input` (thiếu lý do, quá 300 ký tự).',
    'x-roles': ROLES_OF.lockPeriod,
    security: WRITE,
    requestBody: { required: true, content: json(R.PeriodLockRequest, { example: { reason: 'Đã ban hành báo cáo tháng' } }) },
    responses: {
      '200': {
        description: 'Kỳ đã khoá.',
        content: json(S.PeriodLockResponse, { example: { period: '2024-10', locked: true, reason: 'Đã ban hành báo cáo tháng' } }),
      },
      ...errors(400, 401, 403, 404, 413, 415, 422, 500, 503),
    },
    parameters: [ref('parameters', 'PeriodPath')],
  },
  {
    method: 'GET',
    path: '/api/reports',
    operationId: 'listReports',
    tags: ['reports'],
    summary: 'Các phiên bản báo cáo tổng hợp — report versions with download links',
    description:
      'Mới nhất trước; mỗi tệp có đường dẫn tải về có hiệu lực 5 phút. Không có `period`: 50 phiên bản gần\nnhất của mọi kỳ.\nLỗi: 400 `invalid_period`; 403 `forbidden`.',
    'x-roles': ROLES_OF.listReports,
    parameters: [{ name: 'period', in: 'query', required: false, description: 'Kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm).', schema: S.AnyPeriodId }],
    responses: {
      '200': { description: 'Các phiên bản báo cáo.', content: json(S.ReportList) },
      ...errors(400, 401, 403, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/reports',
    operationId: 'compileReports',
    tags: ['reports'],
    summary: "Tổng hợp báo cáo của một kỳ — compile a period's reports",
    description:
      'Tạo báo cáo gửi Lãnh đạo Sở và gửi UBND tỉnh, mỗi loại một tệp PDF và một tệp Excel, là bản dự thảo\n(DỰ THẢO, chưa có số) cho đến khi được phát hành. Dữ liệu không đổi từ lần trước → trả phiên bản đã có\n(200, `created: false`); dữ liệu đổi → phiên bản mới (201). Không tệp nào bị ghi đè.\nLỗi: 400 `kind_mismatch`, `invalid_period`; 403 `forbidden`, `csrf`; 409 `compile_conflict`;\n415; 422 `invalid_input`, `period_not_open`.',
    'x-roles': ROLES_OF.compileReports,
    security: WRITE,
    requestBody: {
      required: true,
      content: json(R.CompileRequest, {
        examples: {
          month: { summary: 'Báo cáo tháng 10/2024', value: { period: '2024-10' } },
          quarter: { summary: 'Báo cáo quý IV năm 2024', value: { period: '2024-Q4', kind: 'quarterly' } },
        },
      }),
    },
    responses: {
      '200': { description: 'Dữ liệu không đổi; trả phiên bản đã có.', content: json(S.CompileResponse) },
      '201': { description: 'Đã tạo phiên bản báo cáo mới.', content: json(S.CompileResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/reports/{period}/issue',
    operationId: 'issueReport',
    tags: ['reports'],
    summary: 'Phát hành (cấp số) một văn bản của bản tổng hợp — issue a compiled document under a number',
    description:
      'Bản tổng hợp là dự thảo (DỰ THẢO, số để trống) cho đến khi được phát hành. Phát hành cấp cho văn bản\nsố tiếp theo trong năm của sổ văn bản theo ký hiệu (ví dụ BC-SKHCN), hoặc số `number` văn thư lấy từ\nsổ của mình, và ngày ban hành `date` (mặc định hôm nay); hệ thống xuất lại PDF và Excel có số và ngày\n("Số: 15/BC-SKHCN", dòng "Kèm theo Báo cáo số 15/BC-SKHCN ngày …" của phụ lục). Văn bản đã phát hành\nkhông sửa được: muốn đính chính, tổng hợp lại rồi phát hành phiên bản mới với số mới. Phát hành báo\ncáo gửi UBND tỉnh của kỳ tháng thì khóa kỳ đó.\nLỗi: 400 `invalid_date`, `invalid_number`; 404 `not_compiled`; 409 `number_taken` (nêu văn bản đang\ngiữ số), `superseded` (không phải phiên bản mới nhất), `already_issued`, `recompile_needed`,\n`register_busy`; 422 `invalid_input`, `date_out_of_range`.',
    'x-roles': ROLES_OF.issueReport,
    security: WRITE,
    parameters: [{ name: 'period', in: 'path', required: true, schema: S.AnyPeriodId }],
    requestBody: {
      required: true,
      content: json(R.IssueRequest, {
        examples: {
          next: { summary: 'Số tiếp theo trong sổ, ngày hôm nay', value: { audience: 'ubnd' } },
          typed: { summary: 'Số văn thư đã lấy, ngày ký', value: { audience: 'ubnd', version: 2, number: 15, date: '2024-05-22' } },
        },
      }),
    },
    responses: {
      '201': { description: 'Đã phát hành.', content: json(S.IssueResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/reports/{period}/deliver',
    operationId: 'deliverReport',
    tags: ['reports'],
    summary: 'Gửi UBND tỉnh ngay — deliver the issued report now',
    description:
      'Văn phòng gửi báo cáo đã phát hành của kỳ tới UBND tỉnh ngay, qua đúng đường gửi theo lịch (nhật ký gửi\nthư, mỗi thư gửi một lần, khóa kỳ tháng sau khi gửi). `dryRun=true`: chỉ xem trước — phiên bản và số\nvăn bản, gửi tới ai, tiêu đề, tệp đính kèm hoặc đường dẫn, lần gửi trước nếu có. Phiên bản đã gửi thì\nkhông gửi lại (`outcome: already-delivered` với mã thư cũ) trừ khi `resend: true`.\nLỗi: 400 `invalid_dry_run`; 403 `forbidden`, `csrf`; 404 `not_found`; 409 `not_issued` (chưa phát\nhành: không gửi), `no_recipients`, `delivery_in_progress`; 415; 422 `invalid_input`; 503\n`mail_unavailable` (hệ thống thư không nhận: chưa đánh dấu đã gửi, thử lại sau).',
    'x-roles': ROLES_OF.deliverReport,
    security: WRITE,
    parameters: [
      { name: 'period', in: 'path', required: true, schema: S.AnyPeriodId },
      { name: 'dryRun', in: 'query', required: false, description: '`true`: chỉ xem trước, không gửi.', schema: z.enum(['true', 'false']) },
    ],
    requestBody: {
      required: true,
      content: json(R.DeliverRequest, {
        examples: { once: { summary: 'Gửi (một lần)', value: {} }, resend: { summary: 'Gửi lại', value: { resend: true } } },
      }),
    },
    responses: {
      '200': { description: 'Bản xem trước, hoặc kết quả gửi.', content: json(S.DeliverResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'PUT',
    path: '/api/reports/{period}/signed',
    operationId: 'attachSignedReport',
    tags: ['reports'],
    summary: 'Đính kèm bản PDF đã ký số vào văn bản đã phát hành — attach the signed PDF',
    description:
      'Nội dung gửi lên là chính tệp PDF (Content-Type: application/pdf, tối đa 4 MB qua cổng; tệp lớn hơn dùng\nlệnh `issue --signed`). Tệp phải là văn bản đã phát hành: mọi chữ của bản PDF đã phát hành phải có,\nđúng thứ tự, trong tệp đã ký (chữ ký số chỉ thêm chữ). Từ đó, chính tệp này (với sha256 của nó) được\ngửi UBND tỉnh. Tên tệp gửi trong tiêu đề `X-File-Name` (mã hoá phần trăm).\nLỗi: 400 `empty_body`, `invalid_audience`, `invalid_version`; 404 `not_found`; 409 `not_issued`,\n`already_delivered`; 413 `body_too_large`; 415; 422 `not_pdf`, `pdf_unreadable`, `signed_mismatch`,\n`file_too_large`.',
    'x-roles': ROLES_OF.attachSignedReport,
    security: WRITE,
    parameters: [
      { name: 'period', in: 'path', required: true, schema: S.AnyPeriodId },
      { name: 'audience', in: 'query', required: false, schema: audience.meta({ default: 'ubnd' }) },
      { name: 'version', in: 'query', required: false, description: 'Phiên bản (mặc định mới nhất).', schema: z.string().regex(/^[1-9][0-9]*$/) },
    ],
    requestBody: { required: true, content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } },
    responses: {
      '201': { description: 'Đã đính kèm.', content: json(S.SignedResponse) },
      ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/reminders',
    operationId: 'sendReminders',
    tags: ['status'],
    summary: 'Nhắc các đơn vị chưa gửi báo cáo — remind units now (preview, then send)',
    description:
      'Văn phòng nhắc ngay các đơn vị chưa gửi báo cáo tháng (chưa nộp hoặc mới lưu nháp): `dryRun: true` trả từng thư\n(gửi tới đâu, tiêu đề, nội dung) mà không gửi; không có `dryRun`: gửi và trả kết quả từng thư (mã thư, lỗi), ghi vào\nnhật ký gửi thư của kỳ. Thư giống thư nhắc theo lịch. Tiêu đề `Idempotency-Key` đặt tên cho lần gửi: gửi lại cùng khóa\nkhông gửi thêm thư nào.\nLỗi: 400; 403 `forbidden`; 409 `period_locked` (kỳ đã khóa); 422 `nothing_to_remind` (đơn vị đã gửi hoặc không có).',
    'x-roles': ROLES_OF.sendReminders,
    security: WRITE,
    parameters: [ref('parameters', 'IdempotencyKey')],
    requestBody: { required: true, content: json(R.RemindRequest) },
    responses: {
      '200': { description: 'Xem trước, hoặc kết quả gửi.', content: json(S.RemindersResponse) },
      ...errors(400, 401, 403, 409, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/users',
    operationId: 'listUsers',
    tags: ['people'],
    summary: "Người dùng của cơ quan — the agency's people and the audit log",
    description:
      'Mọi người dùng của cơ quan (email, vai trò, đơn vị, trạng thái) và 50 thay đổi gần nhất (ai, lúc nào, trước và sau).\nLỗi: 403 `forbidden` (chỉ Văn phòng).',
    'x-roles': ROLES_OF.listUsers,
    responses: { '200': { description: 'Người dùng và nhật ký thay đổi.', content: json(S.UsersResponse) }, ...errors(401, 403, 500, 503) },
  },
  {
    method: 'POST',
    path: '/api/users',
    operationId: 'inviteUser',
    tags: ['people'],
    summary: 'Mời một người dùng — invite a person by email',
    description:
      'Văn phòng tạo tài khoản cho một người (email, họ tên, vai trò, đơn vị với vai trò `unit`); người đó nhận thư mời\ncó đường dẫn trang đăng nhập và đăng nhập bằng mã gửi qua thư. Mỗi địa chỉ thuộc một cơ quan.\nLỗi: 400; 403 `forbidden`; 409 `user_exists`, `email_other_agency`; 422 `invalid_user` (vai trò, đơn vị, tên).',
    'x-roles': ROLES_OF.inviteUser,
    security: WRITE,
    requestBody: { required: true, content: json(R.InviteRequest) },
    responses: { '201': { description: 'Đã tạo và gửi thư mời.', content: json(S.UserResponse) }, ...errors(400, 401, 403, 409, 413, 415, 422, 500, 503) },
  },
  {
    method: 'PUT',
    path: '/api/users/{email}',
    operationId: 'changeUser',
    tags: ['people'],
    summary: 'Sửa, khóa hoặc mở lại một người dùng — change role or unit, disable, enable',
    description:
      'Đổi vai trò, đơn vị hoặc họ tên; khóa (`status: disabled`) hoặc mở lại. Gửi `version` đã xem. Khóa, đổi vai trò hay\nđơn vị kết thúc ngay các phiên đang mở của người đó. Không tự khóa hay tự đổi vai trò của mình.\nLỗi: 400; 403 `forbidden`; 404 `user_not_found`; 409 `user_changed`; 422 `invalid_user`, `own_account`.',
    'x-roles': ROLES_OF.changeUser,
    security: WRITE,
    parameters: [{ name: 'email', in: 'path', required: true, description: 'Địa chỉ thư của người dùng.', schema: z.string() }],
    requestBody: { required: true, content: json(R.ChangeUserRequest) },
    responses: { '200': { description: 'Đã sửa.', content: json(S.UserResponse) }, ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503) },
  },
  {
    method: 'PUT',
    path: '/api/me/digest',
    operationId: 'setOwnDigest',
    tags: ['people'],
    summary: 'Lãnh đạo Sở đăng ký thư tóm tắt buổi sáng — a leader turns their morning digest on or off',
    description:
      'Thư gửi mỗi sáng thứ Hai đến thứ Sáu (tác vụ `digest`): các đề xuất mới cần Lãnh đạo Sở cho ý kiến và các nhiệm vụ vừa quá hạn\nkể từ ngày làm việc trước; không có gì mới thì không gửi. Ghi vào tài khoản của chính người gọi (nhật ký thay đổi).\nLỗi: 400; 403 `forbidden` (không phải Lãnh đạo Sở); 404 `user_not_found`; 409 `user_changed`.',
    'x-roles': ROLES_OF.setOwnDigest,
    security: WRITE,
    requestBody: { required: true, content: json(R.DigestSettingRequest) },
    responses: { '200': { description: 'Đã ghi.', content: json(S.DigestSettingResponse) }, ...errors(400, 401, 403, 404, 409, 413, 415, 422, 500, 503) },
  },
  {
    method: 'POST',
    path: '/auth/code',
    operationId: 'requestSignInCode',
    tags: ['auth'],
    summary: 'Xin mã đăng nhập qua thư — send a one-time sign-in code by email',
    description:
      'Gửi một mã 6 chữ số tới địa chỉ nếu địa chỉ có tài khoản đang hoạt động; trả lời giống nhau dù có hay không.\nMã dùng một lần trong 10 phút; xin mã mới thì mã cũ hết hiệu lực; 5 lần nhập sai thì mã bị huỷ.\nGiới hạn: 5 mã mỗi giờ cho một địa chỉ, 60 yêu cầu mỗi giờ từ một địa chỉ mạng (429).\nLỗi: 400 `invalid_email`; 404 `code_signin_unavailable` (nơi triển khai chưa bật); 429 `too_many_codes`, `too_many_requests`.',
    security: [],
    requestBody: { required: true, content: json(R.CodeRequest) },
    responses: { '202': { description: 'Đã nhận yêu cầu.', content: json(S.CodeResponse) }, ...errors(400, 404, 413, 415, 422, 429, 500) },
  },
  {
    method: 'POST',
    path: '/auth/session',
    operationId: 'createSession',
    tags: ['auth'],
    summary: 'Đăng nhập trên trình duyệt — exchange a token for a session cookie',
    description:
      'Hai cách: `{email, code}` với mã nhận qua thư (`POST /auth/code`; sai → 422 `code_invalid`, tài khoản bị khóa → 403\n`user_disabled`, 429 khi quá nhiều yêu cầu), hoặc `{token}`: trang `/signin` gửi mã truy cập lấy từ đường dẫn đăng nhập (phần `#token=`, không bao giờ gửi lên\nmáy chủ hay ghi nhật ký). Máy chủ kiểm tra mã, đặt cookie phiên `baocao_session` (HttpOnly,\nSameSite=Strict, Secure) và trả `csrfToken` để kèm trong tiêu đề `X-CSRF-Token` của các\nyêu cầu ghi. Lỗi: 401 `token_invalid`, `token_expired`, `token_wrong_audience`, `token_no_role`, `token_no_agency` (tài khoản không thuộc đúng một cơ quan), `token_revoked` (mã đã đăng xuất);\n403 `unknown_agency` (cơ quan ghi trong tài khoản không có trong hệ thống); 415; 422 `invalid_input`.',
    security: [],
    requestBody: { required: true, content: json(R.SessionRequest) },
    responses: {
      '200': {
        description: 'Đã đăng nhập.',
        headers: { 'Set-Cookie': ref('headers', 'SetSessionCookie') },
        content: json(S.SessionResponse, { example: { role: 'unit', unit: 'QLKH', csrfToken: '3q2-7wYhE1dQ0m8xJ6pZr4Tg9VbLkC2sNfA5uHoIeWc' } }),
      },
      ...errors(400, 401, 403, 404, 413, 415, 422, 429, 500),
    },
  },
  {
    method: 'POST',
    path: '/auth/signout',
    operationId: 'deleteSession',
    tags: ['auth'],
    summary: 'Đăng xuất — end the session',
    description:
      "Kết thúc phiên: mã đăng nhập bị thu hồi (mọi yêu cầu sau đó với mã này, qua cookie hay `Authorization`, nhận\n401 `token_revoked`; trang nhận trang đăng nhập), trên AWS kết thúc cả phiên Cognito của người dùng; cookie phiên\nbị xoá. Phiên bằng cookie phải gửi kèm `X-CSRF-Token` (nếu không: 403 `csrf`, cookie giữ nguyên), nên một\ntrang khác không thể đăng xuất người dùng. Không có phiên: 200, không đổi gì. The token is revoked (401\n`token_revoked` afterwards), Cognito's sessions end in AWS, the cookie is cleared; cookie sessions need the\nCSRF header.",
    security: [{}, { bearerAuth: [] }, { sessionCookie: [], csrfToken: [] }],
    responses: {
      '200': {
        description: 'Đã đăng xuất (hoặc không có phiên nào).',
        headers: { 'Set-Cookie': ref('headers', 'ClearSessionCookie') },
        content: json(S.SignoutResponse),
      },
      ...errors(403, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/',
    operationId: 'formPage',
    tags: ['pages'],
    summary: 'Trang biểu mẫu báo cáo tháng — the monthly form (HTML)',
    description:
      'Trang cho người dùng. Đã đăng nhập (cookie phiên): khung trang với chọn kỳ (và chọn đơn vị cho Văn\nphòng, Lãnh đạo); `form.js` lấy dữ liệu từ `GET /api/form` và ghi qua `/api/submissions`. Chưa đăng\nnhập: trang hướng dẫn đăng nhập. `period`, `unit` sai dạng thì dùng kỳ hiện tại, không báo lỗi.\nLỗi được trả dưới dạng trang HTML tiếng Việt, không phải JSON.',
    security: [{}, { sessionCookie: [] }],
    parameters: [
      { name: 'period', in: 'query', required: false, schema: S.MonthlyPeriodId },
      { name: 'unit', in: 'query', required: false, schema: S.UnitCode },
    ],
    responses: {
      '200': ref('responses', 'HtmlPage'),
      '303': { description: 'Văn phòng UBND tỉnh: chuyển đến trang /province (vai trò này không có biểu mẫu của đơn vị).' },
      '404': ref('responses', 'HtmlErrorPage'),
      '500': ref('responses', 'HtmlErrorPage'),
      '503': ref('responses', 'HtmlErrorPage'),
    },
  },
  {
    method: 'GET',
    path: '/api/agency/profile',
    operationId: 'getAgencyProfile',
    tags: ['agency'],
    summary: 'Hồ sơ cơ quan đang có hiệu lực và các phiên bản — the agency profile and its versions',
    description:
      'Văn phòng đọc hồ sơ cơ quan (tên, người ký, nơi nhận, hạn nộp, đơn vị …) để sửa thành phiên bản mới.\nLỗi: 403 `forbidden`; 404 `no_agency_profile`.',
    'x-roles': ROLES_OF.getAgencyProfile,
    responses: {
      '200': { description: 'Hồ sơ và các phiên bản.', content: json(S.AgencyProfileResponse) },
      ...errors(401, 403, 404, 500, 503),
    },
  },
  {
    method: 'POST',
    path: '/api/agency/profile',
    operationId: 'saveAgencyProfile',
    tags: ['agency'],
    summary: 'Xem trước hoặc lưu phiên bản mới của hồ sơ cơ quan — preview or store a new profile version',
    description:
      '`dryRun=true`: các vấn đề theo trường (tiếng Việt) và phần đầu, phần cuối của hai văn bản như sẽ in (cơ\nquan chủ quản, tên cơ quan, số/ký hiệu, địa danh và ngày, tiêu đề, Kính gửi, người ký, nơi nhận) — tính\nbằng chính mã ReportModel dùng. Không có `dryRun`: lưu phiên bản mới có hiệu lực từ `effectiveFrom`, ghi\nnhật ký thay đổi (201); giống hệt phiên bản mới nhất thì không lưu gì (200, `changed: false`).\nLỗi: 400 `placeholder_signer` (tên người ký còn là tên mẫu như "Nguyễn Văn A", "(họ tên)"),\n`invalid_dry_run`; 403 `forbidden`, `csrf`; 415; 422 `invalid_profile` (các trường sai), `invalid_input`.',
    'x-roles': ROLES_OF.saveAgencyProfile,
    security: WRITE,
    parameters: [{ name: 'dryRun', in: 'query', required: false, description: '`true`: chỉ xem trước, không lưu.', schema: z.enum(['true', 'false']) }],
    requestBody: { required: true, content: json(R.AgencyProfileRequest) },
    responses: {
      '200': { description: 'Bản xem trước; hoặc không có gì thay đổi.', content: json(S.ProfileSaveResponse) },
      '201': { description: 'Đã lưu phiên bản mới.', content: json(S.ProfileSaveResponse) },
      ...errors(400, 401, 403, 404, 413, 415, 422, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/api/province',
    operationId: 'provinceView',
    tags: ['reports'],
    summary: 'Báo cáo các Sở gửi UBND tỉnh — what each agency of the province delivered',
    description:
      'Cho Văn phòng UBND tỉnh: mỗi cơ quan (Sở) cùng tỉnh với tình trạng báo cáo tháng gửi UBND tỉnh (đã gửi; đã ban hành,\nchưa gửi; mới tổng hợp; chưa tổng hợp), số và ngày văn bản, thời điểm gửi, quá hạn theo hạn của tỉnh, các tệp đã ban\nhành (đường dẫn tải 5 phút), và các nhiệm vụ do Chủ tịch UBND tỉnh giao theo báo cáo đã ban hành của từng Sở.\nKhông có `period`: tháng đang báo cáo.\nLỗi: 400 `invalid_period`; 403 `forbidden`; 409 `province_not_set` (hồ sơ của Văn phòng UBND tỉnh chưa ghi tỉnh).',
    'x-roles': ROLES_OF.provinceView,
    parameters: [{ name: 'period', in: 'query', required: false, description: 'Kỳ báo cáo tháng.', schema: S.MonthlyPeriodId }],
    responses: {
      '200': { description: 'Các cơ quan của tỉnh và nhiệm vụ do Chủ tịch UBND tỉnh giao.', content: json(S.ProvinceResponse) },
      ...errors(400, 401, 403, 409, 500, 503),
    },
  },
  {
    method: 'GET',
    path: '/reminders',
    operationId: 'remindersPage',
    tags: ['pages'],
    summary: 'Trang nhắc các đơn vị — remind units now (HTML)',
    description:
      'Xem trước thư nhắc cho từng đơn vị chưa gửi báo cáo tháng (gửi tới đâu, tiêu đề, nội dung), chọn đơn vị và gửi; các\nthư nhắc đã gửi trong kỳ (lúc nào, tới đâu, mã thư, kết quả). Chưa đăng nhập → trang hướng dẫn (200); vai trò khác → 403.',
    'x-roles': ROLES_OF.remindersPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [{ name: 'period', in: 'query', required: false, description: 'Kỳ báo cáo tháng; để trống: tháng đang báo cáo.', schema: S.MonthlyPeriodId }],
    responses: {
      '200': { description: 'Trang nhắc các đơn vị, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Kỳ báo cáo sai dạng.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Trang dành cho Văn phòng.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/history',
    operationId: 'historyPage',
    tags: ['pages'],
    summary: 'Trang lịch sử báo cáo — revision and report history (HTML)',
    description:
      'Có `unit`: mọi phiên bản báo cáo tháng của đơn vị, mới nhất trước — ai gửi (tài khoản), lúc nào (múi giờ của cơ quan),\nnhững gì thay đổi so với phiên bản trước theo từng nhiệm vụ, từng trường (phiên bản đầu: nội dung đã gửi). Phòng, đơn vị\nchỉ xem đơn vị mình (đơn vị khác → trang 403); Văn phòng, Lãnh đạo Sở xem mọi đơn vị. Không có `unit`: với Văn phòng,\nLãnh đạo Sở, các phiên bản báo cáo tổng hợp của tháng — tổng hợp lúc nào, đơn vị nào đã gửi báo cáo mới kể từ phiên\nbản trước, số, ngày và người phát hành từng văn bản, đã gửi UBND tỉnh hay chưa — và nhật ký gửi thư của tháng; với\nphòng, đơn vị: lịch sử của đơn vị mình. Chưa đăng nhập → trang hướng dẫn đăng nhập (200).\nA unit’s revisions with what changed field by field, or the month’s report versions and delivery log.',
    'x-roles': ROLES_OF.historyPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      { name: 'period', in: 'query', required: false, description: 'Kỳ báo cáo tháng; để trống: tháng đang báo cáo.', schema: S.MonthlyPeriodId },
      {
        name: 'unit',
        in: 'query',
        required: false,
        description: 'Mã đơn vị; để trống: báo cáo tổng hợp của tháng (phòng, đơn vị: đơn vị mình).',
        schema: S.UnitCode,
      },
    ],
    responses: {
      '200': { description: 'Trang lịch sử, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Kỳ báo cáo hoặc mã đơn vị sai dạng.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Lịch sử của đơn vị khác, hoặc vai trò không xem lịch sử.', content: { 'text/html': { schema: z.string() } } },
      '404': { description: 'Không có đơn vị mã này.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/report',
    operationId: 'reportPage',
    tags: ['pages'],
    summary: "Trang đọc báo cáo của đơn vị — a unit's monthly report to read (HTML)",
    description:
      'Báo cáo tháng đã gửi của một phòng, đơn vị, để đọc (không phải biểu mẫu): từng nhiệm vụ với tình trạng, tiến độ, kết quả\n(đầy đủ), sản phẩm, khó khăn, đề xuất (có xin ý kiến không, gửi ai), kế hoạch kỳ tới, lý do, tài liệu kèm theo (tải về), thay\nđổi so với báo cáo trước của nhiệm vụ; ai gửi, lúc nào, các phiên bản; mục "Ý kiến chỉ đạo" (#y-kien-chi-dao). Chưa gửi →\nthông báo đơn vị chưa báo cáo. Lãnh đạo Sở, Văn phòng: mọi đơn vị (không có `unit`: chọn đơn vị); phòng, đơn vị: đơn vị mình\n(đơn vị khác → 403). Chưa đăng nhập → trang hướng dẫn đăng nhập (200).',
    'x-roles': ROLES_OF.reportPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      { name: 'period', in: 'query', required: false, description: 'Kỳ báo cáo tháng; để trống: tháng đang báo cáo.', schema: S.MonthlyPeriodId },
      { name: 'unit', in: 'query', required: false, description: 'Mã đơn vị; để trống: chọn đơn vị (phòng, đơn vị: đơn vị mình).', schema: S.UnitCode },
    ],
    responses: {
      '200': { description: 'Báo cáo của đơn vị, trang chọn đơn vị, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Kỳ báo cáo hoặc mã đơn vị sai dạng.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Báo cáo của đơn vị khác, hoặc vai trò không đọc báo cáo đơn vị.', content: { 'text/html': { schema: z.string() } } },
      '404': { description: 'Không có đơn vị mã này.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/report/attachment',
    operationId: 'reportAttachment',
    tags: ['pages'],
    summary: 'Tải tài liệu kèm theo từ trang đọc báo cáo — download an attachment (redirect)',
    description:
      'Chuyển (303) tới đường dẫn tải tài liệu có hiệu lực 5 phút, tạo lúc bấm: trang đọc báo cáo không cần script và đường dẫn\nkhông hết hạn khi trang còn mở. Cùng quy tắc với `GET /api/attachments/{period}/{unit}/{id}`: chính đơn vị, Văn phòng, Lãnh đạo Sở.',
    'x-roles': ROLES_OF.reportAttachment,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      { name: 'period', in: 'query', required: true, description: 'Kỳ báo cáo tháng.', schema: S.MonthlyPeriodId },
      { name: 'unit', in: 'query', required: true, description: 'Mã đơn vị.', schema: S.UnitCode },
      { name: 'id', in: 'query', required: true, description: 'Mã tài liệu.', schema: z.uuid() },
    ],
    responses: {
      '303': { description: 'Chuyển tới đường dẫn tải (Location).' },
      '401': { description: 'Chưa đăng nhập (trang hướng dẫn đăng nhập) hoặc phiên hết hạn.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Tài liệu của đơn vị khác.', content: { 'text/html': { schema: z.string() } } },
      '404': { description: 'Không có tài liệu này, hoặc tham số sai dạng.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/dashboard',
    operationId: 'dashboardPage',
    tags: ['pages'],
    summary: "Bảng điều hành — the leaders' dashboard (HTML)",
    description:
      'Hình (SVG) và bảng số liệu của `GET /api/dashboard`; mỗi con số dẫn tới danh sách nhiệm vụ (`unit`, `leader`, `status`, `due`).\nChưa đăng nhập → trang hướng dẫn đăng nhập (200); phòng, đơn vị → trang 403.',
    'x-roles': ROLES_OF.dashboardPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      { name: 'period', in: 'query', required: false, description: 'Tháng; để trống: tháng đang báo cáo.', schema: S.MonthlyPeriodId },
      { name: 'unit', in: 'query', required: false, description: 'Lọc nhiệm vụ theo đơn vị chủ trì.', schema: S.UnitCode },
      { name: 'leader', in: 'query', required: false, description: 'Lọc theo Lãnh đạo chỉ đạo (mã; rỗng: chưa xác định).', schema: z.string().max(40) },
      { name: 'status', in: 'query', required: false, description: 'Lọc theo tình trạng.', schema: S.TaskStatus },
      { name: 'due', in: 'query', required: false, description: 'Nhiệm vụ đến hạn trong tháng hoặc tháng sau.', schema: z.enum(['this-month', 'next-month']) },
    ],
    responses: {
      '200': { description: 'Bảng điều hành, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Tham số sai dạng.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Trang dành cho Lãnh đạo Sở và Văn phòng.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/dashboard/task',
    operationId: 'dashboardTaskPage',
    tags: ['pages'],
    summary: 'Trang một nhiệm vụ — a task across the year (HTML)',
    description: 'Kế hoạch của nhiệm vụ, tiến độ qua các tháng (hình và bảng), kết quả, khó khăn, đề xuất từng tháng như báo cáo gửi Lãnh đạo Sở đã in.',
    'x-roles': ROLES_OF.dashboardTaskPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      { name: 'period', in: 'query', required: false, description: 'Tháng cuối cùng xem tới.', schema: S.MonthlyPeriodId },
      { name: 'id', in: 'query', required: true, description: 'Mã nhiệm vụ.', schema: S.TaskId },
    ],
    responses: {
      '200': { description: 'Trang nhiệm vụ, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Thiếu hoặc sai mã nhiệm vụ.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Trang dành cho Lãnh đạo Sở và Văn phòng.', content: { 'text/html': { schema: z.string() } } },
      '404': { description: 'Không có nhiệm vụ này trong kế hoạch năm.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/dashboard/figure',
    operationId: 'dashboardFigure',
    tags: ['pages'],
    summary: 'Tải một hình của bảng điều hành (SVG) — a dashboard figure as a file',
    description: 'Hình `theo-don-vi`, `theo-lanh-dao` hoặc `qua-han` dưới dạng tệp SVG để tải về (trang bảng điều hành có nút tải PNG).',
    'x-roles': ROLES_OF.dashboardFigure,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      { name: 'period', in: 'query', required: false, description: 'Tháng.', schema: S.MonthlyPeriodId },
      { name: 'name', in: 'query', required: true, description: 'Tên hình.', schema: z.enum(['theo-don-vi', 'theo-lanh-dao', 'qua-han']) },
    ],
    responses: {
      '200': { description: 'Tệp SVG.', content: { 'image/svg+xml': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Dành cho Lãnh đạo Sở và Văn phòng.', content: { 'text/html': { schema: z.string() } } },
      '404': { description: 'Không có hình tên này.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/profile',
    operationId: 'profilePage',
    tags: ['pages'],
    summary: 'Trang hồ sơ cơ quan — the agency profile page (HTML)',
    description:
      'Văn phòng sửa hồ sơ cơ quan (tên, người ký, nơi nhận, Kính gửi, hạn nộp, địa chỉ thư, đơn vị) thành một phiên bản mới\ncó ngày hiệu lực: "Xem trước" cho thấy phần đầu và cuối văn bản như sẽ in, rồi "Lưu phiên bản mới"; danh sách các\nphiên bản với ngày hiệu lực. Chưa đăng nhập → trang hướng dẫn đăng nhập (200); vai trò khác → trang 403.',
    'x-roles': ROLES_OF.profilePage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    responses: {
      '200': { description: 'Trang hồ sơ cơ quan, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Trang dành cho Văn phòng.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/my-reports',
    operationId: 'myReportsPage',
    tags: ['pages'],
    summary: 'Trang báo cáo của đơn vị — a unit’s months of the year (HTML)',
    description:
      'Cán bộ phòng, đơn vị: mỗi tháng của năm với tình trạng (chưa nộp, bản nháp, nộp đúng hạn hoặc muộn và thời điểm gửi — cách\ntính của bảng theo dõi), hạn nộp, phiên bản mới nhất, kỳ đã khóa hay chưa, và đường dẫn tới báo cáo và lịch sử của tháng.\nChưa đăng nhập → trang hướng dẫn đăng nhập (200); vai trò khác → trang 403.',
    'x-roles': ROLES_OF.myReportsPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [{ name: 'year', in: 'query', required: false, description: 'Năm (2000–2100); để trống hoặc sai dạng: năm nay.', schema: z.string() }],
    responses: {
      '200': { description: 'Trang báo cáo của đơn vị, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Vai trò không phải phòng, đơn vị.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/people',
    operationId: 'peoplePage',
    tags: ['pages'],
    summary: 'Trang người dùng — the people page (HTML)',
    description:
      'Văn phòng mời người dùng (thư điện tử, họ tên, vai trò, đơn vị), khóa hoặc mở lại tài khoản, xem thay đổi gần đây.\nChưa đăng nhập → trang hướng dẫn đăng nhập (200); vai trò khác → trang 403.',
    'x-roles': ROLES_OF.peoplePage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    responses: {
      '200': { description: 'Trang người dùng, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Trang dành cho Văn phòng.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/plan',
    operationId: 'planPage',
    tags: ['pages'],
    summary: 'Trang kế hoạch năm — the plan page (HTML)',
    description:
      'Văn phòng chọn năm, xem nhiệm vụ và thời hạn (đánh dấu nhiệm vụ đã gia hạn), tải tệp kế hoạch .xlsx lên, xem trước\n(thêm, sửa, bỏ, lỗi theo sheet-dòng-cột) rồi xác nhận nhập; gia hạn một nhiệm vụ (xem trước rồi xác nhận).\nChưa đăng nhập → trang hướng dẫn đăng nhập (200); vai trò khác → trang 403.',
    'x-roles': ROLES_OF.planPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [{ name: 'year', in: 'query', required: false, description: 'Năm kế hoạch (mặc định năm nay).', schema: z.string().regex(/^\d{4}$/) }],
    responses: {
      '200': { description: 'Trang kế hoạch, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Năm sai dạng.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Trang dành cho Văn phòng.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/province',
    operationId: 'provincePage',
    tags: ['pages'],
    summary: 'Trang báo cáo các Sở — the province office page (HTML)',
    description:
      'Bảng các cơ quan của tỉnh với tình trạng báo cáo tháng gửi UBND tỉnh và tệp tải về, rồi các nhiệm vụ do Chủ tịch\nUBND tỉnh giao. Chưa đăng nhập → trang hướng dẫn đăng nhập (200); vai trò khác → trang 403.\nFor Văn phòng UBND tỉnh.',
    'x-roles': ROLES_OF.provincePage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [{ name: 'period', in: 'query', required: false, description: 'Kỳ báo cáo tháng; để trống: tháng đang báo cáo.', schema: S.MonthlyPeriodId }],
    responses: {
      '200': { description: 'Trang báo cáo các Sở, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Kỳ báo cáo sai dạng.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Trang dành cho Văn phòng UBND tỉnh.', content: { 'text/html': { schema: z.string() } } },
      '409': { description: 'Hồ sơ của Văn phòng UBND tỉnh chưa ghi tỉnh.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/reports',
    operationId: 'reportsPage',
    tags: ['pages'],
    summary: 'Trang báo cáo tổng hợp — compiled reports page (HTML)',
    description:
      'Các phiên bản báo cáo tổng hợp, mới nhất trước, mỗi tệp (PDF, Excel cho Lãnh đạo Sở và UBND tỉnh) kèm\nđường dẫn tải có hiệu lực 5 phút; với kỳ tháng, kèm tóm tắt bảng theo dõi. Văn phòng có thêm nút tổng hợp\nvà khóa/mở lại kỳ. Chưa đăng nhập → trang hướng dẫn đăng nhập (200); phòng, đơn vị → trang 403.\nThe compiled reports, newest first, with download links; for Văn phòng and the leaders.',
    'x-roles': ROLES_OF.reportsPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      {
        name: 'period',
        in: 'query',
        required: false,
        description: 'Kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm); để trống để xem các bản mới nhất.',
        schema: S.AnyPeriodId,
      },
    ],
    responses: {
      '200': { description: 'Trang báo cáo tổng hợp, hoặc trang hướng dẫn đăng nhập.', content: { 'text/html': { schema: z.string() } } },
      '400': { description: 'Kỳ báo cáo sai dạng.', content: { 'text/html': { schema: z.string() } } },
      '401': { description: 'Phiên đăng nhập hết hạn hoặc không hợp lệ.', content: { 'text/html': { schema: z.string() } } },
      '403': { description: 'Phòng, đơn vị không xem báo cáo tổng hợp.', content: { 'text/html': { schema: z.string() } } },
    },
  },
  {
    method: 'GET',
    path: '/status',
    operationId: 'statusPage',
    tags: ['pages'],
    summary: 'Trang bảng theo dõi của Văn phòng — the status board page (HTML, or JSON on request)',
    description:
      'Cùng dữ liệu với `GET /api/status`, cho Văn phòng và Lãnh đạo Sở (cookie phiên hoặc mã Bearer).\nTrả JSON (cùng nội dung như `GET /api/status`, lỗi dạng JSON) khi có `?format=json` hoặc tiêu đề\n`Accept: application/json` không kèm `text/html`; nếu không trả trang HTML: chưa đăng nhập → trang\nhướng dẫn đăng nhập (200), phòng, đơn vị → trang 403.\nJSON with `?format=json` or `Accept: application/json`, otherwise a page.',
    'x-roles': ROLES_OF.statusPage,
    security: [{}, { bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      {
        name: 'period',
        in: 'query',
        required: false,
        description: 'Kỳ báo cáo tháng; mặc định là kỳ các đơn vị đang phải báo cáo hôm nay.',
        schema: S.MonthlyPeriodId,
      },
      { name: 'format', in: 'query', required: false, description: '`json` để nhận JSON thay cho trang HTML.', schema: z.enum(['json']) },
    ],
    responses: {
      '200': {
        description: 'Trang bảng theo dõi, hoặc bảng theo dõi dạng JSON.',
        content: { 'text/html': { schema: z.string() }, 'application/json': { schema: S.StatusBoard } },
      },
      '400': { description: 'Kỳ báo cáo sai dạng.', content: { 'text/html': { schema: z.string() }, 'application/json': { schema: S.Error400 } } },
      '401': {
        description: 'Chưa đăng nhập (chỉ khi yêu cầu JSON; trang HTML trả 200 với hướng dẫn đăng nhập).',
        content: { 'text/html': { schema: z.string() }, 'application/json': { schema: S.Error401 } },
      },
      '403': {
        description: 'Phòng, đơn vị không xem bảng theo dõi.',
        content: { 'text/html': { schema: z.string() }, 'application/json': { schema: S.Error403 } },
      },
      '404': { description: 'Chưa có hồ sơ cơ quan.', content: { 'text/html': { schema: z.string() }, 'application/json': { schema: S.Error404 } } },
      '500': { description: 'Lỗi hệ thống.', content: { 'text/html': { schema: z.string() }, 'application/json': { schema: S.Error500 } } },
      '503': {
        description: 'Kho lưu trữ tạm thời không phản hồi.',
        content: { 'text/html': { schema: z.string() }, 'application/json': { schema: S.Error503 } },
      },
    },
  },
  {
    method: 'GET',
    path: '/signin',
    operationId: 'signinPage',
    tags: ['pages'],
    summary: 'Trang đăng nhập — the sign-in page (HTML)',
    description: 'Đường dẫn đăng nhập `/signin#token=…` mở trang này; `signin.js` đọc mã từ phần `#` (không gửi lên\nmáy chủ) và gửi tới `POST /auth/session`.',
    security: [{}, { sessionCookie: [] }],
    responses: { '200': ref('responses', 'HtmlPage'), '500': ref('responses', 'HtmlErrorPage') },
  },
  {
    method: 'GET',
    path: '/static/{file}',
    operationId: 'staticAsset',
    tags: ['pages'],
    summary: 'Tệp tĩnh của các trang (CSS, JavaScript) — static assets',
    description:
      'Chỉ các tệp trong danh sách cho phép (`templates/web/assets.ts`); `Cache-Control: public, no-cache`\nvới `ETag`, nên trình duyệt hỏi lại rẻ (304).',
    security: [],
    parameters: [
      { name: 'file', in: 'path', required: true, description: 'Tên tệp, ví dụ `form.js`, `app.css`.', schema: z.string().meta({ examples: ['form.js'] }) },
      { name: 'If-None-Match', in: 'header', required: false, description: 'ETag đã có; khớp thì trả 304.', schema: z.string() },
    ],
    responses: {
      '200': {
        description: 'Nội dung tệp.',
        headers: { ETag: { description: 'Dấu vân tay nội dung.', schema: z.string() } },
        content: { 'text/css': { schema: z.string() }, 'text/javascript': { schema: z.string() } },
      },
      '304': { description: 'Tệp không đổi so với `If-None-Match`.' },
      ...errors(404, 500),
    },
  },
];

/**
 * Routes of functions/api/routes.ts the document leaves out, each with its reason. Empty: the pages
 * and static assets are documented too, as HTML and asset responses.
 */
export const EXCLUDED_ROUTES: { route: `${RouteDef['method']} ${string}`; reason: string }[] = [];
