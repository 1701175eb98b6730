/**
 * The words of a Nghị định 30/2020 document's frame, as printed: the national name and motto, the
 * upper-cased header lines, "Kính gửi:", the signature's authority lines and "Nơi nhận:". The PDF
 * renderer lays these out; the agency profile page previews them (header-preview.ts) — one text.
 * flow: pdf header / title / signature, header preview --> document lines
 */
import type { Signer } from '../../functions/core/agency.ts';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Upper case the Vietnamese way (the default locale would do, but say so). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** "- UBND tỉnh (b/c);" … "- Lưu: VT, VP." — the model gives the bare lines, the archive line last. */
export function recipientLines(recipients: string[]): string[] {
  const bare = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^-\s*/u, '')
        .replace(/[;.,\s]+$/u, ''),
    )
    .filter(Boolean);
  return bare.map((r, i) => `- ${r}${i === bare.length - 1 ? '.' : ';'}`);
}

/** "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC"; just "GIÁM ĐỐC" when the head signs. */
export function signerLines(signer: Signer): string[] {
  const authority = upper(`${signer.prefix ? `${signer.prefix} ` : ''}${signer.authority}`);
  const title = signer.title ? upper(signer.title) : '';
  return title && title !== upper(signer.authority) ? [authority, title] : [authority];
}

/**
 * "Kính gửi:" as printed: none; one addressee on one line ("Kính gửi: Ủy ban nhân dân tỉnh Bắc
 * Giang."); several as the label followed by one "- …;" line each, the last ending with a full stop.
 */
export function kinhGuiLines(lines: readonly string[]): string[] {
  const names = lines.map((l) => l.trim().replace(/[;.]+$/u, '')).filter(Boolean);
  if (names.length === 0) return [];
  if (names.length === 1) return [`Kính gửi: ${names[0]}.`];
  return ['Kính gửi:', ...names.map((n, i) => `- ${n}${i === names.length - 1 ? '.' : ';'}`)];
}
