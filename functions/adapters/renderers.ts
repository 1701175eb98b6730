/**
 * The renderers behind the use cases' Renderers port: PDF in the Nghị định 30 layout and the
 * workbook, on the render pool's worker threads where the process has CPUs for them. Imported only
 * by the functions that render (compile, issue, the jobs), so the others' bundles carry neither
 * pdfkit nor exceljs.
 * flow: compile / issue handlers, jobs --> renderers --> render-pool --> render-pdf, render-xlsx
 */
import { renderFile } from '../../templates/render-pool.ts';
import type { Renderers } from '../usecases/ports.ts';

export const reportRenderers: Renderers = {
  pdf: (model) => renderFile(model, 'pdf'),
  xlsx: (model) => renderFile(model, 'xlsx'),
};
