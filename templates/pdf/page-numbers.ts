/**
 * Page numbers centred in the top margin: none on a section's first page, so the report is
 * numbered from 2 on its second page, and the appendix on its own from 2 on its second page.
 * flow: render-pdf --> page-flow (each new page) --> page-numbers
 */
import { PAGE_MARGINS, SIZE } from './pdf-types.ts';
import { textLines, type RenderContext } from './render-context.ts';

/** Top of the number's line inside the 20 mm top margin. */
const NUMBER_TOP = 26;

export function drawPageNumber(ctx: RenderContext, n: number, pageWidth: number): void {
  if (n === 1) return;
  const width = pageWidth - PAGE_MARGINS.left - PAGE_MARGINS.right;
  const [line] = textLines(ctx, String(n), { font: 'normal', size: SIZE.pageNumber }, { width, align: 'center' });
  ctx.paint.line(line!, PAGE_MARGINS.left, NUMBER_TOP);
}
