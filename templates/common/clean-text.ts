/**
 * Makes every string of a ReportModel safe to lay out: Unicode NFC, no control characters.
 * flow: render-pdf / render-xlsx --> clean-text --> core/text
 *
 * Decomposed accents (NFD, from macOS copy-paste) render as loose marks in a PDF and compare
 * unequal in a spreadsheet; C0 controls other than line breaks have no glyph (PDF) and are
 * invalid in XML (XLSX, which Excel then offers to "repair").
 */
import type { ReportModel } from '../../functions/core/report-model.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFFFE\uFFFF]/gu;
// A lone surrogate cannot be encoded in UTF-8 XML nor shaped in a PDF.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export interface CleanOptions {
  /** A PDF has no tab stops: a tab becomes a space. A spreadsheet cell keeps it. */
  tabsToSpaces?: boolean;
}

/**
 * Anything any of the replacements below would touch; most strings have none of it. Without the
 * `u` flag on purpose: it tests UTF-16 code units, so any surrogate (a valid pair too) is suspect
 * and takes the exact path, and V8 runs it ~3× faster than the same class in Unicode mode, which
 * must tell lone surrogates from pairs (a fifth of a workbook's CPU time with it). A line feed
 * is not suspect (nothing below changes it; multi-line cells are common), a tab is (tabsToSpaces).
 */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFFFE\uFFFF\uD800-\uDFFF]/;

export function cleanText(value: string, options: CleanOptions = {}): string {
  const nfc = value.normalize('NFC');
  if (!SUSPECT.test(nfc)) return nfc;
  const text = nfc.replace(/\r\n?/gu, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
  return options.tabsToSpaces ? text.replace(/\t/gu, ' ') : text;
}

/** Strings cleaned, keys in NFC (as `nfcDeep` makes them): one pass over the model. */
function cleanDeep<T>(value: T, options: CleanOptions): T {
  if (typeof value === 'string') return cleanText(value, options) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, options)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k.normalize('NFC')] = cleanDeep(v, options);
    return out as T;
  }
  return value;
}

/**
 * A copy of the model with every string cleaned and every key in NFC; the caller's object is left
 * untouched. (cleanText normalises each string itself, so no separate `nfcDeep` pass.)
 */
export function cleanModel(model: ReportModel, options: CleanOptions = {}): ReportModel {
  return cleanDeep(model, options);
}
