/**
 * Text helpers for the title lines: Vietnamese upper case, the widest line of a text (rules are
 * sized from it), and a long centred title balanced over two lines.
 * flow: header / title / appendix --> rule
 */
export { upper } from '../common/document-lines.ts';

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
