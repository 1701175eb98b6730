/**
 * The renderers behind the use cases' Renderers port: PDF in the Nghị định 30 layout and the
 * workbook. Imported only by the functions that render (compile, issue, the jobs), so the others'
 * bundles carry neither pdfmake nor exceljs.
 * flow: compile / issue handlers, jobs --> renderers --> render-pdf, render-xlsx
 */
import type { Renderers } from '../functions/usecases/ports.ts';
import { renderXlsx } from './excel/render-xlsx.ts';
import { renderPdf } from './pdf/render-pdf.ts';

export const reportRenderers: Renderers = {
  pdf: (model) => renderPdf(model),
  xlsx: (model) => renderXlsx(model),
};
