/**
 * Builds the OpenAPI 3.1 document of the HTTP API from the contract: the operations
 * (operations.ts, one per route), the shared components (components.ts) and the zod schemas of
 * requests and responses, turned into JSON Schema 2020-12 by zod itself (`z.toJSONSchema`).
 * `npm run openapi` (scripts/openapi.ts) writes the result to docs/openapi.yaml; a unit test fails
 * when the committed file differs from what this builds.
 * flow: scripts/openapi.ts + tests --> contract document --> operations, components, zod schemas
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import YAML from 'yaml';
import { examples, headers, parameters, responses, securitySchemes } from './components.ts';
import { OPERATIONS, type OperationSpec } from './operations.ts';

// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON-like data, built and walked here.
type Json = any;

const SCHEMA_REF = '#/components/schemas/';
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const HEAD = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  info: {
    title: 'baocao — API báo cáo tiến độ hằng tháng (monthly progress reporting API)',
    version: '0.1.0',
    summary: 'Phòng, đơn vị báo cáo kết quả thực hiện nhiệm vụ; Văn phòng Sở theo dõi và tổng hợp báo cáo.',
    contact: {
      name: 'Văn phòng Sở Khoa học và Công nghệ',
    },
    license: {
      name: 'Proprietary',
      identifier: 'LicenseRef-Proprietary',
    },
  },
  servers: [
    {
      url: 'http://localhost:3000',
      description: 'Máy chủ cục bộ (`npm start`) — local server',
    },
    {
      url: 'https://{distribution}.cloudfront.net',
      description: 'Trên AWS, qua CloudFront và AWS WAF (hoặc tên miền riêng của Sở) — in AWS, through CloudFront (or the custom domain)',
      variables: {
        distribution: {
          default: 'd111111abcdef8',
        },
      },
    },
  ],
  tags: [
    {
      name: 'submissions',
      description: 'Báo cáo tháng của phòng, đơn vị — bản nháp, gửi, lịch sử phiên bản. Unit submissions, drafts, revisions.',
    },
    {
      name: 'attachments',
      description: 'Tài liệu kèm theo kết quả nhiệm vụ — tải thẳng lên S3, kiểm tra theo nội dung, tải về. Attachments.',
    },
    {
      name: 'people',
      description: "Người dùng của cơ quan — mời, đổi vai trò, khóa; nhật ký thay đổi. The agency's people and the audit log.",
    },
    {
      name: 'form',
      description: 'Dữ liệu cho biểu mẫu báo cáo. What the submission form shows.',
    },
    {
      name: 'status',
      description: "Bảng theo dõi tình hình nộp báo cáo của Văn phòng. The office's status board.",
    },
    {
      name: 'dashboard',
      description: "Bảng điều hành của Lãnh đạo Sở: số liệu theo tháng từ báo cáo gửi Lãnh đạo Sở. The leaders' dashboard.",
    },
    {
      name: 'directions',
      description: "Ý kiến chỉ đạo của Lãnh đạo Sở về các đề xuất xin ý kiến của đơn vị. Leaders' directions on units' proposals.",
    },
    {
      name: 'periods',
      description: 'Khoá và mở lại kỳ báo cáo, kèm lý do. Locking and reopening a month, with the reason.',
    },
    {
      name: 'agency',
      description: 'Hồ sơ cơ quan: tên, người ký, nơi nhận, hạn nộp, đơn vị — theo phiên bản có ngày hiệu lực. The agency profile.',
    },
    {
      name: 'reports',
      description: 'Báo cáo tổng hợp (Excel, PDF). Compiled reports.',
    },
    {
      name: 'plan',
      description: 'Kế hoạch năm. The yearly plan.',
    },
    {
      name: 'auth',
      description: 'Phiên đăng nhập trên trình duyệt. Browser sessions.',
    },
    {
      name: 'system',
      description: 'Tình trạng hệ thống. Health.',
    },
    {
      name: 'pages',
      description: 'Trang HTML cho người dùng (không phải JSON). HTML pages for people.',
    },
  ],
  security: [
    {
      bearerAuth: [],
    },
    {
      sessionCookie: [],
    },
  ],
};

const API_DESCRIPTION = `**Tiếng Việt.** Các phòng, đơn vị thuộc Sở gửi báo cáo tháng về kết quả thực hiện các nhiệm vụ trong
kế hoạch năm; Văn phòng Sở theo dõi, đôn đốc và tổng hợp thành báo cáo gửi Lãnh đạo Sở và UBND tỉnh
(thể thức Nghị định 30/2020/NĐ-CP).

*English.* Units submit a monthly report on the tasks of the yearly plan; Văn phòng (the office)
tracks who has reported and compiles the reports for the Director and for the provincial People's
Committee.

## Xác thực — Authentication
- **Ứng dụng, script** (API clients): gửi \`Authorization: Bearer <access token>\` — mã truy cập
  (access token) của Cognito; khi chạy cục bộ, tạo bằng \`npm run cli -- token --role unit --unit QLKH\`.
- **Trình duyệt** (browsers): trang \`/signin\` đổi mã lấy cookie phiên \`baocao_session\` (HttpOnly,
  Secure, SameSite=Strict) qua \`POST /auth/session\`. Mọi yêu cầu ghi (POST, PUT) dùng cookie phải kèm tiêu đề
  \`X-CSRF-Token\` với giá trị \`csrfToken\` mà \`POST /auth/session\` trả về; thiếu hoặc sai → 403 \`csrf\`.
  Cookie-authenticated writes must carry the \`X-CSRF-Token\` header.

## Vai trò — Roles
Nhóm Cognito là vai trò (\`x-roles\` trên mỗi thao tác liệt kê vai trò được phép):
\`unit\` (phòng, đơn vị; nhóm \`unit-<MÃ>\`), \`van-phong\` (Văn phòng Sở), \`lanh-dao\` (Lãnh đạo Sở).
Một đơn vị chỉ xem và báo cáo cho chính mình; Văn phòng xem mọi đơn vị và có thể gửi thay đơn vị;
Lãnh đạo Sở xem mọi đơn vị nhưng không gửi báo cáo.

## Lỗi — Errors
Mọi lỗi trả JSON \`{ "error": { "code", "message", "fields": [ { "field", "message" } ] } }\`.
\`message\` là tiếng Việt, người dùng đọc được và biết cần làm gì; \`code\` là mã cố định cho chương
trình; \`fields\` chỉ ra trường sai (ví dụ \`data.tasks.0.progress\`). Không yêu cầu sai nào được ghi
một phần: lỗi 4xx nghĩa là không có gì được lưu.
Every error is \`{ "error": { "code", "message", "fields" } }\`; a 4xx means nothing was written.
Khi chạy trên AWS, bộ xác thực của API Gateway (functions/api/authorizer.ts) tự trả
\`{ "message": "Forbidden" }\` (403) khi thiếu hoặc hết hạn mã đăng nhập, trước khi tới hàm xử lý
(trang web coi đó là "đăng nhập lại"), và \`{ "message": "Not Found" }\` cho địa chỉ không có. Máy chủ cục bộ trả 404 \`not_found\`
cho địa chỉ không có và 405 \`method_not_allowed\` cho phương thức sai.
Trên AWS, yêu cầu đi qua CloudFront và tường lửa AWS WAF: một địa chỉ IP gửi quá nhiều yêu cầu trong 5 phút nhận
429 \`rate_limited\` (cùng dạng lỗi trên, tiêu đề \`Retry-After\`); mỗi tuyến có giới hạn tốc độ riêng (API Gateway trả
429 \`{ "message": "Too Many Requests" }\`); gọi thẳng địa chỉ \`execute-api\`, bỏ qua CloudFront, nhận 403
\`{ "message": "Forbidden" }\`. In AWS: 429 \`rate_limited\` per source IP (AWS WAF), 429 per route (throttling), 403
for calls that bypass CloudFront.

## Gửi lại an toàn và sửa đồng thời — Retries and concurrent edits
- \`Idempotency-Key\`: gửi lại cùng một yêu cầu với cùng khoá trả lại kết quả lần đầu (200, tiêu đề
  \`Idempotent-Replayed: true\`), không tạo phiên bản mới; cùng khoá với nội dung khác → 422
  \`idempotency_key_reused\`. Khoá được giữ 7 ngày, riêng cho từng người dùng và từng đơn vị: người khác, hay
  đơn vị khác, dùng trùng khoá không ảnh hưởng nhau. Keys are scoped to the signed-in user and the unit.
- \`baseRevision\`: phiên bản báo cáo mà người gửi đã thấy (0 khi gửi lần đầu). Nếu trong lúc đó đã có
  phiên bản mới hơn → 409 \`stale_revision\` kèm \`current\` (bản hiện tại) và \`yours\` (nội dung vừa gửi)
  để đối chiếu; không có gì bị ghi đè.
`;

/** Drops what zod adds that the document does not want: `$schema`/`$id` per component, and the safe-integer bounds of `z.int()`. */
function tidy(node: Json): Json {
  if (Array.isArray(node)) return node.map(tidy);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries<Json>(node)) {
    if (k === '$schema' || k === '$id') continue;
    if ((k === 'minimum' && v === -MAX_SAFE) || (k === 'maximum' && v === MAX_SAFE)) continue;
    out[k] = tidy(v);
  }
  return out;
}

/**
 * zod leaves out, when describing input, the default of a field whose schema transforms (every
 * user text does: validation.ts#text cleans it); the default is still what the server fills in,
 * so it is put back from the schema itself.
 */
function keepDefaults(ctx: { zodSchema: unknown; jsonSchema: Json }): void {
  const def = (ctx.zodSchema as { _zod?: { def?: { type?: string; defaultValue?: unknown } } })._zod?.def;
  if (def?.type === 'default' && ctx.jsonSchema.default === undefined) ctx.jsonSchema.default = JSON.parse(JSON.stringify(def.defaultValue));
}

/**
 * Every registered schema with an id becomes a component. Request bodies are described as the
 * server reads them (zod's input: defaults make a field optional, unknown task fields are ignored),
 * everything else as the server writes it (output). A schema both sides use must read the same.
 */
function componentSchemas(requestIds: Set<string>): Record<string, Json> {
  const opts = { unrepresentable: 'any', uri: (id: string) => `${SCHEMA_REF}${id}`, override: keepDefaults } as const;
  const input = z.toJSONSchema(z.globalRegistry, { ...opts, io: 'input' }).schemas;
  const output = z.toJSONSchema(z.globalRegistry, { ...opts, io: 'output' }).schemas;
  // The request side: the request bodies and what they refer to.
  const reqSide = new Set<string>();
  const visit = (id: string) => {
    if (reqSide.has(id)) return;
    reqSide.add(id);
    for (const m of JSON.stringify(input[id]).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) visit(m[1]!);
  };
  for (const id of requestIds) visit(id);
  const out: Record<string, Json> = {};
  for (const id of Object.keys(output)) {
    const i = tidy(input[id]);
    const o = tidy(output[id]);
    if (reqSide.has(id) && usedByResponses(id, output, reqSide) && JSON.stringify(i) !== JSON.stringify(o)) {
      throw new Error(`Schema ${id} reads differently in requests and responses: give each side its own schema.`);
    }
    out[id] = reqSide.has(id) ? i : o;
  }
  return out;
}

/** Whether a response-side component refers to `id`. */
function usedByResponses(id: string, output: Record<string, Json>, reqSide: Set<string>): boolean {
  return Object.entries(output).some(([other, s]) => !reqSide.has(other) && JSON.stringify(s).includes(`"${SCHEMA_REF}${id}"`));
}

/** A zod schema in an operation or component: a $ref when it has an id, else its JSON Schema inline. */
function schemaJson(schema: z.ZodType, io: 'input' | 'output'): Json {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `${SCHEMA_REF}${id}` };
  const json = tidy(z.toJSONSchema(schema, { unrepresentable: 'any', io, override: keepDefaults }));
  const { $defs, ...rest } = json as Record<string, Json>;
  // Named schemas inside come back as "#/$defs/<id>": point them at the components instead.
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${SCHEMA_REF}`));
}

/** Replaces the zod schemas in an OpenAPI fragment (request bodies read as input, the rest as output). */
function resolveSchemas(node: Json, io: 'input' | 'output' = 'output'): Json {
  if (node instanceof z.ZodType) return schemaJson(node, io);
  if (Array.isArray(node)) return node.map((n) => resolveSchemas(n, io));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries<Json>(node)) out[k] = resolveSchemas(v, k === 'requestBody' ? 'input' : io);
  return out;
}

/** The ids of the schemas operations send as request bodies. */
function requestBodyIds(): Set<string> {
  const ids = new Set<string>();
  for (const op of OPERATIONS) {
    for (const media of Object.values<Json>((op.requestBody as Json)?.content ?? {})) {
      const id = media.schema instanceof z.ZodType ? z.globalRegistry.get(media.schema)?.id : undefined;
      if (id) ids.add(id);
    }
  }
  return ids;
}

function operationObject(op: OperationSpec): Json {
  const { method: _m, path: _p, ...rest } = op;
  return resolveSchemas(rest);
}

/** The whole document, as plain data. */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = operationObject(op);
  }
  const { info, ...head } = HEAD;
  return {
    openapi: head.openapi,
    jsonSchemaDialect: head.jsonSchemaDialect,
    info: { title: info.title, version: info.version, summary: info.summary, description: API_DESCRIPTION, contact: info.contact, license: info.license },
    servers: head.servers,
    tags: head.tags,
    security: head.security,
    paths,
    components: {
      securitySchemes,
      parameters: resolveSchemas(parameters),
      headers: resolveSchemas(headers),
      responses: resolveSchemas(responses),
      examples,
      schemas: componentSchemas(requestBodyIds()),
    },
  };
}

const BANNER = `# GENERATED by \`npm run openapi\` from functions/api/contract/ and the zod schemas of
# functions/api/schemas/: do not edit by hand. The HTTP contract of baocao: every route in
# functions/api/routes.ts, its request and response bodies, roles and errors. test/unit/openapi/
# checks it against the routes and the request schemas; the contract tests check real responses
# against it.
`;

/** docs/openapi.yaml as it must read. */
export function openApiYaml(): string {
  return BANNER + YAML.stringify(openApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
