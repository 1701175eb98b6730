/**
 * Văn phòng keeps the year's plan from the portal:
 * - POST /api/plans/{year}[?dryRun=true] with the .xlsx as the body: a dry run answers what the
 *   import would add, change (field by field) and remove, and every problem by sheet, row, column
 *   and reason, writing nothing; without it the plan is imported through the CLI's own use case
 *   (refused with 400 `plan_invalid` while the file has problems; the same file twice changes nothing).
 * (Deadline amendments: plan-amendments.ts, a function of its own without the spreadsheet reader.)
 * flow: API Gateway --> plans handler --> import plan use case
 */
import { container } from '../adapters/container.ts';
import { readXlsxGrid } from '../adapters/xlsx-grid.ts';
import { importPlan } from '../usecases/import-plan.ts';
import { actorOf } from '../usecases/people.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { ApiError, type HttpEvent, header, json, query } from './http.ts';
import { yearPath } from './plan-year.ts';
import type { PlanImportRefused, PlanImportResponse } from './schemas/responses.ts';

/** As for signed PDFs: the base64 of a 4 MB file fills a synchronous Lambda's 6 MB; a plan is a few hundred KB. */
export const MAX_PLAN_UPLOAD = 4 * 1024 * 1024;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The browser sends the file name percent-encoded (a header is ASCII); always read as .xlsx. */
function fileName(event: HttpEvent, year: number): string {
  let name = (header(event, 'x-file-name') ?? '').slice(0, 200);
  try {
    name = decodeURIComponent(name).normalize('NFC');
  } catch {
    // kept as sent
  }
  name = name.replace(/[\\/]/gu, '_').trim();
  if (!name) return `ke-hoach-${year}.xlsx`;
  return /\.xlsx$/iu.test(name) ? name : `${name}.xlsx`;
}

export const handler = httpHandler(
  async (event) => {
    const year = yearPath(event);
    const type = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== XLSX_TYPE && type !== 'application/octet-stream') {
      throw new ApiError(415, 'unsupported_media_type', `Gửi tệp kế hoạch Excel (.xlsx) với Content-Type: ${XLSX_TYPE}.`);
    }
    const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'latin1');
    if (bytes.byteLength === 0) throw new ApiError(400, 'empty_body', 'Chưa có tệp kế hoạch trong nội dung gửi lên.');
    if (bytes.byteLength > MAX_PLAN_UPLOAD) {
      throw new ApiError(
        413,
        'body_too_large',
        `Tệp quá lớn để tải qua cổng thông tin (${(bytes.byteLength / 1048576).toFixed(1)} MB; tối đa 4 MB). Bỏ các sheet không cần hoặc hình ảnh rồi tải lại.`,
      );
    }
    // An .xlsx is a zip: anything else (an old .xls, a PDF, a renamed file) is not one.
    if (bytes.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') {
      throw new ApiError(415, 'unsupported_media_type', 'Tệp không phải Excel .xlsx (tệp .xls cũ: mở bằng Excel rồi lưu lại dạng .xlsx).');
    }
    const dryRun = query(event, 'dryRun') === 'true';
    const p = event.auth!;
    const c = container();
    const out = await importPlan(
      { plans: c.plans, agencies: c.agencies, readSheets: readXlsxGrid, audit: c.users },
      { agencyId: p.agencyId, year, fileName: fileName(event, year), bytes, importedBy: actorOf(p), now: new Date(), dryRun },
    );
    if (!out.ok) {
      if (dryRun) return json<PlanImportResponse>(200, { year, dryRun, ok: false, problems: out.problems, warnings: out.warnings, changed: false });
      return json<PlanImportRefused>(400, {
        error: {
          code: 'plan_invalid',
          message: `Tệp kế hoạch có ${out.problems.length} lỗi; chưa ghi gì. Sửa các ô được nêu rồi tải lại.`,
          fields: [],
          problems: out.problems,
          warnings: out.warnings,
        },
      });
    }
    return json<PlanImportResponse>(dryRun || !out.changed ? 200 : 201, {
      year,
      dryRun,
      ok: true,
      problems: [],
      warnings: out.warnings,
      diff: out.diff,
      taskCount: out.taskCount,
      newUnits: out.newUnits,
      changed: out.changed,
      ...(out.meta ? { meta: out.meta } : {}),
    });
  },
  { roles: ROLES_OF.importPlan },
);
