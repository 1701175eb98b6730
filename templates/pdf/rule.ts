/**
 * A centred solid horizontal rule of a given width, drawn as a pdfmake canvas line.
 * flow: header / title --> rule
 */
import type { ContentNode } from './pdf-types.ts';

/**
 * `columnWidth` is the width of the column the rule is centred in. The default gap keeps the
 * rule clear of the dot below "Ệ"/"Ộ" on the line above.
 */
export function centredRule(width: number, columnWidth: number, marginTop = 3, marginBottom = 0): ContentNode {
  const w = Math.min(width, columnWidth);
  const x = (columnWidth - w) / 2;
  return {
    canvas: [{ type: 'line', x1: x, y1: 0, x2: x + w, y2: 0, lineWidth: 0.6, lineColor: 'black' }],
    margin: [0, marginTop, 0, marginBottom],
  };
}

/** Upper case the Vietnamese way (the default locale would do, but say so). */
export function upper(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** The widest of the lines a text is broken into. */
export function widestLine(text: string, measure: (t: string, size: number) => number, size: number): number {
  return Math.max(0, ...text.split('\n').map((l) => measure(l, size)));
}

/**
 * A centred title too long for one line is broken into two lines of similar width ("… tháng 5
 * năm / 2024" leaves an orphan word), as a typist would do by hand.
 */
export function balanceLines(text: string, measure: (t: string, size: number) => number, size: number, width: number): string {
  if (measure(text, size) <= width) return text;
  const words = text.split(/\s+/u).filter(Boolean);
  let best: { at: number; widest: number } | undefined;
  for (let at = 1; at < words.length; at++) {
    const widest = Math.max(measure(words.slice(0, at).join(' '), size), measure(words.slice(at).join(' '), size));
    if (widest <= width && (!best || widest < best.widest)) best = { at, widest };
  }
  // Longer than two lines: let the layout wrap it.
  if (!best) return text;
  return `${words.slice(0, best.at).join(' ')}\n${words.slice(best.at).join(' ')}`;
}
