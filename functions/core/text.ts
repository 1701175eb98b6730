/**
 * Text hygiene shared by every boundary (API, import, CLI, renderers).
 * flow: boundary --> text (pure)
 *
 * Vietnamese text arrives both precomposed (NFC) and decomposed (NFD, e.g. from macOS
 * copy-paste); decomposed accents render as separate glyphs in PDFs and break equality,
 * so everything is normalised to NFC before it is validated or stored.
 */

/** Unicode NFC, and trims. */
export function nfc(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * Control characters that have no place in a report: C0 (except TAB, LF, CR), DEL, C1, and the
 * bidirectional overrides/isolates that can make text display differently from what is stored.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** True when the text holds a character that must be rejected at the boundary. */
export function hasForbiddenChars(value: string): boolean {
  return FORBIDDEN.test(value);
}

/** Collapses runs of whitespace (including line breaks inside spreadsheet cells) to one space. */
export function squash(value: string): string {
  return nfc(value).replace(/\s+/gu, ' ');
}

/** Deep-normalises every string in a JSON-like value to NFC (keys included). */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k.normalize('NFC')] = nfcDeep(v);
    return out as T;
  }
  return value;
}

/** The text with its Vietnamese diacritics removed, case kept ("Báo cáo Đ" → "Bao cao D"). */
export function stripAccents(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}

/** Lower case with the Vietnamese diacritics removed ("Lãnh đạo" → "lanh dao"). */
export function foldAccents(value: string): string {
  return stripAccents(value.toLowerCase());
}

/** Vietnamese-aware case-insensitive key: NFC, lower case, no diacritics, single spaces. */
export function foldKey(value: string): string {
  return foldAccents(nfc(value))
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}
