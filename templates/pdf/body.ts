/**
 * The report body as boxes for the page flow: headings, justified paragraphs with a 1.27 cm
 * first-line indent, dash lists, and the chart where the model asks for it.
 * flow: render-pdf --> body --> chart, render-context --> page-flow
 */
import type { Block, ReportModel } from '../../functions/core/report-model.ts';
import { chartBoxes } from './chart.ts';
import { FIRST_LINE_INDENT, PAGE_MARGINS, PORTRAIT_WIDTH, SIZE } from './pdf-types.ts';
import { Hold, type Box } from './page-flow.ts';
import { paragraphBoxes, type RenderContext } from './render-context.ts';
import { upper } from './rule.ts';
import { typeset, type Run } from './typeset.ts';
import type { FontStyle } from './fonts.ts';

/** ≥ 6 pt between paragraphs (decree); line spacing a little over single for legibility. */
const PARAGRAPH_GAP = 6;
const HEADING_GAP = 4;
const LINE_HEIGHT = 1.1;

/** Longer words (URLs, hostile input) stay breakable so that they cannot overflow the column. */
const MAX_UNBROKEN_WORD = 40;

/**
 * Justified text as one run per space-separated word. Breaking at every Unicode break
 * opportunity ("184/QĐ-UBND" has three) would let justification widen each of them
 * ("184/ QĐ- UBND"); whole words only stretch the spaces.
 */
export function justifiedRuns(text: string, font: FontStyle): Run[] {
  const tokens = text.match(/\S+\s*/gu) ?? [];
  return tokens.map((t) => ({ text: t, font, size: SIZE.body, noWrap: t.trim().length <= MAX_UNBROKEN_WORD }));
}

interface Paragraph {
  text: string;
  font: FontStyle;
  align: 'left' | 'justify';
  gapBefore: number;
  /** A heading keeps at least two lines of what follows on its page. */
  heading: boolean;
}

/** A hard line break inside model text starts a new paragraph, so each gets its indent. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function paragraphs(block: Block): Paragraph[] {
  const plain = (text: string): Paragraph => ({ text, font: 'normal', align: 'justify', gapBefore: 0, heading: false });
  switch (block.type) {
    case 'heading':
      // I. KẾT QUẢ … upper case bold; 1. … bold; a) … regular (Nghị định 30, Phụ lục I).
      if (block.level === 1) return [{ text: upper(block.text), font: 'bold', align: 'left', gapBefore: HEADING_GAP, heading: true }];
      if (block.level === 2) return [{ text: block.text, font: 'bold', align: 'left', gapBefore: 0, heading: true }];
      return [{ ...plain(block.text), heading: true }];
    case 'paragraph':
      return lines(block.text).map(plain);
    case 'bullets':
      // Official documents list with "- ", not with bullet glyphs.
      return block.items.flatMap((item) => lines(item)).map((l) => plain(l.startsWith('- ') ? l : `- ${l}`));
    case 'chart':
      return [];
  }
}

/**
 * The body's last paragraph goes with the signature block: its last line holds on to it as a
 * heading does to its text, and its other lines to each other unless the whole is over a page.
 */
function paragraphBox(p: Paragraph, ctx: RenderContext, lastOfBody: boolean): Box[] {
  const set = typeset(justifiedRuns(p.text, p.font), ctx.measure, {
    width: PORTRAIT_WIDTH,
    align: p.align,
    lineHeight: LINE_HEIGHT,
    firstIndent: FIRST_LINE_INDENT,
  });
  const boxes = paragraphBoxes(ctx, set, PAGE_MARGINS.left, p.gapBefore, PARAGRAPH_GAP, p.heading || lastOfBody ? Hold.Must : Hold.None);
  if (lastOfBody) for (const b of boxes) if (b.hold === Hold.None) b.hold = Hold.Prefer;
  return boxes;
}

/** Lines a heading keeps with it on its page, whichever paragraphs they belong to. */
const KEPT_AFTER_HEADING = 2;

/** The body's boxes, lazily (a 10,000-task body is 1,500 pages), the last paragraph held to the signature. */
export function* bodyBoxes(model: ReportModel, ctx: RenderContext): Generator<Box> {
  const blocks = model.body;
  /** Lines still owed to the last heading: each but the last of them holds on to the next. */
  let owed = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.type === 'chart') {
      owed = 0;
      yield* chartBoxes(block.title, model, ctx);
      continue;
    }
    const ps = paragraphs(block);
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      for (const box of paragraphBox(p, ctx, b === blocks.length - 1 && i === ps.length - 1)) {
        if (!p.heading && owed > 0 && --owed > 0) box.hold = Math.max(box.hold, Hold.Must);
        yield box;
      }
      if (p.heading) owed = KEPT_AFTER_HEADING;
    }
  }
}
