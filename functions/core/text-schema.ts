/**
 * The zod schema of a user-entered text, shared by the API's request schemas and the operators'
 * imports (CLI), so a text is cleaned and refused by one rule wherever it enters.
 * flow: api schemas / usecases --> text schema --> core/text + zod
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
import { charCount, cleanInput, isFilledIn, refusedCharacter, tooLongMessage } from './text.ts';

/**
 * A user-entered text as stored: refused when it holds a character of a refused class (control,
 * bidi, tag, noncharacter, private use, damaged encoding — the message says which and where),
 * otherwise cleaned (invisible characters stripped, odd spaces and line breaks made ordinary, NFC,
 * trimmed) and limited to `max` characters counted as a person counts them (code points).
 * `min: 1` means "filled in": at least one letter or digit.
 */
export function text(max: number, opts: { min?: number; label?: string } = {}) {
  const label = opts.label ?? 'Trường này';
  const schema = z
    .string({ error: `${label} phải là chuỗi ký tự.` })
    .transform((s, ctx) => {
      const problem = refusedCharacter(s);
      if (problem) {
        ctx.issues.push({ code: 'custom', input: s, message: `${label} chứa ${problem.name} ở ký tự thứ ${problem.position}: ${problem.advice}.` });
        return z.NEVER;
      }
      return cleanInput(s);
    })
    .refine((s) => charCount(s) <= max, { message: tooLongMessage(label, max) })
    .refine((s) => !opts.min || (opts.min === 1 ? isFilledIn(s) : charCount(s) >= opts.min), {
      message: opts.min === 1 ? `${label} không được để trống (cần có chữ hoặc số).` : `${label} cần ít nhất ${opts.min} ký tự.`,
    });
  // What JSON Schema can say of it, for the OpenAPI document (functions/api/contract/): the
  // lengths (JSON Schema counts code points too); the character classes stay in prose.
  z.globalRegistry.add(schema, { maxLength: max, ...(opts.min ? { minLength: opts.min } : {}) });
  return schema;
}
