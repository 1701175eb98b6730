/**
 * The attachment API (usecases/attachments.ts):
 *   POST /api/submissions/{period}/{unit}/attachments               a presigned POST for one file
 *   POST /api/submissions/{period}/{unit}/attachments/{id}/confirm  check what arrived and keep it
 *   GET  /api/attachments/{period}/{unit}/{id}                       a short-lived download link
 * flow: API Gateway --> these handlers --> attachments use case
 */
import { container } from '../adapters/container.ts';
import { attachmentLink, confirmUpload, requestUpload } from '../usecases/attachments.ts';
import { httpHandler } from './handler.ts';
import { ApiError, json, type HttpEvent } from './http.ts';
import type { AttachmentLinkResponse, AttachmentRefResponse, UploadTicketResponse } from './schemas/responses.ts';
import { attachmentIdParam, uploadRequestSchema } from './schemas/attachments.ts';
import { periodParam, unitParam } from './schemas/submission.ts';
import { parseJsonBody } from './validation.ts';
import { ROLES_OF } from './contract/roles.ts';

function params(event: HttpEvent, withId: boolean): { period: string; unit: string; id: string } {
  const period = periodParam.safeParse(event.pathParameters?.period);
  const unit = unitParam.safeParse(event.pathParameters?.unit);
  const id = withId ? attachmentIdParam.safeParse(event.pathParameters?.id) : { success: true as const, data: '' };
  if (!period.success || !unit.success || !id.success) {
    throw new ApiError(404, 'not_found', 'Không tìm thấy: kỳ báo cáo (YYYY-MM), mã đơn vị hoặc mã tài liệu không hợp lệ.');
  }
  return { period: period.data, unit: unit.data, id: id.data };
}

export const uploadHandler = httpHandler(
  async (event) => {
    const { period, unit } = params(event, false);
    const body = parseJsonBody(event, uploadRequestSchema);
    const ticket = await requestUpload(container(), event.auth!, { period, unit, ...body }, new Date());
    return json<UploadTicketResponse>(201, ticket);
  },
  { roles: ROLES_OF.requestAttachmentUpload },
);

export const confirmHandler = httpHandler(
  async (event) => {
    const { period, unit, id } = params(event, true);
    const attachment = await confirmUpload(container(), event.auth!, { period, unit, id }, new Date());
    return json<AttachmentRefResponse>(200, { attachment });
  },
  { roles: ROLES_OF.confirmAttachment },
);

export const downloadHandler = httpHandler(
  async (event) => {
    const { period, unit, id } = params(event, true);
    const { url, ref } = await attachmentLink(container(), event.auth!, { period, unit, id });
    return json<AttachmentLinkResponse>(200, { attachment: ref, url }, { 'cache-control': 'no-store' });
  },
  { roles: ROLES_OF.getAttachment },
);
