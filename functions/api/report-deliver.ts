/**
 * POST /api/reports/{period}/deliver?dryRun=true|false {resend?} — Văn phòng sends the period's
 * issued report to UBND tỉnh now ("Gửi UBND tỉnh ngay"). `dryRun=true` shows what would go: the
 * issued version and number, to whom, the subject, the files attached and linked, and an earlier
 * delivery if there was one. Otherwise it is sent through the scheduled delivery's own path, once:
 * a version already delivered answers with that delivery's message id unless `resend` is true.
 * Nothing issued: 409 `not_issued`. Mail (SES) down: 503 `mail_unavailable`, and nothing is marked
 * delivered (the delivery log says failed; a later click or the schedule sends it).
 * flow: API Gateway --> deliver handler --> deliver now use case --> runJob → deliverReport
 */
import { container } from '../adapters/container.ts';
import { jobSettingsFromEnv } from '../adapters/job-settings.ts';
import { deliverNow } from '../usecases/deliver-now.ts';
import { DeliveryFailedError } from '../usecases/deliver-report.ts';
import type { Renderers } from '../usecases/ports.ts';
import { JobBusyError } from '../usecases/run-job.ts';
import { ROLES_OF } from './contract/roles.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, query } from './http.ts';
import { periodPath } from './report-params.ts';
import type { DeliverResponse } from './schemas/responses.ts';
import { deliverSchema } from './schemas/reports.ts';
import { parseJsonBody } from './validation.ts';

const NO_RENDERING: Renderers = {
  pdf: () => Promise.reject(new Error('The portal delivery renders nothing: only an issued version is sent')),
  xlsx: () => Promise.reject(new Error('The portal delivery renders nothing: only an issued version is sent')),
};

function dryRunOf(raw: string | undefined): boolean {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new ApiError(400, 'invalid_dry_run', 'dryRun: true (chỉ xem trước) hoặc false (gửi).', [{ field: 'dryRun', message: 'true hoặc false.' }]);
}

export const handler = httpHandler(
  async (event) => {
    const period = periodPath(event);
    const dryRun = dryRunOf(query(event, 'dryRun'));
    const body = parseJsonBody(event, deliverSchema);
    const deps = {
      ...container(),
      // The portal sends only what is issued (the use case refuses first): it never compiles nor
      // issues, so it carries no renderer (pdfkit and exceljs stay out of this function's bundle).
      renderers: NO_RENDERING,
      clock: () => new Date(),
      sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
      settings: jobSettingsFromEnv(),
    };
    try {
      const result = await deliverNow(deps, event.auth!, { period, dryRun, resend: body.resend === true, now: new Date() });
      return json<DeliverResponse>(200, result);
    } catch (err) {
      if (err instanceof DeliveryFailedError) {
        throw new ApiError(
          503,
          'mail_unavailable',
          `Chưa gửi được báo cáo tới UBND tỉnh: hệ thống gửi thư (Amazon SES) không nhận thư. Báo cáo chưa được đánh dấu là đã gửi; nhật ký gửi thư ghi lần thử không thành. Vui lòng thử lại sau ít phút (hệ thống cũng tự gửi lại theo lịch). Chi tiết: ${err.message}`,
        );
      }
      if (err instanceof JobBusyError) {
        throw new ApiError(
          409,
          'delivery_in_progress',
          'Một lần gửi báo cáo này đang chạy (có thể do bấm hai lần): chờ một phút rồi tải lại trang để xem kết quả.',
        );
      }
      throw err;
    }
  },
  { roles: ROLES_OF.deliverReport },
);
