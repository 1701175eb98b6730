/**
 * Finds and reads the Tinos TTFs once per folder, and gives text measurers for them.
 * flow: render-pdf --> fonts --> templates/fonts/*.ttf
 *
 * The renderer hands pdfkit the files' bytes, never a path, so nothing else is read from disk
 * and nothing fetched. The folder is `BAOCAO_FONT_DIR` when set (a Lambda bundle copies the
 * files next to itself), otherwise `templates/fonts/` beside this source file.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textMeasurer, type MeasureText } from './text-width.ts';

const FILES = {
  normal: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italics: 'Tinos-Italic.ttf',
  bolditalics: 'Tinos-BoldItalic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;

export function fontDir(override?: string): string {
  const dir = override ?? process.env.BAOCAO_FONT_DIR ?? fileURLToPath(new URL('../fonts/', import.meta.url));
  return resolve(dir);
}

export interface FontSet {
  dir: string;
  bytes: Record<FontStyle, Buffer>;
  measure: Record<FontStyle, MeasureText>;
}

const loaded = new Map<string, FontSet>();

/** Reads the four files once per folder; throws a clear error when one is missing. */
export function loadFonts(override?: string): FontSet {
  const dir = fontDir(override);
  const cached = loaded.get(dir);
  if (cached) return cached;
  const files = {} as Record<FontStyle, Buffer>;
  const measure = {} as Record<FontStyle, MeasureText>;
  for (const style of Object.keys(FILES) as FontStyle[]) {
    const path = join(dir, FILES[style]);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      throw new Error(`Không tìm thấy phông chữ ${FILES[style]} trong ${dir} (font file missing; set BAOCAO_FONT_DIR)`, { cause: err });
    }
    files[style] = bytes;
    measure[style] = textMeasurer(bytes);
  }
  const set = { dir, bytes: files, measure };
  loaded.set(dir, set);
  return set;
}
