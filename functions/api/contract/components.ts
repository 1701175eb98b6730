/**
 * The parts of the OpenAPI document that operations share: security schemes, parameters, headers,
 * the error responses (each with its zod error body) and the larger examples.
 * flow: contract document --> components --> response and request schemas
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import * as S from '../schemas/responses.ts';
import { idempotencyKey } from '../schemas/submission.ts';
import { json, ref } from './refs.ts';

export const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'Mã truy cập (access token) Cognito; nhóm Cognito là vai trò (`van-phong`, `lanh-dao`, `unit-<MÃ>`).\nChạy cục bộ: `npm run cli -- token --role van-phong` hoặc `--role unit --unit QLKH`.\nA Cognito access token; locally minted by `npm run cli -- token`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'baocao_session',
    description: 'Cookie phiên do `POST /auth/session` đặt (HttpOnly, Secure, SameSite=Strict). The browser session.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description:
      'Bắt buộc cùng cookie phiên cho mọi yêu cầu ghi (POST, PUT): giá trị `csrfToken` của\n`POST /auth/session`. Required with the session cookie on writes.',
  },
};

export const parameters = {
  PeriodPath: { name: 'period', in: 'path', required: true, description: 'Kỳ báo cáo tháng; sai dạng → 404 `not_found`.', schema: S.MonthlyPeriodId },
  UnitPath: { name: 'unit', in: 'path', required: true, description: 'Mã phòng, đơn vị; sai dạng → 404 `not_found`.', schema: S.UnitCode },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Khoá do người gửi tạo (ví dụ một UUID) để gửi lại an toàn khi mất kết nối: cùng khoá, cùng nội dung\n→ kết quả lần đầu; cùng khoá, nội dung khác → 422 `idempotency_key_reused`; sai dạng → 400\n`invalid_idempotency_key`. Giữ 7 ngày, riêng cho người dùng đăng nhập và đơn vị được báo cáo. Makes client\nretries safe; scoped to the signed-in user and the unit.',
    schema: idempotencyKey.meta({ examples: ['5f0c7a8e-3b9d-4c61-9a57-2d1e8b4f6a10'] }),
  },
};

export const headers = {
  IdempotentReplayed: { description: '`true` khi đây là kết quả lần gửi đầu được trả lại. Set on a replayed response.', schema: z.literal('true') },
  RetryAfter: { description: 'Số giây nên chờ trước khi thử lại.', schema: z.string().regex(/^\d+$/) },
  SetSessionCookie: {
    description:
      '`baocao_session=<token>; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=<giây>` (trình duyệt coi http://localhost là an toàn nên vẫn giữ cookie khi chạy cục bộ)',
    schema: z.string(),
  },
  ClearSessionCookie: { description: '`baocao_session=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`', schema: z.string() },
};

export const responses = {
  HtmlPage: { description: 'Trang HTML (chính sách bảo mật nội dung nghiêm ngặt, không script nội tuyến).', content: { 'text/html': { schema: z.string() } } },
  HtmlErrorPage: {
    description: 'Lỗi dưới dạng trang HTML tiếng Việt nói rõ cần làm gì. An error as a page.',
    content: { 'text/html': { schema: z.string() } },
  },
  BadRequest: {
    description: 'Yêu cầu sai dạng (JSON hỏng, tham số thiếu hoặc sai, thiếu `unit`…). Bad request.',
    content: json(S.Error400, {
      example: {
        error: {
          code: 'invalid_period',
          message: 'Thiếu hoặc sai tham số period: dùng ?period=YYYY-MM.',
          fields: [{ field: 'period', message: 'Kỳ báo cáo dạng YYYY-MM.' }],
        },
      },
    }),
  },
  Unauthorized: {
    description:
      'Chưa đăng nhập, mã hết hạn hoặc không hợp lệ. Trên AWS, API Gateway có thể trả\n`{ "message": "Unauthorized" }` trước khi tới hàm xử lý. Not signed in.',
    content: json(z.union([S.Error401, S.GatewayMessage]), {
      example: { error: { code: 'token_expired', message: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', fields: [] } },
    }),
  },
  Forbidden: {
    description:
      'Vai trò không được phép, hoặc thiếu mã chống giả mạo (CSRF) khi dùng cookie; trên AWS, bộ xác thực của\nAPI Gateway cũng trả 403 `{ "message": "Forbidden" }` khi thiếu hoặc hết hạn mã đăng nhập. Forbidden.',
    content: json(z.union([S.Error403, S.GatewayMessage]), {
      example: { error: { code: 'forbidden', message: 'Bạn chỉ được xem báo cáo của phòng, đơn vị mình.', fields: [] } },
    }),
  },
  NotFound: {
    description: 'Không tìm thấy (báo cáo, đơn vị, kế hoạch, hồ sơ cơ quan) hoặc tham số đường dẫn sai dạng.',
    content: json(S.Error404, {
      example: { error: { code: 'submission_not_found', message: 'Chưa có báo cáo tháng 10 năm 2024 của đơn vị QLKH.', fields: [] } },
    }),
  },
  Conflict: {
    description: 'Kỳ báo cáo đã khoá, hoặc một lần tổng hợp khác vừa hoàn tất. Conflict.',
    content: json(S.Error409, {
      example: {
        error: {
          code: 'period_locked',
          message: 'Báo cáo tháng 10 năm 2024 đã được ban hành; muốn sửa, hãy đề nghị Văn phòng Sở mở lại kỳ báo cáo.',
          fields: [],
        },
      },
    }),
  },
  SubmitConflict: {
    description:
      '`stale_revision`: đã có phiên bản mới hơn `baseRevision`; `current` là báo cáo hiện tại, `yours` là\nnội dung vừa gửi (không bị mất). `period_locked`: kỳ đã khoá.\nA stale base revision (with `current` and `yours`), or a locked period.',
    content: json(z.union([S.StaleRevisionError, S.Error409]), {
      examples: {
        staleRevision: ref('examples', 'StaleRevision'),
        locked: {
          summary: 'Kỳ đã khoá',
          value: {
            error: {
              code: 'period_locked',
              message: 'Báo cáo tháng 10 năm 2024 đã được ban hành; muốn sửa, hãy đề nghị Văn phòng Sở mở lại kỳ báo cáo.',
              fields: [],
            },
          },
        },
      },
    }),
  },
  PayloadTooLarge: {
    description:
      'Nội dung gửi lên lớn hơn 256 KB (`body_too_large`), hoặc báo cáo khi lưu lớn hơn 384 KB (`report_too_large`:\nchuẩn hoá NFC viết một số ký hiệu thành nhiều ký tự). Body larger than 256 KB, or stored content over 384 KB.',
    content: json(z.union([S.Error413, S.GatewayMessage]), {
      example: { error: { code: 'body_too_large', message: 'Nội dung gửi lên quá lớn (300 KB; tối đa 256 KB).', fields: [] } },
    }),
  },
  TooManyRequests: {
    description: 'Quá nhiều yêu cầu mã đăng nhập trong một giờ (theo địa chỉ thư hoặc địa chỉ mạng). Too many sign-in code requests this hour.',
    content: json(S.Error429, {
      example: {
        error: {
          code: 'too_many_codes',
          message: 'Đã gửi 5 mã tới địa chỉ này trong một giờ; hãy dùng mã mới nhất trong hộp thư, hoặc thử lại sau.',
          fields: [],
        },
      },
    }),
  },
  UnsupportedMediaType: {
    description:
      'Nội dung không phải `application/json` (chỉ nhận thêm `charset=utf-8`; `application/json-patch+json`,\ndanh sách nhiều kiểu hay charset khác đều bị từ chối). The content type is `application/json`, optionally\nwith `charset=utf-8`, and nothing else.',
    content: json(S.Error415, {
      example: {
        error: {
          code: 'unsupported_media_type',
          message: 'Nội dung phải gửi dưới dạng JSON mã hoá UTF-8 (Content-Type: application/json; charset=utf-8).',
          fields: [],
        },
      },
    }),
  },
  Unprocessable: {
    description: 'Nội dung đúng dạng JSON nhưng chưa hợp lệ; `fields` chỉ ra từng trường. Invalid content.',
    content: json(S.Error422, {
      example: {
        error: {
          code: 'invalid_input',
          message: 'Báo cáo chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
          fields: [
            { field: 'data.tasks.0.reason', message: 'Tiến độ giảm từ 70% xuống 60%: hãy ghi ngắn gọn lý do.' },
            { field: 'data.reporterName', message: 'Hãy ghi họ tên người báo cáo.' },
          ],
        },
      },
    }),
  },
  Internal: {
    description: 'Lỗi hệ thống không lường trước; thông báo có mã yêu cầu để báo quản trị viên.',
    content: json(S.Error500),
  },
  Unavailable: {
    description: 'Kho lưu trữ tạm thời không phản hồi; chưa có gì được ghi, thử lại sau.',
    headers: { 'Retry-After': ref('headers', 'RetryAfter') },
    content: json(S.Error503, {
      example: {
        error: { code: 'unavailable', message: 'Hệ thống lưu trữ tạm thời không phản hồi. Dữ liệu chưa được ghi; vui lòng thử lại sau ít phút.', fields: [] },
      },
    }),
  },
};

/** Phòng QLKH's first report for 10/2024, as stored: the submission and its revision 1 both hold it. */
const FIRST_REPORT = {
  reporterName: 'Nguyễn Thị Nga',
  otherWork: [],
  tasks: [
    {
      taskId: 'I-2',
      status: 'dang-thuc-hien',
      progress: 80,
      result: 'Đã tổ chức 02 hội đồng đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ cấp tỉnh.',
      difficulties: '',
      proposals: '',
      needsDecision: false,
      nextPlan: 'Tổ chức nghiệm thu 03 nhiệm vụ còn lại.',
    },
  ],
};

export const examples = {
  SubmitResponse: {
    summary: 'Phiên bản 1 của báo cáo tháng 10/2024 của Phòng QLKH',
    value: {
      submission: {
        agencyId: 'skhcn-bacgiang',
        period: '2024-10',
        unit: 'QLKH',
        state: 'submitted',
        revision: 1,
        data: FIRST_REPORT,
        firstSubmittedAt: '2024-10-17T02:15:00.000Z',
        submittedAt: '2024-10-17T02:15:00.000Z',
        onTime: true,
        updatedAt: '2024-10-17T02:15:00.000Z',
      },
      revision: {
        agencyId: 'skhcn-bacgiang',
        period: '2024-10',
        unit: 'QLKH',
        revision: 1,
        at: '2024-10-17T02:15:00.000Z',
        by: 'local-unit-qlkh',
        onTime: true,
        data: FIRST_REPORT,
        changes: [
          { field: 'reporterName', to: 'Nguyễn Thị Nga' },
          { field: 'tasks.I-2.status', to: 'dang-thuc-hien' },
          { field: 'tasks.I-2.progress', to: 80 },
        ],
      },
      receipt: {
        period: { id: '2024-10', label: 'tháng 10 năm 2024' },
        unit: { code: 'QLKH', name: 'Phòng Quản lý khoa học' },
        revision: 1,
        submittedAt: '2024-10-17T02:15:00.000Z',
        submittedAtText: '09:15 ngày 17/10/2024',
        timeZone: 'Asia/Ho_Chi_Minh',
        onTime: true,
        reporterName: 'Nguyễn Thị Nga',
        tasks: [
          {
            taskId: 'I-2',
            number: 'I.2',
            content: 'Tổ chức đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ cấp tỉnh',
            status: 'Đang thực hiện',
            progress: 80,
            result: 'Đã tổ chức 02 hội đồng đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ cấp tỉnh.',
            attachments: [{ id: '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b', name: 'Biên bản nghiệm thu.pdf', size: 482113, contentType: 'application/pdf' }],
          },
        ],
        otherWork: 0,
        email: { status: 'sent', to: 'qlkh@skhcn.bacgiang.gov.vn' },
      },
    },
  },
  StaleRevision: {
    summary: 'Người khác đã gửi phiên bản 2 trong lúc bạn sửa',
    value: {
      error: {
        code: 'stale_revision',
        message: 'Báo cáo đã được cập nhật (phiên bản 2) sau khi bạn mở. Hãy xem bản mới nhất, đối chiếu rồi gửi lại; nội dung bạn nhập vẫn được giữ.',
        fields: [],
        baseRevision: 1,
        current: {
          agencyId: 'skhcn-bacgiang',
          period: '2024-10',
          unit: 'QLKH',
          state: 'submitted',
          revision: 2,
          data: {
            reporterName: 'Nguyễn Thị Nga',
            otherWork: [],
            tasks: [
              {
                taskId: 'I-2',
                status: 'dang-thuc-hien',
                progress: 85,
                result: 'Đã nghiệm thu thêm 01 nhiệm vụ.',
                difficulties: '',
                proposals: '',
                needsDecision: false,
                nextPlan: '',
              },
            ],
          },
          firstSubmittedAt: '2024-10-17T02:15:00.000Z',
          submittedAt: '2024-10-18T08:40:00.000Z',
          onTime: true,
          updatedAt: '2024-10-18T08:40:00.000Z',
        },
        yours: {
          reporterName: 'Trần Văn Bình',
          otherWork: [],
          tasks: [
            {
              taskId: 'I-2',
              status: 'dang-thuc-hien',
              progress: 82,
              result: 'Đã tổ chức hội đồng nghiệm thu.',
              difficulties: '',
              proposals: '',
              needsDecision: false,
              nextPlan: '',
            },
          ],
        },
      },
    },
  },
};
