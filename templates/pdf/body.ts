/**
 * The report body: headings, justified paragraphs with a 1.27 cm first-line indent, dash lists,
 * and the chart where the model asks for it.
 * flow: render-pdf --> body --> chart
 */
import type { Block, ReportModel } from '../../functions/core/report-model.ts';
import { chartBlock } from './chart.ts';
import type { FontSet } from './fonts.ts';
import { FIRST_LINE_INDENT, SIZE, type Content, type ContentNode } from './pdf-types.ts';
import { upper } from './rule.ts';

/** ≥ 6 pt between paragraphs (decree); line spacing a little over single for legibility. */
const PARAGRAPH_GAP = 6;
const LINE_HEIGHT = 1.1;

/** Longer words (URLs, hostile input) stay breakable so that they cannot overflow the column. */
const MAX_UNBROKEN_WORD = 40;

/**
 * Justified text as one inline per space-separated word. pdfmake breaks lines at every Unicode
 * break opportunity ("184/QĐ-UBND" has three) and justification then widens each of them
 * ("184/ QĐ- UBND"); whole words as noWrap inlines only stretch the spaces.
 */
export function justifiedInlines(text: string): ContentNode[] {
  const tokens = text.match(/\S+\s*/gu) ?? [];
  return tokens.map((t) => (t.trim().length > MAX_UNBROKEN_WORD ? { text: t } : { text: t, noWrap: true }));
}

function paragraph(text: string, extra: ContentNode = {}): ContentNode {
  return {
    text: justifiedInlines(text),
    fontSize: SIZE.body,
    alignment: 'justify',
    leadingIndent: FIRST_LINE_INDENT,
    lineHeight: LINE_HEIGHT,
    margin: [0, 0, 0, PARAGRAPH_GAP],
    ...extra,
  };
}

/** A hard line break inside model text starts a new paragraph, so each gets its indent. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

function blockContent(block: Block, model: ReportModel, fonts: FontSet): Content[] {
  switch (block.type) {
    case 'heading':
      // I. KẾT QUẢ … upper case bold; 1. … bold; a) … regular (Nghị định 30, Phụ lục I).
      if (block.level === 1) return [paragraph(upper(block.text), { bold: true, alignment: 'left', margin: [0, 4, 0, PARAGRAPH_GAP] })];
      if (block.level === 2) return [paragraph(block.text, { bold: true, alignment: 'left' })];
      return [paragraph(block.text)];
    case 'paragraph':
      return lines(block.text).map((l) => paragraph(l));
    case 'bullets':
      // Official documents list with "- ", not with bullet glyphs.
      return block.items.flatMap((item) => lines(item)).map((l) => paragraph(l.startsWith('- ') ? l : `- ${l}`));
    case 'chart':
      return chartBlock(block.title, model, fonts);
  }
}

export function bodyBlocks(model: ReportModel, fonts: FontSet): Content[] {
  return model.body.flatMap((b) => blockContent(b, model, fonts));
}
