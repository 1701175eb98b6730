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
 * The characters refused at the boundary, class by class (docs/security.md, "Hostile input"). What
 * they have in common: they either make the stored text differ from what a reader sees (controls,
 * bidi overrides, hidden tag text), or they cannot mean anything in an official report and are a
 * sign of damage (noncharacters, private-use glyphs of one font, broken encodings). A person gets a
 * message naming the class and where it is, and can delete it; nothing is silently kept.
 */
const REFUSED: readonly { name: string; pattern: RegExp; advice: string }[] = [
  // C0 (except TAB, LF, CR), DEL and C1.
  // eslint-disable-next-line no-control-regex
  { name: 'ký tự điều khiển', pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u, advice: 'không được phép' },
  // LRM, RLM, ALM, embeddings, overrides and isolates: text that displays in another order than stored.
  { name: 'ký tự đảo chiều văn bản (bidi)', pattern: /\p{Bidi_Control}/u, advice: 'không được phép' },
  // U+E0000–E007F: invisible copies of ASCII ("tag" characters), a way to hide text in plain sight.
  { name: 'ký tự ẩn dạng thẻ (tag)', pattern: /[\u{E0000}-\u{E007F}]/u, advice: 'hãy xoá đoạn văn bản dán vào đó và gõ lại' },
  { name: 'ký tự không dùng trong văn bản (noncharacter, ví dụ U+FFFE, U+FFFF)', pattern: /\p{Noncharacter_Code_Point}/u, advice: 'hãy xoá ký tự đó' },
  // Private use: a glyph only one font knows (Word's Symbol/Wingdings bullets); prints as an empty box.
  {
    name: 'ký tự vùng dùng riêng (Private Use, thường là ký hiệu gạch đầu dòng dán từ Word)',
    pattern: /\p{Co}/u,
    advice: 'ký tự này không in được trong báo cáo; hãy xoá hoặc thay bằng dấu "-"',
  },
  // A lone surrogate (half of a UTF-16 pair) or U+FFFD: text damaged by a wrong encoding somewhere.
  { name: 'ký tự hỏng do lỗi mã hoá (� hoặc nửa cặp UTF-16)', pattern: /[\p{Cs}\uFFFD]/u, advice: 'hãy gõ lại đoạn này' },
];

export interface TextProblem {
  /** What the message calls the class. */
  name: string;
  advice: string;
  /** 1-based position, in characters (code points), of the first one. */
  position: number;
}

const ANY_REFUSED = /* @__PURE__ */ new RegExp(REFUSED.map((r) => r.pattern.source).join('|'), 'u');

/** The first refused character of a text, if any (see REFUSED). */
export function refusedCharacter(value: string): TextProblem | undefined {
  const found = ANY_REFUSED.exec(value);
  if (!found) return undefined;
  const refused = REFUSED.find((r) => r.pattern.test(found[0]))!;
  return { name: refused.name, advice: refused.advice, position: charCount(value.slice(0, found.index)) + 1 };
}

/**
 * Invisible characters that are stripped rather than refused: they arrive innocently with
 * copy-paste (soft hyphens from Word, zero-width spaces and word joiners from web pages, a BOM
 * from Notepad, variation selectors, the combining grapheme joiner, Hangul and other fillers) and
 * a person could not see what to delete. Unicode's Default_Ignorable_Code_Point is exactly "has
 * no visible rendering"; the bidi controls and tag characters among them are refused before this
 * runs. Emoji sequences lose their joiners (👩‍💻 becomes 👩💻): reports are text.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Other spaces (no-break, en/em, ideographic …) and the Braille blank, which shows as one: a plain space. */
const ODD_SPACE = /[\p{Zs}\u2800]/gu;
/** Line and paragraph separators, CR LF and CR: a line feed, the one line break reports know. */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/gu;

/**
 * A user's text as it is stored: invisible characters removed, odd spaces and line breaks made
 * ordinary, NFC, trimmed. Run after refusedCharacter() found nothing.
 */
export function cleanInput(value: string): string {
  return value
    .replace(INVISIBLE, '')
    .replace(LINE_BREAK, '\n')
    .replace(ODD_SPACE, (c) => (c === ' ' ? c : ' '))
    .normalize('NFC')
    .trim();
}

/** Length as a person counts characters (code points): an emoji is one, not two UTF-16 units. */
export function charCount(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

/** The message for a text longer than `max` characters (the API's and the form's). */
export function tooLongMessage(label: string, max: number): string {
  return `${label} dài quá ${max} ký tự.`;
}

/**
 * "Filled in" means it says something: at least one letter or digit once invisible characters
 * are gone. Spaces, punctuation, a Braille blank or a Hangul filler alone are not a name.
 */
export function isFilledIn(value: string | undefined): boolean {
  return value !== undefined && /[\p{L}\p{N}]/u.test(value.replace(INVISIBLE, ''));
}

/**
 * Collapses runs of whitespace (including line breaks inside spreadsheet cells) to one space, and
 * drops invisible characters (soft hyphens and zero-width spaces come with text pasted into plans).
 */
export function squash(value: string): string {
  return nfc(value.replace(INVISIBLE, '')).replace(/\s+/gu, ' ');
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
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D');
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
