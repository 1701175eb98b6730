/**
 * A unit's documents attached to a task's result ("tài liệu kèm theo"): which kinds are accepted,
 * how large, where they are kept, and what a file's first bytes say it is. The browser uploads
 * straight to the bucket (a presigned POST whose policy holds the size and the declared type); the
 * server then reads the object's first and last bytes and keeps it only when its content is one of
 * the kinds below (docs/decisions.md, "Attachments: presigned POST, then a check of the content").
 * flow: attachments use case --> attachment (pure)
 */
/** Largest attachment, in bytes: 10 MB (as the presigned POST's content-length-range says). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** At most this many files on one task's result. */
export const MAX_ATTACHMENTS_PER_TASK = 10;
/** Bytes the content check reads from each end of an object (a zip's central directory is at its end). */
export const SNIFF_BYTES = 64 * 1024;

export type AttachmentKind = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'png' | 'jpeg';

/** Each accepted kind: its MIME type (what the browser declares and S3 stores) and its name in messages. */
export const ATTACHMENT_KINDS: Record<AttachmentKind, { contentType: string; label: string }> = {
  pdf: { contentType: 'application/pdf', label: 'PDF' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (.docx)' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (.xlsx)' },
  doc: { contentType: 'application/msword', label: 'Word (.doc)' },
  xls: { contentType: 'application/vnd.ms-excel', label: 'Excel (.xls)' },
  png: { contentType: 'image/png', label: 'ảnh PNG' },
  jpeg: { contentType: 'image/jpeg', label: 'ảnh JPEG' },
};

export const ATTACHMENT_CONTENT_TYPES = Object.values(ATTACHMENT_KINDS).map((k) => k.contentType);

/** What the form's file picker offers (the server decides by content, not by this). */
export const ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg';

export const ALLOWED_KINDS_TEXT = 'PDF, Word (.doc, .docx), Excel (.xls, .xlsx), ảnh PNG hoặc JPEG';

export function kindOfContentType(contentType: string): AttachmentKind | undefined {
  const t = contentType.toLowerCase().split(';')[0]!.trim();
  return (Object.keys(ATTACHMENT_KINDS) as AttachmentKind[]).find((k) => ATTACHMENT_KINDS[k].contentType === t);
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether `needle` occurs in `bytes` (file names in a zip's headers are stored as plain bytes). */
function contains(bytes: Uint8Array, needle: string): boolean {
  const n = ascii(needle);
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * What a file is by its content: its first bytes (`head`) and, for a zip, its last ones (`tail`,
 * where the central directory names every entry). Undefined for anything not accepted — an
 * executable renamed .pdf, a zip that is neither a Word nor an Excel document, a text file.
 */
export function sniffAttachment(head: Uint8Array, tail: Uint8Array = head): AttachmentKind | undefined {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const has = (name: string) => contains(head, name) || contains(tail, name);
    if (has('word/')) return 'docx';
    if (has('xl/')) return 'xlsx';
    return undefined;
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: Word 97–2003 or Excel 97–2003. Its stream names are UTF-16 in the directory.
    const utf16 = (s: string) => [...s].map((c) => `${c}\0`).join('');
    const has = (name: string) => contains(head, utf16(name)) || contains(tail, utf16(name));
    if (has('WordDocument')) return 'doc';
    if (has('Workbook') || has('Book')) return 'xls';
    return undefined;
  }
  return undefined;
}

/** Word and Excel, old and new, are one family each: a .doc declared as .docx is still a Word document. */
const FAMILY: Record<AttachmentKind, string> = { pdf: 'pdf', docx: 'word', doc: 'word', xlsx: 'excel', xls: 'excel', png: 'image', jpeg: 'image' };

export function sameFamily(a: AttachmentKind, b: AttachmentKind): boolean {
  return FAMILY[a] === FAMILY[b];
}

/** Where an attachment's bytes live: under the agency's prefix, by period and unit. */
export function attachmentKey(agencyId: string, period: string, unit: string, id: string): string {
  return `attachments/${agencyId}/${period}/${unit}/${id}`;
}

/** One attachment as a task's entry in a draft or a submission names it (core/attachment-schema.ts checks it). */
export interface AttachmentRef {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

/** "245 KB", "14,2 MB": a size as people read it (Vietnamese decimal comma); emails and the report say it so too. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace('.', ',')} MB`;
}

/** The appendix's line for a task's files: "Tài liệu kèm theo: Biên bản.pdf (1,2 MB); Số liệu.xlsx (20 KB)". */
export function attachmentsLine(files: readonly { name: string; size: number }[]): string {
  return files.length ? `Tài liệu kèm theo: ${files.map((f) => `${f.name} (${sizeText(f.size)})`).join('; ')}` : '';
}
