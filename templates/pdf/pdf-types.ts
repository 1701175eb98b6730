/**
 * Page geometry and type sizes of the official report (Nghị định 30/2020, Phụ lục I).
 * flow: templates/pdf/* --> pdf-types
 */

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

/** Nghị định 30/2020: top 20, bottom 20, left 30, right 15 mm (left leaves room for binding). */
export const PAGE_MARGINS = { left: 30 * MM, top: 20 * MM, right: 15 * MM, bottom: 20 * MM } as const;

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Width of the text column on a portrait A4 page. */
export const PORTRAIT_WIDTH = A4.width - PAGE_MARGINS.left - PAGE_MARGINS.right;

/** …and on a landscape page (the appendix). */
export const LANDSCAPE_WIDTH = A4.height - PAGE_MARGINS.left - PAGE_MARGINS.right;

/** First-line indent of body paragraphs: 1.27 cm. */
export const FIRST_LINE_INDENT = 12.7 * MM;

export const SIZE = {
  body: 14,
  header: 13,
  motto: 14,
  title: 14,
  recipientsLabel: 12,
  recipients: 11,
  pageNumber: 13,
  table: 11,
  tableHeader: 11,
  chart: 10,
} as const;
