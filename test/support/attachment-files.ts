/**
 * Files of each kind the attachment check sees (core/attachment.ts): a real Excel workbook (ExcelJS,
 * as the report renderer writes it), a Word-like zip, the first bytes of the others, and impostors.
 * flow: attachment tests --> these builders
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n'));
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
/** A Windows executable's first bytes ("MZ"), as a file renamed .pdf would carry them. */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

function ole(stream: string): Uint8Array {
  const head = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const name = [...Buffer.from(stream, 'utf16le')];
  return new Uint8Array([...head, ...new Array(504).fill(0), ...name, 0, 0]);
}
export const DOC = ole('WordDocument');
export const XLS = ole('Workbook');

export async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Kết quả').addRow(['Nhiệm vụ', 'Tiến độ']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function docx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'uint8array' });
}

/** A zip that is neither Word nor Excel. */
export async function plainZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('setup.exe', 'MZ');
  return zip.generateAsync({ type: 'uint8array' });
}
