/**
 * Measures the advance width of a string in a TrueType font, with fontkit (the font engine pdfkit
 * itself draws with, so the glyph found for a character is the one printed).
 * flow: render-pdf --> header/title rules --> text-width --> fontkit
 *
 * The decree sizes the rules under the agency name, the motto and the subject relative to the
 * text above them; those widths are needed before any document exists (and the line balancing of
 * titles uses them too). Each character's advance is summed without kerning or shaping: the rules
 * only need to be right to a point or two, this is what the pixel test was drawn against, and a
 * per-code-point cache keeps a title's measure to a few map lookups.
 */
import { create, type Font } from 'fontkit';

export type MeasureText = (text: string, fontSize: number) => number;

/** A measuring function for one font file's bytes. */
export function textMeasurer(bytes: Uint8Array): MeasureText {
  const font = create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('glyphForCodePoint' in font)) throw new Error('a font collection was given where one TrueType font was expected');
  const face: Font = font;
  const advances = new Map<number, number>();
  const advanceOf = (cp: number): number => {
    let a = advances.get(cp);
    if (a === undefined) {
      a = face.glyphForCodePoint(cp).advanceWidth;
      advances.set(cp, a);
    }
    return a;
  };
  return (text, fontSize) => {
    let units = 0;
    for (const ch of text.normalize('NFC')) units += advanceOf(ch.codePointAt(0) ?? 0);
    return (units / face.unitsPerEm) * fontSize;
  };
}
