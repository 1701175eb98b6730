/**
 * Page numbers centred in the top margin: none on page 1; the appendix (the first landscape
 * page and what follows) numbered on its own from 1, its first page unnumbered too.
 * flow: render-pdf --> page-numbers
 *
 * pdfmake calls the header function for every page in order after layout, with the page's size;
 * the first landscape page is where the appendix starts, so a closure can number it without
 * a second layout pass. The state resets on page 1 because pdfmake may lay out more than once.
 */
import { PAGE_MARGINS, SIZE, type ContentNode } from './pdf-types.ts';

interface PageSize {
  width: number;
  height: number;
  orientation?: 'portrait' | 'landscape';
}

/** Vertical position of the number inside the 20 mm top margin. */
const NUMBER_TOP = 26;

export function pageNumberHeader(): (currentPage: number, pageCount: number, pageSize: PageSize) => ContentNode | null {
  let appendixStart: number | undefined;
  return (currentPage, _pageCount, pageSize) => {
    if (currentPage === 1) appendixStart = undefined;
    const landscape = pageSize.orientation === 'landscape' || pageSize.width > pageSize.height;
    if (landscape && appendixStart === undefined) appendixStart = currentPage;
    const n = appendixStart === undefined ? currentPage : currentPage - appendixStart + 1;
    if (n === 1) return null;
    return {
      text: String(n),
      fontSize: SIZE.pageNumber,
      alignment: 'center',
      margin: [PAGE_MARGINS.left, NUMBER_TOP, PAGE_MARGINS.right, 0],
    };
  };
}
