/**
 * Measures the advance width of a string in a TrueType font, read straight from the font's cmap
 * and hmtx tables.
 * flow: render-pdf --> header/title rules --> text-width
 *
 * The decree sizes the rules under the agency name, the motto and the subject relative to the
 * text above them; those widths are read from two tables of the TTF, before any document exists
 * (and the line balancing of titles uses them too). Kerning is ignored: the rules only need to be
 * right to a point or two, and keeping this measure keeps the rules exactly where they were.
 */

interface Metrics {
  unitsPerEm: number;
  advances: Uint16Array;
  glyphOf: (codePoint: number) => number;
}

function tableOffsets(view: DataView): Map<string, number> {
  const out = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    out.set(tag, view.getUint32(at + 8));
  }
  return out;
}

/** A lookup over a cmap subtable of format 4 (BMP) or 12 (full Unicode). */
function cmapLookup(view: DataView, cmap: number): (cp: number) => number {
  const n = view.getUint16(cmap + 2);
  let best: { format: number; at: number } | undefined;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const at = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    if (platform === 3 && encoding === 10 && format === 12) best = { format, at };
    else if (platform === 3 && encoding === 1 && format === 4 && !best) best = { format, at };
  }
  if (!best) throw new Error('font has no Unicode cmap');
  const { format, at } = best;
  if (format === 12) {
    const groups = view.getUint32(at + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const rec = at + 16 + 12 * g;
        const start = view.getUint32(rec);
        const end = view.getUint32(rec + 4);
        if (cp >= start && cp <= end) return view.getUint32(rec + 8) + (cp - start);
      }
      return 0;
    };
  }
  const segX2 = view.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > view.getUint16(ends + s)) continue;
      const start = view.getUint16(starts + s);
      if (cp < start) return 0;
      const delta = view.getUint16(deltas + s);
      const ro = view.getUint16(rangeOffsets + s);
      if (ro === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + s + ro + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function readMetrics(font: Uint8Array): Metrics {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = tableOffsets(view);
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error('not a TrueType font with head, hhea, hmtx and cmap tables');
  }
  const unitsPerEm = view.getUint16(head + 18);
  const longMetrics = view.getUint16(hhea + 34);
  const advances = new Uint16Array(longMetrics);
  for (let i = 0; i < longMetrics; i++) advances[i] = view.getUint16(hmtx + 4 * i);
  const lookup = cmapLookup(view, cmap);
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advances,
    glyphOf: (cp) => {
      let g = cache.get(cp);
      if (g === undefined) {
        g = lookup(cp);
        cache.set(cp, g);
      }
      return g;
    },
  };
}

export type MeasureText = (text: string, fontSize: number) => number;

/** A measuring function for one font file's bytes. */
export function textMeasurer(font: Uint8Array): MeasureText {
  const m = readMetrics(font);
  const last = m.advances.length - 1;
  return (text, fontSize) => {
    let units = 0;
    for (const ch of text.normalize('NFC')) {
      const g = m.glyphOf(ch.codePointAt(0) ?? 0);
      // Glyphs past numberOfHMetrics share the last advance (monospaced tail of the table).
      units += m.advances[Math.min(g, last)] ?? 0;
    }
    return (units / m.unitsPerEm) * fontSize;
  };
}
