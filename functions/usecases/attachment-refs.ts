/**
 * The attachments a draft or a submission names, checked against what the bucket keeps for the
 * unit and month (usecases/attachments.ts keeps only files whose content passed the check).
 * flow: submissions use case --> attachment refs --> AttachmentStore port
 */
import { attachmentKey, type AttachmentRef } from '../core/attachment.ts';
import type { SubmissionData } from '../core/submission.ts';
import { UseCaseError } from './errors.ts';
import type { AttachmentObject, AttachmentStore } from './ports.ts';

/** The original file name, kept URI-encoded in the object's metadata (S3 metadata is ASCII). */
export function decodedName(meta: Record<string, string>, fallback: string): string {
  try {
    return meta.name ? decodeURIComponent(meta.name) : fallback;
  } catch {
    return fallback;
  }
}

export function refOf(id: string, o: AttachmentObject): AttachmentRef {
  return { id, name: decodedName(o.metadata, id), size: o.size, contentType: o.contentType ?? 'application/octet-stream' };
}

/**
 * The attachments a draft or submission names, as kept for this unit and month: each must exist
 * under the unit's prefix (checked by its upload), and its size and type are the stored ones, not
 * what the body claims. A name the unit changed is kept. Unknown ids are a 422 on their field.
 */
export async function verifiedAttachments(
  attachments: AttachmentStore | undefined,
  at: { agencyId: string; period: string; unit: string },
  data: SubmissionData,
): Promise<SubmissionData> {
  const named = data.tasks.some((t) => t.attachments?.length);
  if (!named) return data;
  if (!attachments) throw new UseCaseError('invalid', 'attachment_missing', 'Không kiểm tra được tài liệu kèm theo ở đây.');
  const errors: { field: string; message: string }[] = [];
  const tasks = await Promise.all(
    data.tasks.map(async (t, i) => {
      if (!t.attachments?.length) return t;
      const refs = await Promise.all(
        t.attachments.map(async (a, j) => {
          const o = await attachments.head(attachmentKey(at.agencyId, at.period, at.unit, a.id));
          if (!o) {
            errors.push({ field: `data.tasks.${i}.attachments.${j}`, message: `Không tìm thấy tài liệu "${a.name}"; hãy tải lên lại.` });
            return a;
          }
          return { ...refOf(a.id, o), name: a.name };
        }),
      );
      return { ...t, attachments: refs };
    }),
  );
  if (errors.length) throw new UseCaseError('invalid', 'attachment_missing', 'Có tài liệu kèm theo chưa được tải lên hoặc đã bị xoá.', errors);
  return { ...data, tasks };
}
