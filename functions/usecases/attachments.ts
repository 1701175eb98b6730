/**
 * Attachments to a task's result: the unit asks for an upload (a presigned POST to a key under
 * `uploads/`), the browser sends the file straight to S3, and the confirm step reads what arrived —
 * its size, and its first and last bytes — and keeps it (copied under `attachments/`) only when its
 * content is an accepted kind; anything else is deleted and refused (413, 415). A draft or a
 * submission may name only kept attachments of its own unit and month. Văn phòng, the leaders and
 * the unit itself download them through short-lived links.
 * flow: attachments handlers --> this use case --> core attachment rules + AttachmentStore port
 */
import { randomUUID } from 'node:crypto';
import { canReadUnit, type Principal } from '../core/auth.ts';
import {
  ALLOWED_KINDS_TEXT,
  ATTACHMENT_KINDS,
  attachmentKey,
  kindOfContentType,
  MAX_ATTACHMENT_BYTES,
  sameFamily,
  sizeText,
  SNIFF_BYTES,
  sniffAttachment,
  type AttachmentRef,
} from '../core/attachment.ts';
import { UseCaseError } from './errors.ts';
import type { AttachmentStore } from './ports.ts';
import { decodedName, refOf } from './attachment-refs.ts';
import { monthlyPeriod, writable, type Stores } from './submissions.ts';

export interface AttachmentDeps extends Stores {
  attachments: AttachmentStore;
}

/** How long an upload form stays valid, and a download link. */
export const UPLOAD_SECONDS = 15 * 60;
export const DOWNLOAD_SECONDS = 5 * 60;

/** Where an upload waits for its check: outside `attachments/`, so nothing unchecked is ever served. */
export function uploadKey(agencyId: string, period: string, unit: string, id: string): string {
  return `uploads/${agencyId}/${period}/${unit}/${id}`;
}

const tooLarge = (size: number) =>
  new UseCaseError('too_large', 'attachment_too_large', `Tệp quá lớn (${sizeText(size)}); mỗi tài liệu kèm theo tối đa ${sizeText(MAX_ATTACHMENT_BYTES)}.`, [
    { field: 'size', message: `Tối đa ${sizeText(MAX_ATTACHMENT_BYTES)}.` },
  ]);

const wrongType = (what: string) =>
  new UseCaseError('unsupported', 'attachment_type', `${what} Chỉ nhận tài liệu ${ALLOWED_KINDS_TEXT}.`, [
    { field: 'contentType', message: `Chỉ nhận ${ALLOWED_KINDS_TEXT}.` },
  ]);

export interface UploadRequest {
  period: string;
  unit: string;
  taskId: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface UploadTicket {
  id: string;
  upload: { url: string; fields: Record<string, string> };
  maxBytes: number;
  expiresAt: string;
}

export async function requestUpload(deps: AttachmentDeps, p: Principal, input: UploadRequest, now: Date): Promise<UploadTicket> {
  const { period, unit } = await writable(deps, p, input.unit, input.period, now);
  if (input.size > MAX_ATTACHMENT_BYTES) throw tooLarge(input.size);
  const kind = kindOfContentType(input.contentType);
  if (!kind) throw wrongType(`Loại tệp "${input.contentType}" không được nhận.`);
  const id = randomUUID();
  const upload = await deps.attachments.presignUpload(uploadKey(p.agencyId, period.id, unit.code, id), {
    contentType: ATTACHMENT_KINDS[kind].contentType,
    maxBytes: MAX_ATTACHMENT_BYTES,
    expiresInSeconds: UPLOAD_SECONDS,
    // Names travel URI-encoded: S3 metadata is ASCII.
    metadata: { name: encodeURIComponent(input.fileName), task: input.taskId },
  });
  return { id, upload, maxBytes: MAX_ATTACHMENT_BYTES, expiresAt: new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString() };
}

/**
 * Checks what the browser uploaded and keeps it: the size S3 holds (s3rver does not enforce the
 * POST policy, and a policy is no proof of content) and the kind its bytes show, which must be the
 * family the upload declared. Refused files are deleted before the answer.
 */
export async function confirmUpload(
  deps: AttachmentDeps,
  p: Principal,
  input: { period: string; unit: string; id: string },
  now: Date,
): Promise<AttachmentRef> {
  const { period, unit } = await writable(deps, p, input.unit, input.period, now);
  const from = uploadKey(p.agencyId, period.id, unit.code, input.id);
  const to = attachmentKey(p.agencyId, period.id, unit.code, input.id);
  const object = await deps.attachments.head(from);
  if (!object) {
    const kept = await deps.attachments.head(to);
    // Confirming again what was already kept answers the same (a retried request).
    if (kept) return refOf(input.id, kept);
    throw new UseCaseError('not_found', 'attachment_not_found', 'Không tìm thấy tệp đã tải lên (có thể đã quá 15 phút); hãy chọn và tải tệp lên lại.');
  }
  if (object.size > MAX_ATTACHMENT_BYTES || object.size < 1) {
    await deps.attachments.delete(from);
    if (object.size < 1) throw wrongType('Tệp rỗng.');
    throw tooLarge(object.size);
  }
  const head = await deps.attachments.readRange(from, 0, Math.min(SNIFF_BYTES, object.size) - 1);
  const tail = object.size > SNIFF_BYTES ? await deps.attachments.readRange(from, Math.max(0, object.size - SNIFF_BYTES), object.size - 1) : head;
  const found = sniffAttachment(head, tail);
  const declared = object.contentType ? kindOfContentType(object.contentType) : undefined;
  if (!found || !declared || !sameFamily(found, declared)) {
    await deps.attachments.delete(from);
    throw wrongType(
      found
        ? `Nội dung tệp là ${ATTACHMENT_KINDS[found].label}, không khớp với loại đã khai.`
        : 'Nội dung tệp không phải tài liệu được nhận (tên hoặc đuôi tệp không quyết định loại tệp).',
    );
  }
  const name = decodedName(object.metadata, `tai-lieu-${input.id.slice(0, 8)}`);
  const metadata = { name: encodeURIComponent(name), kind: found, by: p.sub, at: now.toISOString() };
  await deps.attachments.copy(from, to, ATTACHMENT_KINDS[found].contentType, metadata);
  await deps.attachments.delete(from);
  return { id: input.id, name, size: object.size, contentType: ATTACHMENT_KINDS[found].contentType };
}

/** A short-lived download link for one attachment: the unit itself, Văn phòng and the leaders of its agency. */
export async function attachmentLink(
  deps: AttachmentDeps,
  p: Principal,
  input: { period: string; unit: string; id: string },
): Promise<{ url: string; ref: AttachmentRef }> {
  if (p.role === 'ubnd-tinh' || !canReadUnit(p, input.unit)) {
    throw new UseCaseError('forbidden', 'forbidden', 'Bạn không được xem tài liệu của phòng, đơn vị này.');
  }
  const period = monthlyPeriod(input.period);
  const key = attachmentKey(p.agencyId, period.id, input.unit, input.id);
  const o = await deps.attachments.head(key);
  if (!o) throw new UseCaseError('not_found', 'attachment_not_found', 'Không tìm thấy tài liệu kèm theo.');
  const ref = refOf(input.id, o);
  return { url: await deps.attachments.presignGet(key, DOWNLOAD_SECONDS, ref.name), ref };
}
