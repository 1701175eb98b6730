import { describe, expect, it } from 'vitest';
import { attachmentKey, MAX_ATTACHMENT_BYTES, sameFamily, sizeText, sniffAttachment } from '../../../functions/core/attachment.ts';
import { attachmentRefSchema } from '../../../functions/core/attachment-schema.ts';
import { taskReportSchema } from '../../../functions/core/submission-schema.ts';
import { DOC, docx, EXE, JPEG, PDF, plainZip, PNG, XLS, xlsx } from '../../support/attachment-files.ts';

describe('an attachment is known by its content', () => {
  it('accepts PDF, Word, Excel (old and new), PNG and JPEG by their bytes', async () => {
    expect(sniffAttachment(PDF)).toBe('pdf');
    expect(sniffAttachment(PNG)).toBe('png');
    expect(sniffAttachment(JPEG)).toBe('jpeg');
    expect(sniffAttachment(DOC)).toBe('doc');
    expect(sniffAttachment(XLS)).toBe('xls');
    expect(sniffAttachment(await docx())).toBe('docx');
    expect(sniffAttachment(await xlsx())).toBe('xlsx');
  });

  it('refuses an executable, a zip that is not an Office document, text and nothing', async () => {
    expect(sniffAttachment(EXE)).toBeUndefined();
    expect(sniffAttachment(await plainZip())).toBeUndefined();
    expect(sniffAttachment(new TextEncoder().encode('<html>%PDF-</html>'))).toBeUndefined();
    expect(sniffAttachment(new Uint8Array())).toBeUndefined();
  });

  it('finds a zip entry named only in its central directory (the tail)', async () => {
    const bytes = await xlsx();
    const head = bytes.subarray(0, 4);
    expect(sniffAttachment(head, head)).toBeUndefined();
    expect(sniffAttachment(head, bytes.subarray(bytes.length - 2000))).toBe('xlsx');
  });

  it('groups old and new formats into one family', () => {
    expect(sameFamily('doc', 'docx')).toBe(true);
    expect(sameFamily('xls', 'xlsx')).toBe(true);
    expect(sameFamily('pdf', 'docx')).toBe(false);
    expect(sameFamily('png', 'jpeg')).toBe(true);
  });

  it('keeps attachments under the agency, month and unit', () => {
    expect(attachmentKey('skhcn-bacgiang', '2024-10', 'QLKH', 'abc')).toBe('attachments/skhcn-bacgiang/2024-10/QLKH/abc');
  });

  it('says sizes as people read them', () => {
    expect(sizeText(850 * 1024)).toBe('850 KB');
    expect(sizeText(MAX_ATTACHMENT_BYTES)).toBe('10 MB');
    expect(sizeText(1.25 * 1024 * 1024)).toBe('1,3 MB');
  });
});

describe('attachment references in a task report', () => {
  const ref = { id: '3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a6b', name: 'Biên bản.pdf', size: 1000, contentType: 'application/pdf' };
  const task = { taskId: 'I-2', status: 'dang-thuc-hien', progress: 50 };

  it('takes up to 10 files, each ≤ 10 MB of an accepted type, each once', () => {
    expect(taskReportSchema.parse({ ...task, attachments: [ref] }).attachments).toEqual([ref]);
    const many = Array.from({ length: 11 }, (_, i) => ({ ...ref, id: `3f2b8c1e-7a4d-4e5f-9b6a-1c2d3e4f5a${String(i).padStart(2, '0')}` }));
    expect(taskReportSchema.safeParse({ ...task, attachments: many }).success).toBe(false);
    expect(taskReportSchema.safeParse({ ...task, attachments: [ref, ref] }).success).toBe(false);
    expect(attachmentRefSchema.safeParse({ ...ref, size: MAX_ATTACHMENT_BYTES + 1 }).success).toBe(false);
    expect(attachmentRefSchema.safeParse({ ...ref, contentType: 'application/x-msdownload' }).success).toBe(false);
    expect(attachmentRefSchema.safeParse({ ...ref, id: 'not-a-uuid' }).success).toBe(false);
  });

  it('keeps only the file name: no folders, no control characters, NFC', () => {
    const parsed = attachmentRefSchema.parse({ ...ref, name: 'C:\\Users\\a\\Ke\u0302\u0301 hoa\u0323ch\u200b.pdf' });
    expect(parsed.name).toBe('Kế hoạch.pdf');
    expect(attachmentRefSchema.safeParse({ ...ref, name: '/tmp/' }).success).toBe(false);
  });
});
